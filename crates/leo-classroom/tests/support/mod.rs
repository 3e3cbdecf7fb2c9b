//! A classroom on a real SQLite file in a temporary folder, with a class, students and
//! hand-made assessments (no speech model needed).
#![allow(dead_code)] // each test file uses a different subset

use std::path::PathBuf;

use leo_classroom::Classroom;
use leo_scoring::{Assessment, ProsodySummary, Scores, WordResult, WordStatus};
use leo_store::{Class, Languages, ReadingId, Student};
use leo_text::Lang;

pub struct TestClassroom {
    pub classroom: Classroom,
    pub dir: tempfile::TempDir,
}

impl TestClassroom {
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }
}

/// Opens a classroom whose models folder is empty: nothing here may run the recogniser.
pub async fn open() -> TestClassroom {
    let dir = tempfile::tempdir().unwrap();
    let models = dir.path().join("no-models");
    std::fs::create_dir_all(&models).unwrap();
    let classroom = Classroom::open(&dir.path().join("data"), &models)
        .await
        .unwrap();
    TestClassroom { classroom, dir }
}

/// Class "2A" with Ana (grade 2, English) and Beto (grade 2, both languages).
pub async fn class_with_students(c: &Classroom) -> (Class, Student, Student) {
    let class = c.store().create_class("2A").await.unwrap();
    let (ana, _) = c
        .add_student(class.id, "Ana", 2, Languages::En)
        .await
        .unwrap();
    let (beto, _) = c
        .add_student(class.id, "Beto", 2, Languages::Both)
        .await
        .unwrap();
    (class, ana, beto)
}

/// The first built-in passage in `lang` at `level`.
pub async fn passage_at(c: &Classroom, lang: Lang, level: u8) -> leo_passages::Passage {
    c.store()
        .list_passages(Some(lang))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.passage.level == level)
        .unwrap()
        .passage
}

/// An assessment of `passage` read in `seconds` with the first `missed` words substituted.
pub fn assessment(passage: &leo_passages::Passage, seconds: f64, missed: usize) -> Assessment {
    let words: Vec<WordResult> = passage
        .text
        .split_whitespace()
        .enumerate()
        .map(|(index, text)| WordResult {
            index,
            text: text.to_owned(),
            status: if index < missed {
                WordStatus::Substitution
            } else {
                WordStatus::Correct
            },
            heard: Some(text.to_owned()),
            start: Some(index as f64 * 0.4),
            end: Some(index as f64 * 0.4 + 0.3),
            pronunciation: Some(90.0),
        })
        .collect();
    let mut a = Assessment {
        lang: passage.lang,
        duration_s: seconds + 1.0,
        reading_time_s: seconds,
        wcpm: 0.0,
        accuracy: 0.0,
        words_attempted: 0,
        words_correct: 0,
        words,
        insertions: Vec::new(),
        repetitions: Vec::new(),
        prosody: ProsodySummary::default(),
        scores: Scores::default(),
    };
    a.recount();
    a
}

/// Saves a scored reading of `passage` by the student (without a recogniser).
pub async fn scored_reading(
    c: &Classroom,
    student: &Student,
    passage: &leo_passages::Passage,
    a: &Assessment,
) -> ReadingId {
    let pending = c.begin_recording(student.id, &passage.id).await.unwrap();
    c.store()
        .save_assessment(pending.reading_id, a, "test", "none")
        .await
        .unwrap();
    pending.reading_id
}

/// Writes `seconds` of a tone as a 16 kHz WAV at `path`.
pub fn tone_wav(path: &std::path::Path, seconds: f64) {
    let n = (seconds * 16_000.0) as usize;
    let samples: Vec<f32> = (0..n).map(|i| (i as f32 * 0.05).sin() * 0.3).collect();
    leo_audio::write_wav_16k(path, &samples).unwrap();
}
