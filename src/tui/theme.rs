//! Styles by role. A calm palette from the 256-colour set (no red for anything about the
//! user's numbers); with colour off, only modifiers (bold, dim, reversed), no colours at all.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

// Muted slate teal, soft sand and sage: readable on dark and light backgrounds alike.
const TEAL: Color = Color::Indexed(109);
const SAND: Color = Color::Indexed(180);
const SAGE: Color = Color::Indexed(108);
const INK: Color = Color::Indexed(235);

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn pick(self, colored: Style, mono: Style) -> Style {
        if self.color { colored } else { mono }
    }

    /// Ordinary text: the terminal's own colours.
    pub fn text(self) -> Style {
        Style::default()
    }

    pub fn title(self) -> Style {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        self.pick(bold.fg(TEAL), bold)
    }

    /// Secondary words: anchors, empty values, explanations.
    pub fn quiet(self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }

    /// A key's name in hints and lists.
    pub fn key(self) -> Style {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        self.pick(bold.fg(SAND), bold)
    }

    /// The item that has focus.
    pub fn focus(self) -> Style {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        self.pick(bold.fg(TEAL), bold)
    }

    /// A chosen value on a scale or in the picker.
    pub fn chosen(self) -> Style {
        self.pick(
            Style::default()
                .fg(INK)
                .bg(TEAL)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A warm, gentle message: thanks, or a reminder of where help is.
    pub fn notice(self) -> Style {
        self.pick(Style::default().fg(SAGE), Style::default())
    }

    /// Something that needs the user's attention, said softly (never red).
    pub fn attention(self) -> Style {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        self.pick(bold.fg(SAND), bold)
    }

    /// Borders and rules.
    pub fn frame(self) -> Style {
        self.pick(
            Style::default().fg(TEAL),
            Style::default().add_modifier(Modifier::DIM),
        )
    }

    /// The pacer's fill: calm teal, or the terminal's own colour; dimmed while paused.
    pub fn pacer(self, paused: bool) -> Style {
        let base = self.pick(Style::default().fg(TEAL), Style::default());
        if paused {
            base.add_modifier(Modifier::DIM)
        } else {
            base
        }
    }
}
