//! The source × label chart as geometry: a horizontal stacked bar per source, scaled so the
//! longest bar fills the plot, with row labels, totals, axis ticks and a legend.
//!
//! Everything is placed here, in px of a [`WIDTH`]-wide drawing, so the view only draws it
//! (with Yew's SVG elements) and host tests check it: `shape` holds the pieces, `place` puts
//! them where they go, `parts` chooses the bars and shortens text, and `svg` writes the same
//! geometry as a standalone SVG file ([`Chart::to_svg`]) for download and print.
//!
//! Text is black; each segment also prints its count when it is wide enough, in black or white,
//! whichever contrasts more with the label colour, so the chart reads without colour.

mod parts;
mod place;
mod shape;
mod svg;

pub use parts::{nice_step, safe_color, shorten, shorten_to, text_color_on};
pub use shape::*;
