//! The student's side of an exercise: the start dialog (instructions, labels, name) and the
//! exercise panel (check my work with the key's explanations when the teacher allows them,
//! export the submission).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::dialogs::Modal;
use super::files::download;
use super::hooks::check_marks::{mark_name, use_checks};
use super::store::{use_store, Msg, NoticeKind};
use crate::model::boundaries::shorten_end;
use crate::model::exercise::Exercise;
use crate::model::formats::{native, safe_stem};
use crate::model::metrics::score;
use crate::model::review::Check;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub exercise: Rc<Exercise>,
    /// Called with the student's name.
    pub on_start: Callback<String>,
    /// The student's name and annotation count when their work on this exercise is here
    /// already (a returning student).
    #[prop_or_default]
    pub returning: Option<(String, usize)>,
    pub on_close: Callback<()>,
}

#[function_component(StudentStartDialog)]
pub fn student_start_dialog(props: &StartProps) -> Html {
    let name = use_node_ref();
    let error = use_state(|| false);
    let exercise = &props.exercise;
    let onsubmit = {
        let (name, error, on_start) = (name.clone(), error.clone(), props.on_start.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let value = name
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if value.trim().is_empty() {
                error.set(true);
            } else {
                on_start.emit(value.trim().to_string());
            }
        })
    };
    let labels = exercise.material.labels.iter().map(|l| html! {
        <li><span class="badge" style={format!("--label:{}", l.color)}>{ &l.name }</span>{ " " }{ &l.description }</li>
    });
    if let Some((who, count)) = &props.returning {
        let resume = {
            let (on_start, who) = (props.on_start.clone(), who.clone());
            Callback::from(move |_| on_start.emit(who.clone()))
        };
        let work = match count {
            0 => "your work is here".to_string(),
            1 => "your 1 annotation is here".to_string(),
            n => format!("your {n} annotations are here"),
        };
        return html! {
            <Modal title="Exercise" on_close={props.on_close.clone()}>
                <h3>{ &exercise.material.document.title }</h3>
                <p class="welcome">{ if who.is_empty() { format!("Welcome back: {work}.") } else { format!("Welcome back, {who}: {work}.") } }</p>
                if !exercise.instructions.is_empty() { <p class="instructions">{ &exercise.instructions }</p> }
                <ul class="help-labels">{ for labels }</ul>
                <div class="actions"><button type="button" class="primary" onclick={resume}>{ "Continue" }</button></div>
            </Modal>
        };
    }
    html! {
        <Modal title="Exercise" on_close={props.on_close.clone()}>
            <h3>{ &exercise.material.document.title }</h3>
            if !exercise.instructions.is_empty() { <p class="instructions">{ &exercise.instructions }</p> }
            <ul class="help-labels">{ for labels }</ul>
            <form onsubmit={onsubmit}>
                <label class="field">
                    <span>{ "Your name (it goes into your submission)" }</span>
                    <input ref={name} type="text" autocomplete="name" />
                </label>
                if *error { <p class="form-error" role="alert">{ "Please type your name." }</p> }
                <div class="actions"><button type="submit" class="primary">{ "Start" }</button></div>
            </form>
        </Modal>
    }
}

/// Shown above the annotation list when the document belongs to an exercise.
#[function_component(ExercisePanel)]
pub fn exercise_panel() -> Html {
    let store = use_store();
    let editor = store.editor();
    let workspace = editor.workspace();
    let checks = use_checks(&store, workspace);
    let Some(link) = workspace.exercise.clone() else {
        return html! {};
    };
    // The exercise as the student started it, with its answer key (held by the store).
    let key = store.exercise_of(&link).cloned();
    let export = {
        let store = store.clone();
        Callback::from(move |_| {
            let (name, contents) = {
                let editor = store.editor();
                let ws = editor.workspace();
                let who = if ws.annotator.is_empty() {
                    "submission".to_string()
                } else {
                    ws.annotator.clone()
                };
                (
                    format!(
                        "{} — {}.claimmark.json",
                        safe_stem(&ws.document.title),
                        safe_stem(&who)
                    ),
                    native::export(ws),
                )
            };
            let notice = match download(&name, "application/json", contents.as_bytes()) {
                Ok(()) => (
                    NoticeKind::Info,
                    format!("Exported {name}: hand it in to your teacher"),
                ),
                Err(message) => (NoticeKind::Error, format!("Export failed: {message}")),
            };
            store.dispatch(Msg::Notify(notice.0, notice.1));
        })
    };
    let toggle_check = {
        let store = store.clone();
        let checking = store.checking;
        Callback::from(move |_| store.dispatch(Msg::SetChecking(!checking)))
    };
    let can_check = link.allow_check && key.as_deref().is_some_and(Exercise::has_key);
    let results = key.filter(|_| store.checking && can_check).map(|key| {
        let s = score(&key.material, workspace);
        let percent = |v: f64| format!("{:.0}%", v * 100.0);
        let optional = |v: Option<f64>| v.map_or("—".to_string(), percent);
        let sentences = s.explained().into_iter().map(|line| html! { <li>{ line }</li> });
        let explained: Vec<&Check> = checks.iter().filter(|c| !c.explanation.is_empty()).collect();
        let explanations = explained.iter().map(|check| {
            let quote = shorten_end(workspace.document.text.slice(check.start, check.end), 60);
            let (store, at) = (store.clone(), check.start);
            let show = Callback::from(move |_| store.dispatch(Msg::ScrollTo(at)));
            html! {
                <li>
                    <span class="mark-name">{ mark_name(check.mark) }</span>
                    <button type="button" class="link-button" onclick={show}><q dir="auto">{ quote }</q></button>
                    <p class="explanation" dir="auto">{ &check.explanation }</p>
                </li>
            }
        });
        html! {
            <div class="check-results" role="status">
                <ul class="score-sentences">{ for sentences }</ul>
                <dl class="scores">
                    <dt>{ "Relaxed F1" }</dt><dd>{ percent(s.relaxed.f1) }</dd>
                    <dt>{ "Exact F1" }</dt><dd>{ percent(s.exact.f1) }</dd>
                    <dt>{ "Labels right" }</dt><dd>{ optional(s.label_accuracy) }</dd>
                    <dt>{ "Sources right" }</dt><dd>{ optional(s.attribution_accuracy) }</dd>
                </dl>
                if !explained.is_empty() {
                    <h3 class="explanations-title">{ "What the key explains" }</h3>
                    <ul class="explanations" aria-label="What the key explains">{ for explanations }</ul>
                }
                <p class="hint">
                    <span class="mark-sample is-missed">{ "missed" }</span>{ " spans of the key you have not marked; " }
                    <span class="mark-sample is-extra">{ "extra" }</span>{ " spans the key does not have; " }
                    <span class="mark-sample is-wrong-label">{ "wrong label" }</span>{ " and " }
                    <span class="mark-sample is-wrong-source">{ "wrong source" }</span>{ " on spans you found." }
                </p>
            </div>
        }
    });
    html! {
        <section class="exercise-panel" aria-label="Exercise">
            <h2 class="panel-title">{ "Exercise" }</h2>
            if !workspace.annotator.is_empty() { <p class="annotator">{ format!("Annotator: {}", workspace.annotator) }</p> }
            if !link.instructions.is_empty() { <p class="instructions">{ &link.instructions }</p> }
            <div class="exercise-actions">
                if can_check {
                    <button type="button" onclick={toggle_check} aria-pressed={store.checking.to_string()}>
                        { if store.checking { "Hide check" } else { "Check my work" } }
                    </button>
                }
                <button type="button" class="primary" onclick={export}>{ "Export submission" }</button>
            </div>
            { for results }
        </section>
    }
}
