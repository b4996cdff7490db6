//! The room's address as a QR code, for the phones in the room to scan off the projector.

/// A QR code as a square of modules, dark or light, without its quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    width: usize,
    dark: Vec<bool>,
}

impl QrCode {
    /// The code of `text` at error correction level M (a projector's glare and a shaky hand
    /// still read it). `None` only for text longer than a QR code holds.
    pub fn new(text: &str) -> Option<QrCode> {
        let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
            .ok()?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(QrCode { width, dark })
    }

    /// Modules on a side.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Light modules a reader needs around the code.
    pub const QUIET_ZONE: usize = 4;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_address_fits_a_small_code() {
        let code =
            QrCode::new("http://192.168.1.20:8040/r/0123456789abcdef0123456789abcdef/").unwrap();
        // Version 4 (33 modules) or 5 (37): big enough to read from the back of a room.
        assert!((25..=41).contains(&code.width()), "{}", code.width());
        // The three finder patterns' corners are dark.
        let w = code.width();
        assert!(code.is_dark(0, 0) && code.is_dark(w - 1, 0) && code.is_dark(0, w - 1));
        assert!(!code.is_dark(w, 0));
    }
}
