//! The room's key: a random token in the address, the only thing that lets a phone in.

use std::fmt;

/// 128 random bits, written as 32 lowercase hexadecimal digits.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

/// Bytes of randomness in a token.
const BYTES: usize = 16;

impl Token {
    /// A fresh token from the operating system's random source.
    pub fn random() -> std::io::Result<Token> {
        let mut bytes = [0u8; BYTES];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Token(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `guess` is the token, in a time that does not tell how much of it was right.
    pub fn matches(&self, guess: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), guess.as_bytes());
        // The length is no secret (every token has 32 digits); the digits are.
        if a.len() != b.len() {
            return false;
        }
        let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
        std::hint::black_box(diff) == 0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never in a log.
        f.write_str("Token(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_compared_whole() {
        let a = Token::random().unwrap();
        let b = Token::random().unwrap();
        assert_eq!(a.as_str().len(), 32);
        assert!(a.as_str().bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert!(a.matches(a.as_str()));
        assert!(!a.matches(b.as_str()));
        assert!(!a.matches(&a.as_str()[..31]));
        assert!(!a.matches(""));
        let mut near = a.as_str().to_owned();
        near.replace_range(31.., if near.ends_with('0') { "1" } else { "0" });
        assert!(!a.matches(&near));
    }
}
