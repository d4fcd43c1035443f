//! The Statistics tab (being written).

use yew::prelude::*;

#[function_component(StatisticsPanel)]
pub fn statistics_panel() -> Html {
    html! { <div class="tab-body"></div> }
}
