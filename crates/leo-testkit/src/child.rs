//! Re-running a single test in a child process with a different environment.

use std::ffi::OsString;
use std::process::Command;

/// Environment variable set in the child to the name of the test it runs, so the test knows it
/// is the child and does not spawn another one.
pub const CHILD_MARKER: &str = "LEO_TESTKIT_CHILD_TEST";

/// True when this process is the child started by [`run_test_in_child`] for `test_name`.
pub fn is_child_run(test_name: &str) -> bool {
    std::env::var_os(CHILD_MARKER).is_some_and(|name| name == test_name)
}

/// Runs the test `test_name` (its full path inside the test binary, e.g. `records_speech` for a
/// top-level test of an integration test file) of the current test binary in a child process
/// with `envs` added, and panics with the child's output if it fails.
///
/// Usage, at the top of the test:
/// ```ignore
/// if !leo_testkit::is_child_run("my_test") {
///     leo_testkit::run_test_in_child("my_test", &envs);
///     return;
/// }
/// // ... the real test, running in the child's environment ...
/// ```
pub fn run_test_in_child(test_name: &str, envs: &[(String, OsString)]) {
    let exe = std::env::current_exe().expect("cannot find the running test binary");
    let output = Command::new(exe)
        .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_MARKER, test_name)
        .envs(envs.iter().map(|(key, value)| (key, value)))
        .output()
        .expect("cannot start the test binary again as a child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Shown by the test harness when the parent test fails, or with --nocapture.
    println!("--- child run of {test_name} ---\n{stdout}\n{stderr}");
    assert!(
        output.status.success(),
        "test {test_name} failed in its child process ({})",
        output.status
    );
    // A filter that matched nothing would "pass" without running anything.
    assert!(
        stdout.contains("1 passed"),
        "the child process did not run test {test_name}; is the name exact?"
    );
}
