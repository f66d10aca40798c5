//! Pretty JSON exactly as serde_json's `PrettyFormatter` writes it (two spaces a level), in
//! fewer writes: it writes a line break and its indent one space at a time, and writing all
//! of history out made millions of tiny writes, a fifth of the work.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// `value` as pretty JSON to `w`, as `serde_json::to_writer_pretty` writes it.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(w: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Pretty::default());
    value.serialize(&mut ser)
}

/// A comma, a line break and the deepest indent written in one go; deeper lines are
/// written a level at a time.
const LINE: &[u8; 2 + 2 * 32] =
    b",\n                                                                ";

#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A line break and the indent of `depth`, after a comma when `comma`.
fn new_line<W: ?Sized + Write>(w: &mut W, depth: usize, comma: bool) -> io::Result<()> {
    let start = usize::from(!comma);
    match LINE.get(start..2 + 2 * depth) {
        Some(line) => w.write_all(line),
        None => {
            w.write_all(&LINE[start..2])?;
            (0..depth).try_for_each(|_| w.write_all(b"  "))
        }
    }
}

impl Pretty {
    /// An array or object begins: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// It ends: on a line of its own, unless it held nothing.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            new_line(w, self.depth, false)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, self.depth, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, self.depth, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn ours(value: &Value) -> String {
        let mut out = Vec::new();
        to_writer(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn it_writes_what_serde_json_writes() {
        let mut deep = json!({"last": [1, {}, []]});
        for i in 0..40 {
            deep = json!({ "level": i, "inner": [deep, [], {}, "é\n\"", 1.5, null, true] });
        }
        for value in [
            json!(null),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": 1, "b": [1, 2, {"c": "d"}], "e": {"f": []}}),
            deep,
        ] {
            assert_eq!(ours(&value), serde_json::to_string_pretty(&value).unwrap());
        }
    }
}
