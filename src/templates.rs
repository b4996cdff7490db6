//! Templates bundled into the binary (checked at build time by build.rs).

use crate::format;
use crate::model::Map;

include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// The template the editor opens when started without a file.
pub const EXAMPLE: &str = "pizza";

/// Names and titles of the built-in templates, in name order.
pub fn list() -> impl Iterator<Item = (&'static str, &'static str)> {
    TEMPLATES.iter().map(|(name, title, _)| (*name, *title))
}

/// `None` if there is no template by that name.
pub fn load(name: &str) -> Option<Map> {
    let (_, _, text) = TEMPLATES.iter().find(|(n, _, _)| *n == name)?;
    Some(format::parse(text).expect("templates are validated by build.rs"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_loads_and_round_trips() {
        for (name, title) in super::list() {
            let map = super::load(name).unwrap();
            assert_eq!(map.title, title);
            let again = crate::format::parse(&crate::format::to_text(&map)).unwrap();
            assert_eq!(again, map, "template {name} changed through save + load");
        }
        assert!(super::load(super::EXAMPLE).is_some());
        assert!(super::load("nope").is_none());
    }
}
