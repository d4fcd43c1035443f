//! The adjudication screen: several annotators' files for the same documents (any importable
//! format, matched by text as `claimmark merge` matches them), merged automatically with a
//! chosen K, then the groups of disagreement one by one, the lowest agreement first, decided by
//! keys ([`super::adjudicate_keys`]) or buttons; the gold set opens as a document of the
//! corpus (one undo step) with a report to download. The session is in
//! [`super::adjudicate_session`]; a group in `adjudicate_group`, the gold set in
//! `adjudicate_gold`.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::adjudicate_gold::GoldPanel;
use super::adjudicate_group::GroupView;
use super::adjudicate_keys::{command, focus, focus_is_lost, Command};
use super::adjudicate_session::{kept, Shared, QUEUE};
use super::files::{file_list, read_files};
use crate::model::merge::default_min_agree;

#[derive(Properties, PartialEq)]
pub struct AdjudicateProps {
    pub on_close: Callback<()>,
    pub on_help: Callback<()>,
}

/// Re-renders the screen after a change to the session.
#[derive(Clone, PartialEq)]
pub struct Bump(UseStateHandle<u64>);

impl Bump {
    pub fn now(&self) {
        self.0.set(*self.0 + 1);
    }
}

/// Reads picked or dropped files into the session, then shows the result.
fn load(files: Vec<web_sys::File>, session: Shared, bump: Bump) {
    wasm_bindgen_futures::spawn_local(async move {
        match read_files(&files).await {
            Ok(inputs) => session.borrow_mut().read(&inputs),
            Err(message) => session.borrow_mut().problems = vec![message],
        }
        bump.now();
    });
}

/// Asks before starting the decisions again, when there are any.
fn may_start_again(session: &Shared) -> bool {
    !session.borrow().has_decisions()
        || web_sys::window()
            .and_then(|w| {
                w.confirm_with_message("Your decisions so far will be lost: merge again?")
                    .ok()
            })
            .unwrap_or(false)
}

#[function_component(AdjudicateView)]
pub fn adjudicate_view(props: &AdjudicateProps) -> Html {
    let session = use_state(kept);
    let revision = use_state(|| 0u64);
    let bump = Bump(revision.clone());
    {
        // Coming back to a session: the queue has the keys at once.
        let session = (*session).clone();
        use_effect_with((), move |_| {
            if session.borrow().queue.is_some() {
                focus(QUEUE);
            }
        });
    }
    {
        let session = (*session).clone();
        use_effect_with(*revision, move |_| {
            let wanted = session.borrow_mut().focus.take();
            match wanted {
                Some(selector) => focus(selector),
                None if focus_is_lost() && session.borrow().queue.is_some() => focus(QUEUE),
                None => {}
            }
        });
    }
    let run = {
        let (session, bump, on_help) = ((*session).clone(), bump.clone(), props.on_help.clone());
        Callback::from(move |command: Command| {
            if command == Command::Help {
                on_help.emit(());
                return;
            }
            session.borrow_mut().run(command);
            bump.now();
        })
    };
    let onkeydown = {
        let run = run.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(found) = command(&event) {
                event.prevent_default();
                run.emit(found);
            }
        })
    };
    let picker = {
        let (session, bump) = ((*session).clone(), bump.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if may_start_again(&session) {
                load(file_list(input.files()), session.clone(), bump.clone());
            }
            input.set_value("");
        })
    };
    let ondrop = {
        let (session, bump) = ((*session).clone(), bump.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            event.stop_propagation();
            if may_start_again(&session) {
                let files = file_list(event.data_transfer().and_then(|d| d.files()));
                load(files, session.clone(), bump.clone());
            }
        })
    };
    let ondragover = Callback::from(|event: DragEvent| {
        event.prevent_default();
        event.stop_propagation();
    });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let shared = (*session).clone();
    let s = session.borrow();
    let queue = s.queue.as_ref().map(|_| {
        html! { <GroupView session={shared.clone()} revision={*revision} run={run.clone()} bump={bump.clone()} /> }
    });
    let gold = s.queue.as_ref().map(|_| {
        html! { <GoldPanel session={shared.clone()} revision={*revision} changes={s.changes} on_opened={props.on_close.clone()} /> }
    });
    html! {
        <main class="review adjudicate" aria-label="Adjudicate" tabindex="-1" data-owns-keys=""
            {onkeydown} {ondrop} {ondragover}>
            <header class="review-head">
                <h1>{ "Adjudicate" }</h1>
                <button type="button" onclick={close}>{ "Back to annotating" }</button>
            </header>
            <LoadPanel session={shared.clone()} revision={*revision} {picker} bump={bump.clone()} />
            { for queue }
            { for gold }
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct LoadProps {
    session: Shared,
    revision: u64,
    picker: Callback<Event>,
    bump: Bump,
}

/// The files, what they hold, K, and what kept them from being read or merged.
#[function_component(LoadPanel)]
fn load_panel(props: &LoadProps) -> Html {
    let s = props.session.borrow();
    let n = s.files.len();
    let remove = |i: usize| {
        let (session, bump) = (props.session.clone(), props.bump.clone());
        Callback::from(move |_| {
            if may_start_again(&session) {
                let mut s = session.borrow_mut();
                s.files.remove(i);
                s.rebuild();
                drop(s);
                bump.now();
            }
        })
    };
    let files = s.files.files().iter().enumerate().map(|(i, f)| {
        let annotations: usize = f.documents.iter().map(|d| d.annotations().len()).sum();
        html! {
            <li>
                <strong dir="auto">{ &f.name }</strong>
                <span class="file-detail" dir="auto">{ format!(" — {}, {} document(s), {annotations} annotation(s) ", f.file, f.documents.len()) }</span>
                <button type="button" class="small" aria-label={format!("Remove {}", f.name)} onclick={remove(i)}>{ "Remove" }</button>
            </li>
        }
    });
    let k = s.min.unwrap_or_else(|| default_min_agree(n));
    let set_min = {
        let (session, bump) = (props.session.clone(), props.bump.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if may_start_again(&session) {
                let mut s = session.borrow_mut();
                s.min = select.value().parse().ok();
                s.rebuild();
            } else {
                select.set_value(&k.to_string());
            }
            bump.now();
        })
    };
    let options = (1..=n).map(|i| {
        let text = if i == default_min_agree(n) {
            format!("{i} of {n} (more than half)")
        } else {
            format!("{i} of {n}")
        };
        html! { <option value={i.to_string()} selected={i == k}>{ text }</option> }
    });
    let problems = s.problems.iter().chain(&s.refused);
    html! {
        <section class="review-load" aria-label="Files">
            <label class="field"><span>{ "Annotators' files: one per annotator, for the same documents (claimmark, W3C, spaCy, doccano, Label Studio, a brat zip)" }</span>
                <input type="file" multiple=true aria-label="Annotators' files" onchange={props.picker.clone()}
                    accept=".json,.jsonl,.ndjson,.jsonld,.zip" /></label>
            if n == 0 {
                <p class="hint">{ "Or drop the files anywhere here. Each annotator is named by their file's annotator field, else the file's name; documents are matched by their text." }</p>
            } else {
                <ul class="loaded-files">{ for files }</ul>
                <label class="field inline"><span>{ "Agreement needed to enter the gold set without a decision (K)" }</span>
                    <select onchange={set_min}>{ for options }</select></label>
            }
            if s.problems.len() + s.refused.len() > 0 {
                <ul class="form-error" role="alert">{ for problems.map(|p| html! { <li dir="auto">{ p }</li> }) }</ul>
            }
        </section>
    }
}
