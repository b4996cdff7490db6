//! Text in the encodings spreadsheets save it in when not UTF-8: UTF-16 with its byte-order
//! mark ("Unicode text"), else Windows-1252, the Western European encoding older Excel uses.

/// The text, and the name of the encoding it was read as.
pub fn decode_sheet(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(rest, u16::from_le_bytes), "UTF-16");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(rest, u16::from_be_bytes), "UTF-16");
    }
    (
        bytes.iter().map(|b| windows_1252(*b)).collect(),
        "Windows-1252",
    )
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A byte of Windows-1252: Latin-1, except 0x80–0x9F, which hold typographic marks (€, “ ”,
/// …). The five bytes it leaves unassigned read as themselves.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_excel_text_reads_with_its_accents() {
        // "Año;Pingüino;€" as Windows-1252.
        let bytes = b"A\xF1o;Ping\xFCino;\x80";
        assert_eq!(
            decode_sheet(bytes),
            ("Año;Pingüino;€".to_owned(), "Windows-1252")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Año".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_sheet(&utf16), ("Año".to_owned(), "UTF-16"));
    }
}
