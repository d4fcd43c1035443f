//! Entry point of the web app. On wasm32 it mounts the Yew app; on other targets it only
//! explains itself, so that `cargo build` on the host still succeeds.

#[cfg(target_arch = "wasm32")]
fn main() {
    claimmark::view::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimmark-web is the browser app; build it with scripts/serve.sh");
    std::process::exit(2);
}
