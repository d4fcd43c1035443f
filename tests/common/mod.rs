//! Helpers shared by the host tests: building workspaces through the editor, as the app does.
#![allow(dead_code)]

use claimmark::model::{Action, Attribution, Editor, LabelId, Outcome, Span, Workspace};

/// An annotation to add: (start, end, label, source), offsets in code points; an empty source
/// is unattributed.
pub type Mark<'a> = (usize, usize, &'a str, &'a str);

/// Adds one mark to the shown document through the editor, with a note and a time stamp.
pub fn add(editor: &mut Editor, mark: Mark, note: &str, now: &str) -> Outcome {
    let (start, end, label, source) = mark;
    let len = editor.workspace().document.text.len();
    let add = Action::Add {
        span: Span::new(start, end, len).expect("a mark inside the text"),
        label: LabelId::new(label),
        attribution: Attribution::named(source),
        note: note.to_string(),
        now: now.to_string(),
    };
    editor.apply(add).expect("a valid mark")
}

/// `workspace` with `marks` added by the editor (so names are resolved as the app resolves them).
pub fn tagged(workspace: Workspace, marks: &[Mark]) -> Workspace {
    let mut editor = Editor::new(workspace);
    for &mark in marks {
        add(&mut editor, mark, "", "");
    }
    editor.workspace().clone()
}

/// A committed fixture document (`tests/data/fixtures/NAME.claimmark.json`), imported.
pub fn fixture(name: &str) -> Workspace {
    let path = format!(
        "{}/tests/data/fixtures/{name}.claimmark.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("a committed fixture");
    claimmark::model::formats::native::import(&text)
        .expect("a valid fixture")
        .workspace
}
