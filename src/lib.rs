//! attune: a calm terminal companion for daily self-regulation practice.

pub mod content;
pub mod domain;
pub mod paths;
pub mod store;
