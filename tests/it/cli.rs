//! The window-less commands, run as a user would run them.

use std::path::Path;
use std::process::{Command, Output};

pub(crate) fn trayecto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trayecto"))
        .args(args)
        // English unless a test asks otherwise, whatever the machine's locale.
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn templates_lists_names_first() {
    let out = trayecto(&["templates"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let names: Vec<_> = stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "blank",
            "pizza",
            "five-steps",
            "seven-steps",
            "before-during-after"
        ]
    );
    assert!(stdout.contains("pizza\tOrdering a pizza"));
    // Each once, titled in the language asked for.
    let out = trayecto(&["templates", "--lang", "es"]);
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert!(stdout.contains("blank\tTrayecto sin título"), "{stdout}");
}

#[test]
fn new_writes_the_template_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, stage) in [("es", "Tengo hambre"), ("en", "I'm hungry")] {
        let path = dir.path().join(format!("pizza-{lang}.ron"));
        let out = trayecto(&[
            "new",
            "--template",
            "pizza",
            "-o",
            path.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let map = trayecto::file::load(&path).unwrap();
        assert_eq!(map.stages[0].name, stage);
        assert_eq!(map.phases.len(), 3);
        assert_eq!(map.forks.len(), 1);
    }
}

#[test]
fn new_writes_a_valid_map_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    let p = path.to_str().unwrap();
    let out = trayecto(&["new", "--template", "pizza", "-o", p]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        trayecto::file::load(&path).unwrap(),
        trayecto::templates::load("pizza").unwrap()
    );

    std::fs::write(&path, "mine").unwrap();
    let out = trayecto(&["new", "--template", "blank", "-o", p]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "mine",
        "left untouched"
    );

    let out = trayecto(&["new", "--template", "blank", "-o", p, "--force"]);
    assert!(out.status.success());
    assert_eq!(
        trayecto::file::load(&path).unwrap().title,
        "Untitled journey"
    );

    let out = trayecto(&["new", "--template", "nope", "-o", p, "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("pizza"),
        "lists the real templates"
    );
}

#[test]
fn validate_reports_each_file_and_sets_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    trayecto::file::save(&good, &trayecto::templates::load("pizza").unwrap()).unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 1,\n  map: (title: 3))").unwrap();

    let out = trayecto(&["validate", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("{}: ok (6 stages, 7 lanes, 49 cards)", good.display())
    );

    let out = trayecto(&["validate", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("good.ron: ok"));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2:", bad.display())),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(trayecto(&["validate"]).status.code(), Some(2));
    assert_eq!(trayecto(&["new", "-o", "x.ron"]).status.code(), Some(2));
    assert_eq!(trayecto(&["frobnicate", "--now"]).status.code(), Some(2));
    assert_eq!(trayecto(&["--help"]).status.code(), Some(0));
}

#[test]
fn validate_never_panics_on_garbage() {
    let dir = tempfile::tempdir().unwrap();
    // A spread of hostile inputs: random bytes, truncations of a real map, odd structures.
    let real = trayecto::format::to_text(&trayecto::templates::load("pizza").unwrap());
    let mut inputs: Vec<Vec<u8>> = vec![
        vec![],
        b"()".to_vec(),
        b"(format: 4294967295)".to_vec(),
        b"(format: -1)".to_vec(),
        b"(format: 1, map: [])".to_vec(),
        "(".repeat(100_000).into_bytes(),
        "\u{feff}(format: 1)".as_bytes().to_vec(),
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for len in [1, 7, 64, 1000, 5000] {
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes.push(seed as u8);
        }
        inputs.push(bytes);
    }
    for cut in (0..real.len()).step_by(97) {
        inputs.push(real.as_bytes()[..cut].to_vec());
    }
    let paths: Vec<String> = inputs
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            let path = dir.path().join(format!("{i}.ron"));
            std::fs::write(&path, bytes).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect();
    let args: Vec<&str> = std::iter::once("validate")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let out = trayecto(&args);
    assert_eq!(out.status.code(), Some(1), "invalid files, but no crash");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // One line per invalid file, each naming it.
    assert_eq!(stderr.lines().count(), paths.len(), "{stderr}");
    for path in &paths {
        assert!(stderr.contains(path.as_str()) || text(&out.stdout).contains(path.as_str()));
    }
    assert!(Path::new(&paths[0]).exists());
}

#[test]
fn export_writes_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    trayecto::file::save(&map, &trayecto::templates::load("pizza").unwrap()).unwrap();
    let png = dir.path().join("map.png");
    let out = trayecto(&[
        "export",
        map.to_str().unwrap(),
        "-o",
        png.to_str().unwrap(),
        "--scale",
        "1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    let svg = dir.path().join("map.SVG");
    let out = trayecto(&[
        "export",
        map.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
        "--background",
        "transparent",
        "--no-title",
        "--no-persona",
        "--no-legend",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(
        !svg.contains("Ordering a pizza"),
        "--no-title leaves the title out"
    );
    assert!(svg.contains("transparent background"));
}

#[test]
fn export_refuses_clearly_and_leaves_existing_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    trayecto::file::save(&map, &trayecto::templates::load("pizza").unwrap()).unwrap();
    let m = map.to_str().unwrap();
    let existing = dir.path().join("slide.png");
    std::fs::write(&existing, "previous image").unwrap();
    let e = existing.to_str().unwrap();
    let bad_map = dir.path().join("bad.ron");
    std::fs::write(&bad_map, "(format: 1, map: (").unwrap();
    let jpg = dir.path().join("slide.jpg");
    let huge = dir.path().join("huge.ron");
    trayecto::file::save(&huge, &trayecto::sample::generated(1_000, 20, 0)).unwrap();

    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["export", bad_map.to_str().unwrap(), "-o", e],
            1,
            "bad.ron:1:",
        ),
        (
            vec!["export", "/no/such/map.ron", "-o", e],
            1,
            "/no/such/map.ron",
        ),
        (vec!["export", m, "-o", e, "--scale", "0"], 2, "--scale"),
        (vec!["export", m, "-o", e, "--scale", "9"], 2, "--scale"),
        (
            vec!["export", m, "-o", e, "--background", "plaid"],
            2,
            "--background",
        ),
        (
            vec!["export", m, "-o", jpg.to_str().unwrap()],
            2,
            ".png, .svg or .pdf",
        ),
        (
            vec!["export", m, "-o", "/no/such/folder/slide.png"],
            1,
            "/no/such/folder/slide.png",
        ),
        (
            vec!["export", huge.to_str().unwrap(), "-o", e, "--scale", "8"],
            1,
            "pixels",
        ),
    ];
    for (args, code, message) in cases {
        let out = trayecto(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(
            std::fs::read_to_string(&existing).unwrap(),
            "previous image",
            "{args:?} touched the output"
        );
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp")),
        "no temporary files left: {names:?}"
    );
}

fn trayecto_with_data(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trayecto"))
        .args(args)
        // English unless a test asks otherwise, whatever the machine's locale.
        .env("LC_ALL", "C")
        .env("TRAYECTO_DATA_DIR", data)
        .output()
        .expect("the binary runs")
}

/// A journal as a crashed editor leaves it.
fn crashed_journal(data: &Path, key: &str, map_path: Option<&Path>) -> trayecto::model::Map {
    let mut map = trayecto::templates::load("pizza").unwrap();
    map.title = format!("Unsaved {key}");
    crate::support::crashed_journal(data, key, &map, map_path, 1_795_437_000, 4);
    map
}

#[test]
fn recover_lists_and_writes_unsaved_work() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let map_path = dir.path().join("journey.ron");
    let saved = crashed_journal(data.path(), "900-1", Some(&map_path));
    crashed_journal(data.path(), "900-2", None);

    let out = trayecto_with_data(data.path(), &["recover", "--list", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let row = rows.iter().find(|r| r["key"] == "900-1").unwrap();
    assert_eq!(row["map"], map_path.display().to_string());
    assert_eq!(row["changes"], 4);
    assert_eq!(row["time"], "2026-11-23 12:30 UTC");
    assert_eq!(row["running"], false);
    let table = text(&trayecto_with_data(data.path(), &["recover", "--list"]).stdout);
    assert!(table.contains("Unsaved 900-2"), "{table}");
    let csv =
        text(&trayecto_with_data(data.path(), &["recover", "--list", "--format", "csv"]).stdout);
    assert_eq!(csv.lines().count(), 3, "a header row and two rows: {csv}");

    let out_path = dir.path().join("recovered.ron");
    let out = trayecto_with_data(
        data.path(),
        &[
            "recover",
            map_path.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(trayecto::file::load(&out_path).unwrap(), saved);
    // By key, for a map that never had a file; an existing output needs --force.
    let out = trayecto_with_data(
        data.path(),
        &["recover", "900-2", "-o", out_path.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--force"));
    let out = trayecto_with_data(
        data.path(),
        &[
            "recover",
            "900-2",
            "-o",
            out_path.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(out.status.success());
    assert_eq!(
        trayecto::file::load(&out_path).unwrap().title,
        "Unsaved 900-2"
    );
    let out = trayecto_with_data(data.path(), &["recover", "nothing.ron", "-o", "x.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("nothing.ron: no unsaved work"));
    let out = trayecto_with_data(data.path(), &["recover", "nothing.ron"]);
    assert_eq!(out.status.code(), Some(2), "-o is required");
    let out = trayecto_with_data(data.path(), &["recover", "--list", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_errors_name_the_image_once_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    trayecto::file::save(&map, &trayecto::templates::load("pizza").unwrap()).unwrap();
    let target = dir.path().join("missing folder").join("slide.png");
    let out = trayecto(&[
        "export",
        map.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert_eq!(message.matches("slide.png").count(), 1, "{message}");
    assert!(!message.contains(".trayecto-"), "{message}");
    assert!(message.contains("no such file or folder"), "{message}");
}

fn pizza_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("pizza.ron");
    trayecto::file::save(&path, &trayecto::templates::load("pizza").unwrap()).unwrap();
    path
}

#[test]
fn info_summarises_the_map_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = pizza_file(dir.path());
    let p = path.to_str().unwrap();
    let out = trayecto(&["info", p, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["title"], "Ordering a pizza");
    assert_eq!(info["format"], trayecto::format::FORMAT_VERSION);
    assert_eq!(
        (info["stages"].as_u64(), info["lanes"].as_u64()),
        (Some(6), Some(7))
    );
    assert_eq!(info["personas"].as_array().unwrap().len(), 2);
    let journeys = info["journeys"].as_array().unwrap();
    assert_eq!(journeys[0]["kind"], "current");
    assert_eq!(journeys[1]["kind"], "target");
    assert_eq!(journeys[0]["persona"], "Lucía, 29");
    assert_eq!(journeys[0]["cards"], 31);
    assert_eq!(info["actions"]["total"], 5);
    let by_stream = info["actions"]["by_stream"].as_array().unwrap();
    assert_eq!(by_stream[0]["stream"], "Systems and data");
    assert_eq!(by_stream[0]["actions"], 2);
    assert_eq!(by_stream.len(), 4);
    assert_eq!(info["moments"]["gain"], 3);
    assert_eq!(info["moments"]["pain"], 2);
    assert_eq!(info["kpis"], 4);
    // Phases with their stages, forks with their branches.
    let phases = info["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 3);
    assert_eq!(phases[0]["name"], "Before the purchase");
    let stages: Vec<_> = phases[1]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["Order", "Wait for delivery", "Receive and eat"]);
    let fork = &info["forks"][0];
    assert_eq!(fork["question"], "Order from us or from another pizzeria?");
    assert_eq!(fork["stage"]["name"], "Choose a pizza");
    assert_eq!(fork["journey"], "Current journey");
    assert_eq!(fork["branches"][0]["label"], "From us");
    assert_eq!(fork["branches"][0]["to"]["name"], "Order");
    assert_eq!(fork["branches"][1]["to"], serde_json::Value::Null);
    assert_eq!(fork["branches"][1]["leaves_journey"], true);
    assert_eq!(
        trayecto(&["info", p, "--format", "json"]).stdout,
        out.stdout,
        "--json is --format json"
    );
    let table = text(&trayecto(&["info", p]).stdout);
    // A journey's row says its kind; its name is left out where it only repeats the kind. A
    // persona's name holds a comma: the parts stand apart by " · ". A decision names its
    // journey, as the map has two.
    let target = table
        .lines()
        .find(|l| l.starts_with("Target journey "))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(target.ends_with("  Lucía, 29 · 18 cards"), "{target}");
    assert!(!table.contains("Journey: "), "{table}");
    assert!(
        table.contains("(Choose a pizza · Current journey)"),
        "{table}"
    );
    assert!(table.contains("Phase: During the purchase"), "{table}");
    assert!(
        table.contains("From another pizzeria → leaves the journey"),
        "{table}"
    );
    let md = text(&trayecto(&["info", p, "--format", "md"]).stdout);
    assert!(md.starts_with("| What | Value |"), "{md}");
    let out = trayecto(&["info", "missing.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("missing.ron: "));
    assert_eq!(
        trayecto(&["info", p, "--json", "--format", "csv"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn gap_ranks_the_stages_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = pizza_file(dir.path());
    let p = path.to_str().unwrap();
    let json = trayecto(&["gap", p, "--format", "json"]);
    assert!(json.status.success(), "{}", text(&json.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0]["stage"], "Receive and eat");
    assert_eq!(
        (rows[0]["current"].as_f64(), rows[0]["target"].as_f64()),
        (Some(-2.0), Some(2.0))
    );
    assert_eq!(rows[0]["gap"], 4.0);
    assert_eq!(rows[0]["pain_moments"][0], "Receiving the wrong pizza");
    assert_eq!(rows[0]["kpis"][0], "Wrong orders: 8 → 1 %");
    let gaps: Vec<f64> = rows.iter().filter_map(|r| r["gap"].as_f64()).collect();
    assert!(
        gaps.windows(2).all(|w| w[0] >= w[1]),
        "largest gap first: {gaps:?}"
    );

    let csv = text(&trayecto(&["gap", p, "--format", "csv"]).stdout);
    assert_eq!(
        csv.lines().next(),
        Some("Stage,Current,Target,Gap,Gain moments,Pain moments,Pain points,KPIs")
    );
    assert_eq!(csv.lines().count(), 7);
    let md = text(&trayecto(&["gap", p, "--format", "md"]).stdout);
    assert!(
        md.lines()
            .nth(2)
            .unwrap()
            .starts_with("| Receive and eat | −2 | +2 | +4 |"),
        "{md}"
    );
    let table = text(&trayecto(&["gap", p]).stdout);
    assert!(
        table.lines().nth(2).unwrap().starts_with("Receive and eat"),
        "{table}"
    );

    // A map without a target journey: a clear message naming the file, exit 1.
    let classic = dir.path().join("classic.ron");
    trayecto::file::save(&classic, &trayecto::templates::load("five-steps").unwrap()).unwrap();
    let out = trayecto(&["gap", classic.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(message.starts_with(classic.to_str().unwrap()), "{message}");
    assert!(message.contains("no target journey"), "{message}");
}

#[test]
fn export_draws_the_chosen_journey() {
    let dir = tempfile::tempdir().unwrap();
    let path = pizza_file(dir.path());
    let p = path.to_str().unwrap();
    let svg_of = |journey: &str| {
        let out_path = dir.path().join(format!("{journey}.svg"));
        let out = trayecto(&[
            "export",
            p,
            "-o",
            out_path.to_str().unwrap(),
            "--journey",
            journey,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        std::fs::read_to_string(out_path).unwrap()
    };
    let current = svg_of("current");
    let target = svg_of("target");
    let overlay = svg_of("overlay");
    assert!(current.contains("Receiving the wrong pizza") && !current.contains("Two-tap reorder"));
    assert!(target.contains("Two-tap reorder") && !target.contains("Receiving the wrong pizza"));
    assert!(overlay.contains("Current journey vs Target journey"));
    let classic = dir.path().join("classic.ron");
    trayecto::file::save(&classic, &trayecto::templates::load("five-steps").unwrap()).unwrap();
    let out = trayecto(&[
        "export",
        classic.to_str().unwrap(),
        "-o",
        dir.path().join("x.png").to_str().unwrap(),
        "--journey",
        "overlay",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no target journey"));
    assert_eq!(
        trayecto(&["export", p, "-o", "x.png", "--journey", "later"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn roadmap_lists_every_action_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = pizza_file(dir.path());
    let p = path.to_str().unwrap();
    let json = trayecto(&["roadmap", p, "--format", "json"]);
    assert!(json.status.success(), "{}", text(&json.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let door = rows
        .iter()
        .find(|r| r["action"] == "Driver checks the order with the customer at the door")
        .unwrap();
    assert_eq!(door["stages"][0], "Receive and eat");
    assert_eq!(door["owner"], "Logistics");
    assert_eq!(door["stream"], "Organisation and processes");
    assert_eq!(
        (&door["impact"], &door["effort"], &door["priority"]),
        (
            &serde_json::json!("high"),
            &serde_json::json!("low"),
            &serde_json::json!("quick_win")
        )
    );
    assert_eq!(
        (&door["horizon"], &door["status"]),
        (&serde_json::json!("now"), &serde_json::json!("planned"))
    );
    assert_eq!(door["kpi"], "Wrong orders");
    // Roadmap order: stream by stream as the map lists them.
    assert_eq!(rows[0]["stream"], "Systems and data");
    let csv = text(&trayecto(&["roadmap", p, "--format", "csv"]).stdout);
    assert_eq!(
        csv.lines().next(),
        Some("Stages,Action,Owner,Stream,Impact,Effort,Priority,Horizon,Status,KPI")
    );
    assert_eq!(csv.lines().count(), 6);
    assert!(csv.contains("Quick win"));
    let md = text(&trayecto(&["roadmap", p, "--format", "md"]).stdout);
    assert!(md.starts_with("| Stages | Action |"), "{md}");
    let table = text(&trayecto(&["roadmap", p]).stdout);
    assert!(table.contains("Driver checks the order"), "{table}");
    assert_eq!(trayecto(&["roadmap", "nope.ron"]).status.code(), Some(1));
    // The board exports like the journey.
    let png = dir.path().join("plan.png");
    let out = trayecto(&[
        "export",
        p,
        "--view",
        "roadmap",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
}

#[test]
fn the_command_line_speaks_the_chosen_language() {
    // --lang before or after the command.
    let out = trayecto(&["--lang", "es", "--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(help.contains("Uso: trayecto"), "{help}");
    assert!(
        help.contains("Órdenes:") && help.contains("Opciones:"),
        "{help}"
    );
    assert!(
        !help.contains("Usage") && !help.contains("Options"),
        "{help}"
    );
    let out = trayecto(&["export", "--help", "--lang", "es"]);
    let help = text(&out.stdout);
    assert!(
        help.contains("<MAPA>") && help.contains("Valores posibles:"),
        "{help}"
    );

    // The environment's language when --lang is not given; --lang wins over it.
    let spanish_env = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_trayecto"))
            .args(args)
            .env("LC_ALL", "")
            .env("LC_MESSAGES", "")
            .env("LANG", "es_ES.UTF-8")
            .output()
            .unwrap()
    };
    let out = spanish_env(&["info", "/no/such/map.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(message.starts_with("/no/such/map.ron"), "{message}");
    assert!(!message.contains("No such file"), "{message}");
    let out = spanish_env(&["--lang", "en", "info"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("missing <MAP>"),
        "{}",
        text(&out.stderr)
    );

    // Usage errors in Spanish, exit 2.
    let out = trayecto(&["info", "--format", "xml", "m.ron", "--lang", "es"]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(
        message.contains("«xml» no es un valor válido para --format"),
        "{message}"
    );
    assert!(
        message.contains("valores posibles: tabla, csv, json, md"),
        "{message}"
    );

    // An unknown language is a usage error that lists the languages.
    let out = trayecto(&["--lang", "fr", "templates"]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(
        message.contains("“fr”") && message.contains("en, es"),
        "{message}"
    );
}

#[test]
fn a_mistyped_command_is_a_usage_error_that_lists_the_commands() {
    let out = trayecto(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(
        message.contains("“frobnicate” is neither a command nor a map file")
            && message.contains("validate")
            && message.contains("roadmap"),
        "{message}"
    );
    let out = trayecto(&["--lang", "es", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("«frobnicate» no es una orden"));
    // A whole number, and said so.
    let out = trayecto(&["export", "x.ron", "-o", "x.png", "--scale", "2.5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("whole number"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn without_a_graphical_session_the_editor_says_so_in_our_words() {
    let out = Command::new(env!("CARGO_BIN_EXE_trayecto"))
        .env("LC_ALL", "C")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(
        message.contains("needs a graphical session") && !message.contains("winit"),
        "{message}"
    );
}

#[test]
fn empty_reports_say_so_to_people_and_stay_empty_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.ron");
    assert!(
        trayecto(&["new", "--template", "blank", "-o", blank.to_str().unwrap()])
            .status
            .success()
    );
    let out = trayecto(&["roadmap", blank.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "The map has no actions yet.\n");
    let out = trayecto(&["roadmap", blank.to_str().unwrap(), "--format", "json"]);
    assert_eq!(text(&out.stdout).trim(), "[]");
    let data = tempfile::tempdir().unwrap();
    let out = trayecto_with_data(data.path(), &["recover", "--list"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "No unsaved work to recover\n");
    let out = trayecto_with_data(data.path(), &["recover", "--list", "--format", "csv"]);
    assert_eq!(text(&out.stdout).lines().count(), 1, "the header row alone");
}

/// The command line in Spanish, as a Spanish-speaking machine runs it (no --lang).
fn trayecto_es(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trayecto"))
        .args(args)
        .env("LC_ALL", "es_ES.UTF-8")
        .output()
        .expect("the binary runs")
}

#[test]
fn values_are_named_in_the_language_spoken_and_english_ones_always_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = pizza_file(dir.path());
    let p = path.to_str().unwrap();
    let svg = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();

    // Spanish values, on a Spanish machine.
    let target = svg("objetivo.svg");
    let out = trayecto_es(&[
        "export",
        p,
        "-o",
        &target,
        "--journey",
        "objetivo",
        "--background",
        "transparente",
        "--view",
        "trayecto",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drawn = std::fs::read_to_string(&target).unwrap();
    assert!(drawn.contains("Two-tap reorder") && drawn.contains("transparent background"));
    let overlay = svg("superpuesto.svg");
    let out = trayecto_es(&["export", p, "-o", &overlay, "--journey", "superpuesto"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The overlay's caption names both journeys (in Spanish words around them).
    let overlaid = std::fs::read_to_string(&overlay).unwrap();
    assert!(
        overlaid.contains("Current journey") && overlaid.contains("Target journey"),
        "{overlaid}"
    );
    let roadmap = svg("hoja.svg");
    let out = trayecto_es(&["export", p, "-o", &roadmap, "--view", "hoja-de-ruta"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&roadmap)
            .unwrap()
            .contains(">Ahora</text>")
    );
    let pdf = dir.path().join("a4.pdf");
    let out = trayecto_es(&[
        "export",
        p,
        "-o",
        pdf.to_str().unwrap(),
        "--page",
        "ajustada",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for format in ["tabla", "csv", "json", "md"] {
        let out = trayecto_es(&["gap", p, "--format", format]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
    }

    // English values still work on a Spanish machine, and with --lang es.
    let out = trayecto_es(&["export", p, "-o", &svg("t.svg"), "--journey", "target"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = trayecto(&[
        "--lang",
        "es",
        "export",
        p,
        "-o",
        &svg("w.svg"),
        "--background",
        "white",
        "--view",
        "journey",
        "--page",
        "fit",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        trayecto_es(&["info", p, "--format", "table"])
            .status
            .success()
    );

    // Help and usage errors list the values in the language spoken, and only those.
    let help = text(&trayecto_es(&["export", "--help"]).stdout);
    for listed in [
        "- actual ",
        "- objetivo ",
        "- superpuesto ",
        "- blanco ",
        "- transparente ",
        "- tema ",
        "- trayecto ",
        "- hoja-de-ruta ",
        "- brechas ",
        "- acciones ",
        "- ajustada ",
        "[por defecto: actual]",
        "[por defecto: blanco]",
        "<PÁGINA>",
    ] {
        assert!(help.contains(listed), "{listed} in {help}");
    }
    assert!(
        !help.contains("- current") && !help.contains("- white"),
        "{help}"
    );
    let help = text(&trayecto(&["export", "--help"]).stdout);
    assert!(
        help.contains("- overlay ") && help.contains("- gap "),
        "{help}"
    );
    assert!(!help.contains("- superpuesto"), "{help}");
    let out = trayecto_es(&["export", p, "-o", "x.png", "--journey", "luego"]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(
        message.contains("valores posibles: actual, objetivo, superpuesto"),
        "{message}"
    );
}

#[test]
fn export_draws_the_gap_analysis_and_the_actions_as_slides() {
    let dir = tempfile::tempdir().unwrap();
    let path = pizza_file(dir.path());
    let p = path.to_str().unwrap();
    let gap = dir.path().join("pizza-gap.svg");
    let out = trayecto(&["export", p, "-o", gap.to_str().unwrap(), "--view", "gap"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let texts = crate::support::svg_texts(&std::fs::read_to_string(&gap).unwrap());
    for expected in [
        "Ordering a pizza · Gap analysis",
        "Receive and eat",
        "+4",
        "−1.5",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} in {texts:?}"
        );
    }
    // In Spanish, by its Spanish name, as PNG.
    let png = dir.path().join("acciones.png");
    let out = trayecto_es(&[
        "export",
        p,
        "-o",
        png.to_str().unwrap(),
        "--view",
        "acciones",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    let svg = dir.path().join("acciones.svg");
    let out = trayecto_es(&[
        "export",
        p,
        "-o",
        svg.to_str().unwrap(),
        "--view",
        "actions",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let texts = crate::support::svg_texts(&std::fs::read_to_string(&svg).unwrap());
    for expected in [
        "Ordering a pizza · Acciones",
        "Victoria rápida",
        "Pronto",
        "Más adelante",
    ] {
        assert!(
            texts.iter().any(|t| t.trim() == expected),
            "{expected} in {texts:?}"
        );
    }
    // No target journey: nothing to compare, as `trayecto gap` says; no file is written.
    let classic = dir.path().join("classic.ron");
    trayecto::file::save(&classic, &trayecto::templates::load("five-steps").unwrap()).unwrap();
    let none = dir.path().join("none.png");
    let out = trayecto(&[
        "export",
        classic.to_str().unwrap(),
        "-o",
        none.to_str().unwrap(),
        "--view",
        "gap",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(message.starts_with(classic.to_str().unwrap()), "{message}");
    assert!(message.contains("no target journey"), "{message}");
    assert!(!none.exists());
}

#[test]
fn reports_for_people_sign_the_points_and_info_names_each_journey_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pizza.ron");
    trayecto::file::save(
        &path,
        &trayecto::templates::load_in("pizza", trayecto::i18n::Lang::Es).unwrap(),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let table = text(&trayecto_es(&["gap", p]).stdout);
    let rated = table
        .lines()
        .find(|l| l.starts_with("Valoro el servicio"))
        .unwrap_or_else(|| panic!("{table}"));
    let numbers: Vec<&str> = rated
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(numbers[1..4], ["−1,5", "+1", "+2,5"], "{rated}");
    // Scripts keep plain numbers.
    let csv = text(&trayecto_es(&["gap", p, "--format", "csv"]).stdout);
    assert!(csv.contains(",-1.5,1,2.5,"), "{csv}");
    let info = text(&trayecto_es(&["info", p]).stdout);
    assert!(!info.contains("Trayecto: Trayecto"), "{info}");
    let current = info
        .lines()
        .find(|l| l.starts_with("Trayecto actual "))
        .unwrap_or_else(|| panic!("{info}"));
    assert!(current.ends_with("  Lucía, 29 · 31 tarjetas"), "{current}");
    // A journey named otherwise keeps its name, after its kind.
    let mut map = trayecto::templates::load_in("pizza", trayecto::i18n::Lang::Es).unwrap();
    map.journeys[1].name = "Pedido en dos toques".into();
    trayecto::file::save(&path, &map).unwrap();
    let info = text(&trayecto_es(&["info", p]).stdout);
    assert!(
        info.contains("«Pedido en dos toques» · Lucía, 29 · 18 tarjetas"),
        "{info}"
    );
}

/// The pizza example after a workshop: Ana's two dots and Luis's one on the pain point
/// "Prices differ between app and web" (card 21, "Choose a pizza"), Eva's on the moment of
/// pain "Complaining on social media" (card 14, "Rate the service"), Luis's on the opportunity
/// "Show today's deals first" (card 24); voting closed.
fn voted_pizza(dir: &Path) -> std::path::PathBuf {
    use trayecto::edit::Edit;
    use trayecto::model::{CardId, Vote};
    let mut map = trayecto::templates::load("pizza").unwrap();
    for (card, who, name) in [
        (21, "ana", Some("Ana")),
        (21, "luis", None),
        (14, "eva", None),
        (21, "ana", Some("Ana")),
        (24, "luis", None),
    ] {
        Edit::AddVote(Vote::new(CardId(card), who, name))
            .apply(&mut map)
            .unwrap();
    }
    Edit::SetVotingClosed(true).apply(&mut map).unwrap();
    let path = dir.join("voted.ron");
    trayecto::file::save(&path, &map).unwrap();
    path
}

#[test]
fn info_reports_the_rooms_votes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = voted_pizza(dir.path());
    let p = path.to_str().unwrap();
    let out = trayecto(&["info", p, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let votes = &info["votes"];
    assert_eq!(votes["total"], 5);
    assert_eq!(votes["participants"], 3);
    assert_eq!(votes["dots_per_participant"], 3);
    assert_eq!(votes["closed"], true);
    assert_eq!(votes["revealed"], false);
    // Per card, the most dots first; equal ones in the map's order.
    let cards = votes["cards"].as_array().unwrap();
    let summary: Vec<(u64, &str, u64, u64)> = cards
        .iter()
        .map(|c| {
            (
                c["id"].as_u64().unwrap(),
                c["title"].as_str().unwrap(),
                c["count"].as_u64().unwrap(),
                c["participants"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (21, "Prices differ between app and web", 3, 2),
            (14, "Complaining on social media", 1, 1),
            (24, "Show today's deals first", 1, 1),
        ]
    );
    // People read the totals; scripts get them as numbers.
    let table = text(&trayecto(&["info", p]).stdout);
    let row = |name: &str| {
        table
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name}: {table}"))
            .rsplit(' ')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        (row("Votes "), row("People who voted ")),
        ("5".into(), "3".into())
    );
    let csv = text(&trayecto(&["info", p, "--format", "csv"]).stdout);
    assert!(csv.lines().any(|l| l == "Votes,5"), "{csv}");
    assert!(csv.lines().any(|l| l == "People who voted,3"), "{csv}");
    let md = text(&trayecto(&["info", p, "--format", "md"]).stdout);
    assert!(md.contains("| Votes | 5 |"), "{md}");
    let es = text(&trayecto_es(&["info", p]).stdout);
    assert!(
        es.lines().any(|l| l.starts_with("Personas que votaron")),
        "{es}"
    );
    // A map never voted on: an empty `votes` for scripts, no rows for people.
    let plain = pizza_file(dir.path());
    let plain = plain.to_str().unwrap();
    let info: serde_json::Value =
        serde_json::from_slice(&trayecto(&["info", plain, "--json"]).stdout).unwrap();
    assert_eq!(info["votes"]["total"], 0);
    assert_eq!(info["votes"]["cards"], serde_json::json!([]));
    assert!(!text(&trayecto(&["info", plain]).stdout).contains("Votes"));
}

#[test]
fn gap_and_roadmap_rank_by_votes_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = voted_pizza(dir.path());
    let p = path.to_str().unwrap();
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = trayecto(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    // The pain of "Choose a pizza" drew three dots, that of "Rate the service" one; the dot on
    // the opportunity is no stage's pain.
    let rows = json(&["gap", p, "--by", "votes", "--format", "json"]);
    let ranked: Vec<(&str, u64)> = rows
        .iter()
        .map(|r| (r["stage"].as_str().unwrap(), r["votes"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        ranked[..3],
        [
            ("Choose a pizza", 3),
            ("Rate the service", 1),
            ("Receive and eat", 0)
        ]
    );
    // By gap, as always, with the votes beside.
    let rows = json(&["gap", p, "--format", "json"]);
    assert_eq!(rows[0]["stage"], "Receive and eat");
    assert_eq!(rows[0]["votes"], 0);
    let csv = text(&trayecto(&["gap", p, "--by", "votes", "--format", "csv"]).stdout);
    assert_eq!(
        csv.lines().next(),
        Some("Stage,Current,Target,Gap,Votes,Gain moments,Pain moments,Pain points,KPIs")
    );
    let md = text(&trayecto(&["gap", p, "--by", "votes", "--format", "md"]).stdout);
    assert!(
        md.lines().nth(2).unwrap().starts_with("| Choose a pizza |"),
        "{md}"
    );
    assert!(md.lines().nth(2).unwrap().contains("| 3 |"), "{md}");

    // An action's votes are those of the cards it shows and addresses: "Show today's deals
    // first…" shows card 24 and addresses 21.
    let rows = json(&["roadmap", p, "--by", "votes", "--format", "json"]);
    assert_eq!(
        rows[0]["action"],
        "Show today's deals first, at the same price in the app and on the web"
    );
    assert_eq!(rows[0]["votes"], 4);
    assert_eq!(rows[1]["votes"], 1);
    assert!(rows[2..].iter().all(|r| r["votes"] == 0));
    let csv = text(&trayecto(&["roadmap", p, "--by", "votes", "--format", "csv"]).stdout);
    assert_eq!(
        csv.lines().next(),
        Some("Stages,Action,Votes,Owner,Stream,Impact,Effort,Priority,Horizon,Status,KPI")
    );
    // The roadmap's own order by default.
    let rows = json(&["roadmap", p, "--format", "json"]);
    assert_eq!(rows[0]["stream"], "Systems and data");

    // In Spanish the values are Spanish, and the English ones still work.
    let es = trayecto_es(&["gap", p, "--by", "votos", "--format", "json"]);
    assert!(es.status.success(), "{}", text(&es.stderr));
    let es_rows: serde_json::Value = serde_json::from_slice(&es.stdout).unwrap();
    assert_eq!(es_rows[0]["stage"], "Choose a pizza");
    assert!(
        trayecto_es(&["roadmap", p, "--by", "votes"])
            .status
            .success()
    );
    assert!(trayecto_es(&["gap", p, "--by", "brecha"]).status.success());
    let help = text(&trayecto_es(&["gap", "--help"]).stdout);
    assert!(help.contains("votos") && help.contains("brecha"), "{help}");
    let help = text(&trayecto(&["roadmap", "--help"]).stdout);
    assert!(help.contains("votes") && help.contains("roadmap"), "{help}");
    assert_eq!(
        trayecto(&["gap", p, "--by", "popularity"]).status.code(),
        Some(2)
    );
}
