//! RR intervals from text lines: Elite HRV exports, Polar Sensor Logger `*_RR.txt`, HRV
//! Logger CSV, and plain `rr_ms` or `t_ms rr_ms` lines. The format is found from the first
//! line that says anything; each later line is read by that format's rule. The same parser
//! serves a whole file and a live feed, one line at a time.

/// The longest line read: anything longer is not one of these formats.
pub const MAX_LINE: usize = 4096;
/// The longest interval a line may hold, in ms: past this it is not a heart beat at all
/// (bounds for real beats are applied later, in `clean`, where they are counted).
pub const MAX_RR_MS: f64 = 60_000.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One number a line, the interval in ms (Elite HRV's export, or plain `rr_ms`).
    PerLine,
    /// `t_ms rr_ms`: the time of the beat and its interval, separated by space or tab.
    Timed,
    /// Polar Sensor Logger: `Phone timestamp;RR-interval [ms]`, then `TIME;RR` lines.
    Polar,
    /// HRV Logger CSV: a header with an `rr` column, then comma-separated rows.
    HrvLogger { column: usize },
}

impl Format {
    /// The name stored with a reading and shown to the user.
    pub fn id(self) -> &'static str {
        match self {
            Format::PerLine => "rr",
            Format::Timed => "t-rr",
            Format::Polar => "polar",
            Format::HrvLogger { .. } => "hrv-logger",
        }
    }
}

/// Why a line could not be read. The copy module says each in words.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// The first line matches no format attune knows.
    UnknownFormat,
    /// A field that should be a number is not (the text is kept, to quote it safely).
    NotANumber(String),
    /// A number that cannot be an interval: zero, negative, or longer than a minute.
    OutOfRange(f64),
    /// The line has the wrong number of fields for its format.
    Fields { expected: usize, found: usize },
    /// The line is longer than any real line of these formats.
    TooLong,
    /// The file holds no intervals at all.
    Empty,
}

/// A line that cannot be read: its number (from 1) and why.
#[derive(Clone, Debug, PartialEq)]
pub struct LineError {
    pub line: usize,
    pub why: Why,
}

/// Reads lines one at a time; the first line that says anything sets the format.
#[derive(Clone, Debug, Default)]
pub struct LineParser {
    format: Option<Format>,
    line: usize,
}

impl LineParser {
    pub fn new() -> LineParser {
        LineParser::default()
    }

    /// The format found so far, if any line has set it.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// Read the next line: the interval it holds in ms (none for a blank line, a comment
    /// or a header), or why it cannot be read.
    pub fn line(&mut self, text: &str) -> Result<Option<f64>, LineError> {
        self.line += 1;
        let at = self.line;
        let fail = |why| LineError { line: at, why };
        if text.len() > MAX_LINE {
            return Err(fail(Why::TooLong));
        }
        let text = text.trim_start_matches('\u{feff}').trim();
        if text.is_empty() || text.starts_with('#') {
            return Ok(None);
        }
        match self.format {
            Some(format) => read_row(format, text).map_err(fail),
            None => {
                let (format, value) = detect(text).map_err(fail)?;
                self.format = Some(format);
                Ok(value)
            }
        }
    }
}

/// Every interval in `text`, in order, with the format found; the first bad line stops it.
pub fn parse_lines(text: &str) -> Result<(Format, Vec<f64>), LineError> {
    let mut parser = LineParser::new();
    let mut rr = Vec::new();
    for line in text.lines() {
        if let Some(v) = parser.line(line)? {
            rr.push(v);
        }
    }
    match parser.format() {
        Some(format) if !rr.is_empty() => Ok((format, rr)),
        _ => Err(LineError {
            line: parser.line.max(1),
            why: Why::Empty,
        }),
    }
}

/// The format a first line shows, and the interval it holds if it is a data line.
fn detect(text: &str) -> Result<(Format, Option<f64>), Why> {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("phone timestamp;") && lower.contains("rr-interval") {
        return Ok((Format::Polar, None));
    }
    if text.contains(',') {
        let column = lower
            .split(',')
            .position(|name| is_rr_column(name.trim().trim_matches('"')));
        return match column {
            Some(column) => Ok((Format::HrvLogger { column }, None)),
            None => Err(Why::UnknownFormat),
        };
    }
    let fields: Vec<&str> = text.split_whitespace().collect();
    let format = match fields.len() {
        1 => Format::PerLine,
        2 => Format::Timed,
        _ => return Err(Why::UnknownFormat),
    };
    // A first line that is text, not numbers, is a format attune does not know.
    if fields.iter().any(|f| f.parse::<f64>().is_err()) {
        return Err(Why::UnknownFormat);
    }
    Ok((format, read_row(format, text)?))
}

/// HRV Logger names its interval column `RR`, sometimes with the unit after it.
fn is_rr_column(name: &str) -> bool {
    name == "rr" || name.starts_with("rr ") || name.starts_with("rr(") || name == "rr_ms"
}

fn read_row(format: Format, text: &str) -> Result<Option<f64>, Why> {
    let field = match format {
        Format::PerLine => only_field(text.split_whitespace(), 1, 0)?,
        Format::Timed => {
            let t = only_field(text.split_whitespace(), 2, 0)?;
            number(t)?;
            only_field(text.split_whitespace(), 2, 1)?
        }
        Format::Polar => only_field(text.split(';'), 2, 1)?,
        Format::HrvLogger { column } => {
            let found = text.split(',').count();
            if found <= column {
                return Err(Why::Fields {
                    expected: column + 1,
                    found,
                });
            }
            text.split(',').nth(column).unwrap_or_default()
        }
    };
    interval(field.trim().trim_matches('"')).map(Some)
}

/// Field `index` of a line that must have exactly `expected` fields.
fn only_field<'a>(
    fields: impl Iterator<Item = &'a str> + Clone,
    expected: usize,
    index: usize,
) -> Result<&'a str, Why> {
    let found = fields.clone().count();
    if found != expected {
        return Err(Why::Fields { expected, found });
    }
    Ok(fields.clone().nth(index).unwrap_or_default())
}

fn number(field: &str) -> Result<f64, Why> {
    match field.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(Why::NotANumber(field.chars().take(40).collect())),
    }
}

fn interval(field: &str) -> Result<f64, Why> {
    let v = number(field)?;
    if v <= 0.0 || v > MAX_RR_MS {
        return Err(Why::OutOfRange(v));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elite_hrv_is_one_integer_a_line() {
        let (f, rr) = parse_lines("812\n790\r\n\n805\n").unwrap();
        assert_eq!(f, Format::PerLine);
        assert_eq!(rr, vec![812.0, 790.0, 805.0]);
    }

    #[test]
    fn timed_lines_keep_the_interval() {
        let (f, rr) = parse_lines("0 812\n812\t790.5\n").unwrap();
        assert_eq!(f, Format::Timed);
        assert_eq!(rr, vec![812.0, 790.5]);
    }

    #[test]
    fn polar_sensor_logger_reads_after_its_header() {
        let text = "Phone timestamp;RR-interval [ms]\n2026-11-30T08:00:00.812;812\n\
                    2026-11-30T08:00:01.602;790\n";
        let (f, rr) = parse_lines(text).unwrap();
        assert_eq!(f, Format::Polar);
        assert_eq!(rr, vec![812.0, 790.0]);
    }

    #[test]
    fn hrv_logger_finds_its_rr_column() {
        let text = "\u{feff}date,RR,since start\n2026-11-30 08:00:00,812,812\n\
                    2026-11-30 08:00:01,790,1602\n";
        let (f, rr) = parse_lines(text).unwrap();
        assert_eq!(f, Format::HrvLogger { column: 1 });
        assert_eq!(rr, vec![812.0, 790.0]);
    }

    #[test]
    fn a_bad_line_is_named_with_its_number_and_reason() {
        let e = parse_lines("812\n790\nabc\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.why, Why::NotANumber("abc".into()));
        let e = parse_lines("812\n0\n").unwrap_err();
        assert_eq!(e.why, Why::OutOfRange(0.0));
        let e = parse_lines("0 812\n812 790 1\n").unwrap_err();
        assert_eq!(
            (e.line, e.why),
            (
                2,
                Why::Fields {
                    expected: 2,
                    found: 3
                }
            )
        );
        let e = parse_lines("hello world\n").unwrap_err();
        assert_eq!((e.line, e.why), (1, Why::UnknownFormat));
        let e = parse_lines("date,time\n").unwrap_err();
        assert_eq!(e.why, Why::UnknownFormat);
        let e = parse_lines("\n\n").unwrap_err();
        assert_eq!(e.why, Why::Empty);
        let e = parse_lines("Phone timestamp;RR-interval [ms]\n").unwrap_err();
        assert_eq!(e.why, Why::Empty);
        let long = "8".repeat(MAX_LINE + 1);
        assert_eq!(parse_lines(&long).unwrap_err().why, Why::TooLong);
        assert_eq!(parse_lines("812\nNaN\n").unwrap_err().why, Why::NotANumber("NaN".into()));
    }

    #[test]
    fn a_live_feed_is_read_line_by_line() {
        let mut p = LineParser::new();
        assert_eq!(p.line("").unwrap(), None);
        assert_eq!(p.line("1000 812").unwrap(), Some(812.0));
        assert_eq!(p.format(), Some(Format::Timed));
        assert_eq!(p.line("x").unwrap_err().line, 3);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,200}") {
            if let Ok((_, rr)) = parse_lines(&text) {
                proptest::prop_assert!(rr.iter().all(|v| *v > 0.0 && *v <= MAX_RR_MS));
            }
        }
    }
}
