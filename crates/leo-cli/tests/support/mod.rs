//! Helpers for the classroom tests: `leo` on a fresh data folder, espeak-ng readings, and
//! parsers for the commands' output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use leo_passages::Library;

pub struct Leo {
    dir: tempfile::TempDir,
}

impl Leo {
    pub fn new() -> Leo {
        Leo {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_models(&models_dir(), args)
    }

    pub fn run_with_models(&self, models: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_leo"))
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(["--models-dir", models])
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "leo {args:?} failed:\n{}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    /// Runs a command that must fail cleanly; returns its error output.
    pub fn fails(&self, args: &[&str]) -> String {
        failed(&self.run(args), args)
    }
}

pub fn failed(out: &Output, args: &[&str]) -> String {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "leo {args:?} should fail with exit code 1:\n{}{err}",
        stdout(out)
    );
    assert!(!err.contains("panicked"), "leo {args:?} panicked:\n{err}");
    assert!(err.starts_with("error: "), "leo {args:?}:\n{err}");
    err
}

pub fn models_dir() -> String {
    std::env::var("LEO_MODELS_DIR")
        .expect("LEO_MODELS_DIR is not set: run the tests with `make test`")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn speak(voice: &str, text: &str, out: &Path) {
    leo_testkit::speak_at(text, voice, 140, out);
}

/// `leo passages list` lines as (id, lang, level, word count).
pub fn passage_lines(listing: &str) -> Vec<(String, String, u8, usize)> {
    listing
        .lines()
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            assert!(
                cols.len() >= 5,
                "not id, language, level, words, title: {line:?}"
            );
            let level = cols[2]
                .parse()
                .unwrap_or_else(|_| panic!("level in {line:?}"));
            let words = cols[3]
                .parse()
                .unwrap_or_else(|_| panic!("words in {line:?}"));
            (cols[0].to_owned(), cols[1].to_owned(), level, words)
        })
        .collect()
}

/// The first listed passage in `lang` at `level`, with its text.
pub fn passage_at(listing: &str, lang: &str, level: u8) -> (String, String) {
    let (id, ..) = passage_lines(listing)
        .into_iter()
        .find(|(_, l, lv, _)| l == lang && *lv == level)
        .unwrap_or_else(|| panic!("no {lang} passage at level {level}"));
    let text = Library::builtin().get(&id).unwrap().text.clone();
    (id, text)
}

/// The number after `label` on its line of `leo read`'s output.
pub fn number_after(output: &str, label: &str) -> f64 {
    let line = output
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label:?} line in:\n{output}"));
    line[label.len()..]
        .trim_start()
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no number in {line:?}"))
}

/// The sum of the counts on `leo read`'s "Words:" line (one status per passage word).
pub fn words_judged(output: &str) -> usize {
    let line = output
        .lines()
        .find_map(|l| l.strip_prefix("Words: "))
        .unwrap_or_else(|| panic!("no \"Words:\" line in:\n{output}"));
    line.split(", ")
        .map(|part| {
            let n = part.split(' ').next().unwrap_or_default();
            n.parse::<usize>()
                .unwrap_or_else(|_| panic!("no count in {part:?}"))
        })
        .sum()
}

pub fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "student");
    assert_eq!(&header[3], "language");
    reader.records().map(Result::unwrap).collect()
}

pub fn row<'a>(rows: &'a [csv::StringRecord], student: &str, lang: &str) -> &'a csv::StringRecord {
    rows.iter()
        .find(|r| &r[0] == student && &r[3] == lang)
        .unwrap_or_else(|| panic!("no row for {student} in {lang}: {rows:?}"))
}

/// Files (not folders) anywhere under `dir`.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}
