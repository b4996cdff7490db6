//! The values the command line takes (`--format csv`, `--journey target`…), with their help in
//! the current language. The types are the report's, the view's and the export's own; how
//! clap names and explains them lives here.
//!
//! Each value is named and listed in the language the command line speaks (`--journey
//! objetivo` in Spanish), and accepted in every language Trayecto speaks, so a command written
//! in English works whatever the locale.

use crate::i18n::{Lang, strings, tr, tr_in};
use crate::report::Format;
use crate::view::JourneyChoice;
use clap::builder::PossibleValue;

/// A value by the message key of its name: listed in the current language, accepted in all.
fn named(key: &'static str, help: &str) -> PossibleValue {
    let name = tr(key);
    let mut others: Vec<&'static str> = Lang::ALL
        .into_iter()
        .map(|lang| tr_in(lang, key))
        .filter(|other| *other != name)
        .collect();
    others.dedup();
    PossibleValue::new(name)
        .aliases(others)
        .help(help.to_owned())
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (key, help) = match self {
            Format::Table => ("cli-name-format-table", strings::cli_format_table()),
            Format::Csv => ("cli-name-format-csv", strings::cli_format_csv()),
            Format::Json => ("cli-name-format-json", strings::cli_format_json()),
            Format::Md => ("cli-name-format-md", strings::cli_format_md()),
        };
        Some(named(key, help))
    }
}

impl clap::ValueEnum for JourneyChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            JourneyChoice::Current,
            JourneyChoice::Target,
            JourneyChoice::Overlay,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (key, help) = match self {
            JourneyChoice::Current => ("cli-name-journey-current", strings::cli_journey_current()),
            JourneyChoice::Target => ("cli-name-journey-target", strings::cli_journey_target()),
            JourneyChoice::Overlay => ("cli-name-journey-overlay", strings::cli_journey_overlay()),
        };
        Some(named(key, help))
    }
}

/// What `export` draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ViewArg {
    /// A journey, or the overlay (see --journey).
    Journey,
    /// The roadmap board of actions.
    Roadmap,
    /// The gap analysis, as a slide.
    Gap,
    /// The table of actions, as a slide.
    Actions,
}

impl clap::ValueEnum for ViewArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ViewArg::Journey,
            ViewArg::Roadmap,
            ViewArg::Gap,
            ViewArg::Actions,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (key, help) = match self {
            ViewArg::Journey => ("cli-name-view-journey", strings::cli_view_journey()),
            ViewArg::Roadmap => ("cli-name-view-roadmap", strings::cli_view_roadmap()),
            ViewArg::Gap => ("cli-name-view-gap", tr("cli-view-gap")),
            ViewArg::Actions => ("cli-name-view-actions", tr("cli-view-actions")),
        };
        Some(named(key, help))
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) enum BackgroundArg {
    White,
    Transparent,
    Theme,
}

impl clap::ValueEnum for BackgroundArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            BackgroundArg::White,
            BackgroundArg::Transparent,
            BackgroundArg::Theme,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (key, help) = match self {
            BackgroundArg::White => ("cli-name-background-white", strings::cli_background_white()),
            BackgroundArg::Transparent => (
                "cli-name-background-transparent",
                strings::cli_background_transparent(),
            ),
            BackgroundArg::Theme => ("cli-name-background-theme", strings::cli_background_theme()),
        };
        Some(named(key, help))
    }
}

impl clap::ValueEnum for crate::export::PageSize {
    fn value_variants<'a>() -> &'a [Self] {
        &crate::export::PageSize::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        use crate::export::PageSize;
        let key = match self {
            PageSize::Fit => "cli-name-page-fit",
            PageSize::A4 => "cli-name-page-a4",
            PageSize::A3 => "cli-name-page-a3",
        };
        Some(named(key, self.label()))
    }
}

impl clap::ValueEnum for crate::report::gap::Order {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Gap, Self::Votes]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (key, help) = match self {
            Self::Gap => ("cli-name-by-gap", tr("cli-by-gap")),
            Self::Votes => ("cli-name-by-votes", tr("cli-by-votes-gap")),
        };
        Some(named(key, help))
    }
}

impl clap::ValueEnum for crate::report::roadmap::Order {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Roadmap, Self::Votes]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (key, help) = match self {
            Self::Roadmap => ("cli-name-by-roadmap", tr("cli-by-roadmap")),
            Self::Votes => ("cli-name-by-votes", tr("cli-by-votes-roadmap")),
        };
        Some(named(key, help))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn values_are_listed_in_the_language_spoken_and_accepted_in_both() {
        crate::i18n::set(Lang::Es);
        let listed: Vec<String> = JourneyChoice::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        assert_eq!(listed, ["actual", "objetivo", "superpuesto"]);
        assert_eq!(
            JourneyChoice::from_str("objetivo", false),
            Ok(JourneyChoice::Target)
        );
        assert_eq!(
            JourneyChoice::from_str("target", false),
            Ok(JourneyChoice::Target)
        );
        crate::i18n::set(Lang::En);
        assert_eq!(
            JourneyChoice::from_str("superpuesto", false),
            Ok(JourneyChoice::Overlay)
        );
        assert_eq!(
            Format::Table.to_possible_value().unwrap().get_name(),
            "table"
        );
    }
}
