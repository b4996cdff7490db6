//! The values the command line takes (`--format csv`, `--journey target`…), with their help in
//! the current language. The types are the report's, the view's and the export's own; how
//! clap names and explains them lives here.

use crate::i18n::strings;
use crate::report::Format;
use crate::view::JourneyChoice;
use clap::builder::PossibleValue;

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Format::Table => strings::cli_format_table(),
            Format::Csv => strings::cli_format_csv(),
            Format::Json => strings::cli_format_json(),
            Format::Md => strings::cli_format_md(),
        };
        Some(PossibleValue::new(self.id()).help(help))
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
        let (name, help) = match self {
            JourneyChoice::Current => ("current", strings::cli_journey_current()),
            JourneyChoice::Target => ("target", strings::cli_journey_target()),
            JourneyChoice::Overlay => ("overlay", strings::cli_journey_overlay()),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

/// What `export` draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ViewArg {
    /// A journey, or the overlay (see --journey).
    Journey,
    /// The roadmap board of actions.
    Roadmap,
}

impl clap::ValueEnum for ViewArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[ViewArg::Journey, ViewArg::Roadmap]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let (name, help) = match self {
            ViewArg::Journey => ("journey", strings::cli_view_journey()),
            ViewArg::Roadmap => ("roadmap", strings::cli_view_roadmap()),
        };
        Some(PossibleValue::new(name).help(help))
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
        let (name, help) = match self {
            BackgroundArg::White => ("white", strings::cli_background_white()),
            BackgroundArg::Transparent => ("transparent", strings::cli_background_transparent()),
            BackgroundArg::Theme => ("theme", strings::cli_background_theme()),
        };
        Some(PossibleValue::new(name).help(help))
    }
}

impl clap::ValueEnum for crate::export::PageSize {
    fn value_variants<'a>() -> &'a [Self] {
        &crate::export::PageSize::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()).help(self.label()))
    }
}
