//! Shared helpers: a store in a fresh temporary folder, passages, assessments and recordings.
#![allow(dead_code)] // each test file uses a different subset

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use leo_passages::Passage;
use leo_scoring::{
    Assessment, Insertion, ProsodySummary, Repetition, Scores, WordResult, WordStatus,
};
use leo_store::{Class, Languages, PassageMeasures, Store, Student};
use leo_text::Lang;

pub struct TestStore {
    pub store: Store,
    pub dir: tempfile::TempDir,
}

pub async fn open() -> TestStore {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data")).await.unwrap();
    TestStore { store, dir }
}

pub fn passage(id: &str, lang: Lang, level: u8) -> Passage {
    Passage {
        id: id.into(),
        lang,
        level,
        title: format!("Title of {id}"),
        topic: "animals".into(),
        text: "The cat sat on the mat. ¿Dónde está el gato?".into(),
    }
}

pub fn measures(p: &Passage) -> PassageMeasures {
    PassageMeasures {
        word_count: PassageMeasures::count_words(&p.text),
        readability: Some(f64::from(p.level) * 1.5 + 0.1),
    }
}

/// A class "3B" with a student "Ana" (both languages) and one passage per language.
pub async fn seeded(store: &Store) -> (Class, Student) {
    store
        .sync_builtin_passages(
            &[passage("en-01", Lang::En, 2), passage("es-01", Lang::Es, 3)],
            measures,
        )
        .await
        .unwrap();
    let class = store.create_class("3B").await.unwrap();
    let student = store
        .create_student(class.id, "Ana", 3, Languages::Both)
        .await
        .unwrap();
    (class, student)
}

/// Writes a small stand-in recording under the data folder; returns its relative path.
pub fn write_wav(store: &Store, rel: &str, bytes: usize) -> PathBuf {
    let path = store.data_dir().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut data = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
    data.extend((0..bytes).map(|i| (i % 251) as u8));
    std::fs::write(&path, data).unwrap();
    PathBuf::from(rel)
}

/// A deterministic assessment of `n` words with awkward floats (not exactly representable
/// in decimal) and every kind of status, optional value and event.
pub fn assessment(lang: Lang, n: usize, seed: u64) -> Assessment {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let words = (0..n)
        .map(|i| {
            let status = match (next() * 10.0) as u32 {
                0 => WordStatus::Substitution,
                1 => WordStatus::Omission,
                2 => WordStatus::Hesitation,
                3 => WordStatus::SelfCorrection,
                _ => WordStatus::Correct,
            };
            let status = if i + 3 >= n {
                WordStatus::NotReached
            } else {
                status
            };
            let start = i as f64 * 0.41 + next() / 3.0;
            WordResult {
                index: i,
                text: format!("palabra{i}ñ"),
                status,
                heard: (status != WordStatus::Omission).then(|| format!("heard {i}")),
                start: (status != WordStatus::Omission).then_some(start),
                end: (status != WordStatus::Omission).then_some(start + 0.3 + next() / 7.0),
                pronunciation: (i % 3 != 0).then(|| (next() * 100.0) as f32 + 0.1),
            }
        })
        .collect();
    let mut a = Assessment {
        lang,
        duration_s: 60.0 + next(),
        reading_time_s: 50.0 + next() * 3.0,
        wcpm: 0.0,
        accuracy: 0.0,
        words_attempted: 0,
        words_correct: 0,
        words,
        insertions: vec![
            Insertion {
                text: "um".into(),
                after_index: None,
                start: 0.1 + 0.2,
            },
            Insertion {
                text: "eh".into(),
                after_index: Some(2),
                start: next() * 10.0,
            },
        ],
        repetitions: vec![Repetition {
            index: 1,
            start: next() * 5.0,
        }],
        prosody: ProsodySummary {
            pause_count: 4,
            pause_total_s: next() * 4.0,
            pause_mean_s: next(),
            pauses_at_punctuation: 3,
            pauses_within_phrases: 1,
            speech_rate: 3.0 + next(),
            articulation_rate: 4.0 + next(),
            sentence_pitch_range_st: vec![Some(next() * 12.0), None, Some(1.0 / 3.0)],
            median_pitch_hz: Some(180.0 + next()),
            monotone: false,
            question_rises: vec![true, false],
            missed_stops: 1,
        },
        scores: Scores {
            accuracy: 91.7,
            fluency: (next() * 100.0) as f32,
            prosody: 66.6,
            completeness: 100.0,
            total: 1.0 / 3.0,
        },
    };
    a.recount();
    a
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap()
}

pub fn exists(p: &Path) -> bool {
    p.try_exists().unwrap()
}
