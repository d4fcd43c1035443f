//! Editing a label set as a draft: names, descriptions, colours, order (a label's key is its
//! place: the first nine get 1–9), adding labels and removing unused ones. Nothing changes
//! until the owner applies the draft as one `Action::SetLabels` (one undo step):
//! [`LabelsDialog`] on Save, the exercise dialog when the exercise is saved or shared.
//! Escape or Cancel leaves the labels as they were.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::dialogs::Modal;
use super::store::{use_store, Msg};
use crate::model::annotation::label_set_problem;
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

/// The shown document's labels and the ids its annotations use.
pub fn current_labels(store: &super::store::StoreHandle) -> (Vec<Label>, Vec<LabelId>) {
    let editor = store.editor();
    let workspace = editor.workspace();
    let used = workspace
        .annotations()
        .iter()
        .map(|a| a.label.clone())
        .collect();
    (workspace.labels.clone(), used)
}

/// A change to the draft, made by a button.
type DraftEdit = Box<dyn Fn(&mut Vec<Label>)>;

#[derive(Properties, PartialEq)]
pub struct LabelEditorProps {
    /// The draft.
    pub labels: Vec<Label>,
    /// Labels in use, which cannot be removed.
    pub used: Vec<LabelId>,
    pub on_change: Callback<Vec<Label>>,
}

#[function_component(LabelEditor)]
pub fn label_editor(props: &LabelEditorProps) -> Html {
    let labels = &props.labels;
    let change = |edit: DraftEdit| {
        let (labels, on_change) = (labels.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut changed = labels.clone();
            edit(&mut changed);
            on_change.emit(changed);
        })
    };
    let rows = labels.iter().enumerate().map(|(index, label)| {
        let field = |apply: fn(&mut Label, String)| {
            let (labels, on_change) = (labels.clone(), props.on_change.clone());
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let mut changed = labels.clone();
                apply(&mut changed[index], input.value());
                on_change.emit(changed);
            })
        };
        let in_use = props.used.contains(&label.id);
        let key = (index < 9).then(|| (index + 1).to_string());
        html! {
            <li class="label-row">
                <kbd class="label-key" title="Key in the tag menu">{ key.unwrap_or_default() }</kbd>
                <input type="color" value={label.color.clone()} aria-label={format!("Colour of {}", label.name)}
                    onchange={field(|l, v| l.color = v)} />
                <input type="text" value={label.name.clone()} aria-label={format!("Name of {}", label.name)}
                    onchange={field(|l, v| l.name = v.trim().to_string())} />
                <input type="text" class="description" value={label.description.clone()}
                    aria-label={format!("Description of {}", label.name)} placeholder="One line of guidance"
                    onchange={field(|l, v| l.description = v.trim().to_string())} />
                <span class="label-order">
                    <button type="button" disabled={index == 0} aria-label={format!("Move {} up", label.name)}
                        title="Move up (its key changes)" onclick={change(Box::new(move |l| l.swap(index, index - 1)))}>{ "↑" }</button>
                    <button type="button" disabled={index + 1 == labels.len()} aria-label={format!("Move {} down", label.name)}
                        title="Move down (its key changes)" onclick={change(Box::new(move |l| l.swap(index, index + 1)))}>{ "↓" }</button>
                </span>
                <button type="button" onclick={change(Box::new(move |l| { l.remove(index); }))}
                    disabled={in_use || labels.len() == 1}
                    title={if in_use { "In use by annotations" } else { "Remove this label" }}
                    aria-label={format!("Remove {}", label.name)}>{ "×" }</button>
            </li>
        }
    });
    let add = change(Box::new(|labels| {
        let name = format!("Label {}", labels.len() + 1);
        labels.push(Label {
            id: new_id(&name, labels),
            color: NEW_COLORS[labels.len() % NEW_COLORS.len()].to_string(),
            name,
            description: String::new(),
        });
    }));
    html! {
        <div class="label-editor">
            <ol class="label-rows">{ for rows }</ol>
            <button type="button" onclick={add}>{ "Add a label" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LabelsDialogProps {
    pub on_close: Callback<()>,
}

/// The label set's own editor, from the toolbar: Save applies the draft as one undo step;
/// Cancel or Escape changes nothing.
#[function_component(LabelsDialog)]
pub fn labels_dialog(props: &LabelsDialogProps) -> Html {
    let store = use_store();
    let (start, used) = current_labels(&store);
    let draft = use_state(|| start.clone());
    let problem = label_set_problem(&draft, &used);
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |labels: Vec<Label>| draft.set(labels))
    };
    let save = {
        let (store, draft, on_close) = (store.clone(), draft.clone(), props.on_close.clone());
        Callback::from(move |_| {
            store.dispatch(Msg::Do(Action::SetLabels((*draft).clone())));
            on_close.emit(());
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    html! {
        <Modal title="Labels" on_close={props.on_close.clone()}>
            <p class="hint">{ "The labels of this document. The first nine have keys 1–9 in the tag menu, in this order. Labels in use cannot be removed." }</p>
            <LabelEditor labels={(*draft).clone()} used={used} {on_change} />
            if let Some(problem) = &problem {
                <p class="form-error" role="alert">{ format!("Cannot save: {problem}.") }</p>
            }
            <div class="actions">
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
                <button type="button" class="primary" onclick={save}
                    disabled={problem.is_some() || *draft == start}>{ "Save labels" }</button>
            </div>
        </Modal>
    }
}
