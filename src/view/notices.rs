//! The notices under the toolbar: information in a polite status region, errors in an alert
//! region, each with its buttons (export everything, the other tab's work or this tab's) and a
//! way to dismiss it. Information fades by itself (`hooks::notice_fade`).

use yew::prelude::*;

use super::autosave;
use super::files::download;
use super::store::{use_store, Msg, Notice, NoticeAction, NoticeKind, StoreHandle};
use crate::model::formats::{self, Format};
use crate::model::Workspace;

/// Downloads every open document as claimmark JSON Lines (the way out when saving fails).
fn export_everything(store: &StoreHandle) {
    let file = {
        let editor = store.editor();
        let documents: Vec<&Workspace> = editor.corpus().documents().iter().collect();
        formats::export(Format::Native, &documents)
    };
    let notice = match download(&file.name, file.mime, &file.bytes) {
        Ok(()) => (NoticeKind::Info, format!("Exported {}", file.name)),
        Err(message) => (NoticeKind::Error, format!("Export failed: {message}")),
    };
    store.dispatch(Msg::Notify(notice.0, notice.1));
}

/// One notice with its buttons.
fn notice_view(store: &StoreHandle, notice: Notice) -> Html {
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::DismissNotice))
    };
    let class = match notice.kind {
        NoticeKind::Info => "notice info",
        NoticeKind::Error => "notice error",
    };
    let buttons = notice.actions.iter().map(|action| {
        let store = store.clone();
        let (label, run): (&str, Callback<MouseEvent>) = match action {
            NoticeAction::ExportAll => (
                "Export everything",
                Callback::from(move |_| export_everything(&store)),
            ),
            NoticeAction::LoadSaved => (
                "Load the other tab's work",
                Callback::from(move |_| autosave::load_saved(&store)),
            ),
            NoticeAction::KeepThisTab => (
                "Keep this tab's work",
                Callback::from(move |_| autosave::keep_this_tab(&store)),
            ),
            NoticeAction::Undo => ("Undo", Callback::from(move |_| store.dispatch(Msg::Undo))),
            NoticeAction::Redo => ("Redo", Callback::from(move |_| store.dispatch(Msg::Redo))),
        };
        html! { <button type="button" class="notice-action" onclick={run}>{ label }</button> }
    });
    html! {
        <div class={class} key={notice.serial}>
            <p>{ notice.text }</p>
            { for buttons }
            <button type="button" class="close" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}

/// The status and alert regions, holding the current notice by its kind.
#[function_component(Notices)]
pub fn notices() -> Html {
    let store = use_store();
    let notice = store
        .notice
        .clone()
        .map(|notice| notice_view(&store, notice));
    let (error_notice, info_notice) = match store.notice.as_ref().map(|n| n.kind) {
        Some(NoticeKind::Error) => (notice, None),
        _ => (None, notice),
    };
    html! {
        <>
            <div class="status" role="status" aria-live="polite">{ for info_notice }</div>
            <div class="alerts" role="alert">{ for error_notice }</div>
        </>
    }
}
