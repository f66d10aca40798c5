//! A moving frame's few changed cells, put on the terminal. On a real terminal they are
//! written as the fewest bytes that show them: a move only where a run of cells breaks, a
//! colour or attribute only where it changes, and one reset at the end. (ratatui's own
//! draw sets both colours at the first cell and resets each colour and the attributes
//! one by one at the end: most of a small frame's bytes, 30 times a second.)

use ratatui::backend::{Backend, CrosstermBackend, IntoCrossterm, TestBackend};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Print, SetAttribute, SetBackgroundColor, SetForegroundColor, SetUnderlineColor,
};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// A backend that a moving frame's changed cells can be drawn to.
pub trait DrawCells: Backend {
    /// Draw these cells (each at its column and row) and flush.
    fn draw_cells(&mut self, cells: &[(u16, u16, Cell)]) -> Result<(), Self::Error>;
}

impl<W: Write> DrawCells for CrosstermBackend<W> {
    fn draw_cells(&mut self, cells: &[(u16, u16, Cell)]) -> io::Result<()> {
        let mut out = Vec::with_capacity(cells.len() * 4 + 32);
        encode(&mut out, cells)?;
        self.write_all(&out)?;
        Write::flush(self)
    }
}

impl DrawCells for TestBackend {
    fn draw_cells(&mut self, cells: &[(u16, u16, Cell)]) -> Result<(), Self::Error> {
        self.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
        Backend::flush(self)
    }
}

/// What the terminal is set to draw with, as far as these bytes have set it.
#[derive(Clone, Copy, PartialEq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

/// A terminal's pen after a reset, where a frame starts and ends.
const RESET: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

/// The bytes that draw `cells` from a reset pen and leave the pen reset.
pub fn encode(out: &mut Vec<u8>, cells: &[(u16, u16, Cell)]) -> io::Result<()> {
    let mut pen = RESET;
    let mut next: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        if next != Some((*x, *y)) {
            queue!(out, MoveTo(*x, *y))?;
        }
        next = Some((x.saturating_add(1), *y));
        pen = set_pen(out, pen, cell)?;
        queue!(out, Print(cell.symbol()))?;
    }
    if pen != RESET {
        queue!(out, SetAttribute(Attribute::Reset))?;
    }
    Ok(())
}

/// Change the pen to draw `cell`, writing only what differs; an attribute taken away
/// resets the whole pen first (one short code, where undoing each one differs by kind).
fn set_pen(out: &mut Vec<u8>, mut pen: Pen, cell: &Cell) -> io::Result<Pen> {
    if !(pen.modifier - cell.modifier).is_empty() {
        queue!(out, SetAttribute(Attribute::Reset))?;
        pen = RESET;
    }
    for (bit, attribute) in ATTRIBUTES {
        if cell.modifier.contains(bit) && !pen.modifier.contains(bit) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    if cell.fg != pen.fg {
        queue!(out, SetForegroundColor(cell.fg.into_crossterm()))?;
    }
    if cell.bg != pen.bg {
        queue!(out, SetBackgroundColor(cell.bg.into_crossterm()))?;
    }
    if cell.underline_color != pen.underline {
        queue!(out, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
    }
    Ok(Pen {
        fg: cell.fg,
        bg: cell.bg,
        underline: cell.underline_color,
        modifier: cell.modifier,
    })
}

/// Each modifier with the attribute that turns it on.
const ATTRIBUTES: [(Modifier, Attribute); 9] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn cell(symbol: &'static str, style: Style) -> Cell {
        let mut cell = Cell::new(symbol);
        cell.set_style(style);
        cell
    }

    fn bytes(cells: &[(u16, u16, Cell)]) -> String {
        let mut out = Vec::new();
        encode(&mut out, cells).expect("writes to memory");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn a_run_moves_once_sets_its_colour_once_and_resets_once() {
        let teal = Style::new().fg(Color::Indexed(109));
        let cells = [
            (43, 6, cell("▅", teal)),
            (44, 6, cell("▅", teal)),
            (45, 6, cell("▅", teal)),
        ];
        assert_eq!(bytes(&cells), "\x1b[7;44H\x1b[38;5;109m▅▅▅\x1b[0m");
    }

    #[test]
    fn plain_cells_need_no_pen_and_a_gap_moves_again() {
        let plain = Style::new();
        let cells = [(0, 0, cell("4", plain)), (5, 1, cell("3", plain))];
        assert_eq!(bytes(&cells), "\x1b[1;1H4\x1b[2;6H3");
    }

    #[test]
    fn an_attribute_taken_away_resets_and_the_colour_is_set_again() {
        let bold = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let dim = Style::new().fg(Color::Cyan).add_modifier(Modifier::DIM);
        let cells = [(0, 0, cell("a", bold)), (1, 0, cell("b", dim))];
        assert_eq!(
            bytes(&cells),
            "\x1b[1;1H\x1b[1m\x1b[38;5;6ma\x1b[0m\x1b[2m\x1b[38;5;6mb\x1b[0m"
        );
    }

    #[test]
    fn a_background_alone_is_set_and_cleared_at_the_end() {
        let on_grey = Style::new().bg(Color::Indexed(236));
        let cells = [(2, 3, cell(" ", on_grey)), (3, 3, cell("x", Style::new()))];
        assert_eq!(bytes(&cells), "\x1b[4;3H\x1b[48;5;236m \x1b[49mx");
    }

    /// Cells as a terminal shows them after these bytes: (column, row) to the symbol, its
    /// colours (fg, bg, underline) and its attributes' SGR numbers.
    fn screen(bytes: &[u8]) -> std::collections::BTreeMap<(u16, u16), (String, [String; 4])> {
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
        let mut shown = std::collections::BTreeMap::new();
        let (mut at, mut pen) = ((0u16, 0u16), <[String; 4]>::default());
        let mut mods = std::collections::BTreeSet::new();
        let mut rest = text.as_str();
        while let Some(c) = rest.chars().next() {
            if let Some(seq) = rest.strip_prefix("\x1b[") {
                let end = seq.find(|c: char| c.is_ascii_alphabetic()).expect("ends");
                let params: Vec<u32> = seq[..end]
                    .split(';')
                    .map(|p| p.parse().unwrap_or(0))
                    .collect();
                match &seq[end..=end] {
                    "H" => at = ((params[1] - 1) as u16, (params[0] - 1) as u16),
                    _ => sgr(&params, &mut pen, &mut mods),
                }
                rest = &seq[end + 1..];
                continue;
            }
            let mut drawn = pen.clone();
            drawn[3] = format!("{mods:?}");
            shown.insert(at, (c.to_string(), drawn));
            at.0 += 1;
            rest = &rest[c.len_utf8()..];
        }
        shown
    }

    fn sgr(params: &[u32], pen: &mut [String; 4], mods: &mut std::collections::BTreeSet<u32>) {
        let mut i = 0;
        while i < params.len() {
            let p = params[i];
            match p {
                0 => {
                    *pen = Default::default();
                    mods.clear();
                }
                1..=9 => {
                    mods.insert(p);
                }
                22 => {
                    mods.remove(&1);
                    mods.remove(&2);
                }
                25 => {
                    mods.remove(&5);
                    mods.remove(&6);
                }
                23 | 24 | 27 | 28 | 29 => {
                    mods.remove(&(p - 20));
                }
                39 | 49 | 59 => pen[(p as usize / 10) % 3] = String::new(),
                38 | 48 | 58 => {
                    let n = if params[i + 1] == 5 { 3 } else { 5 };
                    pen[(p as usize / 10) % 3] = format!("{:?}", &params[i + 1..i + n]);
                    i += n - 1;
                }
                _ => panic!("an SGR code this test does not know: {p}"),
            }
            i += 1;
        }
    }

    fn color() -> impl proptest::strategy::Strategy<Value = Color> {
        use proptest::prelude::*;
        prop_oneof![
            Just(Color::Reset),
            Just(Color::Cyan),
            Just(Color::DarkGray),
            Just(Color::White),
            any::<u8>().prop_map(Color::Indexed),
            (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    proptest::proptest! {
        /// Whatever the cells, the terminal shows each one's symbol and colours as after
        /// ratatui's own draw, and exactly its own attributes. (ratatui's draw loses a
        /// blink when another attribute comes in its place: its "no blink" clears both.)
        #[test]
        fn the_screen_shows_each_cell_as_ratatuis_draw_does(
            cells in proptest::collection::vec(
                (0u16..6, 0u16..3, proptest::sample::select(vec!["a", "▅", " ", "·"]),
                 color(), color(), color(), 0u16..512),
                0..24,
            )
        ) {
            let mut seen = std::collections::BTreeSet::new();
            let cells: Vec<(u16, u16, Cell)> = cells
                .into_iter()
                .filter(|(x, y, ..)| seen.insert((*y, *x)))
                .map(|(x, y, symbol, fg, bg, underline, bits)| {
                    let mut cell = Cell::new(symbol);
                    cell.fg = fg;
                    cell.bg = bg;
                    cell.underline_color = underline;
                    cell.modifier = Modifier::from_bits_truncate(bits);
                    (x, y, cell)
                })
                .collect();
            let mut ours = Vec::new();
            encode(&mut ours, &cells).expect("writes to memory");
            let mut theirs = Vec::new();
            CrosstermBackend::new(&mut theirs)
                .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
                .expect("writes to memory");
            let (ours, mut theirs) = (screen(&ours), screen(&theirs));
            for (x, y, cell) in &cells {
                let sgr: std::collections::BTreeSet<u32> =
                    (0..9).filter(|i| cell.modifier.bits() & (1 << i) != 0).map(|i| i + 1).collect();
                if let Some(shown) = theirs.get_mut(&(*x, *y)) {
                    shown.1[3] = format!("{sgr:?}");
                }
            }
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
