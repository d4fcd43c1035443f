//! Notices that inform fade after a while; errors stay until dismissed.

use yew::prelude::*;

use crate::view::store::{Msg, NoticeKind, StoreHandle};

/// How long an information notice stays.
const INFO_MS: u32 = 6_000;

/// Dismisses each information notice `INFO_MS` after it appears, unless another replaced it.
#[hook]
pub fn use_notice_fade(store: &StoreHandle) {
    let store = store.clone();
    let info = store
        .notice
        .as_ref()
        .filter(|n| n.kind == NoticeKind::Info)
        .map(|n| n.serial);
    use_effect_with(info, move |serial| {
        let timer = serial.map(|serial| {
            gloo_timers::callback::Timeout::new(INFO_MS, move || {
                if store.notice.as_ref().is_some_and(|n| n.serial == serial) {
                    store.dispatch(Msg::DismissNotice);
                }
            })
        });
        move || drop(timer)
    });
}
