//! `trayecto convert` and the other commands on other tools' files, run as a person would:
//! every pair of formats, what cannot be carried reported on stderr, exit codes 0/1/2, and the
//! source file never written over.

use crate::cli::{text, trayecto};
use std::path::{Path, PathBuf};
use trayecto::format;

fn pizza(dir: &Path) -> PathBuf {
    let path = dir.join("pizza.ron");
    assert!(
        trayecto(&["new", "-t", "pizza", "-o", path.to_str().unwrap()])
            .status
            .success()
    );
    path
}

/// Card titles of a map, in order.
fn titles(map: &trayecto::model::Map) -> Vec<String> {
    let mut titles: Vec<String> = map.cards.iter().map(|c| c.title.clone()).collect();
    titles.sort();
    titles
}

#[test]
fn every_format_converts_to_every_other_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let source = pizza(dir.path());
    let original = trayecto::file::load(&source).unwrap();
    let current: Vec<String> = {
        let mut t: Vec<String> = original
            .cards_of(original.journeys[0].id)
            .map(|c| c.title.clone())
            .collect();
        t.sort();
        t
    };
    for out_format in format::FORMATS.iter() {
        let out = dir
            .path()
            .join(format!("pizza-out.{}", out_format.extension()));
        let run = trayecto(&[
            "convert",
            source.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--force",
        ]);
        assert!(
            run.status.success(),
            "{}: {}",
            out_format.id,
            text(&run.stderr)
        );
        assert!(text(&run.stdout).contains("wrote"), "{}", text(&run.stdout));
        if !out_format.is_native() {
            // The pizza has actions, KPIs and personas no other tool's file holds: said so.
            assert!(
                !run.stderr.is_empty(),
                "{}: nothing reported lost",
                out_format.id
            );
        }
        let back = dir.path().join(format!("back-from-{}.ron", out_format.id));
        let run = trayecto(&[
            "convert",
            out.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
            "--force",
        ]);
        assert!(
            run.status.success(),
            "{}: {}",
            out_format.id,
            text(&run.stderr)
        );
        let map = trayecto::file::load(&back).unwrap();
        let expected = match out_format.holds {
            format::Holds::OneJourney => current.clone(),
            _ => titles(&original),
        };
        assert_eq!(titles(&map), expected, "{}", out_format.id);
        assert_eq!(
            map.stages.iter().map(|s| &s.name).collect::<Vec<_>>(),
            original.stages.iter().map(|s| &s.name).collect::<Vec<_>>(),
            "{}",
            out_format.id
        );
    }
}

#[test]
fn convert_refuses_clearly_with_the_right_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let source = pizza(dir.path());
    let src = source.to_str().unwrap();
    // An output whose name says no format: usage error.
    let odd = dir.path().join("pizza.docx");
    let run = trayecto(&["convert", src, "-o", odd.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains(".csv"), "{}", text(&run.stderr));
    assert!(!odd.exists());
    // A bad input: exit 1 with the file and line.
    let bad = dir.path().join("bad.ojf");
    std::fs::write(&bad, "{\n  \"stages\": [\n    oops\n").unwrap();
    let out = dir.path().join("out.csv");
    let run = trayecto(&[
        "convert",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("bad.ojf:3:"), "{stderr}");
    assert!(!out.exists());
    // An existing output is kept without --force.
    std::fs::write(&out, "keep me").unwrap();
    let run = trayecto(&["convert", src, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    // A journey the map does not have.
    let blank = dir.path().join("blank.ron");
    assert!(
        trayecto(&["new", "-t", "blank", "-o", blank.to_str().unwrap()])
            .status
            .success()
    );
    let mmd = dir.path().join("blank.mmd");
    let run = trayecto(&[
        "convert",
        blank.to_str().unwrap(),
        "-o",
        mmd.to_str().unwrap(),
        "--journey",
        "target",
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
}

#[test]
fn reports_read_other_formats_and_upgrade_leaves_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    let source = pizza(dir.path());
    let csv = dir.path().join("pizza.csv");
    let run = trayecto(&[
        "convert",
        source.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let info = trayecto(&["info", csv.to_str().unwrap(), "--json"]);
    assert!(info.status.success(), "{}", text(&info.stderr));
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(json["title"], "pizza", "{json}");
    let before = std::fs::read(&csv).unwrap();
    let run = trayecto(&["upgrade", csv.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("convert"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        before,
        "the sheet was rewritten"
    );
    let run = trayecto(&["validate", csv.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
}

#[test]
fn export_writes_a_pdf_on_the_paper_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let source = pizza(dir.path());
    for (page, name) in [("fit", "fit.pdf"), ("a4", "a4.pdf"), ("a3", "a3.pdf")] {
        let out = dir.path().join(name);
        let run = trayecto(&[
            "export",
            source.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--page",
            page,
        ]);
        assert!(run.status.success(), "{page}: {}", text(&run.stderr));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{page}");
    }
    let out = dir.path().join("x.pdf");
    let run = trayecto(&[
        "export",
        source.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--page",
        "letter",
    ]);
    assert_eq!(run.status.code(), Some(2));
}
