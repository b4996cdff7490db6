//! How wide text is, without a font: the advance widths of the face the map is drawn with
//! (egui's bundled proportional face), so the pure layout can give every card the height its
//! title needs. A test holds the table against the real face.

/// Advance widths of U+0020..U+017F (Basic Latin, Latin-1, Latin Extended-A), in ten-thousandths
/// of an em.
const WIDTHS: [u16; 0x160] = [
    2280, 2740, 3920, 6530, 5640, 8310, 6480, 2400, 3100, 3100, 4720, 5640, 2460, 2820, 2460, 3590,
    5640, 5640, 5640, 5640, 5640, 5640, 5640, 5640, 5640, 5640, 2460, 2460, 5640, 5640, 5640, 3800,
    9400, 6707, 6300, 6009, 7020, 5550, 5200, 6580, 6920, 2480, 4870, 5990, 5020, 8650, 7090, 7740,
    5920, 7740, 6180, 5170, 5696, 6800, 6519, 9318, 6242, 6005, 5600, 3100, 3590, 3100, 5640, 4900,
    3760, 5090, 5830, 4600, 5830, 5480, 3760, 5730, 5690, 2370, 2451, 4950, 2550, 8630, 5690, 5820,
    5830, 5830, 3740, 4280, 3870, 5690, 4962, 7903, 5143, 4893, 4550, 3190, 2620, 3190, 5640, 5000,
    5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000,
    5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000,
    2280, 2740, 5640, 5640, 5640, 5640, 2620, 4820, 3760, 8260, 3860, 4520, 5640, 0, 8260, 3760,
    3180, 5640, 3590, 3590, 3760, 5750, 6160, 2460, 3760, 3590, 4370, 4520, 8740, 8740, 8740, 3800,
    6707, 6707, 6707, 6707, 6707, 6707, 9312, 6009, 5550, 5550, 5550, 5550, 2480, 2480, 2480, 2480,
    7160, 7090, 7740, 7740, 7740, 7740, 7740, 5640, 7740, 6800, 6800, 6800, 6800, 6005, 5930, 5960,
    5090, 5090, 5090, 5090, 5090, 5090, 8540, 4600, 5480, 5480, 5480, 5480, 2370, 2370, 2370, 2370,
    5780, 5690, 5820, 5820, 5820, 5820, 5820, 5640, 5820, 5690, 5690, 5690, 5690, 4893, 5830, 4893,
    6707, 5090, 6707, 5090, 6707, 5090, 6009, 4600, 6009, 4600, 6009, 4600, 6009, 4600, 7020, 6150,
    7160, 5830, 5550, 5480, 5550, 5480, 5550, 5480, 5550, 5480, 5550, 5480, 6580, 5730, 6580, 5730,
    6580, 5730, 6580, 5730, 6920, 5690, 7200, 5690, 2480, 2370, 2480, 2370, 2480, 2370, 2480, 2370,
    2480, 2370, 7350, 4740, 4870, 2451, 5990, 4950, 5060, 5020, 2550, 5020, 2550, 5020, 2860, 5020,
    3090, 5160, 2550, 7090, 5690, 7090, 5690, 7090, 5690, 5690, 7090, 5690, 7740, 5820, 7740, 5820,
    7740, 5820, 9747, 9440, 6180, 3740, 6180, 3740, 6180, 3740, 5170, 4280, 5170, 4280, 5170, 4280,
    5170, 4280, 5480, 3870, 5696, 3870, 5696, 3870, 6800, 5690, 6800, 5690, 6800, 5690, 6800, 5690,
    6800, 5690, 6800, 5690, 9318, 7903, 6005, 4893, 6005, 5600, 4550, 5600, 4550, 5600, 4550, 2470,
];

/// Width of a character outside the table (other scripts, symbols): as wide as a capital W,
/// so text is never thought shorter than it is.
const OTHER: f32 = 0.94;

/// Width of an emoji, drawn by egui's monochrome emoji face: a little over an em.
const EMOJI: f32 = 1.03;

/// The blocks emoji come from (symbols, dingbats, pictographs), where a character may be
/// drawn by the emoji face.
fn is_emoji(code: u32) -> bool {
    matches!(code, 0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF)
}

/// The table in ems, ready to add up.
const EM: [f32; 0x160] = {
    let mut em = [0.0; 0x160];
    let mut i = 0;
    while i < em.len() {
        em[i] = WIDTHS[i] as f32 / 10_000.0;
        i += 1;
    }
    em
};

/// The width of `c` in ems.
pub fn em_width(c: char) -> f32 {
    let code = c as u32;
    if (0x20..0x180).contains(&code) {
        EM[(code - 0x20) as usize]
    } else if c.is_control() {
        0.0
    } else if is_emoji(code) {
        EMOJI
    } else {
        OTHER
    }
}

/// Rows of greedy word wrapping, word by word: the state of one paragraph.
struct Wrap {
    room: f32,
    rows: usize,
    /// Width of the row so far, and of the word being read.
    line: f32,
    word: f32,
    /// The word being read, for breaking one longer than a row.
    word_start: usize,
}

impl Wrap {
    /// The word ending at `end` (exclusive) of `text` is complete: it goes on this row, or
    /// starts the next, or (longer than a row) is broken where rows end.
    fn end_word(&mut self, text: &str, end: usize) {
        let space = if self.line > 0.0 { EM[0] } else { 0.0 };
        if self.line + space + self.word <= self.room {
            self.line += space + self.word;
        } else if self.word <= self.room {
            self.rows += 1;
            self.line = self.word;
        } else {
            if self.line > 0.0 {
                self.rows += 1;
                self.line = 0.0;
            }
            for c in text[self.word_start..end].chars() {
                let w = em_width(c);
                if self.line + w > self.room && self.line > 0.0 {
                    self.rows += 1;
                    self.line = 0.0;
                }
                self.line += w;
            }
        }
        self.word = 0.0;
    }
}

/// How many rows `text` wraps into at `size` points in `width` points, breaking at spaces
/// (and inside words longer than a row) as the painter does, at most `max` rows; and whether
/// there was more than `max` rows of it. Linear in the text, one table lookup a character.
pub fn rows(text: &str, size: f32, width: f32, max: usize) -> (usize, bool) {
    // A little narrower than the real room: the painter snaps glyphs to pixels, which can add
    // up to a few percent over a row; never fewer rows than it will need.
    let room = (width - 1.0).max(size) / size / 1.03;
    let mut wrap = Wrap {
        room,
        rows: 1,
        line: 0.0,
        word: 0.0,
        word_start: 0,
    };
    let step = |i: usize, c: char, wrap: &mut Wrap| match c {
        ' ' => {
            wrap.end_word(text, i);
            wrap.word_start = i + 1;
            true
        }
        '\n' => {
            wrap.end_word(text, i);
            wrap.word_start = i + 1;
            wrap.rows += 1;
            wrap.line = 0.0;
            wrap.rows <= max
        }
        c => {
            wrap.word += em_width(c);
            true
        }
    };
    // Most titles are plain ASCII: read bytes, no decoding.
    let within = if text.is_ascii() {
        text.bytes()
            .enumerate()
            .all(|(i, b)| step(i, char::from(b), &mut wrap))
    } else {
        text.char_indices().all(|(i, c)| step(i, c, &mut wrap))
    };
    if !within {
        return (max, true);
    }
    wrap.end_word(text, text.len());
    if wrap.rows > max {
        (max, true)
    } else {
        (wrap.rows, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_fit_one_row_and_long_ones_wrap() {
        assert_eq!(rows("Menu in the app", 13.0, 178.0, 8), (1, false));
        let long = "Tracker stuck on baking for twenty minutes while the driver waits outside";
        let (n, more) = rows(long, 13.0, 178.0, 8);
        assert!((3..=4).contains(&n) && !more, "{n}");
        assert_eq!(rows(&"word ".repeat(200), 13.0, 178.0, 8), (8, true));
        assert_eq!(rows("one\ntwo\nthree", 13.0, 178.0, 8), (3, false));
        assert_eq!(rows("", 13.0, 178.0, 8), (1, false));
        // A word longer than a row breaks inside.
        assert_eq!(rows(&"x".repeat(60), 13.0, 178.0, 8).0, 3);
    }
}
