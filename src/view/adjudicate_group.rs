//! One group of disagreeing annotations on the adjudication screen: where it stands in the
//! queue, its passage, its variants side by side (quote with context, label, source, mention,
//! cue, note, remarks, who), and the decision: note, reason, pick, reject all, combine, edit,
//! reopen. Every button runs the same command as its key.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::adjudicate::Bump;
use super::adjudicate_edit::{CombineForm, EditForm};
use super::adjudicate_keys::Command;
use super::adjudicate_session::{Form, Shared};
use crate::model::annotation::{Annotation, Label};
use crate::model::boundaries::shorten_end;
use crate::model::merge::{context, Adjudication, Decision, Merge, Variant};
use crate::model::provenance::Reason;
use crate::model::text::Text;

#[derive(Properties, PartialEq)]
pub struct GroupProps {
    pub session: Shared,
    pub revision: u64,
    pub run: Callback<Command>,
    pub bump: Bump,
}

/// A label's name and colour (grey for an unknown id).
fn label_of<'a>(labels: &'a [Label], annotation: &'a Annotation) -> (&'a str, &'a str) {
    labels
        .iter()
        .find(|l| l.id == annotation.label)
        .map_or((annotation.label.as_str(), "#777777"), |l| {
            (&l.name, &l.color)
        })
}

/// A span quoted with a little context: `…before «quote» after…`.
fn quoted(text: &Text, start: usize, end: usize, around: usize) -> Html {
    let c = context(text, start, end, around);
    html! {
        <p class="passage" dir="auto">
            <span class="context">{ c.before }</span><mark>{ shorten_end(&c.quote, 400) }</mark><span class="context">{ c.after }</span>
        </p>
    }
}

/// What a decision keeps, in words.
fn described(merge: &Merge, decision: &Decision, kept: &[Annotation]) -> String {
    let text = &merge.document().text;
    let what = if kept.is_empty() {
        "rejected every variant".to_string()
    } else {
        let kept: Vec<String> = kept
            .iter()
            .map(|a| {
                let (label, _) = label_of(merge.labels(), a);
                let source = a.source().unwrap_or("unattributed");
                let quote = shorten_end(text.quote(a.span), 80);
                format!("{label} “{quote}” ({source})")
            })
            .collect();
        format!("kept {}", kept.join("; "))
    };
    let reason = decision
        .reason
        .map(|r| format!(" · reason: {}", r.name()))
        .unwrap_or_default();
    let note = match decision.note.as_str() {
        "" => String::new(),
        note => format!(" · note: {note}"),
    };
    format!("Decided: {what}{reason}{note}")
}

/// One variant as a card, with its key and pick button.
fn variant_card(merge: &Merge, index: usize, variant: &Variant, run: &Callback<Command>) -> Html {
    let a = &variant.annotation;
    let text = &merge.document().text;
    let (label, color) = label_of(merge.labels(), a);
    let part = |span: Option<crate::model::Span>| span.map(|s| shorten_end(text.quote(s), 60));
    let attribution = a.attribution.as_ref();
    let rows = [
        (
            "Source",
            Some(a.source().unwrap_or("unattributed").to_string()),
        ),
        ("Mention", part(attribution.and_then(|at| at.mention))),
        ("Cue", part(attribution.and_then(|at| at.cue))),
        (
            "Pieces",
            (!a.fragments.is_empty()).then(|| a.fragments.len().to_string()),
        ),
        ("Note", (!a.note.is_empty()).then(|| a.note.clone())),
        (
            "Merge",
            (!variant.remarks.is_empty()).then(|| variant.remarks.join("; ")),
        ),
    ];
    let rows = rows.into_iter().filter_map(|(name, value)| {
        value.map(|v| html! { <><dt>{ name }</dt><dd dir="auto">{ v }</dd></> })
    });
    let who = variant.names(merge.names()).join(", ");
    let n = merge.names().len();
    let pick = {
        let run = run.clone();
        Callback::from(move |_| run.emit(Command::Pick(index)))
    };
    html! {
        <li class="variant" style={format!("--label:{color}")}>
            <div class="variant-head">
                <kbd class="key-hint">{ index + 1 }</kbd>
                <span class="badge">{ label }</span>
                <span class="who" dir="auto">{ format!("{who} · {} of {n}", variant.agreement()) }</span>
            </div>
            { quoted(text, a.span.start(), a.span.end(), 24) }
            <dl class="variant-details">{ for rows }</dl>
            <button type="button" class="pick" onclick={pick}
                aria-label={format!("Pick variant {} ({label}, {who})", index + 1)}>{ format!("Pick {}", index + 1) }</button>
        </li>
    }
}

/// A button that runs `command`, showing its key.
fn command_button(run: &Callback<Command>, command: Command, label: &str, key: &str) -> Html {
    let run = run.clone();
    html! {
        <button type="button" onclick={Callback::from(move |_| run.emit(command))} aria-keyshortcuts={key.to_string()}>
            { label }<kbd class="key-hint">{ key }</kbd>
        </button>
    }
}

/// Where the queue stands: "Group 3 of 12 · 5 open · document 2 of 4: Title".
fn place(queue: &Adjudication, document: usize) -> String {
    let documents = queue.merges().len();
    let which = match documents {
        1 => String::new(),
        _ => {
            let title = &queue.merges()[document].document().title;
            format!(" · document {} of {documents}: {title}", document + 1)
        }
    };
    let (at, of, open) = (queue.position() + 1, queue.len(), queue.open());
    format!("Group {at} of {of} · {open} open{which}")
}

#[function_component(GroupView)]
pub fn group_view(props: &GroupProps) -> Html {
    let s = props.session.borrow();
    let Some(queue) = s.queue.as_ref() else {
        return html! {};
    };
    let Some((document, group)) = queue.current() else {
        return html! {
            <section class="queue" aria-label="Disagreements" tabindex="0">
                <p class="all-agreed">{ "No disagreements: every annotation is agreed on (or the files hold none)." }</p>
            </section>
        };
    };
    let merge = &queue.merges()[document];
    let text = &merge.document().text;
    let run = &props.run;
    let names = merge.names();
    let silent: Vec<&str> = group
        .silent(names.len())
        .iter()
        .map(|&i| names[i].as_str())
        .collect();
    let decided = queue
        .decision()
        .map(|d| described(merge, d, &queue.preview(d).unwrap_or_default()));
    let form = match &s.form {
        Form::None => html! {},
        Form::Combine { span, label } => html! {
            <CombineForm session={props.session.clone()} bump={props.bump.clone()} span={*span} label={*label}
                variants={group.variants.len()} />
        },
        Form::Edit(annotation) => html! {
            <EditForm session={props.session.clone()} bump={props.bump.clone()} annotation={annotation.clone()} />
        },
    };
    let about = format!(
        "{} variant(s); at most {} of {} annotators agree here.",
        group.variants.len(),
        group.agreement(),
        names.len()
    );
    html! {
        <section class="queue" aria-label="Disagreements" tabindex="0" key={format!("{document}-{}", group.number)}>
            <div class="queue-head">
                <h2 dir="auto">{ place(queue, document) }</h2>
                <nav class="queue-nav" aria-label="Groups">
                    { command_button(run, Command::Step(-1), "Previous", "K") }
                    { command_button(run, Command::Step(1), "Next", "J") }
                </nav>
            </div>
            { quoted(text, group.start, group.end, 80) }
            <p class="hint" dir="auto">{ about }
                if !silent.is_empty() { { format!(" {} marked nothing here.", silent.join(", ")) } }
            </p>
            <ol class="variants">{ for group.variants.iter().enumerate().map(|(i, v)| variant_card(merge, i, v, run)) }</ol>
            <DecisionPanel session={props.session.clone()} revision={props.revision} run={run.clone()} decided={decided.is_some()} />
            { form }
            if let Some(error) = &s.error { <p class="form-error" role="alert">{ error }</p> }
            if let Some(decided) = decided { <p class="decided" role="status" dir="auto">{ decided }</p> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DecisionProps {
    session: Shared,
    revision: u64,
    run: Callback<Command>,
    /// Whether the group is decided (it can be reopened).
    decided: bool,
}

/// The decision's note and reason, and the decisions that are not a pick.
#[function_component(DecisionPanel)]
fn decision_panel(props: &DecisionProps) -> Html {
    let s = props.session.borrow();
    let on_note = {
        let session = props.session.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            session.borrow_mut().note = area.value();
        })
    };
    let on_reason = {
        let session = props.session.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            session.borrow_mut().reason = Reason::from_id(&select.value()).ok();
        })
    };
    let reasons = Reason::ALL.iter().map(|r| {
        html! { <option value={r.id()} selected={s.reason == Some(*r)}>{ r.name() }</option> }
    });
    let run = &props.run;
    html! {
        <div class="decide" role="group" aria-label="Decision">
            <label class="field"><span>{ "Note for this decision" }<kbd class="key-hint">{ "N" }</kbd></span>
                <textarea class="decision-note" rows="2" value={s.note.clone()} oninput={on_note} dir="auto" /></label>
            <label class="field"><span>{ "Reason" }</span>
                <select class="decision-reason" onchange={on_reason}>
                    <option value="" selected={s.reason.is_none()}>{ "(none)" }</option>
                    { for reasons }
                </select></label>
            <div class="decide-actions">
                { command_button(run, Command::Reject, "Reject all", "R") }
                { command_button(run, Command::Combine, "Combine…", "C") }
                { command_button(run, Command::Edit, "Edit…", "E") }
                if props.decided { { command_button(run, Command::Reopen, "Reopen", "U") } }
            </div>
        </div>
    }
}
