//! Unlucky and hostile files: full disks under hard-linked maps and images, pipes where maps
//! and pictures should be, links planted where Trayecto writes, the umask, and pictures too
//! large to read. Tests that need root (to mount a small disk) say so and skip without it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use trayecto::export::{self, ExportOptions, Subject};
use trayecto::file::{self, FileErrorKind};
use trayecto::pictures::{self, Problem};
use trayecto::{format, sample, templates};

/// A small disk (tmpfs) mounted on a temporary folder, unmounted when dropped. `None`, with
/// the reason printed, where this process may not mount.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn new(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("skipped: mounting a small disk needs root (mount -t tmpfs)");
            return None;
        }
        Some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk to the last byte.
    fn fill(&self) {
        use std::io::Write;
        let mut filler = std::fs::File::create(self.path().join("filler")).unwrap();
        let chunk = vec![7u8; 4096];
        while filler.write_all(&chunk).is_ok() {}
        while filler.write_all(&[7]).is_ok() {}
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A map whose text is larger than the pizza's, to save over it.
fn bigger_map() -> trayecto::model::Map {
    sample::generated(10, 8, 1000)
}

#[cfg(unix)]
#[test]
fn a_hard_linked_map_on_a_full_disk_is_left_byte_for_byte() {
    let Some(disk) = SmallDisk::new(1024) else {
        return;
    };
    let a = disk.path().join("a.ron");
    file::save(&a, &templates::load("pizza").unwrap()).unwrap();
    let b = disk.path().join("b.ron");
    std::fs::hard_link(&a, &b).unwrap();
    let before = std::fs::read(&a).unwrap();
    disk.fill();
    let error = file::save(&a, &bigger_map()).expect_err("no room for the new map");
    assert!(error.to_string().contains("the disk is full"), "{error}");
    assert_eq!(std::fs::read(&a).unwrap(), before, "the map is as it was");
    assert_eq!(
        std::fs::read(&b).unwrap(),
        before,
        "and so is its other name"
    );
    assert_eq!(names_in(disk.path()), ["a.ron", "b.ron", "filler"]);
    // Room for the new text aside and a copy of the old one, but not for the file to grow: it
    // is grown before its first byte changes, and shrunk back.
    let page = 4096;
    let pages = |bytes: usize| bytes.div_ceil(page) * page;
    let new_len = format::to_text(&bigger_map()).len();
    assert!(
        new_len > before.len() + 8 * page,
        "the new text is much longer"
    );
    let room = pages(new_len) + pages(before.len()) + 2 * page;
    let filler = std::fs::OpenOptions::new()
        .write(true)
        .open(disk.path().join("filler"))
        .unwrap();
    let filled = filler.metadata().unwrap().len();
    filler.set_len(filled - room as u64).unwrap();
    drop(filler);
    let error = file::save(&a, &bigger_map()).expect_err("no room for the file to grow");
    assert!(error.to_string().contains("the disk is full"), "{error}");
    assert_eq!(std::fs::read(&a).unwrap(), before, "the map is as it was");
    assert_eq!(names_in(disk.path()), ["a.ron", "b.ron", "filler"]);
    // With room again, the same save goes through, and both names see it.
    std::fs::remove_file(disk.path().join("filler")).unwrap();
    let saved = file::save(&a, &bigger_map()).unwrap();
    assert!(saved.placement.in_place);
    assert_eq!(file::load(&b).unwrap(), bigger_map());
    assert_eq!(names_in(disk.path()), ["a.ron", "b.ron"]);
}

#[cfg(unix)]
#[test]
fn a_full_disk_never_leaves_a_half_image() {
    let Some(disk) = SmallDisk::new(1024) else {
        return;
    };
    let image = disk.path().join("map.png");
    std::fs::write(&image, "previous image").unwrap();
    let other = disk.path().join("slide.png");
    std::fs::hard_link(&image, &other).unwrap();
    disk.fill();
    let map = templates::load("pizza").unwrap();
    let error = export::to_file(&Subject::of(&map), &ExportOptions::default(), &image)
        .expect_err("no room for the image");
    assert!(error.to_string().contains("the disk is full"), "{error}");
    assert_eq!(std::fs::read_to_string(&image).unwrap(), "previous image");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "previous image");
    assert_eq!(names_in(disk.path()), ["filler", "map.png", "slide.png"]);
}

#[cfg(unix)]
#[test]
fn an_export_over_a_hard_linked_image_replaces_it_whole_and_leaves_the_other_name() {
    let dir = tempfile::tempdir().unwrap();
    let image = dir.path().join("map.png");
    std::fs::write(&image, "previous image").unwrap();
    let other = dir.path().join("slide.png");
    std::fs::hard_link(&image, &other).unwrap();
    let map = templates::load("pizza").unwrap();
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    export::to_file(&Subject::of(&map), &options, &image).unwrap();
    // A new, whole image under the name exported to (written aside, then renamed, so a kill
    // never leaves half of one); the other name keeps the image it had.
    let written = std::fs::read(&image).unwrap();
    assert!(written.starts_with(b"\x89PNG"), "a PNG");
    assert!(
        written.ends_with(b"IEND\xaeB`\x82"),
        "whole, to its last chunk"
    );
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "previous image");
}

/// Runs `work` on a thread and fails the test if it takes longer than `limit`: a pipe that is
/// waited on never returns.
fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver
        .recv_timeout(limit)
        .expect("it returned instead of waiting on the pipe")
}

#[cfg(unix)]
fn make_pipe(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_a_map_or_a_picture_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = dir.path().join("map.ron");
    make_pipe(&map_path);
    let path = map_path.clone();
    let error = within(Duration::from_secs(5), move || file::open(&path).err());
    let error = error.expect("a pipe is not a map");
    assert!(matches!(error.kind, FileErrorKind::NotAFile), "{error}");
    // The watcher's look at a changed file, too.
    let path = map_path.clone();
    let stamp = within(Duration::from_secs(5), move || {
        file::Stamp::read(&path).is_err()
    });
    assert!(stamp);

    let picture = dir.path().join("face.png");
    make_pipe(&picture);
    let problem = within(Duration::from_secs(5), move || {
        pictures::locate(Some(&picture.with_file_name("")), "face.png")
            .and_then(|p| pictures::probe(&p))
            .err()
    });
    assert_eq!(problem, Some(Problem::NotAFile));
}

#[cfg(unix)]
#[test]
fn pictures_are_only_read_inside_the_folder_and_within_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("maps");
    std::fs::create_dir(&folder).unwrap();
    let outside = dir.path().join("secret.png");
    write_png(&outside, 4, 4);
    // A link that leads out of the map's folder is not followed.
    std::os::unix::fs::symlink(&outside, folder.join("link.png")).unwrap();
    assert_eq!(
        pictures::locate(Some(&folder), "link.png"),
        Err(Problem::OutsideFolder)
    );
    // Nor one to a device.
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.png")).unwrap();
    assert!(pictures::locate(Some(&folder), "zero.png").is_err());
    // A link inside the folder is fine.
    write_png(&folder.join("real.png"), 4, 4);
    std::os::unix::fs::symlink("real.png", folder.join("alias.png")).unwrap();
    let alias = pictures::locate(Some(&folder), "alias.png").unwrap();
    assert!(pictures::decode(&alias).is_ok());

    // Too many bytes: refused by its size, before reading (a sparse file of 3 GB).
    let huge = folder.join("huge.png");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let started = Instant::now();
    assert!(matches!(
        pictures::probe(&huge),
        Err(Problem::TooLarge { .. })
    ));
    assert!(started.elapsed() < Duration::from_secs(1));

    // Too many pixels: refused by its header, before decoding (11,000² would take 480 MB).
    let wide = folder.join("wide.png");
    write_png(&wide, 11_000, 11_000);
    assert!(std::fs::metadata(&wide).unwrap().len() < pictures::MAX_PICTURE_BYTES);
    let started = Instant::now();
    assert_eq!(
        pictures::decode(&wide).err(),
        Some(Problem::TooManyPixels {
            width: 11_000,
            height: 11_000
        })
    );
    assert!(started.elapsed() < Duration::from_secs(1));

    // Not an image: said in our words, in Spanish too.
    std::fs::write(folder.join("notes.png"), "not a picture").unwrap();
    let problem = pictures::probe(&folder.join("notes.png")).unwrap_err();
    trayecto::i18n::set(trayecto::i18n::Lang::Es);
    let words = problem.to_string();
    trayecto::i18n::set(trayecto::i18n::Lang::En);
    assert_eq!(words, "no es una imagen PNG o JPEG, o está dañada");
}

/// A PNG of `width` × `height` grey pixels, written row by row (a large one stays small on
/// disk: every row is alike).
fn write_png(path: &Path, width: u32, height: u32) {
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut encoder = png::Encoder::new(file, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    let mut stream = writer.stream_writer().unwrap();
    let row = vec![128u8; width as usize];
    for _ in 0..height {
        std::io::Write::write_all(&mut stream, &row).unwrap();
    }
    stream.finish().unwrap();
}

fn trayecto(args: &[&str], umask: &str) -> std::process::Output {
    let exe = env!("CARGO_BIN_EXE_trayecto");
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec '{exe}' {}", quoted.join(" ")))
        .env("LC_ALL", "C")
        .output()
        .unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn new_files_follow_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("private.ron");
    let image = dir.path().join("private.png");
    let map_arg = map.to_str().unwrap();
    let out = trayecto(&["new", "--template", "pizza", "-o", map_arg], "077");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&map), 0o600);
    let out = trayecto(
        &[
            "export",
            map_arg,
            "-o",
            image.to_str().unwrap(),
            "--scale",
            "1",
        ],
        "077",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&image), 0o600);
    // The usual umask gives the usual rw-r--r--.
    let shared = dir.path().join("shared.ron");
    let out = trayecto(
        &["new", "--template", "pizza", "-o", shared.to_str().unwrap()],
        "022",
    );
    assert!(out.status.success());
    assert_eq!(mode(&shared), 0o644);
}

/// An old map, to upgrade.
fn old_map(dir: &Path) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/pizza.ron");
    let path = dir.join("old.ron");
    std::fs::copy(source, &path).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn upgrade_keeps_the_original_honestly_or_not_at_all() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = old_map(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let original = std::fs::read(&path).unwrap();
    let backup = dir.path().join("old.ron.bak");
    let arg = path.to_str().unwrap();

    // A folder where the copy would go: nothing is written, and the map stays as it was.
    std::fs::create_dir(&backup).unwrap();
    let out = trayecto(&["upgrade", arg], "022");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), original);
    std::fs::remove_dir(&backup).unwrap();

    // A dangling link planted there: not followed, nothing created where it points.
    let target = dir.path().join("elsewhere.ron");
    std::os::unix::fs::symlink(&target, &backup).unwrap();
    let out = trayecto(&["upgrade", arg], "022");
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists(), "nothing written through the link");
    assert_eq!(std::fs::read(&path).unwrap(), original);
    std::fs::remove_file(&backup).unwrap();

    // Room for it: the copy is the original, as private as the map.
    let out = trayecto(&["upgrade", arg], "022");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("the original is kept as"));
    assert_eq!(std::fs::read(&backup).unwrap(), original);
    assert_eq!(mode(&backup), 0o600);

    // Upgrading another old text over it later keeps the earlier original, and says so.
    std::fs::write(&path, &original).unwrap();
    let out = trayecto(&["upgrade", arg], "022");
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("already held an earlier original"), "{said}");
    assert_eq!(std::fs::read(&backup).unwrap(), original);
    assert_eq!(
        format::read(&std::fs::read_to_string(&path).unwrap())
            .unwrap()
            .version,
        format::FORMAT_VERSION
    );
}

#[cfg(unix)]
#[test]
fn journals_are_private_and_never_written_through_a_planted_link() {
    use std::os::unix::fs::PermissionsExt;
    use trayecto::document::Document;
    use trayecto::edit::Edit;
    use trayecto::recovery::{self, Autosave};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let map_path = dir.path().join("map.ron");
    file::save(&map_path, &templates::load("pizza").unwrap()).unwrap();
    std::fs::set_permissions(&map_path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut doc = Document::open(&map_path).unwrap();
    let mut autosave = Autosave::new(Some(data.clone()));
    // Someone plants a link where this editor's journal will go.
    let journals = recovery::journal_dir(&data);
    std::fs::create_dir_all(&journals).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "not a map").unwrap();
    let own = autosave.file().expect("autosave is on");
    std::os::unix::fs::symlink(&victim, &own).unwrap();

    doc.apply(Edit::SetTitle("Edited".into()), None).unwrap();
    let start = Instant::now();
    for after in [0, 3, 12] {
        autosave.tick(&doc, start + Duration::from_secs(after));
    }
    autosave.flush();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not a map");
    let journal = std::fs::symlink_metadata(&own).unwrap();
    assert!(journal.is_file(), "the link was replaced by the journal");
    assert_eq!(mode(&own), 0o640, "as private as the map");
    assert_eq!(mode(&journals), 0o700);
}

fn pizza_text_with(from: &str, to: &str) -> String {
    let text = format::to_text(&templates::load("pizza").unwrap());
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn kpi_values_that_are_not_numbers_are_refused_at_their_line() {
    for value in ["NaN", "inf", "-inf"] {
        let text = pizza_text_with("current: Some(55.0)", &format!("current: Some({value})"));
        let line = text
            .lines()
            .position(|l| l.contains(&format!("Some({value})")))
            .unwrap()
            + 1;
        let error = format::read(&text).expect_err("not a number");
        let at = error.position().expect("a line and column");
        assert_eq!(at.line, line, "{value}");
        assert_eq!(
            error.message(),
            "invalid map: the values of KPI 2 must be numbers"
        );
    }
    // Nor can the editor put one in.
    let mut map = templates::load("pizza").unwrap();
    let mut kpi = map.kpis[0].clone();
    kpi.current = Some(f64::NAN);
    let edit = trayecto::edit::Edit::SetKpi(kpi);
    assert!(edit.within_limits(&map).is_err());
    assert!(edit.apply(&mut map).is_err());
}

#[test]
fn a_stage_listed_twice_by_one_phase_is_named_once() {
    let text = pizza_text_with("stages: [1, 2]", "stages: [1, 1]");
    let message = format::read(&text).unwrap_err().message();
    assert!(message.contains("phase 1 lists stage 1 twice"), "{message}");
}

#[test]
fn long_texts_are_named_without_bad_grammar() {
    let mut map = templates::load("pizza").unwrap();
    map.cards[0].notes = "x".repeat(trayecto::model::limits::TEXT_CHARS + 1);
    let message = trayecto::model::validate(&map).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("the notes of card {}: ", map.cards[0].id.0)),
        "{message}"
    );
}

#[test]
fn info_names_the_format_the_file_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = old_map(dir.path());
    let out = trayecto(&["info", path.to_str().unwrap(), "--json"], "022");
    assert!(out.status.success());
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["format"], 1);
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_map_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = templates::load("pizza").unwrap();
    map.personas[0].name = "Lucía\u{1b}[31m\u{7}".into();
    map.personas[0].picture = Some("face\u{1b}[2J.png".into());
    let path = dir.path().join("map.ron");
    file::save(&path, &map).unwrap();
    let image = dir.path().join("map.svg");
    let out = trayecto(
        &[
            "export",
            path.to_str().unwrap(),
            "-o",
            image.to_str().unwrap(),
        ],
        "022",
    );
    assert!(out.status.success());
    let warned = String::from_utf8(out.stderr).unwrap();
    assert!(warned.contains("\\u{1b}[31m"), "{warned}");
    assert!(
        !warned.contains('\u{1b}') && !warned.contains('\u{7}'),
        "{warned:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_loop_of_links_as_the_export_target_is_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.png");
    let b = dir.path().join("b.png");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let map = templates::load("pizza").unwrap();
    let error = export::to_file(&Subject::of(&map), &ExportOptions::default(), &a).unwrap_err();
    assert!(error.to_string().contains("loop of links"), "{error}");
    assert!(
        std::fs::symlink_metadata(&a).unwrap().is_symlink(),
        "still a link"
    );
}

#[test]
fn an_svg_too_large_to_open_is_refused_before_anything_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample::generated(1000, 100, 0);
    let path = dir.path().join("huge.svg");
    std::fs::write(&path, "previous drawing").unwrap();
    let options = ExportOptions {
        format: export::ImageFormat::Svg,
        ..ExportOptions::default()
    };
    let started = Instant::now();
    let error = export::to_file(&Subject::of(&map), &options, &path).unwrap_err();
    assert!(
        matches!(error, export::ExportError::SvgTooLarge { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("an SVG may hold"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "previous drawing");
}

#[test]
fn a_map_near_the_size_limit_is_saved_in_its_compact_text_rather_than_refused() {
    // A journal holds a map whose usual text would be a little over the limit (its file was
    // written more tightly, or it grew): saving it writes the compact text, which opens the
    // same, instead of refusing the work.
    let map = templates::load("pizza").unwrap();
    let usual = format::to_text(&map).len() as u64;
    let compact = format::ron::to_compact_text(&map).len() as u64;
    assert!(compact < usual);
    let text = file::map_text(&map, compact + 10).expect("the compact text fits");
    assert_eq!(text.len() as u64, compact);
    assert_eq!(format::parse(&text).unwrap(), map);
    assert_eq!(file::map_text(&map, usual).unwrap(), format::to_text(&map));
    assert_eq!(file::map_text(&map, compact - 1), Err(compact));
}
