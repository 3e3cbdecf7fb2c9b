//! Times the two teacher views on a school year of data: one class of 30 students with 200
//! scored readings each (~120 words per reading), in a fresh database in a temporary folder.
//!
//! Run with `cargo bench -p leo-store --bench store`. Prints the median of several runs of
//! the class overview and of one student's trend, against the 50 ms target.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use chrono::TimeDelta;
use leo_scoring::WordStatus;
use leo_store::{Languages, LevelUpdate, Store, StudentId};
use leo_text::Lang;

const STUDENTS: usize = 30;
const READINGS_PER_STUDENT: usize = 200;
const RUNS: usize = 21;
const TARGET_MS: f64 = 50.0;

/// Word judgements in roughly the proportions of real classroom readings.
fn realistic_status(r: u64) -> WordStatus {
    match r % 1000 {
        0..=29 => WordStatus::Substitution,
        30..=44 => WordStatus::Omission,
        45..=64 => WordStatus::Hesitation,
        65..=79 => WordStatus::SelfCorrection,
        _ => WordStatus::Correct,
    }
}

async fn generate(store: &Store) -> StudentId {
    let passages: Vec<_> = (1..=12u8)
        .flat_map(|level| {
            [
                common::passage(&format!("en-{level:02}"), Lang::En, level),
                common::passage(&format!("es-{level:02}"), Lang::Es, level),
            ]
        })
        .collect();
    store
        .sync_builtin_passages(&passages, common::measures)
        .await
        .unwrap();
    let class = store.create_class("4B").await.unwrap();
    let year_start = common::at(2024, 9, 2);
    let mut first = None;
    for s in 0..STUDENTS {
        let student = store
            .create_student(class.id, &format!("Student {s:02}"), 4, Languages::Both)
            .await
            .unwrap();
        first.get_or_insert(student.id);
        for r in 0..READINGS_PER_STUDENT {
            // Even students read only English (the heaviest trend); odd ones alternate.
            let lang = if s % 2 == 0 || r % 2 == 0 {
                Lang::En
            } else {
                Lang::Es
            };
            let level = 3 + (r * 6 / READINGS_PER_STUDENT) as u8;
            let passage = format!("{}-{level:02}", lang.code());
            // Spread over ~40 school weeks.
            let at =
                year_start + TimeDelta::minutes((r as i64) * 40 * 7 * 24 * 60 / 200 + s as i64);
            let rel = common::write_wav(store, &format!("recordings/{s}/{r}.wav"), 16);
            let id = store
                .begin_reading_at(student.id, &passage, &rel, at)
                .await
                .unwrap();
            let seed = (s * READINGS_PER_STUDENT + r) as u64;
            let mut a = common::assessment(lang, 110 + (seed % 21) as usize, seed);
            let n = a.words.len();
            for (i, w) in a.words.iter_mut().enumerate() {
                w.status = if i + 3 >= n {
                    WordStatus::NotReached
                } else {
                    realistic_status(seed.wrapping_mul(2654435761).wrapping_add(i as u64 * 97))
                };
            }
            a.recount();
            store
                .save_assessment(id, &a, "bench", "none")
                .await
                .unwrap();
            if r % 20 == 0 {
                let update = LevelUpdate {
                    level,
                    streak: (r % 3) as u32,
                    reason_en: "benchmark",
                    reason_es: "prueba",
                    reading: Some(id),
                };
                store.set_level(student.id, lang, &update).await.unwrap();
            }
        }
    }
    first.unwrap()
}

/// Prints the median (and, as a hint of machine load, the fastest) run against the target.
fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    println!(
        "{what:<32} median {median:7.2} ms (fastest {:6.2} ms)   target {TARGET_MS} ms   \
         ratio {:.3}",
        ms(times[0]),
        median / TARGET_MS
    );
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).await.unwrap();
        let started = Instant::now();
        let student = generate(&store).await;
        let words: i64 = {
            let trend = store.student_trend(student, Lang::En).await.unwrap();
            trend.points.len() as i64
        };
        let db_bytes = std::fs::metadata(store.db_path())
            .map(|m| m.len())
            .unwrap_or(0)
            + std::fs::metadata(store.db_path().with_extension("db-wal"))
                .map(|m| m.len())
                .unwrap_or(0);
        println!(
            "generated {} readings of ~120 words for {STUDENTS} students in {:.1} s \
             ({:.0} MB on disk); trend student has {words} English readings",
            STUDENTS * READINGS_PER_STUDENT,
            started.elapsed().as_secs_f64(),
            db_bytes as f64 / 1e6
        );
        let class = store.find_class("4B").await.unwrap();

        let mut overview = Vec::new();
        let mut trend = Vec::new();
        for run in 0..RUNS + 2 {
            let t = Instant::now();
            let rows = store.class_overview(class.id).await.unwrap();
            let o = t.elapsed();
            assert_eq!(rows.len(), STUDENTS);
            let t = Instant::now();
            let points = store.student_trend(student, Lang::En).await.unwrap();
            let tr = t.elapsed();
            assert_eq!(points.points.len(), READINGS_PER_STUDENT);
            // The first two runs warm the caches and prepared statements.
            if run >= 2 {
                overview.push(o);
                trend.push(tr);
            }
        }
        report("class overview (30 students)", overview);
        report("student trend (200 readings)", trend);
        store.close().await;
    });
}
