//! The tui tests, one binary: each file beside this folder is one module here, so the
//! suite links a handful of binaries instead of one per file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../flow_support/mod.rs"]
mod flow_support;
#[path = "../journal_support/mod.rs"]
mod journal_support;
#[path = "../pin/mod.rs"]
mod pin;
#[path = "../tui_support/mod.rs"]
mod tui_support;

#[path = "../encrypt_tui.rs"]
mod encrypt_tui;
#[path = "../sound_ground.rs"]
mod sound_ground;
#[path = "../tui_breathe_choices.rs"]
mod tui_breathe_choices;
#[path = "../tui_breathe_flow.rs"]
mod tui_breathe_flow;
#[path = "../tui_breathe_heart.rs"]
mod tui_breathe_heart;
#[path = "../tui_breathe_snapshots.rs"]
mod tui_breathe_snapshots;
#[path = "../tui_config.rs"]
mod tui_config;
#[path = "../tui_every_size.rs"]
mod tui_every_size;
#[path = "../tui_first_run.rs"]
mod tui_first_run;
#[path = "../tui_fixes.rs"]
mod tui_fixes;
#[path = "../tui_flow.rs"]
mod tui_flow;
#[path = "../tui_ground_flow.rs"]
mod tui_ground_flow;
#[path = "../tui_ground_snapshots.rs"]
mod tui_ground_snapshots;
#[path = "../tui_journal_drafts.rs"]
mod tui_journal_drafts;
#[path = "../tui_journal_flow.rs"]
mod tui_journal_flow;
#[path = "../tui_journal_snapshots.rs"]
mod tui_journal_snapshots;
#[path = "../tui_record_flow.rs"]
mod tui_record_flow;
#[path = "../tui_reduced_motion.rs"]
mod tui_reduced_motion;
#[path = "../tui_snapshots.rs"]
mod tui_snapshots;
#[path = "../tui_themes.rs"]
mod tui_themes;
#[path = "../tui_trends_flow.rs"]
mod tui_trends_flow;
#[path = "../tui_trends_snapshots.rs"]
mod tui_trends_snapshots;
#[path = "../tui_worker.rs"]
mod tui_worker;
