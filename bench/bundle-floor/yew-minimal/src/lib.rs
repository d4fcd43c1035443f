//! The smallest useful Yew app: a reducer, a keyed list, an input and an effect. Built alone
//! (bin yew-minimal) its size is Yew's share of any Yew app's bundle; built with the model behind
//! its Add button (bin yew-with-model) it is the least claimmark can ship.

use std::rc::Rc;
use yew::prelude::*;

/// What Add does to the typed text before listing it.
pub type Transform = fn(String) -> String;

#[derive(Clone, Default, PartialEq)]
struct Items(Vec<String>);

enum ItemAction {
    Add(String),
    Remove(usize),
}

impl Reducible for Items {
    type Action = ItemAction;

    fn reduce(self: Rc<Self>, action: ItemAction) -> Rc<Self> {
        let mut items = self.0.clone();
        match action {
            ItemAction::Add(item) => items.push(item),
            ItemAction::Remove(index) => {
                items.remove(index);
            }
        }
        Rc::new(Items(items))
    }
}

#[derive(Properties)]
pub struct AppProps {
    pub transform: Transform,
}

/// The props are set once, at start, so they never differ.
impl PartialEq for AppProps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let items = use_reducer(Items::default);
    let draft = use_state(String::new);
    use_effect_with(items.0.len(), |count| {
        web_sys::console::log_1(&format!("{count} items").into());
    });
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let onclick = {
        let (items, draft, transform) = (items.clone(), draft.clone(), props.transform);
        Callback::from(move |_| items.dispatch(ItemAction::Add(transform((*draft).clone()))))
    };
    let rows = items.0.iter().enumerate().map(|(index, item)| {
        let items = items.clone();
        let onclick = move |_| items.dispatch(ItemAction::Remove(index));
        html! { <li key={index} {onclick}>{ item }</li> }
    });
    html! {
        <main>
            <input value={(*draft).clone()} {oninput} />
            <button {onclick}>{ "Add" }</button>
            <ul>{ for rows }</ul>
        </main>
    }
}
