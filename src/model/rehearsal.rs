//! A rehearsal of what a user's first import does, for the app to run once while it is idle
//! after opening.
//!
//! Browsers compile WebAssembly lazily: each function is compiled the first time it runs, by a
//! quick baseline compiler, and optimised only after it has run a while. Without a rehearsal,
//! the first import of a session pays for compiling the file readers, the hashing and the
//! layout, and runs them unoptimised. The rehearsal annotates the seed article (eight times
//! over) with 60 attributed annotations, exports it as native JSON, reads that back, applies it
//! as an import, lays it out and exports it again; then everything is dropped. It touches no
//! saved work and no user state. [`rehearse_suggestions`] does the same for a first Suggest:
//! it reads the article, eight times over, for suggestions.

use super::formats::{self, native, InputFile};
use super::layout;
use super::suggest::engine::suggest;
use super::suggest::learn::Model;
use super::{Action, Attribution, Document, Editor, LabelId, Span, Workspace};

const REPEATS: usize = 8;
const ANNOTATIONS: usize = 60;

/// Runs the rehearsal; returns how many annotations were read back and how many segments
/// and export bytes they gave (so that no step is optimised away), or `None` if a step
/// failed, which never happens with the seed.
pub fn rehearse() -> Option<(usize, usize, usize)> {
    // Big enough for the browser to optimise the hot loops (a few dozen kilobytes), small
    // enough to take a few milliseconds.
    let seed = Workspace::seed();
    let text = seed.document.text.as_str().repeat(REPEATS);
    let mut editor = Editor::new(Workspace::from_parts(
        Document::new("rehearsal", text),
        seed.labels.clone(),
        Vec::new(),
        Vec::new(),
    ));
    let len = editor.workspace().document.text.len();
    let labels = ["claim", "allegation", "proposal"];
    for i in 0..ANNOTATIONS {
        let start = i * (len / ANNOTATIONS);
        let attribution = Attribution {
            mention: Span::new(start + 100, start + 110, len).ok(),
            cue: Span::new(start + 120, start + 125, len).ok(),
            ..Attribution::named("Maria Zakharova")?
        };
        editor
            .apply(Action::Add {
                span: Span::new(start, start + 60, len).ok()?,
                label: LabelId::new(labels[i % labels.len()]),
                attribution: Some(attribution),
                note: "rehearsal".into(),
                now: "2026-01-01T00:00:00Z".into(),
            })
            .ok()?;
    }
    let file = InputFile {
        name: "rehearsal.claimmark.json".into(),
        bytes: native::export(editor.workspace()).into_bytes(),
    };
    let report = formats::import(&[file], &[]).ok()?;
    let mut importer = Editor::new(Workspace::seed());
    importer
        .apply(Action::Import {
            documents: report.documents,
            description: "rehearsal".into(),
            replace_open: true,
        })
        .ok()?;
    let workspace = importer.workspace();
    let blocks = layout::blocks(&workspace.document.text);
    let segments = layout::segments(workspace, &blocks);
    Some((
        workspace.annotations().len(),
        segments.len(),
        native::export(workspace).len(),
    ))
}

/// Reads the seed article, eight times over, for suggestions (a few milliseconds); returns how
/// many it found.
pub fn rehearse_suggestions() -> usize {
    let seed = Workspace::seed();
    let mut document = Document::new("rehearsal", seed.document.text.as_str().repeat(REPEATS));
    document.language = Some("en".into());
    suggest(&Workspace::new(document), &Model::new()).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rehearsal_reads_back_what_it_wrote() {
        let (annotations, segments, exported) = rehearse().expect("every step succeeds");
        assert_eq!(annotations, ANNOTATIONS);
        assert!(segments > 0);
        assert!(exported > Workspace::seed().document.text.as_str().len());
    }

    #[test]
    fn the_suggestion_rehearsal_finds_the_seeds_suggestions_eight_times() {
        let once = suggest(&Workspace::seed(), &Model::new()).len();
        assert!(once >= 10);
        assert!(rehearse_suggestions() >= REPEATS * once - REPEATS);
    }
}
