//! Home: today at a glance and the way into every practice (`view`, `keys`), and the
//! first-run welcome drawn over it (`welcome`).

pub mod keys;
pub mod update;
pub mod view;
pub mod welcome;
