//! Paced breathing: patterns and their safe bounds, the exact timeline, the pause-aware
//! active clock, and follow-my-breath.

pub mod choices;
pub mod clock;
pub mod follow;
pub mod pattern;
pub mod schedule;

/// The length offered when none is chosen, in minutes.
pub const DEFAULT_MINUTES: f64 = 5.0;
/// The longest session attune plans, in minutes.
pub const MAX_MINUTES: f64 = 60.0;

pub use pattern::{Pattern, PhaseKind};
pub use schedule::{Position, Schedule, planned_length};
