//! The real binary in a real window: an X server (Xvfb), a mouse drag and Ctrl+S through
//! xdotool, and the saved file checked afterwards. Needs `Xvfb` and `xdotool` (`.ci/run`
//! installs them).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Kills its processes when the test ends, passed or failed.
struct Processes(Vec<Child>);

impl Drop for Processes {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn require(tool: &str) {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join(tool).is_file()));
    assert!(
        found,
        "{tool} is needed for this test: apt-get install xvfb xdotool (bash .ci/run does)"
    );
}

fn wait_for<T>(what: &str, timeout: Duration, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        sleep(Duration::from_millis(100));
    }
}

fn free_display() -> u32 {
    (90..400)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display number")
}

fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Centre (window pixels) of the probe's item with this label.
fn centre(probe: &str, label: &str) -> Option<(i32, i32)> {
    probe.lines().find_map(|line| {
        let (rect, name) = line.split_once('\t')?;
        (name == label).then(|| {
            let n: Vec<f32> = rect.split(' ').map(|v| v.parse().unwrap()).collect();
            (((n[0] + n[2]) / 2.0) as i32, ((n[1] + n[3]) / 2.0) as i32)
        })
    })
}

fn rect(probe: &str, label: &str) -> Option<[i32; 4]> {
    probe.lines().find_map(|line| {
        let (rect, name) = line.split_once('\t')?;
        (name == label).then(|| {
            let n: Vec<i32> = rect
                .split(' ')
                .map(|v| v.parse::<f32>().unwrap() as i32)
                .collect();
            [n[0], n[1], n[2], n[3]]
        })
    })
}

/// An X server of our own, and the editors started on it.
struct Screen {
    display: String,
    processes: Processes,
}

impl Screen {
    fn start() -> Self {
        require("Xvfb");
        require("xdotool");
        // Tests run in parallel: one at a time picks a display number and waits for its server,
        // so two tests never share a screen (and its keyboard focus).
        static PICKING: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _picking = PICKING.lock().unwrap_or_else(|e| e.into_inner());
        let n = free_display();
        let display = format!(":{n}");
        let mut processes = Processes(Vec::new());
        processes.0.push(
            Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1600x1000x24",
                    "-nolisten",
                    "tcp",
                    // Without it the server resets whenever its last client leaves (each
                    // xdotool call), refusing connections meanwhile: the editor could not open.
                    "-noreset",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb starts"),
        );
        wait_for("the X server", Duration::from_secs(20), || {
            Path::new(&format!("/tmp/.X11-unix/X{n}"))
                .exists()
                .then_some(())
        });
        // The socket can exist a moment before the server answers.
        wait_for("the X server to answer", Duration::from_secs(20), || {
            let out = Command::new("xdotool")
                .arg("getdisplaygeometry")
                .env("DISPLAY", &display)
                .output()
                .ok()?;
            out.status.success().then_some(())
        });
        Screen { display, processes }
    }

    /// Starts the editor on `map`, with its config, data and probe files in `dir`; returns
    /// its window id and its index among the processes.
    fn editor(&mut self, map: &Path, dir: &Path) -> (String, usize) {
        let _ = std::fs::remove_file(dir.join("probe.txt"));
        let start = Instant::now();
        self.processes.0.push(
            Command::new(env!("CARGO_BIN_EXE_trayecto"))
                .arg(map)
                .env("DISPLAY", &self.display)
                .env_remove("WAYLAND_DISPLAY")
                .env("LC_ALL", "C")
                .env("LIBGL_ALWAYS_SOFTWARE", "1")
                .env("TRAYECTO_PROBE", dir.join("probe.txt"))
                .env("TRAYECTO_CONFIG_DIR", dir.join("config"))
                .env("TRAYECTO_DATA_DIR", dir.join("data"))
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("the editor starts"),
        );
        let name = map.file_name().unwrap().to_string_lossy().into_owned();
        let index = self.processes.0.len() - 1;
        let window = wait_for("the editor's window", Duration::from_secs(90), || {
            if let Ok(Some(status)) = self.processes.0[index].try_wait() {
                panic!("the editor stopped before showing a window: {status}");
            }
            let found = self.xdotool(&["search", "--onlyvisible", "--name", &name]);
            found.lines().next().map(str::to_owned)
        });
        eprintln!("the editor's window came after {:?}", start.elapsed());
        (window, index)
    }

    fn xdotool(&self, args: &[&str]) -> String {
        xdotool(&self.display, args)
    }

    /// Waits for the probe to show every label, and returns it.
    fn probe(&self, dir: &Path, labels: &[&str]) -> String {
        wait_for("the labels on screen", Duration::from_secs(60), || {
            let text = std::fs::read_to_string(dir.join("probe.txt")).ok()?;
            labels
                .iter()
                .all(|l| centre(&text, l).is_some())
                .then_some(text)
        })
    }

    fn click(&self, window: &str, (x, y): (i32, i32)) {
        self.xdotool(&[
            "mousemove",
            "--window",
            window,
            &x.to_string(),
            &y.to_string(),
        ]);
        sleep(Duration::from_millis(80));
        self.xdotool(&["click", "1"]);
        sleep(Duration::from_millis(150));
    }

    fn key(&self, window: &str, key: &str) {
        self.xdotool(&["windowfocus", window]);
        self.xdotool(&["key", "--clearmodifiers", key]);
        sleep(Duration::from_millis(150));
    }
}

#[test]
fn an_editor_killed_after_an_edit_gives_the_edit_back_on_restart() {
    let dir = tempfile::tempdir().unwrap();
    let map_path: PathBuf = dir.path().join("workshop.ron");
    trayecto::file::save(&map_path, &trayecto::templates::load("pizza").unwrap()).unwrap();
    let original = std::fs::read_to_string(&map_path).unwrap();
    let mut screen = Screen::start();

    let (window, index) = screen.editor(&map_path, dir.path());
    let card = "Card: Opens the box";
    let probe = screen.probe(dir.path(), &[card]);
    // Select the card and delete it; on a busy machine the first click may come before the
    // window is ready for it, so look at the title (● = unsaved) and try again if needed.
    let edited = (0..3).any(|_| {
        screen.click(&window, centre(&probe, card).unwrap());
        screen.key(&window, "Delete");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if screen.xdotool(&["getwindowname", &window]).contains('●') {
                return true;
            }
            sleep(Duration::from_millis(100));
        }
        false
    });
    assert!(edited, "the card was deleted");
    // Within a few seconds of the edit the journal is on disk; then the power goes.
    let journals = dir.path().join("data").join("recovery");
    // Generous waits: the rest of the suite runs beside this test on two cores.
    wait_for("the autosave journal", Duration::from_secs(60), || {
        let found = std::fs::read_dir(&journals).ok()?.flatten().find(|e| {
            std::fs::read_to_string(e.path()).is_ok_and(|t| !t.contains("Opens the box"))
        });
        found.map(|_| ())
    });
    let editor = &mut screen.processes.0[index];
    editor.kill().unwrap();
    editor.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(&map_path).unwrap(),
        original,
        "autosave never writes the map file"
    );

    let (window, _) = screen.editor(&map_path, dir.path());
    let restore = trayecto::i18n::strings::restore_button();
    let probe = screen.probe(dir.path(), &[restore]);
    // The restored map is unsaved: the title says so, and Ctrl+S writes the edit.
    wait_for("an unsaved title", Duration::from_secs(60), || {
        // Where the button is now (the probe follows the window frame by frame).
        let probe = std::fs::read_to_string(dir.path().join("probe.txt")).unwrap_or(probe.clone());
        if let Some(at) = centre(&probe, restore) {
            screen.click(&window, at);
        }
        sleep(Duration::from_millis(300));
        screen
            .xdotool(&["getwindowname", &window])
            .contains('●')
            .then_some(())
    });
    let saved = wait_for("the saved file", Duration::from_secs(60), || {
        screen.key(&window, "ctrl+s");
        sleep(Duration::from_millis(350));
        let text = std::fs::read_to_string(&map_path).ok()?;
        (text != original).then_some(text)
    });
    let map = trayecto::format::parse(&saved).unwrap();
    let mut expected = trayecto::templates::load("pizza").unwrap();
    expected.cards.retain(|c| c.title != "Opens the box");
    assert_eq!(map, expected, "exactly the edit made before the crash");
    wait_for(
        "the journal gone after saving",
        Duration::from_secs(30),
        || {
            std::fs::read_dir(&journals)
                .ok()?
                .next()
                .is_none()
                .then_some(())
        },
    );
}

#[test]
fn drag_a_card_and_save_in_a_real_window() {
    let dir = tempfile::tempdir().unwrap();
    let map_path: PathBuf = dir.path().join("journey.ron");
    trayecto::file::save(&map_path, &trayecto::templates::load("pizza").unwrap()).unwrap();
    let original = std::fs::read_to_string(&map_path).unwrap();
    let mut screen = Screen::start();
    let display = screen.display.clone();
    let (window, _) = screen.editor(&map_path, dir.path());
    let probe_path = dir.path().join("probe.txt");
    let card = "Card: Finds nothing in the fridge";
    let probe = wait_for("the map on screen", Duration::from_secs(60), || {
        let text = std::fs::read_to_string(&probe_path).ok()?;
        (centre(&text, card).is_some() && centre(&text, "Stage: Order").is_some()).then_some(text)
    });
    let from = centre(&probe, card).unwrap();
    let order = rect(&probe, "Stage: Order").unwrap();
    let calls = rect(&probe, "Card: Calls the branch").unwrap();
    let to = ((order[0] + order[2]) / 2, calls[3] + 8);

    // A person's drag: press, move in small steps, release.
    let at = |x: i32, y: i32| {
        xdotool(
            &display,
            &[
                "mousemove",
                "--window",
                &window,
                &x.to_string(),
                &y.to_string(),
            ],
        );
        sleep(Duration::from_millis(120));
    };
    let unsaved = || xdotool(&display, &["getwindowname", &window]).contains('●');
    let dragged = |_| {
        at(from.0, from.1);
        xdotool(&display, &["mousedown", "1"]);
        // Each step and the release get a frame of their own even when frames are slow (a
        // loaded machine): the window must see the card held over its target before it drops.
        sleep(Duration::from_millis(300));
        for step in 1..=12 {
            at(
                from.0 + (to.0 - from.0) * step / 12,
                from.1 + (to.1 - from.1) * step / 12,
            );
        }
        sleep(Duration::from_millis(400));
        xdotool(&display, &["mouseup", "1"]);
        // The move made the map unsaved (● in the title); on a busy machine a drag can come
        // before the window is ready for it, so it is tried again, like a person would.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if unsaved() {
                return true;
            }
            sleep(Duration::from_millis(100));
        }
        false
    };
    assert!((0..3).any(dragged), "the card was dragged");
    assert_eq!(
        std::fs::read_to_string(&map_path).unwrap(),
        original,
        "nothing is written before Ctrl+S"
    );

    let saved = wait_for("the saved file", Duration::from_secs(60), || {
        xdotool(&display, &["windowfocus", &window]);
        xdotool(&display, &["key", "--clearmodifiers", "ctrl+s"]);
        sleep(Duration::from_millis(500));
        let text = std::fs::read_to_string(&map_path).ok()?;
        (text != original).then_some(text)
    });
    let map = trayecto::format::parse(&saved).expect("the saved file is a valid map");
    let moved = map
        .cards
        .iter()
        .find(|c| c.title == "Finds nothing in the fridge")
        .unwrap();
    let order_stage = map.stages.iter().find(|s| s.name == "Order").unwrap();
    assert_eq!(
        moved.stage, order_stage.id,
        "the card was dragged into the Order stage"
    );
    let mut expected = trayecto::templates::load("pizza").unwrap();
    let cell = trayecto::model::Cell {
        journey: moved.journey,
        stage: order_stage.id,
        lane: moved.lane,
    };
    let position = expected.position_in_cell(cell, 1, Some(moved.id));
    trayecto::edit::Edit::MoveCard {
        id: moved.id,
        stage: order_stage.id,
        lane: moved.lane,
        position,
    }
    .apply(&mut expected)
    .unwrap();
    assert_eq!(map, expected, "only that move happened");

    // Once saved, the title drops the unsaved-changes marker.
    wait_for("a clean window title", Duration::from_secs(10), || {
        let name = xdotool(&display, &["getwindowname", &window]);
        (!name.contains('●') && name.contains("journey.ron")).then_some(())
    });
}
