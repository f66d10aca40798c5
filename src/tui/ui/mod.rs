//! What every screen draws with: the page (the whole frame, the title line, the footer of
//! key hints, margins), text wrapping, the word picker, the 0-10 scale, big digits, the
//! pacer, the week chart, a one-line text input and a yes-or-no question. Drawing only reads the app; it never changes it.

pub mod ask;
pub mod digits;
pub mod hints;
pub mod line_input;
pub mod pacer;
pub mod page;
pub mod picker;
pub mod scale;
pub mod text;
pub mod week_chart;

pub use page::{
    MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH, Page, centered, drawn_size, render, roomy, title,
    with_footer,
};
pub use text::*;
