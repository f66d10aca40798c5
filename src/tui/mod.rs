//! The full-screen app.

use crate::store::layout::Layout;

/// Options the TUI starts with.
#[derive(Debug, Clone)]
pub struct Options {
    pub layout: Layout,
    pub color: bool,
}

/// Run the TUI until the user quits. The terminal is restored on every way out.
pub fn run(_opts: Options) -> anyhow::Result<()> {
    todo!()
}
