//! The domain tests, one binary: each file beside this folder is one module here, so the
//! suite links a handful of binaries instead of one per file.

#[path = "../breathing_timeline.rs"]
mod breathing_timeline;
#[path = "../encrypt_props.rs"]
mod encrypt_props;
#[path = "../heart_domain.rs"]
mod heart_domain;
#[path = "../trends.rs"]
mod trends;
#[path = "../trends_heart.rs"]
mod trends_heart;
