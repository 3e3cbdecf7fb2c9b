//! What the end-to-end tests stand on: a virtual screen (Xvfb), WebDriver for the app
//! (tauri-driver over WebKitWebDriver), and a session that finds things the way the tests
//! name them, by `data-testid`, waiting as a user would and saving a screenshot of each
//! screen.
//!
//! Set-up facts: tauri-driver starts the app binary itself, with tauri-driver's own
//! environment, so the display, the microphone's PulseAudio server and Leo's data folder are
//! all given to tauri-driver. It must be stopped with SIGTERM: killed outright, it leaves
//! WebKitWebDriver behind holding the test's output pipe.

use std::ffi::OsString;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub use leo_testkit::{VirtualMic, require_program, speak, speak_at};

/// The app binary under test: `LEO_APP_BIN` (set by `make test`), else the release build in
/// `CARGO_TARGET_DIR` or the workspace's `target/`.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("LEO_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace_dir().join("target"));
            target.join("release").join("leo-app")
        });
    assert!(
        path.is_file(),
        "the app binary {} does not exist: build it with `cargo build --release -p leo-app` \
         (`make test` does)",
        path.display()
    );
    path
}

/// Where the speech models are (`LEO_MODELS_DIR`, set by `make test` after `make models`).
pub fn models_dir() -> PathBuf {
    let dir = std::env::var_os("LEO_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cache/leo/models"));
    assert!(
        dir.join("ggml-tiny.en.bin").is_file(),
        "no English speech model in {}: run `make models`",
        dir.display()
    );
    dir
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The environment the app reads in: the virtual screen and microphone, Leo's data in
/// `data_dir`, the installed models, an English desktop.
pub fn reading_env(screen: &Screen, mic: &VirtualMic, data_dir: &Path) -> Vec<(String, OsString)> {
    let mut env = mic.env();
    env.push(("DISPLAY".into(), screen.display().into()));
    env.push(("LEO_DATA_DIR".into(), data_dir.into()));
    env.push(("LEO_MODELS_DIR".into(), models_dir().into()));
    env.push(("LANG".into(), "en_US.UTF-8".into()));
    env
}

/// Screenshots and logs of a run, kept after it: `artifacts/e2e/NAME/` in the clone.
pub fn artifacts_dir(name: &str) -> PathBuf {
    let dir = workspace_dir().join("artifacts").join("e2e").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cannot create the artifacts folder");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port")
}

fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < timeout,
            "{what} did not happen within {timeout:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Sends SIGTERM, then SIGKILL if the process is still there after `grace`.
fn terminate(child: &mut Child, grace: Duration) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let start = Instant::now();
    while start.elapsed() < grace {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The teacher's PIN in seeded classrooms.
pub const PIN: &str = "2468";

/// A classroom as a teacher would have set it up: PIN [`PIN`], class "3B" (id 1) with Ana
/// García (id 1, grade 3, English). For tests about something other than the set-up screens.
pub async fn seed_classroom(data_dir: &Path) {
    let classroom = leo_classroom::Classroom::open(data_dir, &models_dir())
        .await
        .expect("cannot open the test classroom");
    let store = classroom.store();
    store.set_pin(PIN).await.expect("PIN");
    let class = store.create_class("3B").await.expect("class");
    classroom
        .add_student(class.id, "Ana García", 3, leo_store::Languages::En)
        .await
        .expect("student");
    classroom.close().await;
}

/// Opens the teacher pages with [`PIN`] from wherever the app is.
pub async fn unlock_teacher(app: &Session) {
    app.click("teacher-button").await;
    app.wait_attr("pin-form", "data-mode", &["unlock"], SCREEN_TIMEOUT)
        .await;
    app.type_into("pin-input", PIN).await;
    app.click("pin-submit").await;
}

/// A virtual X screen of 1280×800, stopped on drop.
#[derive(Debug)]
pub struct Screen {
    child: Child,
    display: String,
}

impl Screen {
    pub fn start() -> Screen {
        let xvfb = require_program("Xvfb", "xvfb");
        let number = (90..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("no free X display number");
        let display = format!(":{number}");
        let child = Command::new(xvfb)
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start Xvfb");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        wait_until("Xvfb's start", Duration::from_secs(20), || socket.exists());
        Screen { child, display }
    }

    pub fn display(&self) -> &str {
        &self.display
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        terminate(&mut self.child, Duration::from_secs(5));
    }
}

/// tauri-driver on a free port. The app it starts inherits `env` (display, microphone, Leo's
/// folders).
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub fn start(env: &[(String, OsString)], log: &Path) -> Driver {
        let driver = require_program("tauri-driver", "tauri-driver (make e2e-tools)");
        require_program("WebKitWebDriver", "webkit2gtk-driver");
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::File::create(log).expect("cannot create the driver log");
        let child = Command::new(driver)
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .envs(env.iter().map(|(k, v)| (k, v)))
            .env("NO_AT_BRIDGE", "1")
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .spawn()
            .expect("cannot start tauri-driver");
        // Both must listen: tauri-driver answers at once and forwards to WebKitWebDriver,
        // which it starts alongside and which takes a moment longer.
        for (what, p) in [("tauri-driver", port), ("WebKitWebDriver", native_port)] {
            let addr = format!("127.0.0.1:{p}");
            wait_until(&format!("{what}'s start"), Duration::from_secs(20), || {
                TcpStream::connect(&addr).is_ok()
            });
        }
        Driver { child, port }
    }

    /// Starts the app and opens a WebDriver session on its window.
    pub async fn launch(&self, app: &Path, artifacts: &Path) -> Session {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        caps.insert("browserName".into(), "wry".into());
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("cannot open a WebDriver session on the app");
        Session {
            client,
            artifacts: artifacts.to_path_buf(),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        terminate(&mut self.child, Duration::from_secs(10));
    }
}

fn by_testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// One WebDriver session on the app's window.
#[derive(Debug)]
pub struct Session {
    pub client: Client,
    artifacts: PathBuf,
}

/// How long a screen may take to react to a click (the first page load includes the app's
/// start).
pub const SCREEN_TIMEOUT: Duration = Duration::from_secs(20);

impl Session {
    /// The element with this `data-testid`, once it is displayed.
    pub async fn wait(&self, testid: &str) -> Element {
        self.wait_for(testid, SCREEN_TIMEOUT).await
    }

    pub async fn wait_for(&self, testid: &str, timeout: Duration) -> Element {
        let css = by_testid(testid);
        let start = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(&css)).await
                && el.is_displayed().await.unwrap_or(false)
            {
                return el;
            }
            if start.elapsed() > timeout {
                self.fail(&format!("nothing with data-testid=\"{testid}\" appeared"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether an element with this `data-testid` is displayed now.
    pub async fn is_shown(&self, testid: &str) -> bool {
        match self.client.find(Locator::Css(&by_testid(testid))).await {
            Ok(el) => el.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    }

    pub async fn click(&self, testid: &str) {
        let el = self.wait(testid).await;
        if let Err(e) = el.click().await {
            self.fail(&format!("cannot click {testid}: {e}")).await;
        }
    }

    pub async fn type_into(&self, testid: &str, text: &str) {
        let el = self.wait(testid).await;
        el.clear().await.expect("cannot clear the field");
        el.send_keys(text).await.expect("cannot type");
    }

    pub async fn text(&self, testid: &str) -> String {
        self.wait(testid)
            .await
            .text()
            .await
            .expect("cannot read the text")
    }

    pub async fn attr(&self, testid: &str, name: &str) -> Option<String> {
        self.wait(testid)
            .await
            .attr(name)
            .await
            .expect("cannot read the attribute")
    }

    /// Waits until the element's attribute has one of `values`; returns the value seen.
    pub async fn wait_attr(
        &self,
        testid: &str,
        name: &str,
        values: &[&str],
        timeout: Duration,
    ) -> String {
        let start = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(&by_testid(testid))).await
                && let Ok(Some(v)) = el.attr(name).await
                && values.contains(&v.as_str())
            {
                return v;
            }
            if start.elapsed() > timeout {
                self.fail(&format!("{testid} never had {name} in {values:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// All elements whose `data-testid` starts with `prefix`, in page order.
    pub async fn all_with_prefix(&self, prefix: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(&format!("[data-testid^=\"{prefix}\"]")))
            .await
            .expect("cannot list elements")
    }

    /// Presses Record and, once the app records (samples flow: speaking earlier would cut
    /// the first words), starts playing `wav` into the microphone. Returns the player.
    pub async fn start_reading_aloud(&self, mic: &VirtualMic, wav: &Path) -> Child {
        self.click("record-button").await;
        self.wait_attr(
            "recording-state",
            "data-state",
            &["recording"],
            Duration::from_secs(20),
        )
        .await;
        mic.start_playing(wav)
    }

    /// Saves what the window shows as `NAME.png` in the run's artifacts.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client
            .screenshot()
            .await
            .expect("cannot take a screenshot");
        let path = self.artifacts.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("cannot save the screenshot");
        path
    }

    /// Saves a screenshot and the page's text, then fails the test with `why`.
    pub async fn fail(&self, why: &str) -> ! {
        let shot = self.screenshot("failure").await;
        let body = self
            .client
            .execute("return document.body.innerText", vec![])
            .await
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .unwrap_or_default();
        panic!("{why}\nscreenshot: {}\npage text:\n{body}", shot.display());
    }

    /// Ends the session (the app closes).
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
