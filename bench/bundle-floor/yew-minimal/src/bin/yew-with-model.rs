//! The minimal Yew app with claimmark's whole model behind its Add button.

fn main() {
    let transform = |text: String| {
        model_only::exercise_model("typed.json".into(), text.clone().into_bytes(), text, 3, 9)
    };
    let props = yew_minimal::AppProps { transform };
    yew::Renderer::<yew_minimal::App>::with_props(props).render();
}
