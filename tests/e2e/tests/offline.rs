//! Leo never uses the network: the running app and every process it starts (WebKit's web and
//! network processes included) hold no TCP or UDP socket. Checked from /proc on the app
//! started the ordinary way (WebDriver's automation channel would add sockets of its own).

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use leo_e2e::{Screen, app_binary, artifacts_dir, seed_classroom};

/// The inodes of every open TCP and UDP socket on the machine (IPv4 and IPv6).
fn inet_socket_inodes() -> HashSet<String> {
    let mut inodes = HashSet::new();
    for table in ["tcp", "tcp6", "udp", "udp6"] {
        let Ok(text) = std::fs::read_to_string(format!("/proc/net/{table}")) else {
            continue;
        };
        for line in text.lines().skip(1) {
            if let Some(inode) = line.split_whitespace().nth(9) {
                inodes.insert(inode.to_owned());
            }
        }
    }
    inodes
}

/// `pid` and all its descendants.
fn process_tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // The command name is in parentheses and may hold spaces: fields resume after it.
        let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
        if let Some(parent) = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
            parents.push((child, parent));
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    tree
}

/// Socket inodes held open by the process.
fn socket_inodes(pid: u32) -> Vec<String> {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return Vec::new();
    };
    fds.flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|target| {
            let t = target.to_string_lossy().into_owned();
            t.strip_prefix("socket:[")
                .and_then(|s| s.strip_suffix(']'))
                .map(str::to_owned)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_opens_no_network_socket() {
    let artifacts = artifacts_dir("offline");
    let screen = Screen::start();
    let data = artifacts.join("data");
    seed_classroom(&data).await;
    let mut app = Command::new(app_binary())
        .env("DISPLAY", screen.display())
        .env("LEO_DATA_DIR", &data)
        .env("NO_AT_BRIDGE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cannot start the app");
    // Long enough for the window, its web process and the first screen's commands.
    tokio::time::sleep(Duration::from_secs(8)).await;
    assert!(
        app.try_wait().expect("app state").is_none(),
        "the app exited on its own"
    );
    let tree = process_tree(app.id());
    let inet = inet_socket_inodes();
    let mut held = Vec::new();
    for pid in &tree {
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        for inode in socket_inodes(*pid) {
            if inet.contains(&inode) {
                held.push(format!("{} ({pid}) socket {inode}", comm.trim()));
            }
        }
    }
    let shot = artifacts.join("window.png");
    let _ = Command::new("import")
        .args(["-display", screen.display(), "-window", "root"])
        .arg(&shot)
        .status();
    let _ = app.kill();
    let _ = app.wait();
    println!("processes checked: {}", tree.len());
    assert!(
        tree.len() >= 2,
        "the app started no web process: is the window up?"
    );
    assert!(held.is_empty(), "network sockets open: {held:?}");
}

#[test]
fn the_socket_check_sees_a_listening_socket() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let inet = inet_socket_inodes();
    let mine: Vec<_> = socket_inodes(std::process::id())
        .into_iter()
        .filter(|i| inet.contains(i))
        .collect();
    assert!(
        !mine.is_empty(),
        "the check missed this test's own TCP socket"
    );
    drop(listener);
    assert!(process_tree(std::process::id()).contains(&std::process::id()));
}
