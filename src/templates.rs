//! Templates bundled into the binary, each in English and Spanish (checked at build time by
//! build.rs: every template parses, validates and exists in both languages).

use crate::format;
use crate::i18n::{self, Lang};
use crate::model::Map;

include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// The template the editor opens when started without a file.
pub const EXAMPLE: &str = "pizza";

/// The empty map: a few stages and lanes, no cards.
pub const BLANK: &str = "blank";

/// The order templates are offered in: the empty one, the example, then the stage models.
const ORDER: [&str; 5] = [
    BLANK,
    "pizza",
    "five-steps",
    "seven-steps",
    "before-during-after",
];

fn rank(name: &str) -> usize {
    ORDER.iter().position(|n| *n == name).unwrap_or(ORDER.len())
}

/// Names and titles of the built-in templates in the current language, each once.
pub fn list() -> impl Iterator<Item = (&'static str, &'static str)> {
    list_in(i18n::current())
}

/// Names and titles of the built-in templates in `lang`.
pub fn list_in(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut found: Vec<_> = TEMPLATES
        .iter()
        .filter(|(_, code, _, _)| *code == lang.code())
        .map(|(name, _, title, _)| (*name, *title))
        .collect();
    found.sort_by_key(|(name, _)| (rank(name), *name));
    found.into_iter()
}

/// The template `name` in the current language; `None` if there is no template by that name.
pub fn load(name: &str) -> Option<Map> {
    load_in(name, i18n::current())
}

pub fn load_in(name: &str, lang: Lang) -> Option<Map> {
    let (_, _, _, text) = TEMPLATES
        .iter()
        .find(|(n, code, _, _)| *n == name && *code == lang.code())?;
    Some(format::parse(text).expect("templates are validated by build.rs"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_loads_and_round_trips_in_both_languages() {
        for lang in Lang::ALL {
            let names: Vec<_> = list_in(lang).map(|(n, _)| n).collect();
            assert_eq!(names, ORDER, "{lang:?}");
            for (name, title) in list_in(lang) {
                let map = load_in(name, lang).unwrap();
                assert_eq!(map.title, title);
                let again = format::parse(&format::to_text(&map)).unwrap();
                assert_eq!(again, map, "template {name} changed through save + load");
            }
        }
        assert!(load_in(EXAMPLE, Lang::Es).is_some());
        assert!(load("nope").is_none());
    }

    #[test]
    fn each_template_has_the_same_shape_in_both_languages() {
        for (name, _) in list_in(Lang::En) {
            let en = load_in(name, Lang::En).unwrap();
            let es = load_in(name, Lang::Es).unwrap();
            let ids = |m: &Map| {
                (
                    m.stages.iter().map(|s| s.id).collect::<Vec<_>>(),
                    m.lanes.iter().map(|l| (l.id, l.kind)).collect::<Vec<_>>(),
                    m.phases
                        .iter()
                        .map(|p| p.stages.clone())
                        .collect::<Vec<_>>(),
                    m.forks.len(),
                )
            };
            assert_eq!(ids(&en), ids(&es), "{name}");
            assert_ne!(en.title, es.title, "{name} has a title in each language");
        }
    }

    #[test]
    fn the_spanish_pizza_follows_the_workshop_example() {
        let map = load_in("pizza", Lang::Es).unwrap();
        assert_eq!(map.stages.len(), 6);
        let card = |title: &str| {
            map.cards
                .iter()
                .find(|c| c.title == title)
                .unwrap_or_else(|| panic!("no card “{title}”"))
        };
        use crate::model::{Channel, Feeling, MomentKind};
        assert_eq!(card("Llamo a la sucursal").feeling, Some(Feeling::Happy));
        let wrong = card("No me dieron la pizza que pedí");
        assert_eq!(wrong.feeling, Some(Feeling::Angry));
        assert_eq!(wrong.moment_kind(), Some(MomentKind::Pain));
        let social = card("Escribo mis comentarios en redes sociales");
        assert_eq!(social.feeling, Some(Feeling::Angry));
        assert_eq!(social.channel, Some(Channel::SocialMedia));
        assert_eq!(map.forks.len(), 1);
        assert_eq!(map.phases.len(), 3);
    }
}
