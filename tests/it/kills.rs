//! Killing `trayecto` (SIGKILL) in the middle of saves and exports, many times: the target is
//! always the old file or the complete new one, and the next write clears what the killed ones
//! left behind.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use trayecto::{file, format, sample, templates};

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".trayecto-") && n.ends_with(".tmp"))
        .collect()
}

/// Runs `trayecto` with `args` and kills it after `after`.
fn run_and_kill(args: &[&std::ffi::OsStr], data: &Path, after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trayecto"))
        .args(args)
        .env("TRAYECTO_DATA_DIR", data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// How long a whole run of `trayecto` with `args` takes here.
fn full_run(args: &[&std::ffi::OsStr], data: &Path) -> Duration {
    let start = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_trayecto"))
        .args(args)
        .env("TRAYECTO_DATA_DIR", data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

/// Kill `i` of `n`: spread from the start of the run to its end, and the last one well past
/// it (three measured runs: a loaded machine is slower than the one run measured), so at least
/// one run surely finishes.
fn delay(i: u32, n: u32, run: Duration) -> Duration {
    if i + 1 == n {
        run.mul_f64(3.0)
    } else {
        run.mul_f64(f64::from(i) / f64::from(n - 1))
    }
}

#[test]
fn killed_saves_leave_the_old_or_the_whole_new_map() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    // A big map waiting in a journal; `recover -o` saves it through the editor's own save.
    let map = sample::generated(40, 8, 5_000);
    crate::support::crashed_journal(data.path(), "big", &map, None, 0, 1);
    let target = dir.path().join("map.ron");
    file::save(&target, &templates::load("pizza").unwrap()).unwrap();
    let old = std::fs::read_to_string(&target).unwrap();
    let new = format::to_text(&map);
    let args: Vec<&std::ffi::OsStr> = vec![
        "recover".as_ref(),
        "big".as_ref(),
        "-o".as_ref(),
        target.as_os_str(),
        "--force".as_ref(),
    ];
    let run = full_run(&args, data.path());
    std::fs::write(&target, &old).unwrap();
    let (mut saw_old, mut saw_new) = (0, 0);
    for i in 0..40 {
        run_and_kill(&args, data.path(), delay(i, 40, run));
        let now = std::fs::read_to_string(&target).unwrap();
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
            // Start again from the old map, so later kills can hit a write again.
            std::fs::write(&target, &old).unwrap();
        } else {
            panic!("kill {i} left a damaged map ({} bytes)", now.len());
        }
    }
    assert!(saw_old > 0, "some kills came before the save finished");
    assert!(saw_new > 0, "some saves finished");
    // What the killed saves left is cleared by the next write into the folder.
    std::thread::sleep(Duration::from_millis(1100));
    file::save(
        &dir.path().join("other.ron"),
        &templates::load("blank").unwrap(),
    )
    .unwrap();
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

#[test]
fn killed_exports_leave_no_broken_image() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let map_path = dir.path().join("map.ron");
    file::save(&map_path, &sample::generated(6, 5, 80)).unwrap();
    let image = dir.path().join("slide.png");
    let args: Vec<&std::ffi::OsStr> = vec![
        "export".as_ref(),
        map_path.as_os_str(),
        "-o".as_ref(),
        image.as_os_str(),
        "--scale".as_ref(),
        "1".as_ref(),
    ];
    let run = full_run(&args, data.path());
    let mut complete = 0;
    for i in 0..14 {
        let _ = std::fs::remove_file(&image);
        run_and_kill(&args, data.path(), delay(i, 14, run));
        if let Ok(bytes) = std::fs::read(&image) {
            let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
            let mut reader = decoder.read_info().expect("a complete PNG header");
            let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
            reader.next_frame(&mut pixels).expect("complete image data");
            complete += 1;
        }
    }
    assert!(complete > 0, "some exports finished");
    std::thread::sleep(Duration::from_millis(1100));
    full_run(&args, data.path());
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}
