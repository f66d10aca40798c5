//! Heart-rhythm maths, pure: reading RR intervals from lines and packets, cleaning them of
//! artefacts, and the numbers a reading gives (heart rate, RMSSD, SDNN, swing, spectrum).

pub mod ble;
pub mod clean;
pub mod metrics;
pub mod parse;
pub mod spectrum;

pub use clean::{Cleaned, clean};
pub use metrics::{Summary, summarise};
pub use parse::{Format, LineError, LineParser, Why, parse_lines};
