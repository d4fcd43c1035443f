//! The side panel: the exercise (if any), the selected annotation's editor, and four tabs —
//! Annotations, Sources, Statistics and Suggestions. Only the open tab is rendered, so a closed
//! tab costs nothing while annotating. Asking for suggestions (the Suggest button, S) opens
//! their tab.

use yew::prelude::*;

use super::annotation_editor::AnnotationEditor;
use super::annotation_list::AnnotationList;
use super::frames::after_paint;
use super::sources_panel::SourcesPanel;
use super::statistics::StatisticsPanel;
use super::store::use_store;
use super::student::ExercisePanel;
use super::suggestions_panel::SuggestionsPanel;
use crate::model::AnnotationId;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Annotations,
    Sources,
    Statistics,
    Suggestions,
}

impl Tab {
    const ALL: [Tab; 4] = [
        Tab::Annotations,
        Tab::Sources,
        Tab::Statistics,
        Tab::Suggestions,
    ];

    fn name(self) -> &'static str {
        match self {
            Tab::Annotations => "Annotations",
            Tab::Sources => "Sources",
            Tab::Statistics => "Statistics",
            Tab::Suggestions => "Suggestions",
        }
    }

    fn id(self) -> String {
        format!("tab-{}", self.name().to_lowercase())
    }
}

#[function_component(SidePanel)]
pub fn side_panel() -> Html {
    let store = use_store();
    let tab = use_state(|| Tab::Annotations);
    {
        let tab = tab.clone();
        use_effect_with(store.suggestions.shown, move |shown| {
            if *shown > 0 {
                tab.set(Tab::Suggestions);
            }
        });
    }
    // The editor of an annotation just added appears one frame after it, so that its highlight
    // is painted first (the form costs milliseconds of layout). Meanwhile no editor is shown:
    // never the previous one, which keys such as E would otherwise reach.
    let revealed = use_state(|| None::<AnnotationId>);
    let wait = store.selected_just_added() && *revealed != store.selected;
    {
        let revealed = revealed.clone();
        use_effect_with((store.selected.clone(), wait), move |(selected, wait)| {
            if *wait {
                let selected = selected.clone();
                after_paint(move || revealed.set(selected));
            }
        });
    }
    let selected = {
        let editor = store.editor();
        store
            .selected
            .as_ref()
            .filter(|_| !wait)
            .and_then(|id| editor.workspace().annotation(id).cloned())
    };
    let selected = selected.map(|annotation| {
        let key = annotation.id.to_string();
        html! {
            <section class="selected-annotation" aria-label="Selected annotation">
                <AnnotationEditor {key} {annotation} />
            </section>
        }
    });
    // Arrow keys move between tabs, as in every tab list.
    let onkeydown = {
        let tab = tab.clone();
        Callback::from(move |event: KeyboardEvent| {
            let at = Tab::ALL.iter().position(|t| *t == *tab).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" => Tab::ALL[(at + 1) % Tab::ALL.len()],
                "ArrowLeft" => Tab::ALL[(at + Tab::ALL.len() - 1) % Tab::ALL.len()],
                _ => return,
            };
            event.prevent_default();
            tab.set(next);
            if let Some(button) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&next.id()))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = button.focus();
            }
        })
    };
    let buttons = Tab::ALL.iter().map(|&which| {
        let chosen = *tab == which;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_| tab.set(which))
        };
        html! {
            <button type="button" role="tab" id={which.id()} aria-selected={chosen.to_string()}
                aria-controls="side-tab-body" tabindex={if chosen { "0" } else { "-1" }} {onclick}>
                { which.name() }
            </button>
        }
    });
    let body = match *tab {
        Tab::Annotations => html! { <AnnotationList /> },
        Tab::Sources => html! { <SourcesPanel /> },
        Tab::Statistics => html! { <StatisticsPanel /> },
        Tab::Suggestions => html! { <SuggestionsPanel /> },
    };
    html! {
        <aside class={classes!("panel", (*tab == Tab::Suggestions).then_some("is-suggesting"))}
            aria-label="Annotations, sources, statistics and suggestions">
            <ExercisePanel />
            // Conditional parts sit in stable slots, so that showing them never rebuilds the tabs.
            <div class="selected-slot">{ for selected }</div>
            <div class="tabs" role="tablist" aria-label="Side panel" {onkeydown}>{ for buttons }</div>
            <div id="side-tab-body" class="tab-panel" role="tabpanel" aria-labelledby={tab.id()}>
                { body }
            </div>
        </aside>
    }
}
