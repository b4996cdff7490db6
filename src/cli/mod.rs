//! The command line: opening the editor, and the window-less commands.

use crate::document::Document;
use crate::export::{self, Background, ExportOptions, ImageFormat};
use crate::i18n::strings;
use crate::i18n::{self, Lang};
use crate::report::{Format, Table, Value};
use crate::ui::{AppOptions, TrayectoApp};
use crate::view::{JourneyChoice, View};
use crate::{file, templates};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

mod usage;
mod values;

/// A line for the terminal, with the control characters of the map's own text (a persona's
/// name, a picture's file name) written as escapes: `\u{1b}` shows, it does not act.
fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A report as written: raw for scripts and files (CSV and JSON carry the map's text as it
/// is), cleaned when a person reads it on a terminal.
fn report_text(text: String) -> String {
    if std::io::stdout().is_terminal() {
        for_terminal(&text)
    } else {
        text
    }
}

/// `println!`, cleaned for the terminal.
macro_rules! say {
    ($($arg:tt)*) => { println!("{}", crate::cli::for_terminal(&format!($($arg)*))) };
}

/// `eprintln!`, cleaned for the terminal.
macro_rules! warn {
    ($($arg:tt)*) => { eprintln!("{}", crate::cli::for_terminal(&format!($($arg)*))) };
}

use values::{BackgroundArg, ViewArg};

#[derive(Parser, Debug)]
#[command(name = "trayecto", version, about = strings::cli_about())]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[arg(help = strings::cli_path())]
    path: Option<PathBuf>,
    #[arg(long, global = true, value_enum, help = strings::cli_lang())]
    lang: Option<Lang>,
    #[arg(long, help = crate::i18n::tr("cli-room"))]
    room: bool,
    #[arg(long, requires = "room", value_parser = room_port, value_name = crate::i18n::tr("cli-room-port-value"), help = crate::i18n::tr("cli-room-port"))]
    port: Option<u16>,
    #[arg(long, requires = "room", value_parser = room_bind, value_name = crate::i18n::tr("cli-room-bind-value"), help = crate::i18n::tr("cli-room-bind"))]
    bind: Option<std::net::IpAddr>,
}

#[derive(Subcommand, Debug)]
enum Command {
    #[command(about = strings::cli_templates())]
    Templates,
    #[command(about = strings::cli_new())]
    New {
        #[arg(short, long, help = strings::cli_template())]
        template: String,
        #[arg(short, long, help = strings::cli_output())]
        output: PathBuf,
        #[arg(long, help = strings::cli_force())]
        force: bool,
    },
    #[command(about = strings::cli_export())]
    Export {
        #[arg(help = strings::cli_export_map())]
        map: PathBuf,
        #[arg(short, long, help = strings::cli_export_output())]
        output: PathBuf,
        #[arg(long, default_value_t = 2, value_parser = scale, help = strings::cli_export_scale())]
        scale: u32,
        #[arg(long, value_enum, default_value_t = BackgroundArg::White, help = strings::cli_export_background())]
        background: BackgroundArg,
        #[arg(long, help = strings::cli_no_title())]
        no_title: bool,
        #[arg(long, help = strings::cli_no_persona())]
        no_persona: bool,
        #[arg(long, help = strings::cli_no_legend())]
        no_legend: bool,
        #[arg(long, help = strings::cli_notes())]
        notes: bool,
        #[arg(long, value_enum, default_value_t = JourneyChoice::Current, help = strings::cli_journey())]
        journey: JourneyChoice,
        #[arg(long, value_enum, default_value_t = ViewArg::Journey, help = strings::cli_view())]
        view: ViewArg,
        #[arg(long, value_enum, default_value_t = export::PageSize::Fit, help = crate::i18n::tr("cli-page"))]
        page: export::PageSize,
    },
    #[command(about = crate::i18n::tr("cli-convert"))]
    Convert {
        #[arg(help = crate::i18n::tr("cli-convert-input"))]
        input: PathBuf,
        #[arg(short, long, help = crate::i18n::tr("cli-convert-output"))]
        output: PathBuf,
        #[arg(long, value_enum, default_value_t = JourneyChoice::Current, help = crate::i18n::tr("cli-convert-journey"))]
        journey: JourneyChoice,
        #[arg(long, help = strings::cli_force())]
        force: bool,
    },
    #[command(about = strings::cli_roadmap())]
    Roadmap {
        #[arg(help = strings::cli_report_map())]
        map: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table, help = strings::cli_format())]
        format: Format,
        #[arg(long, value_enum, default_value_t = crate::report::roadmap::Order::Roadmap, help = crate::i18n::tr("cli-roadmap-by"))]
        by: crate::report::roadmap::Order,
    },
    #[command(about = strings::cli_info())]
    Info {
        #[arg(help = strings::cli_report_map())]
        map: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table, help = strings::cli_format())]
        format: Format,
        #[arg(long, help = strings::cli_json(), conflicts_with = "format")]
        json: bool,
    },
    #[command(about = strings::cli_gap())]
    Gap {
        #[arg(help = strings::cli_report_map())]
        map: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table, help = strings::cli_format())]
        format: Format,
        #[arg(long, value_enum, default_value_t = crate::report::gap::Order::Gap, help = crate::i18n::tr("cli-gap-by"))]
        by: crate::report::gap::Order,
    },
    #[command(about = strings::cli_upgrade())]
    Upgrade {
        #[arg(required = true, help = strings::cli_upgrade_paths())]
        paths: Vec<PathBuf>,
    },
    #[command(about = strings::cli_validate())]
    Validate {
        #[arg(required = true, help = strings::cli_validate_paths())]
        paths: Vec<PathBuf>,
    },
    #[command(about = strings::cli_recover())]
    Recover {
        #[arg(long, help = strings::cli_recover_list(), conflicts_with_all = ["map", "output"])]
        list: bool,
        #[arg(help = strings::cli_recover_map(), required_unless_present = "list")]
        map: Option<PathBuf>,
        #[arg(short, long, help = strings::cli_recover_output(), required_unless_present = "list")]
        output: Option<PathBuf>,
        #[arg(long, help = strings::cli_force())]
        force: bool,
        #[arg(long, value_enum, default_value_t = Format::Table, help = strings::cli_format())]
        format: Format,
    },
}

/// `--scale`: a whole number of pixels per point, 1 to [`export::MAX_SCALE`].
fn scale(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|s| (1..=export::MAX_SCALE).contains(s))
        .ok_or_else(|| strings::cli_scale_range(export::MAX_SCALE))
}

/// The room's port: 0 (any free one) to 65535.
fn room_port(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .map_err(|_| crate::i18n::tr("cli-room-bad-port").to_owned())
}

/// The address the room listens on: an IPv4 or IPv6 address of this computer.
fn room_bind(text: &str) -> Result<std::net::IpAddr, String> {
    text.trim()
        .parse()
        .map_err(|_| crate::i18n::tr("cli-room-bad-bind").to_owned())
}

/// Exit codes: 0 success, 1 a file was bad or could not be written, 2 usage error.
///
/// The language is `--lang` when given, else the environment's (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`); the editor also remembers the language last chosen in its menu.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = usage::lang_in_args(&args);
    i18n::set(asked.unwrap_or_else(Lang::from_environment));
    let mut command = usage::localize(Cli::command());
    let matches = match command.try_get_matches_from_mut(&args) {
        Ok(matches) => matches,
        Err(error) => return usage_error(&error),
    };
    if let Some(("help", asked_about)) = matches.subcommand() {
        return help(&mut command, asked_about.get_one::<String>("command"));
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error.with_cmd(&command)),
    };
    let Some(command) = cli.command else {
        // A word that names no file and looks like no file is a mistyped command: say so,
        // rather than open the editor on a map that is not there.
        if let Some(path) = &cli.path
            && !path.exists()
            && path.extension().is_none()
            && path.components().count() == 1
        {
            let commands: Vec<&str> = command
                .get_subcommands()
                .map(|c| c.get_name())
                .filter(|name| *name != "help")
                .collect();
            warn!(
                "{}",
                strings::cli_not_a_command(&path.display().to_string(), &commands)
            );
            return ExitCode::from(2);
        }
        let room = cli.room.then(|| crate::room::Options {
            bind: cli.bind.unwrap_or(crate::room::Options::default().bind),
            port: cli.port,
        });
        return run_editor(cli.path, asked, room);
    };
    match command {
        Command::Templates => {
            for (name, title) in templates::list() {
                say!("{name}\t{title}");
            }
            ExitCode::SUCCESS
        }
        Command::New {
            template,
            output,
            force,
        } => new_map(&template, &output, force),
        Command::Validate { paths } => validate(&paths),
        Command::Recover {
            list,
            map,
            output,
            force,
            format,
        } => match (list, map, output) {
            (true, _, _) => recover_list(format),
            (false, Some(map), Some(output)) => recover(&map, &output, force),
            _ => unreachable!("clap requires MAP and -o without --list"),
        },
        Command::Export {
            map,
            output,
            scale,
            background,
            no_title,
            no_persona,
            no_legend,
            notes,
            journey,
            view,
            page,
        } => {
            let Some(format) = ImageFormat::from_path(&output) else {
                warn!(
                    "{}",
                    strings::cli_unknown_image_type(
                        &output.display().to_string(),
                        &ImageFormat::extensions(),
                    )
                );
                return ExitCode::from(2);
            };
            let options = ExportOptions {
                format,
                scale,
                background: match background {
                    BackgroundArg::White => Background::White,
                    BackgroundArg::Transparent => Background::Transparent,
                    BackgroundArg::Theme => Background::Theme,
                },
                title: !no_title,
                persona: !no_persona,
                legend: !no_legend,
                notes,
                page,
            };
            export_map(&map, view, journey, &options, &output)
        }
        Command::Convert {
            input,
            output,
            journey,
            force,
        } => convert(&input, &output, journey, force),
        Command::Roadmap { map, format, by } => report(&map, |loaded, _| {
            Ok(crate::report::roadmap::table_by(loaded, by)
                .write_or(format, strings::cli_no_actions()))
        }),
        Command::Info { map, format, json } => {
            let format = if json { Format::Json } else { format };
            report(&map, |loaded, version| match format {
                Format::Json => {
                    let mut text =
                        serde_json::to_string_pretty(&crate::report::info::json(loaded, version))
                            .expect("a summary always serialises");
                    text.push('\n');
                    Ok(text)
                }
                _ => Ok(crate::report::info::table(loaded, version).write(format)),
            })
        }
        Command::Gap { map, format, by } => report(&map, |loaded, _| {
            crate::report::gap::analyse_by(loaded, by)
                .map(|analysis| crate::report::gap::table(&analysis).write(format))
                .map_err(|e| e.to_string())
        }),
        Command::Upgrade { paths } => upgrade(&paths),
    }
}

/// A usage error in the user's language on stderr, exit code 2; `--help` and `--version` on
/// stdout, exit code 0.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!(
                "{}",
                usage::rendered_help(error, std::io::stdout().is_terminal())
            );
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!(
                "{}",
                usage::rendered_help(error, std::io::stderr().is_terminal())
            );
            ExitCode::from(2)
        }
        _ => {
            eprint!("{}", usage::explain(error));
            ExitCode::from(2)
        }
    }
}

/// `trayecto help [COMMAND]`: the help of the program or of one command.
fn help(command: &mut clap::Command, about: Option<&String>) -> ExitCode {
    let styled = std::io::stdout().is_terminal();
    let text = match about {
        None => command.render_help(),
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => {
                let name = format!("trayecto {}", sub.get_name());
                sub.clone().bin_name(name).render_help()
            }
            None => {
                warn!(
                    "{}: {}\n\n{}",
                    strings::cli_error(),
                    strings::cli_error_unknown_command(name),
                    strings::cli_error_more()
                );
                return ExitCode::from(2);
            }
        },
    };
    print!("{}", usage::help_text(text, styled));
    ExitCode::SUCCESS
}

fn new_map(template: &str, output: &std::path::Path, force: bool) -> ExitCode {
    let Some(map) = templates::load(template) else {
        warn!(
            "{}",
            strings::cli_unknown_template(
                template,
                &templates::list().map(|(n, _)| n).collect::<Vec<_>>()
            )
        );
        return ExitCode::from(2);
    };
    if output.exists() && !force {
        warn!("{}", strings::cli_exists(&output.display().to_string()));
        return ExitCode::FAILURE;
    }
    match file::save(output, &map) {
        Ok(_) => {
            say!("{}", strings::cli_written(&output.display().to_string()));
            ExitCode::SUCCESS
        }
        Err(error) => {
            warn!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// Opens a map file of any format the table reads, printing what an import could not carry
/// as warnings ("pizza.csv: line 7: …"); `Err` (already reported) when it cannot be read.
fn open_map(path: &std::path::Path) -> Result<file::Loaded, ExitCode> {
    match file::open(path) {
        Ok(loaded) => {
            for note in &loaded.notes {
                warn!("{}: {note}", path.display());
            }
            Ok(loaded)
        }
        Err(error) => {
            warn!("{error}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// `convert`: reads a map in one format and writes it in another, each chosen by the file's
/// extension; what the output cannot hold is reported on stderr.
fn convert(
    input: &std::path::Path,
    output: &std::path::Path,
    journey: JourneyChoice,
    force: bool,
) -> ExitCode {
    if crate::format::of_path(output).is_none() {
        let known: Vec<String> = crate::format::extensions()
            .iter()
            .map(|e| format!(".{e}"))
            .collect();
        warn!(
            "{}",
            crate::i18n::fmt(
                "cli-convert-unknown-type",
                &[
                    ("name", output.display().to_string().as_str().into()),
                    ("known", strings::one_of(&known).as_str().into()),
                ]
            )
        );
        return ExitCode::from(2);
    }
    let loaded = match open_map(input) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if output.exists() && !force {
        warn!("{}", strings::cli_exists(&output.display().to_string()));
        return ExitCode::FAILURE;
    }
    let Some(view) = View::choose(&loaded.map, journey) else {
        warn!("{}: {}", input.display(), journey.missing());
        return ExitCode::FAILURE;
    };
    match file::write_as(output, &loaded.map, view.journey) {
        Ok(notes) => {
            for note in &notes {
                warn!("{}: {note}", output.display());
            }
            say!("{}", strings::cli_written(&output.display().to_string()));
            ExitCode::SUCCESS
        }
        Err(error) => {
            warn!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// Loads a map and prints what `write` makes of it (and of the format version its file is in); a map that cannot be loaded, or a report
/// that does not apply to it, is exit code 1 with a message naming the file.
fn report(
    path: &std::path::Path,
    write: impl FnOnce(&crate::model::Map, u32) -> Result<String, String>,
) -> ExitCode {
    let loaded = match open_map(path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    match write(&loaded.map, loaded.version) {
        Ok(text) => {
            print!("{}", report_text(text));
            ExitCode::SUCCESS
        }
        Err(message) => {
            warn!("{}: {message}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// Rewrites maps in the current format, keeping each original once as `NAME.ron.bak`.
fn upgrade(paths: &[PathBuf]) -> ExitCode {
    let mut all_done = true;
    for path in paths {
        let shown = path.display().to_string();
        let loaded = match file::open(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                warn!("{error}");
                all_done = false;
                continue;
            }
        };
        if loaded.is_import() {
            // Another tool's file is never rewritten as a map in its place.
            warn!(
                "{}",
                crate::i18n::fmt("cli-upgrade-not-a-map", &[("name", shown.as_str().into())])
            );
            all_done = false;
            continue;
        }
        if loaded.version == crate::format::FORMAT_VERSION {
            say!(
                "{}",
                strings::cli_already_current(&shown, crate::format::FORMAT_VERSION)
            );
            continue;
        }
        let backup = match file::keep_backup(path) {
            Ok(backup) => backup,
            Err(error) => {
                warn!("{error}");
                all_done = false;
                continue;
            }
        };
        let (backup, earlier) = match backup {
            file::Backup::Written(backup) => (backup, false),
            file::Backup::Earlier(backup) => (backup, true),
        };
        match file::save(path, &loaded.map) {
            Ok(_) => say!(
                "{}",
                strings::cli_upgraded(
                    &shown,
                    loaded.version,
                    &backup.display().to_string(),
                    earlier,
                    crate::format::FORMAT_VERSION,
                )
            ),
            Err(error) => {
                warn!("{error}");
                all_done = false;
            }
        }
    }
    if all_done {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn export_map(
    path: &std::path::Path,
    view: ViewArg,
    journey: JourneyChoice,
    options: &ExportOptions,
    output: &std::path::Path,
) -> ExitCode {
    let map = match open_map(path) {
        Ok(loaded) => loaded.map,
        Err(code) => return code,
    };
    let drawing = match view {
        ViewArg::Roadmap => export::Drawing::Roadmap,
        ViewArg::Actions => export::Drawing::Actions,
        // As `trayecto gap`: a map with nothing to compare is refused, naming the file.
        ViewArg::Gap => match crate::report::gap::analyse(&map) {
            Ok(_) => export::Drawing::Gap,
            Err(error) => {
                warn!("{}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        },
        ViewArg::Journey => match View::choose(&map, journey) {
            Some(view) => export::Drawing::Journey(view),
            None => {
                warn!("{}: {}", path.display(), journey.missing());
                return ExitCode::FAILURE;
            }
        },
    };
    let folder = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            p
        }
    });
    for warning in crate::pictures::warnings(&map, folder) {
        warn!("{}: {warning}", path.display());
    }
    let subject = export::Subject {
        map: &map,
        drawing,
        folder,
    };
    match export::to_file(&subject, options, output) {
        Ok(()) => {
            say!("{}", strings::cli_written(&output.display().to_string()));
            ExitCode::SUCCESS
        }
        Err(error) => {
            warn!("{}: {error}", output.display());
            ExitCode::FAILURE
        }
    }
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for path in paths {
        match open_map(path) {
            Ok(loaded) => {
                let (s, l, c) = loaded.map.summary();
                say!("{}", strings::cli_ok(&path.display().to_string(), s, l, c));
            }
            Err(_) => all_valid = false,
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Where autosave journals are: the data folder, or a message for the user.
fn journal_folder() -> Result<PathBuf, ExitCode> {
    crate::recovery::data_dir().ok_or_else(|| {
        warn!("{}", strings::cli_no_data_dir());
        ExitCode::FAILURE
    })
}

fn recover_list(format: Format) -> ExitCode {
    let dir = match journal_folder() {
        Ok(dir) => dir,
        Err(code) => return code,
    };
    let (entries, damaged) = crate::recovery::list(&dir, true);
    for bad in &damaged {
        warn!("{}: {}", bad.file.display(), bad.reason);
    }
    let mut table = Table::new([
        ("key", strings::col_key().to_owned()),
        ("map", strings::col_map().to_owned()),
        ("title", strings::col_title().to_owned()),
        ("time", strings::col_time().to_owned()),
        ("changes", strings::col_changes().to_owned()),
        ("cards", strings::col_cards().to_owned()),
        ("running", strings::col_running().to_owned()),
    ]);
    for entry in &entries {
        let header = &entry.header;
        table.push(vec![
            Value::Text(entry.key.clone()),
            header
                .path
                .as_ref()
                .map_or(Value::None, |p| Value::Text(p.display().to_string())),
            Value::Text(header.title.clone()),
            Value::Text(crate::report::utc_time(header.time)),
            Value::Int(header.changes as i64),
            Value::Int(header.cards as i64),
            Value::Flag(crate::recovery::is_running(header.pid)),
        ]);
    }
    print!(
        "{}",
        report_text(table.write_or(format, strings::nothing_to_recover()))
    );
    ExitCode::SUCCESS
}

fn recover(map: &std::path::Path, output: &std::path::Path, force: bool) -> ExitCode {
    let dir = match journal_folder() {
        Ok(dir) => dir,
        Err(code) => return code,
    };
    let (entries, _) = crate::recovery::list(&dir, true);
    let Some(entry) = entries.iter().find(|e| e.is_for(map)) else {
        warn!(
            "{}",
            strings::cli_nothing_to_recover(&map.display().to_string())
        );
        return ExitCode::FAILURE;
    };
    if output.exists() && !force {
        warn!("{}", strings::cli_exists(&output.display().to_string()));
        return ExitCode::FAILURE;
    }
    let recovered = match entry.read_map() {
        Ok(map) => map,
        Err(error) => {
            warn!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match file::save(output, &recovered) {
        Ok(_) => {
            say!("{}", strings::cli_written(&output.display().to_string()));
            // Notes that waited in the room's inbox are in no map file: the editor's
            // recovery brings them back.
            if !entry.header.inbox.is_empty() {
                warn!(
                    "{}",
                    i18n::fmt(
                        "cli-recover-room-notes",
                        &[("count", entry.header.inbox.len().into())]
                    )
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            warn!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the editor. Its language: `--lang` when given, else the one last chosen in its menu,
/// else the environment's.
fn run_editor(
    path: Option<PathBuf>,
    asked: Option<Lang>,
    room: Option<crate::room::Options>,
) -> ExitCode {
    let config_dir = std::env::var_os("TRAYECTO_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("org", "Trayecto", "Trayecto")
                .map(|d| d.config_dir().to_path_buf())
        });
    if asked.is_none()
        && let Some(remembered) = crate::ui::remembered_language(config_dir.as_deref())
    {
        i18n::set(remembered);
    }
    // Without a graphical session the window cannot open: say so in our words, before
    // anything else (the windowing library's own error names its source files).
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty())
        && std::env::var_os("WAYLAND_DISPLAY").is_none_or(|d| d.is_empty())
    {
        warn!("{}: {}", strings::APP_NAME, strings::cli_no_display());
        return ExitCode::FAILURE;
    }
    let mut startup_error = None;
    let doc = match path {
        None => Document::new(
            templates::load(templates::EXAMPLE).expect("the example template is built in"),
        ),
        Some(path) => Document::open(&path)
            .inspect(|doc| {
                for note in doc.imported.iter().flat_map(|i| &i.notes) {
                    warn!("{}: {note}", path.display());
                }
            })
            .unwrap_or_else(|error| {
                warn!("{error}");
                startup_error = Some(error.to_string());
                Document::new(
                    templates::load(templates::BLANK).expect("the blank template is built in"),
                )
            }),
    };
    let options = AppOptions {
        config_dir,
        native_dialogs: crate::ui::native_dialogs_likely(),
        probe: std::env::var_os("TRAYECTO_PROBE").map(PathBuf::from),
        data_dir: crate::recovery::data_dir(),
        watch_files: true,
        room,
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title(strings::APP_NAME)
        .with_app_id("trayecto")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        strings::APP_NAME,
        native,
        Box::new(move |cc| {
            crate::paint::install_style(&cc.egui_ctx);
            let mut app = TrayectoApp::new(doc, options);
            if let Some(message) = startup_error {
                app.show_error(message);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let reason = error.to_string();
            warn!("{}: {}", strings::APP_NAME, strings::cli_no_window(&reason));
            ExitCode::FAILURE
        }
    }
}
