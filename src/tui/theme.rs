//! Styles by role, in three themes: Calm (muted colours from the 256-colour set), High
//! contrast (bright foregrounds from the basic 16, bold where it helps, never dim) and
//! Mono (no colours at all: only bold, dim and reversed; NO_COLOR and --no-color give
//! it). No theme uses red for anything, least of all the user's numbers.

use crate::config::Theme as Kind;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub kind: Kind,
}

// Muted slate teal, soft sand and sage: readable on dark and light backgrounds alike.
const TEAL: Color = Color::Indexed(109);
const SAND: Color = Color::Indexed(180);
const SAGE: Color = Color::Indexed(108);
const INK: Color = Color::Indexed(235);

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

impl Theme {
    /// The calm theme, or mono without colour.
    pub fn new(color: bool) -> Theme {
        Theme::of(color, Kind::Calm)
    }

    /// The theme the user chose; mono whenever colour is off.
    pub fn of(color: bool, kind: Kind) -> Theme {
        let kind = if color { kind } else { Kind::Mono };
        Theme { kind }
    }

    /// Whether any colour is used.
    pub fn color(self) -> bool {
        self.kind != Kind::Mono
    }

    fn pick(self, calm: Style, high: Style, mono: Style) -> Style {
        match self.kind {
            Kind::Calm => calm,
            Kind::HighContrast => high,
            Kind::Mono => mono,
        }
    }

    /// Ordinary text: the terminal's own colours.
    pub fn text(self) -> Style {
        Style::default()
    }

    pub fn title(self) -> Style {
        self.pick(bold().fg(TEAL), bold().fg(Color::LightCyan), bold())
    }

    /// Secondary words: anchors, empty values, explanations (never dim in high contrast).
    pub fn quiet(self) -> Style {
        let dim = Style::default().add_modifier(Modifier::DIM);
        self.pick(dim, Style::default(), dim)
    }

    /// A key's name in hints and lists.
    pub fn key(self) -> Style {
        self.pick(bold().fg(SAND), bold().fg(Color::LightYellow), bold())
    }

    /// The item that has focus.
    pub fn focus(self) -> Style {
        let high = bold()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::UNDERLINED);
        self.pick(bold().fg(TEAL), high, bold())
    }

    /// A chosen value on a scale or in the picker.
    pub fn chosen(self) -> Style {
        self.pick(
            bold().fg(INK).bg(TEAL),
            bold().fg(Color::Black).bg(Color::LightCyan),
            bold().add_modifier(Modifier::REVERSED),
        )
    }

    /// A warm, gentle message: thanks, or a reminder of where help is.
    pub fn notice(self) -> Style {
        let high = bold().fg(Color::LightGreen);
        self.pick(Style::default().fg(SAGE), high, Style::default())
    }

    /// Something that needs the user's attention, said softly (never red).
    pub fn attention(self) -> Style {
        self.pick(bold().fg(SAND), bold().fg(Color::LightYellow), bold())
    }

    /// Borders and rules.
    pub fn frame(self) -> Style {
        let dim = Style::default().add_modifier(Modifier::DIM);
        self.pick(Style::default().fg(TEAL), Style::default().fg(Color::White), dim)
    }

    /// The pacer's fill: calm teal, bright cyan, or the terminal's own colour; dimmed
    /// while paused.
    pub fn pacer(self, paused: bool) -> Style {
        let base = self.pick(
            Style::default().fg(TEAL),
            Style::default().fg(Color::LightCyan),
            Style::default(),
        );
        if paused {
            base.add_modifier(Modifier::DIM)
        } else {
            base
        }
    }
}
