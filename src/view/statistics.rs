//! The Statistics tab: for the open document or the whole corpus, annotations per label, the
//! share of the text covered, the source × label chart (live while annotating), a table of
//! every source, and downloads of the chart (SVG, PNG) and the table (CSV).

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::{download_png, ChartView};
use super::files::download;
use super::store::{use_store, Msg, NoticeKind};
use crate::model::chart::Chart;
use crate::model::formats::safe_stem;
use crate::model::stats::Statistics;

/// Rows in the chart before the rest are summed as "Other sources".
pub const CHART_ROWS: usize = 10;

/// The chart's width in the side panel, in px (its content box).
const PANEL_CHART_WIDTH: f64 = 350.0;

/// The statistics and chart (`width` px wide) of the open document (`corpus` false) or of
/// every document.
pub fn compute(
    store: &super::store::StoreHandle,
    corpus: bool,
    width: f64,
) -> (Rc<Statistics>, Rc<Chart>) {
    let editor = store.editor();
    let documents: Vec<_> = if corpus {
        editor.corpus().documents().iter().collect()
    } else {
        vec![editor.workspace()]
    };
    let stats = Statistics::of(&documents);
    let chart = Chart::sized(&stats, CHART_ROWS, width);
    (Rc::new(stats), Rc::new(chart))
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub stats: Rc<Statistics>,
}

/// The numbers above the chart: annotations per label and the text covered.
#[function_component(StatisticsSummary)]
pub fn statistics_summary(props: &SummaryProps) -> Html {
    let stats = &props.stats;
    let labels = stats.labels.iter().map(|label| {
        html! {
            <li>
                <span class="badge" style={format!("--label:{}", label.color)}>{ &label.name }</span>
                <span class="stat-count">{ label.count }</span>
            </li>
        }
    });
    html! {
        <div class="stats-summary">
            <ul class="label-counts" aria-label="Annotations per label">{ for labels }</ul>
            <p class="coverage">
                <strong>{ stats.percent() }</strong>
                { format!(" of the text is annotated ({} of {} characters); {} annotation(s), {} source(s)",
                    stats.covered, stats.total, stats.annotations,
                    stats.sources.iter().filter(|s| s.name.is_some()).count()) }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub stats: Rc<Statistics>,
}

/// Every source with its count per label: the chart's numbers, all rows.
#[function_component(SourceTable)]
pub fn source_table(props: &TableProps) -> Html {
    let stats = &props.stats;
    let head = stats
        .labels
        .iter()
        .map(|l| html! { <th scope="col">{ &l.name }</th> });
    let rows = stats.sources.iter().map(|row| {
        let cells = row.counts.iter().map(|n| html! { <td>{ n }</td> });
        html! {
            <tr>
                <th scope="row" class={classes!(row.name.is_none().then_some("is-unattributed"))}>
                    { row.name.clone().unwrap_or_else(|| "Unattributed".into()) }
                </th>
                { for cells }
                <td class="total">{ row.total }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Annotations per source and label, table">
            <table class="source-table">
                <caption>{ "Annotations per source and label" }</caption>
                <thead><tr><th scope="col">{ "Source" }</th>{ for head }<th scope="col">{ "Total" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

#[function_component(StatisticsPanel)]
pub fn statistics_panel() -> Html {
    let store = use_store();
    let corpus = use_state(|| false);
    let documents = store.editor().corpus().len();
    let (stats, chart) = (*use_memo((store.revision, *corpus), {
        let store = store.clone();
        move |(_, corpus)| compute(&store, *corpus, PANEL_CHART_WIDTH)
    }))
    .clone();
    let stem = if *corpus {
        "corpus".to_string()
    } else {
        safe_stem(&store.editor().workspace().document.title)
    };
    let notify_error = {
        let store = store.clone();
        Callback::from(move |message: String| {
            store.dispatch(Msg::Notify(
                NoticeKind::Error,
                format!("Download failed: {message}"),
            ))
        })
    };
    let save = |name: String, mime: &'static str, bytes: Rc<dyn Fn() -> Vec<u8>>| {
        let notify_error = notify_error.clone();
        Callback::from(move |_| {
            if let Err(message) = download(&name, mime, &bytes()) {
                notify_error.emit(message);
            }
        })
    };
    // Downloads are the full-width chart, which reads well in print.
    let full = {
        let stats = stats.clone();
        move || Chart::source_by_label(&stats, CHART_ROWS)
    };
    let svg = {
        let full = full.clone();
        save(
            format!("{stem}-sources.svg"),
            "image/svg+xml",
            Rc::new(move || full().to_svg().into_bytes()),
        )
    };
    let csv = {
        let stats = stats.clone();
        save(
            format!("{stem}-sources.csv"),
            "text/csv",
            Rc::new(move || stats.to_csv().into_bytes()),
        )
    };
    let png = {
        let name = format!("{stem}-sources.png");
        Callback::from(move |_| {
            let chart = full();
            download_png(
                &chart.to_svg(),
                chart.width,
                chart.height,
                name.clone(),
                notify_error.clone(),
            )
        })
    };
    let scope = |value: bool, text: String| {
        let corpus = corpus.clone();
        let checked = *corpus == value;
        html! {
            <label class="scope">
                <input type="radio" name="stats-scope" {checked} onchange={Callback::from(move |_| corpus.set(value))} />
                { text }
            </label>
        }
    };
    html! {
        <div class="tab-body statistics-tab">
            <fieldset class="scopes">
                <legend class="visually-hidden">{ "Statistics of" }</legend>
                { scope(false, "This document".into()) }
                { scope(true, format!("All documents ({documents})")) }
            </fieldset>
            <div class="entries-scroll">
                <StatisticsSummary stats={stats.clone()} />
                <figure class="chart-figure">
                    <ChartView chart={chart.clone()} />
                    <figcaption class="chart-actions">
                        <button type="button" class="small" onclick={svg}>{ "Download SVG" }</button>
                        <button type="button" class="small" onclick={png}>{ "Download PNG" }</button>
                        <button type="button" class="small" onclick={csv}>{ "Download CSV" }</button>
                    </figcaption>
                </figure>
                <SourceTable stats={stats} />
            </div>
        </div>
    }
}
