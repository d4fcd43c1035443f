//! The parts of the import preview that ask or tell before anything changes: the documents
//! left out with their problems ([`RejectedList`]), the unit the file's offsets count in
//! ([`UnitChoice`], shown when the import converted or could not tell), whether documents of
//! open texts replace them or are added ([`WhereChoice`]), and a label for annotations that
//! arrived without one ([`UnlabelledChoice`]).

use yew::prelude::*;

use crate::model::annotation::{Label, LabelId};
use crate::model::formats::{Rejected, Unit, Verdict};

#[derive(Properties, PartialEq)]
pub struct RejectedProps {
    pub rejected: Vec<Rejected>,
}

/// The documents that will not be imported, each with its first problems.
#[function_component(RejectedList)]
pub fn rejected_list(props: &RejectedProps) -> Html {
    let shown = props.rejected.iter().take(8).map(|r| {
        let name = match r.title.as_str() {
            "" => r.record.clone(),
            title => format!("{} ({title})", r.record),
        };
        let problems = r
            .problems
            .iter()
            .take(3)
            .map(|p| html! { <li>{ p.to_string() }</li> });
        let more = r.problems.len().saturating_sub(3);
        html! {
            <li>{ name }
                <ul>{ for problems }
                    if more > 0 { <li>{ format!("… and {more} more") }</li> }
                </ul>
            </li>
        }
    });
    let more = props.rejected.len().saturating_sub(8);
    html! {
        <div class="rejected" role="status">
            <h3>{ format!("{} document(s) with problems will be left out", props.rejected.len()) }</h3>
            <ul class="warnings">{ for shown }
                if more > 0 { <li>{ format!("… and {more} more documents") }</li> }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnitProps {
    /// What the import found.
    pub verdict: Verdict,
    /// The unit chosen by the user, if any.
    pub chosen: Option<Unit>,
    pub on_choose: Callback<Unit>,
}

/// Which unit the file's offsets count in: shown when the import converted them or could not
/// tell; choosing reads the file again in that unit.
#[function_component(UnitChoice)]
pub fn unit_choice(props: &UnitProps) -> Html {
    let (found, alternative, sure) = match props.verdict {
        Verdict::Decided(unit) if unit != Unit::CodePoint => (unit, unit, true),
        Verdict::Unsure { alternative } => (Unit::CodePoint, alternative, false),
        Verdict::Agree(unit) if props.chosen.is_some() => {
            (unit, props.chosen.unwrap_or(unit), true)
        }
        _ => return html! {},
    };
    let current = props.chosen.unwrap_or(found);
    let option = |unit: Unit| {
        let on_choose = props.on_choose.clone();
        let detected = if unit == found && props.chosen.is_none() && sure {
            " (found in the file)"
        } else {
            ""
        };
        html! {
            <label class="scope">
                <input type="radio" name="offset-unit" checked={current == unit}
                    onchange={Callback::from(move |_| on_choose.emit(unit))} />
                { format!("{}{}{detected}", unit.words(), unit.detail()) }
            </label>
        }
    };
    html! {
        <fieldset class="scopes units">
            <legend>{ if sure { "The file counts offsets in" } else { "The file does not say how it counts offsets: choose" } }</legend>
            { option(Unit::CodePoint) }
            { option(alternative) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct WhereProps {
    /// How many imported documents have a text that is open.
    pub open: usize,
    pub replace_open: bool,
    pub on_choose: Callback<bool>,
}

/// Whether documents of texts already open replace them or are added beside them.
#[function_component(WhereChoice)]
pub fn where_choice(props: &WhereProps) -> Html {
    let choose = |on: bool| {
        let on_choose = props.on_choose.clone();
        Callback::from(move |_| on_choose.emit(on))
    };
    html! {
        <fieldset class="scopes replace">
            <legend>{ format!("{} document(s) have a text that is open", props.open) }</legend>
            <label class="scope"><input type="radio" name="replace-open" checked={props.replace_open} onchange={choose(true)} />
                { "Replace the open ones (their annotations give way to the file's)" }</label>
            <label class="scope"><input type="radio" name="replace-open" checked={!props.replace_open} onchange={choose(false)} />
                { "Add them as documents of their own" }</label>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnlabelledProps {
    pub count: usize,
    pub labels: Vec<Label>,
    pub chosen: Option<LabelId>,
    pub on_choose: Callback<Option<LabelId>>,
}

/// A label for the annotations that arrived without one (or keep them as “unlabelled”).
#[function_component(UnlabelledChoice)]
pub fn unlabelled_choice(props: &UnlabelledProps) -> Html {
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            on_choose.emit((!value.is_empty()).then(|| LabelId::new(&value)));
        })
    };
    let options = props.labels.iter().map(|l| {
        let selected = props.chosen.as_ref() == Some(&l.id);
        html! { <option value={l.id.to_string()} {selected}>{ &l.name }</option> }
    });
    html! {
        <label class="unlabelled">
            { format!("{} annotation(s) have no label; give them ", props.count) }
            <select {onchange}>
                <option value="" selected={props.chosen.is_none()}>{ "“unlabelled”" }</option>
                { for options }
            </select>
        </label>
    }
}
