//! The report: the annotated article as a page to read, print or save as PDF from the browser —
//! a legend, the whole text with its highlights, the annotations with attributions, mentions,
//! cues and notes, and the statistics with the source × label chart.
//!
//! The page prints cleanly: the app's toolbar and the report's own buttons are hidden by the
//! stylesheet's print rules, and highlight colours are kept.

use std::rc::Rc;

use yew::prelude::*;

use super::block::BlockView;
use super::chart_view::ChartView;
use super::statistics::{compute, SourceTable, StatisticsSummary};
use super::store::use_store;
use crate::model::chart::WIDTH;
use crate::model::layout;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub on_close: Callback<()>,
}

#[function_component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    let store = use_store();
    let (stats, chart) = compute(&store, false, WIDTH);
    let editor = store.editor();
    let workspace = editor.workspace();
    let document = &workspace.document;
    let text = &document.text;
    let labels = Rc::new(workspace.labels.clone());
    let blocks = layout::blocks(text);
    let segments = layout::segments(workspace, &blocks);
    let article = blocks.iter().zip(segments).map(|(block, segments)| {
        html! {
            <BlockView block={*block} text={Rc::<str>::from(text.slice(block.start, block.end))}
                {segments} labels={labels.clone()} selected={None} overlays={Rc::<[_]>::from(Vec::new())} />
        }
    });
    let legend = workspace.labels.iter().map(|label| {
        html! {
            <li>
                <span class="badge" style={format!("--label:{}", label.color)}>{ &label.name }</span>
                { format!(" {}", label.description) }
            </li>
        }
    });
    let quote = |span: Option<crate::model::Span>| span.map(|s| text.quote(s).to_string());
    let rows = workspace.annotations().iter().enumerate().map(|(i, a)| {
        let label = workspace.label(&a.label);
        let color = label.map_or("#777777".to_string(), |l| l.color.clone());
        let name = label.map_or(a.label.to_string(), |l| l.name.clone());
        let attribution = a.attribution.as_ref();
        let mention = quote(attribution.and_then(|at| at.mention));
        let cue = quote(attribution.and_then(|at| at.cue));
        html! {
            <tr>
                <td class="number">{ i + 1 }</td>
                <td><span class="badge" style={format!("--label:{color}")}>{ name }</span></td>
                <td class="report-quote" dir="auto">{ format!("“{}”", workspace.quote(a)) }</td>
                <td>
                    { a.source().map_or_else(|| html! { <em>{ "unattributed" }</em> }, |s| html! { <strong>{ s }</strong> }) }
                    if let Some(mention) = mention { <div class="report-link">{ format!("named as “{mention}”") }</div> }
                    if let Some(cue) = cue { <div class="report-link">{ format!("cue “{cue}”") }</div> }
                </td>
                <td>{ &a.note }</td>
            </tr>
        }
    });
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let today: String = String::from(js_sys::Date::new_0().to_date_string());
    let annotator = (!workspace.annotator.is_empty())
        .then(|| format!(" · annotated by {}", workspace.annotator));
    html! {
        <main class="report" aria-label="Report">
            <div class="report-actions">
                <button type="button" class="primary" onclick={print}>{ "Print / save as PDF" }</button>
                <button type="button" onclick={close}>{ "Back to annotating" }</button>
            </div>
            <h1>{ &document.title }</h1>
            <p class="report-meta">
                { format!("claimmark report · {today} · {} annotation(s){}", workspace.annotations().len(), annotator.unwrap_or_default()) }
            </p>
            <section aria-labelledby="report-legend">
                <h2 id="report-legend">{ "Labels" }</h2>
                <ul class="report-legend">{ for legend }</ul>
            </section>
            <section aria-labelledby="report-text">
                <h2 id="report-text">{ "The text" }</h2>
                <article class="doc report-doc" lang={document.language.clone().unwrap_or_default()}>{ for article }</article>
            </section>
            <section aria-labelledby="report-annotations">
                <h2 id="report-annotations">{ "Annotations" }</h2>
                if workspace.annotations().is_empty() {
                    <p>{ "No annotations yet." }</p>
                } else {
                    <table class="report-table">
                        <thead><tr><th>{ "#" }</th><th>{ "Label" }</th><th>{ "Text" }</th><th>{ "Who says it" }</th><th>{ "Note" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }
            </section>
            <section aria-labelledby="report-statistics" class="report-statistics">
                <h2 id="report-statistics">{ "Statistics" }</h2>
                <StatisticsSummary stats={stats.clone()} />
                <ChartView chart={chart} />
                <SourceTable stats={stats} />
            </section>
        </main>
    }
}
