//! The command line's own words in the user's language: help headings, the built-in flags,
//! placeholders, and usage errors. clap writes English; this module rewrites what it would say.

use crate::i18n::Lang;
use crate::i18n::strings;
use clap::builder::PossibleValue;
use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;

/// The language asked for with `--lang X` or `--lang=X`, looked for before clap parses anything
/// so that the help itself comes out in that language. An unknown language is left for clap to
/// refuse.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(value) = value {
            return Lang::from_code(value);
        }
    }
    None
}

impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()).help(self.name()))
    }
}

/// The command with its headings, placeholders and built-in flags in the current language.
pub fn localize(cmd: Command) -> Command {
    localize_one(cmd, true)
}

fn localize_one(cmd: Command, top: bool) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        strings::cli_usage_heading()
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(strings::cli_commands_heading())
        .subcommand_value_name(strings::cli_value_command())
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(strings::cli_help_flag()),
        );
    if top {
        cmd = cmd
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(strings::cli_version_flag()),
            )
            .subcommand(
                Command::new("help").about(strings::cli_help_command()).arg(
                    Arg::new("command")
                        .value_name(strings::cli_value_command())
                        .help(strings::cli_help_command_arg()),
                ),
            );
    }
    let cmd = cmd.mut_args(|arg| {
        let heading = if arg.is_positional() {
            strings::cli_arguments_heading()
        } else {
            strings::cli_options_heading()
        };
        let arg = values_explained(arg.help_heading(heading));
        match placeholder(arg.get_id().as_str()) {
            Some(name) => arg.value_name(name),
            None => arg,
        }
    });
    if top {
        cmd.mut_subcommands(|sub| localize_one(sub, false))
    } else {
        cmd
    }
}

/// An argument's help with its possible and default values in our words, in place of clap's
/// "[default: …]" and "Possible values:".
fn values_explained(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let possible = arg.get_possible_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if possible.is_empty() && defaults.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let mut short = help.clone();
    let mut long = help;
    if !possible.is_empty() {
        let names: Vec<&str> = possible.iter().map(|p| p.get_name()).collect();
        short.push_str(&format!(
            " [{}]",
            strings::cli_error_possible(&names.join(", "))
        ));
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        long.push_str(&format!("\n\n{}:", strings::cli_possible_heading()));
        for value in &possible {
            let name = value.get_name();
            match value.get_help() {
                Some(help) => long.push_str(&format!("\n- {name:width$}  {help}")),
                None => long.push_str(&format!("\n- {name}")),
            }
        }
    }
    if !defaults.is_empty() {
        let default = format!(" [{}]", strings::cli_default(&defaults.join(", ")));
        short.push_str(&default);
        long.push_str(&format!("\n\n{}", default.trim()));
    }
    arg.hide_possible_values(true)
        .hide_default_value(true)
        .help(short)
        .long_help(long)
}

/// The placeholder shown for an argument's value, `<MAP>` or `<MAPA>`.
fn placeholder(id: &str) -> Option<&'static str> {
    Some(match id {
        "path" => strings::cli_value_path(),
        "map" => strings::cli_value_map(),
        "paths" => strings::cli_value_paths(),
        "output" => strings::cli_value_output(),
        "template" => strings::cli_value_template(),
        "scale" => strings::cli_value_scale(),
        "background" => strings::cli_value_background(),
        "journey" => strings::cli_value_journey(),
        "view" => strings::cli_value_view(),
        "format" => strings::cli_value_format(),
        "lang" => strings::cli_value_lang(),
        "page" => crate::i18n::tr("cli-value-page"),
        "by" => crate::i18n::tr("cli-value-by"),
        _ => return None,
    })
}

/// clap's usage line without its English heading, with our words for its fixed parts.
fn usage_line(usage: &str) -> String {
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    let usage = usage.replace("[OPTIONS]", strings::cli_value_options());
    format!("{} {usage}", strings::cli_usage_heading())
}

/// What clap prints for `--help` and `--version`, in the current language.
pub fn rendered_help(error: &clap::Error, styled: bool) -> String {
    help_text(error.render(), styled)
}

/// A help text clap rendered, with colours for a terminal, and our word for "[OPTIONS]".
pub fn help_text(text: clap::builder::StyledStr, styled: bool) -> String {
    let text = if styled {
        text.ansi().to_string()
    } else {
        text.to_string()
    };
    text.replace("[OPTIONS]", strings::cli_value_options())
}

/// A usage error, said in the current language: what is wrong, what would be right, the usage
/// line and where to learn more.
pub fn explain(error: &clap::Error) -> String {
    let context = |kind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let mut lines = Vec::new();
    let problem = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => strings::cli_error_missing_value(&arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            strings::cli_error_invalid_value(&value, &arg)
        }
        ErrorKind::UnknownArgument => strings::cli_error_unknown_argument(&arg),
        ErrorKind::InvalidSubcommand => {
            strings::cli_error_unknown_command(&context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => strings::cli_error_missing(&arg),
        ErrorKind::MissingSubcommand => strings::cli_error_missing(strings::cli_value_command()),
        ErrorKind::ArgumentConflict => {
            strings::cli_error_conflict(&arg, &context(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues => strings::cli_error_unexpected_value(&value),
        _ => strings::cli_error_other(&first_line(error)),
    };
    lines.push(format!("{}: {problem}", strings::cli_error()));
    if error.kind() == ErrorKind::ValueValidation
        && let Some(reason) = std::error::Error::source(error)
    {
        lines.push(format!("  {reason}"));
    }
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        lines.push(format!("  {}", strings::cli_error_possible(&valid)));
    }
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(context)
    .find(|s| !s.is_empty());
    if let Some(suggestion) = suggestion {
        lines.push(format!(
            "  {}",
            strings::cli_error_did_you_mean(&suggestion)
        ));
    }
    let usage = context(ContextKind::Usage);
    if !usage.is_empty() {
        lines.push(String::new());
        lines.push(usage_line(&usage));
    }
    lines.push(String::new());
    lines.push(strings::cli_error_more().to_owned());
    lines.join("\n") + "\n"
}

/// clap's own one-line account of an error we have no words for, without its "error:" prefix.
fn first_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let line = text.lines().next().unwrap_or("").trim();
    line.strip_prefix("error:")
        .unwrap_or(line)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("trayecto")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn lang_is_found_before_parsing() {
        assert_eq!(
            lang_in_args(&args(&["--lang", "es", "info", "x.ron"])),
            Some(Lang::Es)
        );
        assert_eq!(
            lang_in_args(&args(&["info", "--lang=en", "x.ron"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["info", "x.ron"])), None);
        assert_eq!(lang_in_args(&args(&["--lang", "fr"])), None);
        assert_eq!(lang_in_args(&args(&["--", "--lang", "es"])), None);
    }

    #[test]
    fn usage_lines_lose_their_english_heading() {
        i18n::set(Lang::Es);
        assert_eq!(
            usage_line("Usage: trayecto [OPTIONS] [RUTA]"),
            "Uso: trayecto [OPCIONES] [RUTA]"
        );
        i18n::set(Lang::En);
        assert_eq!(
            usage_line("Usage: trayecto [OPTIONS] [PATH]"),
            "Usage: trayecto [OPTIONS] [PATH]"
        );
    }
}
