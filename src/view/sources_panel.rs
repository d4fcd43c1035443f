//! The Sources tab: every source of the document with its aliases, how many claims,
//! allegations and proposals it makes, its linked mentions, and ways to rename it, edit its
//! aliases, merge it into another and step through its annotations; then names found in the
//! text that are not sources yet, one click to add. The forms are in [`super::source_forms`].

use std::rc::Rc;

use yew::prelude::*;

use super::source_forms::{apply, AliasesForm, Editing, MergeForm, RenameForm};
use super::store::{use_store, Msg, StoreHandle};
use crate::model::names::capitalised_names;
use crate::model::sources::{self, Candidate, SourceEdit, SourceSummary};
use crate::model::Label;

/// Names suggested from the text at most.
const CANDIDATES: usize = 12;

#[derive(Properties, PartialEq)]
struct SourceRowProps {
    summary: SourceSummary,
    labels: Rc<Vec<Label>>,
    /// Names of the other sources (merge targets).
    others: Rc<Vec<String>>,
    editing: Option<Editing>,
    on_edit: Callback<Option<Editing>>,
}

#[function_component(SourceRow)]
fn source_row(props: &SourceRowProps) -> Html {
    let store = use_store();
    let step = use_state(|| None::<usize>);
    let summary = &props.summary;
    let name = summary.name.clone();
    let count = summary.annotations.len();

    let jump = |forward: bool| {
        let (store, step, ids) = (store.clone(), step.clone(), summary.annotations.clone());
        Callback::from(move |_| {
            if ids.is_empty() {
                return;
            }
            let next = match (*step, forward) {
                (None, true) => 0,
                (None, false) => ids.len() - 1,
                (Some(i), true) => (i + 1) % ids.len(),
                (Some(i), false) => (i + ids.len() - 1) % ids.len(),
            };
            step.set(Some(next));
            store.dispatch(Msg::Reveal(ids[next].clone()));
        })
    };
    let edit = |what: Editing| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_| on_edit.emit(Some(what.clone())))
    };
    // The distinct words its linked mentions use ("Zakharova", "She").
    let mentions: Vec<String> = {
        let editor = store.editor();
        let text = &editor.workspace().document.text;
        let mut quotes: Vec<String> = Vec::new();
        for span in &summary.mentions {
            let quote = format!("“{}”", text.quote(*span));
            if !quotes.contains(&quote) {
                quotes.push(quote);
            }
        }
        quotes
    };
    let counts = props
        .labels
        .iter()
        .zip(&summary.counts)
        .filter(|(_, n)| **n > 0)
        .map(|(label, n)| {
            html! {
                <span class="badge" style={format!("--label:{}", label.color)}
                    title={format!("{n} {}", label.name)}>{ format!("{} {n}", label.name) }</span>
            }
        });
    let form = match &props.editing {
        Some(Editing::Rename(_)) => html! {
            <RenameForm name={name.clone()} on_edit={props.on_edit.clone()} />
        },
        Some(Editing::Aliases(_)) => html! {
            <AliasesForm name={name.clone()} aliases={summary.aliases.clone()} on_edit={props.on_edit.clone()} />
        },
        Some(Editing::Merge(_)) => html! {
            <MergeForm name={name.clone()} others={props.others.clone()} on_edit={props.on_edit.clone()} />
        },
        None => html! {},
    };
    html! {
        <li class="source">
            <div class="source-head">
                <span class="source-name">{ &summary.name }</span>
                if !summary.registered {
                    <span class="source-kind" title="Used in attributions; not in the registry yet">{ "from attributions" }</span>
                }
            </div>
            if !summary.aliases.is_empty() {
                <p class="source-aliases">{ format!("also: {}", summary.aliases.join(", ")) }</p>
            }
            <p class="source-counts">
                { for counts }
                if count == 0 { <span class="muted">{ "no annotations yet" }</span> }

            </p>
            if !mentions.is_empty() {
                <p class="source-mentions">{ format!("named in the text as {}", mentions.join(", ")) }</p>
            }
            <div class="source-actions">
                <button type="button" class="small" disabled={count == 0} onclick={jump(false)}
                    aria-label={format!("Previous annotation by {name}")}>{ "◀" }</button>
                <span class="step-at">{ step.filter(|i| *i < count).map_or(format!("{count}"), |i| format!("{}/{count}", i + 1)) }</span>
                <button type="button" class="small" disabled={count == 0} onclick={jump(true)}
                    aria-label={format!("Next annotation by {name}")}>{ "▶" }</button>
                <button type="button" class="small" onclick={edit(Editing::Rename(name.clone()))}>{ "Rename" }</button>
                <button type="button" class="small" onclick={edit(Editing::Aliases(name.clone()))}>{ "Aliases" }</button>
                <button type="button" class="small" onclick={edit(Editing::Merge(name.clone()))}
                    disabled={props.others.is_empty()}>{ "Merge" }</button>
            </div>
            { form }
        </li>
    }
}

fn candidate_row(store: &StoreHandle, candidate: &Candidate) -> Html {
    let (label, edit) = match &candidate.alias_of {
        Some(source) => (
            format!("Add as alias of {source}"),
            SourceEdit::SetAliases {
                name: source.clone(),
                aliases: {
                    let editor = store.editor();
                    let mut aliases = editor
                        .workspace()
                        .sources
                        .iter()
                        .find(|s| &s.name == source)
                        .map(|s| s.aliases.clone())
                        .unwrap_or_default();
                    aliases.push(candidate.name.clone());
                    aliases
                },
            },
        ),
        None => (
            "Add".to_string(),
            SourceEdit::Add {
                name: candidate.name.clone(),
                aliases: Vec::new(),
            },
        ),
    };
    let onclick = {
        let store = store.clone();
        Callback::from(move |_| apply(&store, edit.clone()))
    };
    html! {
        <li class="candidate" key={candidate.name.clone()}>
            <span class="candidate-name">{ &candidate.name }</span>
            <span class="muted">{ format!("{}×", candidate.occurrences) }</span>
            <button type="button" class="small" {onclick}
                aria-label={format!("{label}: {}", candidate.name)}>{ label }</button>
        </li>
    }
}

#[function_component(SourcesPanel)]
pub fn sources_panel() -> Html {
    let store = use_store();
    let editing = use_state(|| None::<(String, Editing)>);
    let doc_id = store.editor().workspace().document.id().to_string();
    let summaries = use_memo((doc_id.clone(), store.revision), {
        let store = store.clone();
        move |_| sources::summaries(store.editor().workspace())
    });
    let names: Vec<String> = summaries.iter().map(|s| s.name.clone()).collect();
    let known: Vec<String> = summaries
        .iter()
        .flat_map(|s| s.aliases.iter().chain([&s.name]).cloned())
        .collect();
    // The names not yet sources, and whether the text has capitalised names at all.
    let candidates = use_memo((doc_id, known), {
        let store = store.clone();
        move |_| {
            let editor = store.editor();
            let found = sources::candidates(editor.workspace(), CANDIDATES);
            let any = !found.is_empty()
                || !capitalised_names(&editor.workspace().document.text).is_empty();
            (found, any)
        }
    });
    let (candidates, any_names) = (&candidates.0, candidates.1);
    let labels = Rc::new(store.editor().workspace().labels.clone());
    let rows = summaries.iter().map(|summary| {
        let others: Rc<Vec<String>> = Rc::new(
            names
                .iter()
                .filter(|n| **n != summary.name)
                .cloned()
                .collect(),
        );
        let this = summary.name.clone();
        let on_edit = {
            let (editing, this) = (editing.clone(), this.clone());
            Callback::from(move |what: Option<Editing>| {
                editing.set(what.map(|w| (this.clone(), w)))
            })
        };
        let mine = editing
            .as_ref()
            .filter(|(n, _)| *n == this)
            .map(|(_, e)| e.clone());
        html! {
            <SourceRow key={this.clone()} summary={summary.clone()} labels={labels.clone()} {others}
                editing={mine} {on_edit} />
        }
    });
    html! {
        <div class="tab-body sources-tab">
            <h2 class="panel-title">{ format!("Sources ({})", summaries.len()) }</h2>
            if summaries.is_empty() {
                <p class="panel-empty">{ "No sources yet. Type who says it when you tag a span, or add a name found in the text below." }</p>
            }
            <div class="entries-scroll">
                <ul class="sources">{ for rows }</ul>
                <h3 class="panel-subtitle">{ "Names in the text" }</h3>
                if candidates.is_empty() && any_names {
                    <p class="panel-empty">{ "Every capitalised name in the text is already a source." }</p>
                } else if candidates.is_empty() {
                    <p class="panel-empty">{ "No capitalised names found in this text (names in scripts without capitals are not detected)." }</p>
                }
                <ul class="candidates">{ for candidates.iter().map(|c| candidate_row(&store, c)) }</ul>
            </div>
        </div>
    }
}
