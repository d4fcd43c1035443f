//! Editing the label set of the shown document: names, descriptions, colours; adding labels
//! and removing unused ones. Each change is one `Action::SetLabels` (one undo step).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::store::{use_store, Msg};
use crate::model::{Action, Label, LabelId};

/// An id for a new label: its name in lower case with runs of other characters as `-`,
/// made unique among `taken`.
fn new_id(name: &str, taken: &[Label]) -> LabelId {
    let slug: String = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if slug.is_empty() {
        "label".to_string()
    } else {
        slug
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|l| l.id.as_str() == candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    LabelId::new(&candidate)
}

/// Colours offered to new labels, in turn (all keep AA contrast as tints behind dark text).
const NEW_COLORS: [&str; 4] = ["#cc79a7", "#e69f00", "#56b4e9", "#6a3d9a"];

#[function_component(LabelEditor)]
pub fn label_editor() -> Html {
    let store = use_store();
    let (labels, used): (Vec<Label>, Vec<LabelId>) = {
        let editor = store.editor();
        let workspace = editor.workspace();
        let used = workspace
            .annotations()
            .iter()
            .map(|a| a.label.clone())
            .collect();
        (workspace.labels.clone(), used)
    };
    let set = {
        let store = store.clone();
        Callback::from(move |labels: Vec<Label>| store.dispatch(Msg::Do(Action::SetLabels(labels))))
    };
    let rows = labels.iter().enumerate().map(|(index, label)| {
        let field = |apply: fn(&mut Label, String)| {
            let (labels, set) = (labels.clone(), set.clone());
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let mut changed = labels.clone();
                apply(&mut changed[index], input.value());
                set.emit(changed);
            })
        };
        let remove = {
            let (labels, set) = (labels.clone(), set.clone());
            Callback::from(move |_| {
                let mut changed = labels.clone();
                changed.remove(index);
                set.emit(changed);
            })
        };
        let in_use = used.contains(&label.id);
        html! {
            <li class="label-row">
                <input type="color" value={label.color.clone()} aria-label={format!("Colour of {}", label.name)}
                    onchange={field(|l, v| l.color = v)} />
                <input type="text" value={label.name.clone()} aria-label={format!("Name of {}", label.name)}
                    onchange={field(|l, v| l.name = v.trim().to_string())} />
                <input type="text" class="description" value={label.description.clone()}
                    aria-label={format!("Description of {}", label.name)} placeholder="One line of guidance"
                    onchange={field(|l, v| l.description = v.trim().to_string())} />
                <button type="button" onclick={remove} disabled={in_use || labels.len() == 1}
                    title={if in_use { "In use by annotations" } else { "Remove this label" }}
                    aria-label={format!("Remove {}", label.name)}>{ "×" }</button>
            </li>
        }
    });
    let add = {
        let (labels, set) = (labels.clone(), set.clone());
        Callback::from(move |_| {
            let mut changed = labels.clone();
            let name = format!("Label {}", changed.len() + 1);
            changed.push(Label {
                id: new_id(&name, &changed),
                color: NEW_COLORS[changed.len() % NEW_COLORS.len()].to_string(),
                name,
                description: String::new(),
            });
            set.emit(changed);
        })
    };
    html! {
        <div class="label-editor">
            <ol class="label-rows">{ for rows }</ol>
            <button type="button" onclick={add}>{ "Add a label" }</button>
        </div>
    }
}
