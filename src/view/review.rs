//! The teacher's review screen: load the answer key and the submissions (pickers or drop),
//! then see scores, agreement, the compared text and the per-source chart.

use std::rc::Rc;

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use super::files::{download, file_list, read_files};
use super::review_parts::{AgreementTable, ComparisonText, ScoreTable, SourceChart};
use super::store::use_store;
use crate::model::exercise;
use crate::model::formats::{self, InputFile};
use crate::model::review::{Annotator, Review};

#[derive(Clone, Default, PartialEq)]
struct Loaded {
    key: Option<Annotator>,
    submissions: Vec<Annotator>,
    problems: Vec<String>,
}

/// Which loaded role a file is meant for.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Key,
    Submission,
    /// Dropped: an exercise file or an "Answer key" annotator is the key, the rest submissions.
    Guess,
}

fn stem(name: &str) -> String {
    let name = name.strip_suffix(".json").unwrap_or(name);
    name.strip_suffix(".claimmark").unwrap_or(name).to_string()
}

/// Reads one file as an annotator, or says why not.
fn annotator_of(file: &InputFile) -> Result<(Annotator, bool), String> {
    if let Ok(ex) = std::str::from_utf8(&file.bytes)
        .map_err(|_| ())
        .and_then(|t| exercise::import(t).map_err(|_| ()))
    {
        let name = "Answer key".to_string();
        return Ok((
            Annotator {
                name,
                workspace: ex.material,
            },
            true,
        ));
    }
    let report = formats::import(std::slice::from_ref(file), &[]).map_err(|e| e.to_string())?;
    match <[_; 1]>::try_from(report.documents) {
        Ok([workspace]) => {
            let is_key = workspace.annotator.eq_ignore_ascii_case("answer key");
            let name = if workspace.annotator.is_empty() {
                stem(&file.name)
            } else {
                workspace.annotator.clone()
            };
            Ok((Annotator { name, workspace }, is_key))
        }
        Err(documents) => Err(format!(
            "holds {} documents; a submission is one document",
            documents.len()
        )),
    }
}

fn load(files: Vec<File>, role: Role, loaded: UseStateHandle<Loaded>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut next = (*loaded).clone();
        next.problems.clear();
        match read_files(&files).await {
            Err(message) => next.problems.push(message),
            Ok(inputs) => {
                for input in &inputs {
                    match annotator_of(input) {
                        Err(message) => next.problems.push(format!("{}: {message}", input.name)),
                        Ok((annotator, looks_like_key)) => {
                            if role == Role::Key || (role == Role::Guess && looks_like_key) {
                                next.key = Some(annotator);
                            } else {
                                next.submissions.retain(|s| s.name != annotator.name);
                                next.submissions.push(annotator);
                            }
                        }
                    }
                }
            }
        }
        loaded.set(next);
    });
}

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub on_close: Callback<()>,
}

#[function_component(ReviewView)]
pub fn review_view(props: &ReviewProps) -> Html {
    let store = use_store();
    let loaded = use_state(Loaded::default);
    let picker = |role: Role| {
        let loaded = loaded.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            load(file_list(input.files()), role, loaded.clone());
            input.set_value("");
        })
    };
    let use_open_document = {
        let (store, loaded) = (store.clone(), loaded.clone());
        Callback::from(move |_| {
            let workspace = store.editor().workspace().clone();
            let mut next = (*loaded).clone();
            next.key = Some(Annotator {
                name: "Answer key".into(),
                workspace,
            });
            loaded.set(next);
        })
    };
    let ondrop = {
        let loaded = loaded.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            event.stop_propagation();
            load(
                file_list(event.data_transfer().and_then(|d| d.files())),
                Role::Guess,
                loaded.clone(),
            );
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

    let review = loaded
        .key
        .clone()
        .filter(|_| !loaded.submissions.is_empty())
        .map(|key| Review::new(key, loaded.submissions.clone()));
    let problems: Vec<String> = loaded
        .problems
        .iter()
        .cloned()
        .chain(match &review {
            Some(Err(problems)) => problems
                .iter()
                .map(|p| format!("{}: {}", p.at, p.message))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let results = match review {
        Some(Ok(review)) => {
            let review = Rc::new(review);
            let csv = {
                let review = review.clone();
                Callback::from(move |_| {
                    let _ = download("scores.csv", "text/csv", review.scores_csv().as_bytes());
                })
            };
            html! {
                <>
                    <section aria-label="Scores"><h2>{ "Scores against the key" }</h2>
                        <ScoreTable review={review.clone()} />
                        <button type="button" onclick={csv}>{ "Download CSV" }</button>
                    </section>
                    <section aria-label="Agreement"><h2>{ "Agreement" }</h2><AgreementTable review={review.clone()} /></section>
                    <section aria-label="Sources"><h2>{ "Who is said to claim, allege, propose" }</h2><SourceChart review={review.clone()} /></section>
                    <section aria-label="Compared text"><h2>{ "The text, compared" }</h2><ComparisonText review={review} /></section>
                </>
            }
        }
        _ => {
            html! { <p class="hint">{ "Load the answer key and at least one submission to see scores and agreement." }</p> }
        }
    };
    let key_name = loaded.key.as_ref().map(|k| {
        format!(
            "{} on “{}”, {} annotation(s)",
            k.name,
            k.workspace.document.title,
            k.workspace.annotations().len()
        )
    });
    let submissions: Vec<String> = loaded
        .submissions
        .iter()
        .map(|s| format!("{} ({})", s.name, s.workspace.annotations().len()))
        .collect();
    html! {
        <main class="review" aria-label="Review" {ondrop} {ondragover}>
            <header class="review-head">
                <h1>{ "Review" }</h1>
                <button type="button" onclick={close}>{ "Back to annotating" }</button>
            </header>
            <section class="review-load" aria-label="Files">
                <div class="load-row">
                    <label class="field"><span>{ "Answer key (exercise file or claimmark JSON)" }</span>
                        <input type="file" accept=".json" aria-label="Answer key" onchange={picker(Role::Key)} /></label>
                    <button type="button" onclick={use_open_document}>{ "Use the open document as the key" }</button>
                </div>
                <p class="loaded">{ key_name.unwrap_or_else(|| "No key loaded.".into()) }</p>
                <label class="field"><span>{ "Submissions (several at once)" }</span>
                    <input type="file" accept=".json" multiple=true aria-label="Submissions" onchange={picker(Role::Submission)} /></label>
                <p class="loaded">{ if submissions.is_empty() { "No submissions loaded.".to_string() } else { submissions.join(", ") } }</p>
                <p class="hint">{ "Or drop files anywhere here: an exercise file or a file whose annotator is “Answer key” becomes the key." }</p>
                if !problems.is_empty() {
                    <ul class="form-error" role="alert">{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                }
            </section>
            { results }
        </main>
    }
}
