//! The small menu that appears at a fresh selection: pick a label, say who says it.
//!
//! The menu owns the keyboard while it is open: no key pressed in it reaches the page's
//! shortcuts. Keys: 1, 2, 3… choose a label while focus is on the menu or Attribution is
//! still empty; Alt+1, 2, 3… always; any other character typed on the menu goes to
//! Attribution (so a person who starts typing a name gets it there); Enter chooses the
//! highlighted label (the last one used); Escape cancels.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::selection::MenuAnchor;
use super::source_field::SourceField;
use crate::model::boundaries::shorten_middle;
use crate::model::{Label, LabelId};

/// What the user chose in the menu.
#[derive(Clone, Debug, PartialEq)]
pub struct TagChoice {
    pub label: LabelId,
    /// As typed; blank means unattributed.
    pub attribution: String,
    pub note: String,
}

#[derive(Properties, PartialEq)]
pub struct TagMenuProps {
    /// The selected text, shown so the user sees what they are tagging.
    pub quote: String,
    /// Where the selection is on the page.
    pub anchor: MenuAnchor,
    pub labels: Rc<Vec<Label>>,
    pub on_choose: Callback<TagChoice>,
    pub on_cancel: Callback<()>,
}

/// Width the stylesheet gives the menu, to keep it inside the window.
const MENU_WIDTH: f64 = 320.0;
/// About the menu's height: with less room than this under the selection, it opens above.
const MENU_HEIGHT: f64 = 330.0;

/// Where the menu goes, as an inline style: centred under the end of the selection and kept
/// inside the window, or, when there is no room below, with its bottom edge just above the
/// selection (the translation makes that exact whatever the menu's height).
fn placement(anchor: &MenuAnchor) -> String {
    let window = web_sys::window();
    let number = |v: Option<wasm_bindgen::JsValue>, fallback: f64| {
        v.and_then(|v| v.as_f64()).unwrap_or(fallback)
    };
    let (width, height, scroll_x, scroll_y) = match &window {
        Some(w) => (
            number(w.inner_width().ok(), 1024.0),
            number(w.inner_height().ok(), 768.0),
            w.scroll_x().unwrap_or(0.0),
            w.scroll_y().unwrap_or(0.0),
        ),
        None => (1024.0, 768.0, 0.0, 0.0),
    };
    let left = (anchor.x - MENU_WIDTH / 2.0)
        .min(scroll_x + width - MENU_WIDTH - 12.0)
        .max(scroll_x + 8.0);
    let room_below = scroll_y + height - anchor.below;
    let room_above = anchor.above - scroll_y;
    if room_below < MENU_HEIGHT && room_above > room_below {
        format!(
            "left:{left:.0}px;top:{:.0}px;transform:translateY(-100%);",
            anchor.above - 8.0
        )
    } else {
        format!("left:{left:.0}px;top:{:.0}px;", anchor.below + 8.0)
    }
}

/// The label index a key chooses: 1–9 (from the key, or with Alt from the physical key, as
/// Alt changes the character on some layouts).
fn label_key(event: &KeyboardEvent) -> Option<usize> {
    let digit = if event.alt_key() {
        let code = event.code();
        code.strip_prefix("Digit")
            .or_else(|| code.strip_prefix("Numpad"))
            .and_then(|d| d.parse::<usize>().ok())
    } else {
        event.key().parse::<usize>().ok()
    };
    digit.filter(|d| (1..=9).contains(d)).map(|d| d - 1)
}

thread_local! {
    /// The label last chosen in this page, highlighted as the Enter default.
    static LAST_LABEL: std::cell::RefCell<Option<LabelId>> = const { std::cell::RefCell::new(None) };
}

/// "1–3" for three labels (at most nine have keys).
fn digit_range(labels: usize) -> String {
    match labels.min(9) {
        0 | 1 => "1".to_string(),
        n => format!("1–{n}"),
    }
}

#[function_component(TagMenu)]
pub fn tag_menu(props: &TagMenuProps) -> Html {
    let attribution = use_node_ref();
    let note = use_node_ref();
    let menu = use_node_ref();
    let default_label = LAST_LABEL
        .with(|last| last.borrow().clone())
        .filter(|id| props.labels.iter().any(|l| &l.id == id))
        .or_else(|| props.labels.first().map(|l| l.id.clone()));

    {
        let menu = menu.clone();
        use_effect_with(props.quote.clone(), move |_| {
            if let Some(menu) = menu.cast::<HtmlElement>() {
                // The menu is placed in view already; scrolling to it would cost a layout.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = menu.focus_with_options(&options);
            }
            super::marks::mark_after_paint("claimmark:menu-shown");
        });
    }

    let choose = {
        let attribution = attribution.clone();
        let note = note.clone();
        let on_choose = props.on_choose.clone();
        Callback::from(move |label: LabelId| {
            LAST_LABEL.with(|last| *last.borrow_mut() = Some(label.clone()));
            on_choose.emit(TagChoice {
                label,
                attribution: attribution
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
                note: note
                    .cast::<HtmlTextAreaElement>()
                    .map(|t| t.value())
                    .unwrap_or_default(),
            });
        })
    };

    let onkeydown = {
        let choose = choose.clone();
        let on_cancel = props.on_cancel.clone();
        let labels = props.labels.clone();
        let default_label = default_label.clone();
        let attribution = attribution.clone();
        Callback::from(move |event: KeyboardEvent| {
            // Whatever is typed here concerns the new annotation only.
            event.stop_propagation();
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok());
            let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
            let field = attribution.cast::<HtmlInputElement>();
            let in_attribution = field.is_some()
                && target.as_ref().map(|t| t.id()) == Some("tag-attribution".into());
            let attribution_empty = field.as_ref().is_none_or(|f| f.value().is_empty());
            let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
            let label = label_key(&event)
                .and_then(|i| labels.get(i))
                .map(|l| l.id.clone());
            let key = event.key();
            let on_menu = !matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "BUTTON");
            let choice = match (label, key.as_str()) {
                (_, "Escape") => {
                    event.prevent_default();
                    on_cancel.emit(());
                    return;
                }
                (Some(label), _) if event.alt_key() => Some(label),
                (Some(label), _) if plain && (on_menu || (in_attribution && attribution_empty)) => {
                    Some(label)
                }
                (_, "Enter") if tag == "TEXTAREA" && plain => return,
                (_, "Enter") if tag != "BUTTON" => default_label.clone(),
                _ => {
                    // A character typed on the menu itself starts the attribution: focus moves
                    // there before the key's character is inserted, so it lands in the field.
                    if on_menu && plain && key.chars().count() == 1 {
                        if let Some(field) = &field {
                            let _ = field.focus();
                        }
                    }
                    return;
                }
            };
            event.prevent_default();
            if let Some(label) = choice {
                choose.emit(label);
            }
        })
    };

    let style = placement(&props.anchor);

    let buttons = props.labels.iter().enumerate().map(|(index, label)| {
        let id = label.id.clone();
        let choose = choose.clone();
        let is_default = default_label.as_ref() == Some(&label.id);
        let key_hint = (index < 9).then(|| (index + 1).to_string());
        html! {
            <button type="button" class={classes!("label-button", is_default.then_some("is-default"))}
                style={format!("--label:{}", label.color)} title={label.description.clone()}
                aria-keyshortcuts={key_hint.clone().map(|k| format!("{k} Alt+{k}"))}
                onclick={Callback::from(move |_| choose.emit(id.clone()))}>
                <span class="label-name">{ &label.name }</span>
                if let Some(hint) = key_hint { <kbd aria-hidden="true">{ hint }</kbd> }
            </button>
        }
    });
    let default_name = default_label
        .as_ref()
        .and_then(|id| props.labels.iter().find(|l| &l.id == id))
        .map(|l| l.name.clone())
        .unwrap_or_default();

    html! {
        <div class="tag-menu" role="dialog" aria-label="Tag selection" tabindex="-1"
            ref={menu} style={style} onkeydown={onkeydown} data-owns-keys="">
            <p class="tag-quote" dir="auto">{ format!("“{}”", shorten_middle(&props.quote, 90)) }</p>
            <div class="label-buttons" role="group" aria-label="Label">{ for buttons }</div>
            <div class="field">
                <label for="tag-attribution">{ "Attribution" }</label>
                <SourceField input={attribution} id="tag-attribution"
                    placeholder="Who says it? (empty: unattributed)" />
            </div>
            <label class="field">
                <span>{ "Note" }</span>
                <textarea ref={note} rows="2" placeholder="Optional" />
            </label>
            <p class="hint key-hint">{ format!("{}: label (Alt+ them while typing) · Enter: {default_name} · Esc: cancel", digit_range(props.labels.len())) }</p>
        </div>
    }
}
