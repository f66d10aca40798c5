//! The manual page's own sections, past what clap writes from the arguments.

/// (variable, what it does), for ENVIRONMENT.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("ATTUNE_DATA_DIR", "Folder for your records, as --data-dir."),
    (
        "ATTUNE_STATE_DIR",
        "Folder for this machine's own state: device id, locks, journal drafts.",
    ),
    (
        "ATTUNE_CONFIG_DIR",
        "Folder for config.toml and your own patterns and routines.",
    ),
    ("NO_COLOR", "When set and not empty, no colour, as --no-color."),
    ("VISUAL, EDITOR", "The editor a journal entry opens in."),
];

/// (path, what is there), for FILES.
pub const FILES: &[(&str, &str)] = &[
    (
        "~/.config/attune/config.toml",
        "Your settings. `attune config --init` writes a commented default; `attune config --path` says where it is read from.",
    ),
    (
        "~/.local/share/attune/records/",
        "Your records, one plain JSON file per device and month.",
    ),
    ("~/.local/state/attune/", "This machine's device id, locks and journal drafts."),
];

/// (code, meaning), for EXIT STATUS.
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Done (a reader that stopped early, as `| head`, is fine too)."),
    ("1", "Something went wrong doing the work; nothing half-written is left."),
    ("2", "A mistake in what was asked; nothing stored changed."),
    ("128+N", "Ended by signal N, after the terminal was put back."),
];

pub const CRISIS_INTRO: &str =
    "attune is not for emergencies. If you need someone now, these lines can help:";
