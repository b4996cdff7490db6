//! Every word the program says, in Spanish and English, through Fluent: plural rules and
//! arguments included. The map's own text is the user's and never goes through here.
//!
//! Messages live in `assets/i18n/{en,es}.ftl`. Those without arguments are formatted once per
//! language and handed out as `&'static str`, so painting a frame allocates nothing for them.

pub mod strings;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!("../../assets/i18n/en.ftl");
const ES: &str = include_str!("../../assets/i18n/es.ftl");

/// The languages Trayecto speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English
    En,
    /// Español
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The language's name in itself, for the language menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a locale such as `es_ES.UTF-8`; English for anything else.
    pub fn of_locale(locale: &str) -> Lang {
        let code = locale.split(['_', '.', '@', '-']).next().unwrap_or("");
        Lang::from_code(&code.to_ascii_lowercase()).unwrap_or(Lang::En)
    }

    /// The language the environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::of_locale(&v))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => EN,
            Lang::Es => ES,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language for everything this thread says from now on. Each thread speaks its own
/// language (English until told otherwise): a thread that paints or reports for the user is
/// handed the language of the thread that asked, so tests running side by side cannot switch
/// each other's words.
pub fn set(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The language this thread speaks.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// One language's messages: the Fluent bundle, and every message without arguments ready.
struct Catalog {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, &'static str>,
}

fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    CATALOGS[lang as usize].get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Catalog {
    let resource =
        FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(_, errors)| {
            panic!("the {} messages do not parse: {errors:?}", lang.code())
        });
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text: no Unicode isolation marks around arguments (they show in terminals and SVG).
    bundle.set_use_isolating(false);
    let keys: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("the {} messages clash: {errors:?}", lang.code()));
    let mut plain = HashMap::new();
    for key in keys {
        let Some(pattern) = bundle.get_message(&key).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            // Formatted once per language for the life of the program.
            plain.insert(key, &*Box::leak(text.into_owned().into_boxed_str()));
        }
    }
    Catalog { bundle, plain }
}

/// A message without arguments, in the current language. An unknown key (a bug the tests
/// catch) shows as itself rather than stopping anything.
pub fn tr(key: &'static str) -> &'static str {
    catalog(current()).plain.get(key).copied().unwrap_or(key)
}

/// A message without arguments in a given language, whatever the current one: for reading
/// words a file may hold in either language ("Contento", "Happy").
pub fn tr_in(lang: Lang, key: &'static str) -> &'static str {
    catalog(lang).plain.get(key).copied().unwrap_or(key)
}

/// An argument of a message.
pub enum Arg<'a> {
    Text(&'a str),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, i64, i32, f32, f64);

/// A message with arguments, in the current language: `fmt("card-count", &[("count", 3.into())])`.
pub fn fmt(key: &str, args: &[(&str, Arg)]) -> String {
    let catalog = catalog(current());
    let Some(pattern) = catalog.bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    catalog
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Every message without arguments whose key starts with `prefix`, in `lang`, sorted by key:
/// the words a page of ours carries to say everything itself (the room's page).
pub fn plain_with_prefix(lang: Lang, prefix: &str) -> Vec<(&'static str, &'static str)> {
    let catalog = catalog(lang);
    let mut words: Vec<(&'static str, &'static str)> = catalog
        .plain
        .iter()
        .filter(|(key, _)| key.starts_with(prefix))
        .map(|(key, text)| (key.as_str(), *text))
        .collect();
    words.sort_unstable();
    words
}

/// The message keys of a language, for the test that both languages say everything.
pub fn keys(lang: Lang) -> Vec<String> {
    let resource = FluentResource::try_new(lang.source().to_owned()).expect("parses");
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(Lang::of_locale("es_ES.UTF-8"), Lang::Es);
        assert_eq!(Lang::of_locale("es"), Lang::Es);
        assert_eq!(Lang::of_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("C"), Lang::En);
        assert_eq!(Lang::of_locale("fr_FR"), Lang::En);
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let mut en = keys(Lang::En);
        let mut es = keys(Lang::Es);
        en.sort();
        es.sort();
        let missing_es: Vec<_> = en.iter().filter(|k| !es.contains(k)).collect();
        let missing_en: Vec<_> = es.iter().filter(|k| !en.contains(k)).collect();
        assert!(missing_es.is_empty(), "not in Spanish: {missing_es:?}");
        assert!(missing_en.is_empty(), "not in English: {missing_en:?}");
    }
}
