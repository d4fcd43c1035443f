//! The parts of the review screen: the sortable score table, the agreement table, the
//! per-source chart (SVG) and the compared text with its annotator filter.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::model::layout::blocks;
use crate::model::metrics::Score;
use crate::model::review::{compare, Comparison, Piece, Review};

#[derive(Properties)]
pub struct ReviewPart {
    pub review: Rc<Review>,
}

impl PartialEq for ReviewPart {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.review, &other.review)
    }
}

fn percent(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

fn number(value: Option<f64>) -> String {
    value.map_or("undefined".to_string(), |v| format!("{v:.3}"))
}

/// The columns of the score table and how each sorts.
const COLUMNS: [&str; 7] = [
    "Annotator",
    "Exact F1",
    "Relaxed F1",
    "Relaxed P / R",
    "Label accuracy",
    "Attribution accuracy",
    "Annotations",
];

fn sort_key(column: usize, name: &str, s: &Score) -> (f64, String) {
    let value = match column {
        1 => s.exact.f1,
        2 | 3 => s.relaxed.f1,
        4 => s.label_accuracy.unwrap_or(-1.0),
        5 => s.attribution_accuracy.unwrap_or(-1.0),
        6 => s.annotations as f64,
        _ => 0.0,
    };
    (value, name.to_lowercase())
}

#[function_component(ScoreTable)]
pub fn score_table(props: &ReviewPart) -> Html {
    // (column, ascending)
    let sort = use_state(|| (2usize, false));
    let mut rows = props.review.scores();
    let (column, ascending) = *sort;
    rows.sort_by(|(an, a), (bn, b)| {
        let (ka, kb) = (sort_key(column, an, a), sort_key(column, bn, b));
        let order = if column == 0 {
            ka.1.cmp(&kb.1)
        } else {
            ka.0.total_cmp(&kb.0).then(ka.1.cmp(&kb.1))
        };
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
    let headers = COLUMNS.iter().enumerate().map(|(i, title)| {
        let sort = sort.clone();
        let aria = (i == column).then_some(if ascending { "ascending" } else { "descending" });
        let onclick = Callback::from(move |_| {
            let (c, a) = *sort;
            sort.set(if c == i { (i, !a) } else { (i, i == 0) });
        });
        html! { <th aria-sort={aria}><button type="button" class="sort" {onclick}>{ *title }</button></th> }
    });
    let body = rows.iter().map(|(name, s)| {
        let optional = |v: Option<f64>| v.map_or("—".to_string(), percent);
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td>{ percent(s.exact.f1) }</td>
                <td>{ percent(s.relaxed.f1) }</td>
                <td>{ format!("{} / {}", percent(s.relaxed.precision), percent(s.relaxed.recall)) }</td>
                <td>{ optional(s.label_accuracy) }</td>
                <td>{ optional(s.attribution_accuracy) }</td>
                <td>{ s.annotations }</td>
            </tr>
        }
    });
    html! {
        <table class="scores-table">
            <thead><tr>{ for headers }</tr></thead>
            <tbody>{ for body }</tbody>
        </table>
    }
}

#[function_component(AgreementTable)]
pub fn agreement_table(props: &ReviewPart) -> Html {
    let agreement = props.review.agreement();
    let names = &agreement.names;
    let kappa = |i: usize, j: usize| {
        if i == j {
            return "—".to_string();
        }
        let (a, b) = (i.min(j), i.max(j));
        number(
            agreement
                .kappa
                .iter()
                .find(|(x, y, _)| (*x, *y) == (a, b))
                .and_then(|(_, _, k)| *k),
        )
    };
    let rows = names.iter().enumerate().map(|(i, name)| html! {
        <tr><th scope="row">{ name }</th>{ for (0..names.len()).map(|j| html! { <td>{ kappa(i, j) }</td> }) }</tr>
    });
    html! {
        <>
            <p class="alpha">{ format!("Krippendorff's α (nominal, {} annotators including the key): {}", names.len(), number(agreement.alpha)) }</p>
            <table class="kappa-table">
                <caption>{ "Cohen's κ for each pair, over every non-whitespace character" }</caption>
                <thead><tr><th></th>{ for names.iter().map(|n| html! { <th scope="col">{ n }</th> }) }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </>
    }
}

#[function_component(SourceChart)]
pub fn source_chart(props: &ReviewPart) -> Html {
    let rows = props.review.source_counts();
    let labels = &props.review.key.workspace.labels;
    let color = |id: &str| {
        labels
            .iter()
            .find(|l| l.id.as_str() == id)
            .map_or("#777777".to_string(), |l| l.color.clone())
    };
    let name = |id: &str| {
        labels
            .iter()
            .find(|l| l.id.as_str() == id)
            .map_or(id.to_string(), |l| l.name.clone())
    };
    let ids: Vec<String> = labels.iter().map(|l| l.id.to_string()).collect();
    let max = rows
        .iter()
        .flat_map(|r| r.class.values().chain(r.key.values()))
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let (label_width, bar_height, group_gap, chart_width) = (170.0, 9.0, 12.0, 330.0);
    let row_height = bar_height * 2.0 + 4.0;
    // Only the labels someone used for this source get a row.
    let used = |row: &crate::model::review::SourceCounts| -> Vec<String> {
        ids.iter()
            .filter(|id| row.class.contains_key(*id) || row.key.contains_key(*id))
            .cloned()
            .collect()
    };
    let mut top = 0.0;
    let mut groups = Vec::new();
    for row in &rows {
        let group_top = top;
        let bars: Vec<Html> = used(row)
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let y = group_top + i as f64 * row_height;
                let class = row.class.get(id).copied().unwrap_or(0);
                let key = row.key.get(id).copied().unwrap_or(0);
                let width = |n: usize| (n as f64 / max * chart_width).max(if n > 0 { 2.0 } else { 0.0 });
                html! {
                    <g>
                        <title>{ format!("{}: {} — class {class}, key {key}", row.source, name(id)) }</title>
                        <rect x={label_width.to_string()} y={y.to_string()} width={width(class).to_string()} height={bar_height.to_string()} fill={color(id)} />
                        <rect x={label_width.to_string()} y={(y + bar_height + 1.0).to_string()} width={width(key).to_string()} height={(bar_height - 1.0).to_string()}
                            fill="none" stroke={color(id)} stroke-width="1.5" stroke-dasharray="3 2" />
                        <text x={(label_width + width(class.max(key)) + 6.0).to_string()} y={(y + bar_height + 2.0).to_string()} class="count">
                            { format!("{}: class {class} · key {key}", name(id)) }
                        </text>
                    </g>
                }
            })
            .collect();
        top += bars.len().max(1) as f64 * row_height + group_gap;
        groups.push(html! {
            <g>
                <text x="0" y={(group_top + bar_height + 2.0).to_string()} class="source-name">{ &row.source }</text>
                { for bars }
            </g>
        });
    }
    let height = top.max(20.0);
    let width = label_width + chart_width + 190.0;
    let legend = ids.iter().map(|id| html! {
        <li><span class="swatch" style={format!("--label:{}", color(id))}></span>{ name(id) }</li>
    });
    html! {
        <figure class="source-chart">
            <svg role="img" aria-label="Annotations per source and label: the class's (filled) next to the key's (dashed)"
                viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}>
                { for groups }
            </svg>
            <figcaption><ul class="chart-legend">{ for legend }</ul>{ "Filled: all students together. Dashed: the answer key." }</figcaption>
        </figure>
    }
}

#[function_component(ComparisonText)]
pub fn comparison_text(props: &ReviewPart) -> Html {
    // None: everyone; Some(i): annotator i (0 is the key).
    let filter = use_state(|| None::<usize>);
    let review = &props.review;
    let names: Vec<String> = std::iter::once(review.key.name.clone())
        .chain(review.submissions.iter().map(|s| s.name.clone()))
        .collect();
    let text = &review.key.workspace.document.text;
    let pieces = use_memo(Rc::as_ptr(&props.review) as usize, |_| review.pieces());
    let onchange = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            filter.set(select.value().parse().ok());
        })
    };
    let class_of = |piece: &Piece| -> Option<&'static str> {
        compare(piece, *filter).map(|comparison| match comparison {
            Comparison::Agreed => "cmp-agree",
            Comparison::Disagreed => "cmp-disagree",
            Comparison::Missed => "cmp-missed",
        })
    };
    let describe = |categories: &[String]| {
        names
            .iter()
            .zip(categories)
            .filter(|(_, c)| *c != "none")
            .map(|(n, c)| format!("{n}: {}", c.replace('+', " · ")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let block_views = blocks(text).into_iter().map(|block| {
        let spans = pieces
            .iter()
            .filter(|p| p.start < block.end && block.start < p.end)
            .map(|p| {
                let (start, end) = (p.start.max(block.start), p.end.min(block.end));
                let class = class_of(p);
                let title = class.map(|_| describe(&p.categories));
                html! { <span class={classes!("cmp", class)} title={title}>{ text.slice(start, end) }</span> }
            });
        html! { <p class="block" dir="auto">{ for spans }</p> }
    });
    let options = names.iter().enumerate().map(|(i, n)| html! {
        <option value={i.to_string()} selected={*filter == Some(i)}>{ if i == 0 { format!("{n} (the key)") } else { n.clone() } }</option>
    });
    html! {
        <div class="comparison">
            <label class="field filter"><span>{ "Show" }</span>
                <select {onchange}>
                    <option value="" selected={filter.is_none()}>{ "Everyone" }</option>
                    { for options }
                </select>
            </label>
            <p class="hint">
                <span class="cmp cmp-agree">{ "agreed" }</span>{ " everyone (or this annotator and the key) chose the same labels and sources · " }
                <span class="cmp cmp-disagree">{ "disagreed" }</span>{ " labels or sources differ, or only some marked it · " }
                <span class="cmp cmp-missed">{ "missed" }</span>{ " in the key only. Hover to see who marked what, and who they say said it." }
            </p>
            <article class="doc compare-doc" lang={review.key.workspace.document.language.clone().unwrap_or_default()}>{ for block_views }</article>
        </div>
    }
}
