//! Dropping files on the page: while files are dragged over it the page shows a drop overlay;
//! dropped files are imported like chosen ones.

use web_sys::File;
use yew::prelude::*;

use crate::view::files::file_list;

/// Whether files are being dragged over the page, and the page's drag handlers.
pub struct FileDrop {
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Drag-and-drop onto the page; dropped files go to `on_import`.
#[hook]
pub fn use_file_drop(on_import: Callback<Vec<File>>) -> FileDrop {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Leaving for a child element is not leaving the page.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            on_import.emit(file_list(event.data_transfer().and_then(|d| d.files())));
        })
    };
    FileDrop {
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}
