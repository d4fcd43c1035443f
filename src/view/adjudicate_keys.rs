//! The adjudication screen's keys ([`command`]): J and K to the next and previous group, 1…9 to
//! pick a variant, R to reject them all, E to edit, C to combine, N for the note, U to reopen a
//! decided group, `?` for help. The screen owns its keys (`data-owns-keys`, so the page-wide
//! shortcuts leave them alone) and reads them only while the focus is in it and not in a field
//! or one of its forms (the edit and combine forms, `data-form`), where Escape goes back to the
//! queue instead. Dialogs keep their keys to themselves and sit outside the screen.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// What a key asks the adjudication screen to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Move by this many groups (1: next, −1: previous).
    Step(isize),
    /// Keep variant `n` (from 0) of the group.
    Pick(usize),
    Reject,
    Edit,
    Combine,
    /// Focus the note field.
    Note,
    /// Take back the decision on the group.
    Reopen,
    Help,
    /// Leave a field or form for the queue (closing the form).
    Back,
}

/// Whether the key was typed in a text field, a list or something editable.
fn in_field(target: &HtmlElement) -> bool {
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.is_content_editable()
}

/// The command of a key pressed inside the adjudication screen, if it is one of its keys and
/// nothing else there has a use for it.
pub fn command(event: &KeyboardEvent) -> Option<Command> {
    if event.default_prevented() || event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    let target = event.target()?.dyn_into::<HtmlElement>().ok()?;
    let in_form = target
        .closest("[data-form]")
        .ok()
        .flatten()
        .is_some_and(|form: Element| form.is_connected());
    if event.key() == "Escape" {
        return (in_form || in_field(&target)).then_some(Command::Back);
    }
    if in_form || in_field(&target) {
        return None;
    }
    let command = match event.key().as_str() {
        "j" | "J" => Command::Step(1),
        "k" | "K" => Command::Step(-1),
        "r" | "R" => Command::Reject,
        "e" | "E" => Command::Edit,
        "c" | "C" => Command::Combine,
        "n" | "N" => Command::Note,
        "u" | "U" => Command::Reopen,
        "?" => Command::Help,
        digit => match digit.parse::<usize>() {
            Ok(n @ 1..=9) if digit.len() == 1 => Command::Pick(n - 1),
            _ => return None,
        },
    };
    Some(command)
}

/// Focuses the first element of the page that `selector` finds.
pub fn focus(selector: &str) {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = found {
        let _ = element.focus();
    }
}

/// Whether the focus is nowhere in particular (on the page's body, or on nothing).
pub fn focus_is_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    let active = document.as_ref().and_then(|d| d.active_element());
    let body = document.and_then(|d| d.body());
    match (active, body) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        _ => false,
    }
}
