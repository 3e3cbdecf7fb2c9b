//! A private PulseAudio server acting as a microphone, for capture tests on machines without a
//! sound card.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::{is_child_run, require_program, run_test_in_child};

/// The null sink whose monitor is the default source: what is played into `vsink` is what the
/// microphone hears.
pub const SINK: &str = "vsink";
/// The source that capture clients record from by default.
pub const SOURCE: &str = "vsink.monitor";

const SERVER_SCRIPT: &str = "\
load-module module-native-protocol-unix auth-anonymous=1
load-module module-null-sink sink_name=vsink
set-default-sink vsink
set-default-source vsink.monitor
";

/// How long the server may take to accept clients after daemonizing.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(15);

/// A PulseAudio server of its own, in a private runtime directory, whose default source plays
/// back whatever [`play`](Self::play) sends to its null sink.
///
/// Clients find it only through the variables of [`env`](Self::env): a child process (the app
/// under test, or a test re-run by [`run_test_in_child`]) gets them with `Command::envs`. ALSA's
/// `default` device is routed to it by Debian's pulse plugin, which checks for a running server
/// when ALSA loads its configuration, i.e. once per process: set the variables before the
/// process first opens ALSA.
///
/// The server is killed when the value that started it is dropped; a value made by
/// [`attach_from_env`](Self::attach_from_env) leaves the server running.
#[derive(Debug)]
pub struct VirtualMic {
    runtime_dir: PathBuf,
    /// Holds the runtime directory (and the server script) of a server this value started.
    owned: Option<TempDir>,
}

impl VirtualMic {
    /// Starts a private server. Panics naming the missing Debian package when PulseAudio is not
    /// installed, or with the server's output when it does not come up.
    pub fn start() -> VirtualMic {
        let pulseaudio = require_program("pulseaudio", "pulseaudio");
        require_program("pactl", "pulseaudio-utils");
        require_program("paplay", "pulseaudio-utils");
        assert!(
            Path::new("/usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so").exists()
                || Path::new("/usr/lib/aarch64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so")
                    .exists(),
            "ALSA's pulse plugin is not installed; install the Debian package \
             `libasound2-plugins`"
        );

        let dir = tempfile::Builder::new()
            .prefix("leo-virtual-mic-")
            .tempdir()
            .expect("cannot create a temporary directory for PulseAudio");
        let runtime_dir = dir.path().join("runtime");
        std::fs::create_dir(&runtime_dir).expect("cannot create the PulseAudio runtime dir");
        let script = dir.path().join("virtual-mic.pa");
        std::fs::write(&script, SERVER_SCRIPT).expect("cannot write the PulseAudio script");

        let mic = VirtualMic {
            runtime_dir,
            owned: Some(dir),
        };
        let output = Command::new(pulseaudio)
            .args(["-n", "-F"])
            .arg(&script)
            .args([
                "--daemonize=yes",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--log-target=stderr",
            ])
            .envs(mic.env())
            .output()
            .expect("cannot run pulseaudio");
        assert!(
            output.status.success(),
            "pulseaudio did not start ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        mic.wait_until_ready();
        mic
    }

    /// A handle on the server that the environment of this process points at (a child started
    /// with [`env`](Self::env)). Dropping it does not stop the server.
    pub fn attach_from_env() -> VirtualMic {
        let runtime_dir = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .expect("XDG_RUNTIME_DIR is not set: this process was not started by VirtualMic");
        let mic = VirtualMic {
            runtime_dir,
            owned: None,
        };
        mic.wait_until_ready();
        mic
    }

    /// Test helper: in the parent process, starts a server, re-runs the test `test_name` in a
    /// child process pointed at it, and returns `None` (the parent's part is done). In that
    /// child, returns the attached microphone: the test body runs there.
    pub fn run_test_in_child(test_name: &str) -> Option<VirtualMic> {
        if is_child_run(test_name) {
            return Some(VirtualMic::attach_from_env());
        }
        let mic = VirtualMic::start();
        run_test_in_child(test_name, &mic.env());
        None
    }

    /// The private runtime directory (`XDG_RUNTIME_DIR` of the server and its clients).
    pub fn runtime_dir(&self) -> &Path {
        &self.runtime_dir
    }

    /// The variables a client process needs to reach this server (and only it):
    /// `XDG_RUNTIME_DIR`, `PULSE_RUNTIME_PATH` and `PULSE_SERVER`.
    pub fn env(&self) -> Vec<(String, OsString)> {
        let pulse_dir = self.runtime_dir.join("pulse");
        let mut server = OsString::from("unix:");
        server.push(pulse_dir.join("native"));
        vec![
            (
                "XDG_RUNTIME_DIR".to_owned(),
                self.runtime_dir.clone().into(),
            ),
            ("PULSE_RUNTIME_PATH".to_owned(), pulse_dir.into()),
            ("PULSE_SERVER".to_owned(), server),
        ]
    }

    /// Plays a sound file into the microphone and returns when it has been played.
    pub fn play(&self, sound_file: &Path) {
        let output = Command::new("paplay")
            .arg(format!("--device={SINK}"))
            .arg(sound_file)
            .envs(self.env())
            .output()
            .expect("cannot run paplay (Debian package `pulseaudio-utils`)");
        assert!(
            output.status.success(),
            "paplay {} failed ({}): {}",
            sound_file.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Starts playing a sound file into the microphone and returns at once; wait on the
    /// returned `paplay` process to know when it has been played.
    pub fn start_playing(&self, sound_file: &Path) -> std::process::Child {
        Command::new("paplay")
            .arg(format!("--device={SINK}"))
            .arg(sound_file)
            .envs(self.env())
            .spawn()
            .expect("cannot run paplay (Debian package `pulseaudio-utils`)")
    }

    /// Runs `pactl` against this server, e.g. `["suspend-source", SOURCE, "1"]`, panicking on
    /// failure. Returns its standard output.
    pub fn pactl(&self, args: &[&str]) -> String {
        let output = self.pactl_output(args);
        assert!(
            output.status.success(),
            "pactl {} failed ({}): {}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn pactl_output(&self, args: &[&str]) -> Output {
        Command::new("pactl")
            .args(args)
            .envs(self.env())
            .output()
            .expect("cannot run pactl (Debian package `pulseaudio-utils`)")
    }

    /// Removes the null sink and so the microphone, as if it were unplugged: recording
    /// clients see their source disappear while the server keeps running.
    pub fn unplug(&self) {
        self.pactl(&["unload-module", "module-null-sink"]);
    }

    /// Stops the server now, as if the microphone were unplugged (clients lose their streams).
    /// Works on an attached handle too.
    pub fn stop_server(&self) {
        let _ = Command::new("pulseaudio")
            .arg("--kill")
            .envs(self.env())
            .output();
    }

    fn wait_until_ready(&self) {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            let output = self.pactl_output(&["info"]);
            if output.status.success() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the virtual microphone's PulseAudio server did not answer within {:?}: {}",
                STARTUP_TIMEOUT,
                String::from_utf8_lossy(&output.stderr)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for VirtualMic {
    fn drop(&mut self) {
        if self.owned.is_none() {
            return;
        }
        // The server wrote its pid into the runtime directory; `pulseaudio --kill` reads it.
        self.stop_server();
    }
}
