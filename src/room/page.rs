//! The participants' page: plain HTML, CSS and JavaScript from assets/room, served by the room
//! itself. The page says everything in the room's language: the server fills in the language
//! and every `room-page-*` message; the script puts the words in place.

use crate::i18n::{Lang, plain_with_prefix};

const HTML: &str = include_str!("../../assets/room/index.html");
pub const CSS: &str = include_str!("../../assets/room/room.css");
pub const JS: &str = include_str!("../../assets/room/room.js");

/// The page in `lang`.
pub fn html(lang: Lang) -> String {
    HTML.replace("{{lang}}", lang.code())
        .replace("{{words}}", &words(lang))
}

/// The page's words as a JSON object, safe inside a `<script type="application/json">`: no
/// `<` can close the element.
pub fn words(lang: Lang) -> String {
    let words: serde_json::Map<String, serde_json::Value> = plain_with_prefix(lang, "room-page-")
        .into_iter()
        .map(|(key, text)| (key.to_owned(), text.into()))
        .collect();
    serde_json::Value::Object(words)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Bytes a phone loads before the picture: the page, its style and its script.
pub fn weight(lang: Lang) -> usize {
    html(lang).len() + CSS.len() + JS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_speaks_the_rooms_language_and_stays_light() {
        for lang in [Lang::En, Lang::Es] {
            let page = html(lang);
            assert!(page.contains(&format!("<html lang=\"{}\"", lang.code())));
            assert!(!page.contains("{{"), "every placeholder filled");
            let words = words(lang);
            assert!(words.contains("room-page-"), "{words}");
            assert!(!words.contains('<'));
            assert!(weight(lang) <= 100 * 1024, "{} bytes", weight(lang));
        }
        assert_ne!(words(Lang::En), words(Lang::Es));
    }
}
