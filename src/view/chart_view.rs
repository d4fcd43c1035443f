//! Draws a [`Chart`] (pure geometry from the model) as inline SVG elements, matching what
//! `Chart::to_svg` writes for download, and turns that SVG into a PNG for download.
//! User text is set as element text, never parsed as markup.

use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{HtmlCanvasElement, HtmlImageElement};
use yew::prelude::*;

use super::files::download_blob;
use crate::model::chart::{Anchor, Chart, ChartText, FONT_FAMILY, FONT_SIZE, GRID_COLOR};

fn text(t: &ChartText) -> Html {
    let anchor = match t.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    html! {
        <text x={t.x.to_string()} y={t.y.to_string()} text-anchor={anchor} font-size={t.size.to_string()}
            fill={t.color} font-weight={t.bold.then_some("bold")}>{ &t.text }</text>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    pub chart: Rc<Chart>,
}

#[function_component(ChartView)]
pub fn chart_view(props: &ChartViewProps) -> Html {
    let chart = &props.chart;
    let (top, bottom) = (chart.plot_y, chart.plot_y + chart.plot_height);
    let grid = chart.ticks.iter().map(|tick| {
        html! { <line x1={tick.x.to_string()} y1={top.to_string()} x2={tick.x.to_string()} y2={(bottom + 4.0).to_string()} /> }
    });
    let rows = chart.rows.iter().map(|row| {
        let segments = row.segments.iter().map(|segment| {
            html! {
                <>
                    <rect x={segment.x.to_string()} y={row.y.to_string()} width={segment.width.to_string()}
                        height={row.height.to_string()} fill={segment.color.clone()} stroke="#ffffff" stroke-width="0.5">
                        <title>{ format!("{}, {}: {}", row.name, segment.label_name, segment.count) }</title>
                    </rect>
                    { for segment.count_text.as_ref().map(text) }
                </>
            }
        });
        html! {
            <g>
                <title>{ format!("{}: {}", row.name, row.total) }</title>
                { text(&row.label) }
                { for segments }
                { text(&row.total_text) }
            </g>
        }
    });
    let legend = chart.legend.iter().map(|item| {
        let size = crate::model::chart::LegendItem::SWATCH.to_string();
        html! {
            <>
                <rect x={item.x.to_string()} y={item.y.to_string()} width={size.clone()} height={size}
                    fill={item.color.clone()} stroke="#000000" stroke-width="0.5" />
                { text(&item.text) }
            </>
        }
    });
    let view_box = format!("0 0 {} {}", chart.width, chart.height);
    html! {
        <svg class="stats-chart" xmlns="http://www.w3.org/2000/svg" viewBox={view_box}
            width={chart.width.to_string()} height={chart.height.to_string()}
            role="img" aria-label={chart.description.clone()}
            font-family={FONT_FAMILY} font-size={FONT_SIZE.to_string()}>
            <title>{ &chart.title.text }</title>
            <rect width={chart.width.to_string()} height={chart.height.to_string()} fill="#ffffff" />
            { text(&chart.title) }
            { text(&chart.summary) }
            { for chart.empty.as_ref().map(text) }
            if !chart.ticks.is_empty() {
                <g stroke={GRID_COLOR} stroke-width="1">
                    { for grid }
                    <line x1={chart.plot_x.to_string()} y1={bottom.to_string()}
                        x2={(chart.plot_x + chart.plot_width).to_string()} y2={bottom.to_string()} />
                </g>
                { for chart.ticks.iter().map(|t| text(&t.text)) }
            }
            { for rows }
            { for legend }
        </svg>
    }
}

/// Draws `svg` (a standalone SVG document) on a canvas at twice its size and downloads the
/// result as a PNG named `name`. Errors are reported through `on_error`.
pub fn download_png(svg: &str, width: f64, height: f64, name: String, on_error: Callback<String>) {
    let fail = on_error.clone();
    let attempt = move || -> Result<(), String> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let image = HtmlImageElement::new().map_err(|_| "no image")?;
        let canvas: HtmlCanvasElement = document
            .create_element("canvas")
            .map_err(|_| "no canvas")?
            .unchecked_into();
        let scale = 2.0;
        canvas.set_width((width * scale) as u32);
        canvas.set_height((height * scale) as u32);
        let drawn = image.clone();
        let on_load = Closure::once(move || {
            let report = on_error.clone();
            let draw = || -> Result<(), String> {
                let context = canvas
                    .get_context("2d")
                    .ok()
                    .flatten()
                    .ok_or("no 2d context")?
                    .unchecked_into::<web_sys::CanvasRenderingContext2d>();
                context
                    .draw_image_with_html_image_element_and_dw_and_dh(
                        &drawn,
                        0.0,
                        0.0,
                        width * scale,
                        height * scale,
                    )
                    .map_err(|_| "the chart could not be drawn")?;
                let done = Closure::once(move |blob: Option<web_sys::Blob>| match blob {
                    Some(blob) => {
                        if let Err(message) = download_blob(&name, &blob) {
                            on_error.emit(message);
                        }
                    }
                    None => on_error.emit("the browser made no PNG".into()),
                });
                canvas
                    .to_blob(done.as_ref().unchecked_ref())
                    .map_err(|_| "the browser made no PNG")?;
                done.forget();
                Ok(())
            };
            if let Err(message) = draw() {
                report.emit(message);
            }
        });
        image.set_onload(Some(on_load.as_ref().unchecked_ref()));
        on_load.forget();
        let url = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            js_sys::encode_uri_component(svg)
        );
        image.set_src(&url);
        Ok(())
    };
    if let Err(message) = attempt() {
        fail.emit(message);
    }
}
