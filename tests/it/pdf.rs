//! PDF export read back by poppler's own tools, as a person's PDF reader would: every card's
//! words found by `pdftotext` (accents intact, in Spanish too), the faces embedded and subset
//! (`pdffonts`), the title and language set, pages that render (`pdftoppm`), and tiled
//! paper pages that repeat the headers.

use std::path::Path;
use std::process::Command;
use trayecto::export::{self, Drawing, ExportOptions, ImageFormat, PageSize, Subject};
use trayecto::i18n::{self, Lang};
use trayecto::{sample, templates};

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for the PDF tests (poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

fn pdf_options(page: PageSize) -> ExportOptions {
    ExportOptions {
        format: ImageFormat::Pdf,
        page,
        ..ExportOptions::default()
    }
}

fn write_pdf(map: &trayecto::model::Map, page: PageSize, path: &Path) {
    export::to_file(&Subject::of(map), &pdf_options(page), path).expect("the PDF is written");
}

/// Words of a text, without the line breaks a card's wrapping adds.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_card_title_is_real_text_with_its_accents_in_both_languages() {
    for lang in Lang::ALL {
        i18n::set(lang);
        let map = templates::load_in("pizza", lang).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pizza.pdf");
        write_pdf(&map, PageSize::Fit, &path);
        let text = words(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
        for card in map.cards_of(map.journeys[0].id) {
            assert!(
                text.contains(&words(&card.title)),
                "{lang:?}: «{}» not found in the PDF's text",
                card.title
            );
        }
        for stage in &map.stages {
            assert!(text.contains(&words(&stage.name)), "{}", stage.name);
        }
        let info = tool("pdfinfo", &[path.to_str().unwrap()]);
        assert!(
            info.contains(&format!("Title:           {}", map.title)),
            "{info}"
        );
        assert!(info.contains("Pages:           1"), "{info}");
        let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
        let faces: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!faces.is_empty(), "{fonts}");
        for face in faces {
            // name type encoding emb sub uni: embedded, subset, with a Unicode map.
            let columns: Vec<&str> = face.split_whitespace().collect();
            let n = columns.len();
            assert_eq!(&columns[n - 5..n - 2], ["yes", "yes", "yes"], "{face}");
        }
    }
    i18n::set(Lang::En);
}

#[test]
fn the_document_says_its_language() {
    i18n::set(Lang::Es);
    let map = templates::load_in("pizza", Lang::Es).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pizza.pdf");
    write_pdf(&map, PageSize::Fit, &path);
    i18n::set(Lang::En);
    let meta = tool("pdfinfo", &["-meta", path.to_str().unwrap()]);
    assert!(
        meta.contains("<dc:language><rdf:Bag><rdf:li>es</rdf:li>"),
        "no Spanish in the metadata: {meta}"
    );
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(text.contains("Trayecto actual"), "{text}");
    assert!(text.contains("Decisiones"), "{text}");
}

#[test]
fn paper_pages_tile_the_map_and_repeat_the_headers() {
    i18n::set(Lang::En);
    let map = templates::load_in("pizza", Lang::En).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pizza-a4.pdf");
    write_pdf(&map, PageSize::A4, &path);
    let file = path.to_str().unwrap();
    let info = tool("pdfinfo", &[file]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages > 1, "{info}");
    assert!(info.contains("(A4)"), "{info}");
    for page in 1..=pages {
        let n = page.to_string();
        let text = words(&tool("pdftotext", &["-f", &n, "-l", &n, file, "-"]));
        // The lane headers and a stage header on every page.
        assert!(text.contains("KPIs"), "page {page}: {text}");
        assert!(
            map.stages.iter().any(|s| text.contains(&words(&s.name))),
            "page {page} shows no stage: {text}"
        );
    }
    // Every card is on some page.
    let all = words(&tool("pdftotext", &[file, "-"]));
    for card in map.cards_of(map.journeys[0].id) {
        assert!(all.contains(&words(&card.title)), "{}", card.title);
    }
    // Every page renders.
    let prefix = dir.path().join("page");
    tool(
        "pdftoppm",
        &["-png", "-r", "20", file, prefix.to_str().unwrap()],
    );
    let rendered = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    assert_eq!(rendered, pages);
}

#[test]
fn the_roadmap_and_a_large_map_export_as_pdf() {
    i18n::set(Lang::En);
    let map = templates::load_in("pizza", Lang::En).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let roadmap = dir.path().join("roadmap.pdf");
    let subject = Subject {
        map: &map,
        drawing: Drawing::Roadmap,
        folder: None,
    };
    export::to_file(&subject, &pdf_options(PageSize::A3), &roadmap).unwrap();
    let text = words(&tool("pdftotext", &[roadmap.to_str().unwrap(), "-"]));
    for action in &map.actions {
        assert!(text.contains(&words(&action.title)), "{}", action.title);
    }
    let large = sample::generated(12, 6, 1_000);
    let path = dir.path().join("large.pdf");
    write_pdf(&large, PageSize::Fit, &path);
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    let first = &large.cards[0].title;
    assert!(words(&text).contains(&words(first)), "{first}");
}

#[test]
fn the_gap_and_action_slides_export_as_pdf_with_their_words() {
    i18n::set(Lang::Es);
    let map = templates::load_in("pizza", Lang::Es).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gap = dir.path().join("brechas.pdf");
    let subject = Subject {
        map: &map,
        drawing: Drawing::Gap,
        folder: None,
    };
    export::to_file(&subject, &pdf_options(PageSize::Fit), &gap).unwrap();
    let text = words(&tool("pdftotext", &[gap.to_str().unwrap(), "-"]));
    assert!(text.contains("Análisis de brechas"), "{text}");
    for stage in &map.stages {
        assert!(text.contains(&words(&stage.name)), "{}", stage.name);
    }
    assert!(text.contains("+2,5") && text.contains("−1,5"), "{text}");

    // Many actions on A4: tiled pages, each with the column headers again.
    let mut many = map.clone();
    let first = many.actions[0].clone();
    for i in 0..80 {
        let mut action = first.clone();
        action.id = trayecto::model::ActionId(1000 + i);
        action.title = format!("Acción número {i}");
        many.actions.push(action);
    }
    let actions = dir.path().join("acciones.pdf");
    let subject = Subject {
        map: &many,
        drawing: Drawing::Actions,
        folder: None,
    };
    export::to_file(&subject, &pdf_options(PageSize::A4), &actions).unwrap();
    let info = tool("pdfinfo", &[actions.to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 3, "{info}");
    let all = words(&tool("pdftotext", &[actions.to_str().unwrap(), "-"]));
    for i in 0..80 {
        assert!(all.contains(&format!("Acción número {i} ")), "action {i}");
    }
    for page in 1..=pages {
        let n = page.to_string();
        let text = tool(
            "pdftotext",
            &["-f", &n, "-l", &n, actions.to_str().unwrap(), "-"],
        );
        // The first column's header on every page, with the headers of the page's columns.
        assert!(
            text.contains("Acción") && (text.contains("Prioridad") || text.contains("Estado")),
            "page {page} repeats the headers: {text}"
        );
    }
    i18n::set(Lang::En);
}
