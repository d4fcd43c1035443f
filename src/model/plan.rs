//! Checking an [`Action`] against the corpus and planning the primitive [`Edit`]s that carry
//! it out. Planning changes nothing: the editor runs the plan, or nothing, when a check fails.
//! The parts plans share are in `planning`; the answers to suggestions are planned in
//! `answers`.

use super::action::{Action, ActionError, Change, Outcome};
use super::annotation::{label_set_problem, Annotation, AnnotationId, Attribution, Label, LabelId};
use super::answers;
use super::corpus::Corpus;
use super::edit::Edit;
use super::formats::preview::effects;
use super::language::is_tag;
use super::planning::{add, changed, check_label, check_mention, check_span, Plan};
use super::sources;
use super::span::Span;
use super::workspace::Workspace;

/// A label set is usable when ids are unique and non-empty, names non-empty, colours
/// `#rrggbb`, and every label in use is still there.
fn check_labels(ws: &Workspace, labels: &[Label]) -> Result<(), ActionError> {
    let used: Vec<LabelId> = ws.annotations().iter().map(|a| a.label.clone()).collect();
    match label_set_problem(labels, &used) {
        Some(why) => Err(ActionError::BadLabels(why)),
        None => Ok(()),
    }
}

/// Checks `action` against `corpus` and plans its edits. `Ok(None)`: nothing would change.
pub(crate) fn plan(corpus: &Corpus, action: Action) -> Result<Option<Plan>, ActionError> {
    let doc = corpus.current_index();
    let ws = corpus.current();
    match action {
        Action::Add {
            span,
            label,
            attribution,
            note,
            now,
        } => add(ws, doc, span, label, attribution, note, now).map(Some),
        Action::Edit { id, change, now } => edit(ws, doc, id, change, now),
        Action::AddMany {
            spans,
            label,
            attribution,
            note,
            now,
        } => add_many(ws, doc, spans, label, attribution, note, now),
        Action::Sources(edit) => match sources::plan(ws, edit)? {
            Some((next, description)) => changed(
                vec![Edit::ReplaceDocument(doc, Box::new(next))],
                description,
                Some(doc),
            ),
            None => Ok(None),
        },
        Action::Delete { id } => {
            let old = ws
                .annotation(&id)
                .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
            changed(
                vec![Edit::Remove(doc, id)],
                format!("delete {}", old.label),
                Some(doc),
            )
        }
        Action::Open {
            documents,
            description,
        } => open(corpus, documents, description),
        Action::Import {
            documents,
            description,
            replace_open,
        } => import(corpus, documents, description, replace_open),
        Action::SetDone(done) => {
            if ws.done == done {
                return Ok(None);
            }
            let what = if done { "mark done" } else { "mark not done" };
            changed(vec![Edit::SetDone(doc, done)], what.to_string(), Some(doc))
        }
        Action::SetLabels(labels) => {
            check_labels(ws, &labels)?;
            if labels == ws.labels {
                return Ok(None);
            }
            changed(
                vec![Edit::SetLabels(doc, labels)],
                "edit labels".into(),
                Some(doc),
            )
        }
        Action::SetLanguage(language) => {
            if let Some(tag) = language.as_deref().filter(|t| !is_tag(t)) {
                return Err(ActionError::BadLanguage(tag.to_string()));
            }
            if ws.document.language == language {
                return Ok(None);
            }
            let what = match &language {
                Some(tag) => format!("set the language to {tag}"),
                None => "clear the language".to_string(),
            };
            changed(vec![Edit::SetLanguage(doc, language)], what, Some(doc))
        }
        Action::Learn(feedback) => answers::learn(corpus, feedback),
        Action::Accept {
            suggestion,
            label,
            source,
            now,
        } => answers::accept(corpus, suggestion, label, source, now),
        Action::AcceptAll {
            suggestions,
            min_confidence,
            now,
        } => answers::accept_all(corpus, suggestions, min_confidence, now),
        Action::AddTeaching {
            span,
            label,
            attribution,
            note,
            now,
            candidate,
        } => {
            let plan = add(ws, doc, span, label.clone(), attribution, note, now)?;
            answers::teaching(corpus, plan, candidate, label).map(Some)
        }
        Action::ResetLearning => answers::reset(corpus),
        Action::Close { index } => {
            let closing = corpus
                .documents()
                .get(index)
                .ok_or(ActionError::UnknownDocument(index))?;
            if corpus.len() == 1 {
                return Err(ActionError::LastDocument);
            }
            let description = format!("close “{}”", closing.document.title);
            changed(vec![Edit::RemoveDocument(index)], description, None)
        }
    }
}

fn edit(
    ws: &Workspace,
    doc: usize,
    id: AnnotationId,
    change: Change,
    now: String,
) -> Result<Option<Plan>, ActionError> {
    let old = ws
        .annotation(&id)
        .ok_or_else(|| ActionError::UnknownAnnotation(id.clone()))?;
    let mut new = old.clone();
    let what = match change {
        Change::Label(label) => {
            check_label(ws, &label)?;
            new.label = label;
            "edit label"
        }
        Change::Attribution(attribution) => {
            check_mention(ws, &attribution)?;
            new.attribution = sources::canonical_attribution(ws, attribution);
            attribution_change(old.attribution.as_ref(), new.attribution.as_ref())
        }
        Change::Note(note) => {
            new.note = note;
            "edit note"
        }
        Change::Span(span) => {
            check_span(ws, span)?;
            new.span = span;
            // New boundaries make the span whole again.
            new.fragments.clear();
            "edit boundaries"
        }
    };
    if &new == old {
        return Ok(None);
    }
    new.modified = now;
    changed(
        vec![
            Edit::Remove(doc, id),
            Edit::Insert(doc, Box::new(new), None),
        ],
        what.to_string(),
        Some(doc),
    )
}

/// What an attribution edit does, in the words of the status line and undo: linking or
/// unlinking the mention or the cue alone, else editing the attribution.
fn attribution_change(old: Option<&Attribution>, new: Option<&Attribution>) -> &'static str {
    let (Some(old), Some(new)) = (old, new) else {
        return "edit attribution";
    };
    let linked = |is: Option<Span>, link, unlink| if is.is_some() { link } else { unlink };
    match (
        old.source == new.source,
        old.mention != new.mention,
        old.cue != new.cue,
    ) {
        (true, true, false) => linked(new.mention, "link mention", "unlink mention"),
        (true, false, true) => linked(new.cue, "link cue", "unlink cue"),
        _ => "edit attribution",
    }
}

/// Tags every span not already carrying `label`; refused when none is left.
fn add_many(
    ws: &Workspace,
    doc: usize,
    spans: Vec<Span>,
    label: LabelId,
    attribution: Option<Attribution>,
    note: String,
    now: String,
) -> Result<Option<Plan>, ActionError> {
    check_label(ws, &label)?;
    check_mention(ws, &attribution)?;
    let attribution = sources::canonical_attribution(ws, attribution);
    let mut ids = ws.fresh_ids();
    let mut edits = Vec::new();
    let mut tagged: Vec<Span> = ws
        .annotations()
        .iter()
        .filter(|a| a.label == label)
        .map(|a| a.span)
        .collect();
    for span in spans {
        check_span(ws, span)?;
        if tagged.contains(&span) {
            continue;
        }
        tagged.push(span);
        let annotation = Annotation {
            id: ids.next().expect("an endless sequence"),
            span,
            fragments: Vec::new(),
            label: label.clone(),
            attribution: attribution.clone(),
            note: note.clone(),
            created: now.clone(),
            modified: now.clone(),
            provenance: None,
        };
        edits.push(Edit::Insert(doc, Box::new(annotation), None));
    }
    if edits.is_empty() {
        return Err(ActionError::AlreadyTagged);
    }
    let description = match edits.len() {
        1 => format!("tag 1 match as {label}"),
        n => format!("tag {n} matches as {label}"),
    };
    changed(edits, description, Some(doc))
}

/// Adds the documents not open yet and shows the first one given.
fn open(
    corpus: &Corpus,
    documents: Vec<Workspace>,
    description: String,
) -> Result<Option<Plan>, ActionError> {
    let first = documents
        .first()
        .ok_or(ActionError::NothingToOpen)?
        .document
        .id()
        .to_string();
    let mut edits = Vec::new();
    let mut next = corpus.len();
    let mut added: Vec<&str> = Vec::new();
    for workspace in documents.iter() {
        let id = workspace.document.id();
        if corpus.position_of(id).is_none() && !added.contains(&id) {
            added.push(id);
            edits.push(Edit::InsertDocument(next, Box::new(workspace.clone())));
            next += 1;
        }
    }
    let show = corpus.position_of(&first).or_else(|| {
        added
            .iter()
            .position(|id| *id == first)
            .map(|i| corpus.len() + i)
    });
    if edits.is_empty() {
        return Ok(Some(Plan {
            edits,
            description,
            outcome: Outcome::Shown,
            show,
        }));
    }
    changed(edits, description, show)
}

/// Replaces open documents with their imported versions (when asked), adds the others, and
/// shows the first one imported.
fn import(
    corpus: &Corpus,
    documents: Vec<Workspace>,
    description: String,
    replace_open: bool,
) -> Result<Option<Plan>, ActionError> {
    if documents.is_empty() {
        return Err(ActionError::NothingToOpen);
    }
    let targets = effects(corpus, &documents, replace_open);
    let mut edits = Vec::new();
    let mut next = corpus.len();
    for (workspace, target) in documents.into_iter().zip(targets) {
        match target {
            Some(index) => edits.push(Edit::ReplaceDocument(index, Box::new(workspace))),
            None => {
                edits.push(Edit::InsertDocument(next, Box::new(workspace)));
                next += 1;
            }
        }
    }
    let show = match edits.first() {
        Some(Edit::ReplaceDocument(i, _) | Edit::InsertDocument(i, _)) => Some(*i),
        _ => None,
    };
    changed(edits, description, show)
}
