//! claimmark's model with its main features reachable from one function, and no user
//! interface: import and export in every format, editing with undo, search, layout, sources,
//! names, statistics and chart, exercises, review and agreement. What it adds to the minimal Yew
//! app is at least what the model adds to the bundle whatever the components are; what it leaves
//! out (source edits, re-anchoring, scoring) would only add more.

use claimmark::model::{
    self, exercise, formats, layout, names, review, search, sources, Action, Attribution, Chart,
    Editor, LabelId, Span, Statistics,
};

/// Runs the model's main features on the given file. The inputs come from the page, so nothing folds away.
pub fn exercise_model(
    name: String,
    bytes: Vec<u8>,
    query: String,
    start: usize,
    end: usize,
) -> String {
    let report = match formats::import(&[formats::InputFile { name, bytes }], &[]) {
        Ok(report) => report,
        Err(error) => return error.to_string(),
    };
    let Some(workspace) = report.documents.first().cloned() else {
        return String::new();
    };
    let mut out = String::new();
    for format in formats::Format::ALL {
        out += &String::from_utf8_lossy(&formats::export(format, &[&workspace]).bytes);
    }
    let statistics = Statistics::of(&[&workspace]);
    out += &statistics.to_csv();
    out += &Chart::sized(&statistics, 10, start as f64).to_svg();

    let key = review::Annotator {
        name: "key".into(),
        workspace: workspace.clone(),
    };
    let other = report
        .documents
        .last()
        .cloned()
        .unwrap_or_else(|| workspace.clone());
    let submission = review::Annotator {
        name: "student".into(),
        workspace: other,
    };
    if let Ok(review) = review::Review::new(key, vec![submission]) {
        out += &review.scores_csv();
        let agreement = review.agreement();
        for (_, _, kappa) in agreement.kappa {
            out += &format!("{:.2}", kappa.unwrap_or(f64::NAN));
        }
        out += &format!("{:.2}", agreement.alpha.unwrap_or(f64::NAN));
        out += &format!("{} {}", review.pieces().len(), review.source_counts().len());
    }

    let text = &workspace.document.text;
    out += &search::find(text, &query, start > end)
        .spans
        .len()
        .to_string();
    out += &layout::segments(&workspace, &layout::blocks(text))
        .len()
        .to_string();
    out += &names::capitalised_names(text).len().to_string();
    out += &sources::summaries(&workspace).len().to_string();
    out += &sources::candidates(&workspace, 5).len().to_string();
    out += &sources::matches(&workspace, &query, 5).len().to_string();
    out += &model::rehearsal::rehearse().is_some().to_string();
    if let Ok(exercise) = exercise::import(&query) {
        out += &exercise.export();
        out += &exercise.to_fragment();
    }

    let text_len = text.len();
    let mut editor = Editor::new(workspace);
    if let Ok(span) = Span::new(start, end, text_len) {
        let add = Action::Add {
            span,
            label: LabelId::new("claim"),
            attribution: Attribution::named(&query),
            note: String::new(),
            now: query.clone(),
        };
        out += &editor.apply(add).is_ok().to_string();
        out += &editor.undo().is_ok().to_string();
        out += &editor.redo().is_ok().to_string();
    }
    out
}
