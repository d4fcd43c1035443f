//! The two forms of a decision that make a new annotation: combining one variant's span with
//! another's label and source ([`CombineForm`]), and the adjudicator's own annotation
//! ([`EditForm`]: label, source, boundaries by word, started from a variant). Both are
//! `data-form`: the screen's keys stay out of them, and Escape closes them.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::adjudicate::Bump;
use super::adjudicate_keys::Command;
use super::adjudicate_session::{Form, Shared};
use crate::model::annotation::{Annotation, Attribution};
use crate::model::boundaries::shorten_end;
use crate::model::snap::{step_word, Edge};
use crate::model::span::Span;

#[derive(Properties, PartialEq)]
pub struct CombineProps {
    pub session: Shared,
    pub bump: Bump,
    pub span: usize,
    pub label: usize,
    pub variants: usize,
}

#[function_component(CombineForm)]
pub fn combine_form(props: &CombineProps) -> Html {
    let choose = |which: &'static str| {
        let (session, bump) = (props.session.clone(), props.bump.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let mut s = session.borrow_mut();
            if let (Form::Combine { span, label }, Ok(n)) = (&mut s.form, select.value().parse()) {
                *(if which == "span" { span } else { label }) = n;
            }
            drop(s);
            bump.now();
        })
    };
    let options = |chosen: usize| {
        (0..props.variants)
            .map(|i| html! { <option value={i.to_string()} selected={i == chosen}>{ format!("variant {}", i + 1) }</option> })
            .collect::<Html>()
    };
    let (span, label) = (props.span, props.label);
    let apply = {
        let (session, bump) = (props.session.clone(), props.bump.clone());
        Callback::from(move |_| {
            session.borrow_mut().combine(span, label);
            bump.now();
        })
    };
    let cancel = cancel(&props.session, &props.bump);
    html! {
        <div class="adjudicate-form" role="group" aria-label="Combine" data-form="">
            <label class="field inline"><span>{ "The span of" }</span><select aria-label="The span of" onchange={choose("span")}>{ options(span) }</select></label>
            <label class="field inline"><span>{ "with the label and source of" }</span><select aria-label="The label and source of" onchange={choose("label")}>{ options(label) }</select></label>
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
                <button type="button" class="primary" onclick={apply}>{ "Combine" }</button>
            </div>
        </div>
    }
}

/// Closes the form and goes back to the queue.
fn cancel<T>(session: &Shared, bump: &Bump) -> Callback<T> {
    let (session, bump) = (session.clone(), bump.clone());
    Callback::from(move |_| {
        session.borrow_mut().run(Command::Back);
        bump.now();
    })
}

#[derive(Properties, PartialEq)]
pub struct EditProps {
    pub session: Shared,
    pub bump: Bump,
    pub annotation: Annotation,
}

#[function_component(EditForm)]
pub fn edit_form(props: &EditProps) -> Html {
    let a = &props.annotation;
    let s = props.session.borrow();
    let Some(merge) = s.queue.as_ref().and_then(|q| q.merge()) else {
        return html! {};
    };
    let change = {
        let (session, bump) = (props.session.clone(), props.bump.clone());
        Callback::from(move |next: Annotation| {
            session.borrow_mut().form = Form::Edit(next);
            bump.now();
        })
    };
    let labels = merge.labels().iter().map(|label| {
        let (change, next) = (change.clone(), Annotation { label: label.id.clone(), ..a.clone() });
        html! {
            <button type="button" class="label-button" style={format!("--label:{}", label.color)}
                aria-pressed={(label.id == a.label).to_string()}
                onclick={Callback::from(move |_| change.emit(next.clone()))}>{ &label.name }</button>
        }
    });
    let on_source = {
        let (change, a) = (change.clone(), a.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let attribution =
                Attribution::named(&input.value()).map(|named| match &a.attribution {
                    Some(old) => Attribution {
                        source: named.source,
                        ..old.clone()
                    },
                    None => named,
                });
            change.emit(Annotation {
                attribution,
                ..a.clone()
            });
        })
    };
    let text = &merge.document().text;
    let step = |edge: Edge, forward: bool, what: &str| {
        let span = a.span;
        let (start, end) = match edge {
            Edge::Start => (step_word(text, span.start(), edge, forward), span.end()),
            Edge::End => (span.start(), step_word(text, span.end(), edge, forward)),
        };
        let moved = Span::new(start, end, text.len())
            .ok()
            .filter(|s| *s != span);
        let (change, a) = (change.clone(), a.clone());
        let onclick = Callback::from(move |_| {
            if let Some(span) = moved {
                change.emit(Annotation {
                    span,
                    fragments: Vec::new(),
                    ..a.clone()
                });
            }
        });
        html! {
            <button type="button" class="step" aria-label={what.to_string()} title={what.to_string()}
                disabled={moved.is_none()} {onclick}>{ if forward { "▶" } else { "◀" } }</button>
        }
    };
    let keep = {
        let (session, bump, a) = (props.session.clone(), props.bump.clone(), a.clone());
        Callback::from(move |_| {
            session.borrow_mut().keep_edited(a.clone());
            bump.now();
        })
    };
    let cancel = cancel(&props.session, &props.bump);
    html! {
        <div class="adjudicate-form" role="group" aria-label="Edit the annotation" data-form="">
            <p class="passage" dir="auto"><mark>{ shorten_end(text.quote(a.span), 300) }</mark></p>
            <div class="label-buttons" role="group" aria-label="Label">{ for labels }</div>
            <label class="field"><span>{ "Source" }</span>
                <input type="text" value={a.source().unwrap_or_default().to_string()} placeholder="unattributed"
                    onchange={on_source} dir="auto" /></label>
            <div class="bounds">
                <span>{ "Start" }</span>
                { step(Edge::Start, false, "Move start one word left") }
                { step(Edge::Start, true, "Move start one word right") }
                <span>{ "End" }</span>
                { step(Edge::End, false, "Move end one word left") }
                { step(Edge::End, true, "Move end one word right") }
                <span class="offsets">{ format!("{}–{}", a.span.start(), a.span.end()) }</span>
            </div>
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
                <button type="button" class="primary" onclick={keep}>{ "Keep this annotation" }</button>
            </div>
        </div>
    }
}
