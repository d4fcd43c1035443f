//! Prints the seed article's reading view as static HTML (`model::prerender`), for Trunk's
//! post-build hook (`scripts/post-build.mjs`) to write into `index.html`, so the article shows
//! before the app has downloaded and started.

fn main() {
    let seed = claimmark::model::text::seed_document();
    print!("{}", claimmark::model::prerender::article(&seed));
}
