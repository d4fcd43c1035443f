//! The minimal Yew app alone.

fn main() {
    let props = yew_minimal::AppProps {
        transform: |text| text,
    };
    yew::Renderer::<yew_minimal::App>::with_props(props).render();
}
