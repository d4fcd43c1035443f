//! The gold set on the adjudication screen: what it holds so far, the agreement before and
//! after (`MergeReport`: each annotator's mean κ with the others, κ and F1 with the gold set,
//! how often their variant was chosen), and what to do with it: open it as a document of the
//! corpus (`Action::Import`, one undo step), download it as claimmark JSON (the bytes
//! `claimmark merge -o -` writes) or the report as CSV.

use yew::prelude::*;

use super::adjudicate_session::Shared;
use super::files::download;
use super::store::{use_store, Msg, NoticeKind};
use crate::model::formats::{self, Format};
use crate::model::merge::{MergeReport, Summary};
use crate::model::Action;

#[derive(Properties, PartialEq)]
pub struct GoldProps {
    pub session: Shared,
    pub revision: u64,
    /// `Session::changes`: the report follows it.
    pub changes: u64,
    /// Called once the gold set is open in the corpus.
    pub on_opened: Callback<()>,
}

fn number(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{v:.3}"))
}

fn percent(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// The summary in one sentence.
fn summarised(s: &Summary) -> String {
    let mut parts = Vec::new();
    for (n, what) in [
        (s.unanimous, "unanimous"),
        (s.majority, "majority"),
        (s.single, "single"),
        (s.adjudicated, "adjudicated"),
    ] {
        if n > 0 || what == "adjudicated" {
            parts.push(format!("{n} {what}"));
        }
    }
    let rejected = match s.rejected {
        0 => String::new(),
        n => format!(" ({n} group(s) rejected)"),
    };
    format!(
        "The gold set: {}{rejected}; {} group(s) decided, {} open (left out until decided).",
        parts.join(", "),
        s.decided,
        s.open
    )
}

/// One document's report as a table.
fn report_table(title: Option<&str>, report: &MergeReport) -> Html {
    let rows = report.annotators.iter().map(|a| {
        let chosen = match a.chosen_share() {
            Some(share) => format!("{} of {} ({})", a.chosen, a.decided, percent(share)),
            None => "—".to_string(),
        };
        html! {
            <tr>
                <th scope="row" dir="auto">{ &a.name }</th>
                <td>{ a.annotations }</td>
                <td>{ a.in_gold }</td>
                <td>{ chosen }</td>
                <td>{ number(a.kappa_before) }</td>
                <td>{ number(a.kappa_after) }</td>
                <td>{ percent(a.score.exact.f1) }</td>
            </tr>
        }
    });
    let alpha = format!(
        "{}Krippendorff's α among the annotators (before): {}",
        title.map(|t| format!("{t} — ")).unwrap_or_default(),
        number(report.alpha_before)
    );
    html! {
        <>
            <p class="alpha-before" dir="auto">{ alpha }</p>
            <div class="table-scroll">
                <table class="scores-table merge-report">
                    <thead><tr>
                        <th scope="col">{ "Annotator" }</th><th scope="col">{ "Annotations" }</th><th scope="col">{ "In the gold set" }</th>
                        <th scope="col">{ "Variant chosen" }</th><th scope="col">{ "κ before (mean with the others)" }</th>
                        <th scope="col">{ "κ after (with the gold set)" }</th><th scope="col">{ "Exact F1 with the gold set" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}

#[function_component(GoldPanel)]
pub fn gold_panel(props: &GoldProps) -> Html {
    let store = use_store();
    let session = props.session.clone();
    let reports = use_memo(props.changes, |_| {
        let s = session.borrow();
        let merges = s.queue.as_ref().map_or(&[][..], |q| q.merges());
        merges
            .iter()
            .map(|m| (m.document().title.clone(), m.report()))
            .collect::<Vec<_>>()
    });
    let s = props.session.borrow();
    let Some(queue) = s.queue.as_ref() else {
        return html! {};
    };
    let open = {
        let (session, store, on_opened) = (
            props.session.clone(),
            store.clone(),
            props.on_opened.clone(),
        );
        Callback::from(move |_| {
            let documents = session
                .borrow()
                .queue
                .as_ref()
                .map(|q| q.golds())
                .unwrap_or_default();
            let description = match documents.as_slice() {
                [one] => format!("open the gold set of “{}”", one.document.title),
                many => format!("open the gold sets of {} documents", many.len()),
            };
            store.dispatch(Msg::Do(Action::Import {
                documents,
                description,
                replace_open: false,
            }));
            on_opened.emit(());
        })
    };
    let save = {
        let (session, store) = (props.session.clone(), store.clone());
        Callback::from(move |_| {
            let golds = session
                .borrow()
                .queue
                .as_ref()
                .map(|q| q.golds())
                .unwrap_or_default();
            let file = formats::export(Format::Native, &golds.iter().collect::<Vec<_>>());
            let name = format!("gold-{}", file.name);
            notify(&store, download(&name, file.mime, &file.bytes), &name);
        })
    };
    let csv = {
        let (session, store) = (props.session.clone(), store.clone());
        Callback::from(move |_| {
            let csv = session
                .borrow()
                .queue
                .as_ref()
                .map(|q| q.report_csv())
                .unwrap_or_default();
            let name = "adjudication-report.csv";
            notify(&store, download(name, "text/csv", csv.as_bytes()), name);
        })
    };
    let many = reports.len() > 1;
    let tables = reports
        .iter()
        .map(|(title, report)| report_table(many.then_some(title.as_str()), report));
    html! {
        <section class="gold" aria-label="Gold set">
            <h2>{ "Gold set and agreement" }</h2>
            <p class="gold-summary" role="status">{ summarised(&queue.summary()) }</p>
            <div class="actions gold-actions">
                <button type="button" class="primary" onclick={open}>{ "Open the gold set as a document" }</button>
                <button type="button" onclick={save}>{ "Download gold (claimmark JSON)" }</button>
                <button type="button" onclick={csv}>{ "Download report (CSV)" }</button>
            </div>
            <p class="hint">{ "Opening adds the gold set to your documents (Undo takes it away); each annotation keeps its provenance: unanimous, majority, single or adjudicated, who, the agreement, your note and reason." }</p>
            { for tables }
        </section>
    }
}

/// Says whether a download started.
fn notify(store: &super::store::StoreHandle, result: Result<(), String>, name: &str) {
    let (kind, text) = match result {
        Ok(()) => (NoticeKind::Info, format!("Downloaded {name}")),
        Err(message) => (NoticeKind::Error, format!("Download failed: {message}")),
    };
    store.dispatch(Msg::Notify(kind, text));
}
