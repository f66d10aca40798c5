//! Big digits drawn with block characters, for the out-breath count: 3 cells wide and
//! 5 pixels tall, as full blocks when there is room or half blocks (3 rows) when not.

/// Each digit's 5 rows of 3 pixels, top to bottom; '#' is filled.
const FONT: [[&str; 5]; 10] = [
    ["###", "# #", "# #", "# #", "###"],
    [" # ", "## ", " # ", " # ", "###"],
    ["###", "  #", "###", "#  ", "###"],
    ["###", "  #", "###", "  #", "###"],
    ["# #", "# #", "###", "  #", "  #"],
    ["###", "#  ", "###", "  #", "###"],
    ["###", "#  ", "###", "# #", "###"],
    ["###", "  #", "  #", "  #", "  #"],
    ["###", "# #", "###", "# #", "###"],
    ["###", "# #", "###", "  #", "###"],
];

/// The pixel rows of `n`, digits side by side with one blank column between.
fn pixels(n: u32) -> [String; 5] {
    let digits: Vec<usize> = n
        .to_string()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| d as usize)
        .collect();
    std::array::from_fn(|row| {
        digits
            .iter()
            .map(|&d| FONT[d][row])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// `n` as 5 rows of full blocks, each pixel two cells wide (so it looks square).
pub fn tall(n: u32) -> Vec<String> {
    pixels(n)
        .iter()
        .map(|row| {
            row.chars()
                .map(|c| if c == '#' { "██" } else { "  " })
                .collect()
        })
        .collect()
}

/// `n` as 3 rows of half blocks, for small windows.
pub fn short(n: u32) -> Vec<String> {
    let px = pixels(n);
    let blank = " ".repeat(px[0].chars().count());
    let pairs = [(&px[0], &px[1]), (&px[2], &px[3]), (&px[4], &blank)];
    pairs
        .iter()
        .map(|(top, bottom)| {
            top.chars()
                .zip(bottom.chars())
                .map(|pair| match pair {
                    ('#', '#') => '█',
                    ('#', _) => '▀',
                    (_, '#') => '▄',
                    _ => ' ',
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_drawn_side_by_side() {
        assert_eq!(tall(7)[0], "██████");
        assert_eq!(tall(12).len(), 5);
        assert_eq!(tall(12)[0].chars().count(), 14);
        assert_eq!(short(1), ["▄█ ", " █ ", "▀▀▀"]);
        assert_eq!(short(10)[0].chars().count(), 7);
    }
}
