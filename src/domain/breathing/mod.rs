//! Paced breathing: patterns and their safe bounds, the exact timeline, the pause-aware
//! active clock, and follow-my-breath.

pub mod clock;
pub mod follow;
pub mod pattern;
pub mod schedule;

pub use pattern::{Pattern, PhaseKind};
pub use schedule::{Position, Schedule, planned_length};
