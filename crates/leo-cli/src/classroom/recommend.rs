//! `leo recommend`: the next passage for a student in each language they read, with the reason
//! in English and Spanish (the rules are leo-levels').

use anyhow::Result;
use chrono::{TimeDelta, Utc};
use leo_levels::{PastReading, Recommendation, StudentView, recommend, starting_level};
use leo_store::{ReadingStatus, Store, Student};
use leo_text::Lang;

use crate::classroom::progress::{latest_decision, settings_for};
use crate::classroom::{
    Classroom, ClassroomError, find_student, lang_name, languages_name, school_day, today,
};

/// Scored readings always looked at, however old: enough for the "last few distinct passages"
/// rule and for words missed lately.
const RECENT_READINGS: usize = 20;

pub fn run(c: &Classroom, name: &str, class: Option<&str>, lang: Option<Lang>) -> Result<()> {
    let store = c.store();
    let (class, student) = c.block_on(find_student(store, name, class))?;
    let langs = match lang {
        Some(lang) if !student.languages.includes(lang) => {
            return Err(ClassroomError::LanguageNotPractised {
                student: student.name.clone(),
                reads: languages_name(student.languages),
                code: student.languages.as_str(),
                lang: lang_name(lang),
            }
            .into());
        }
        Some(lang) => vec![lang],
        None => student.languages.langs(),
    };
    for (i, lang) in langs.into_iter().enumerate() {
        let (view, candidates) = c.block_on(gather(store, &student, lang))?;
        if i > 0 {
            println!();
        }
        println!(
            "{} (class {}), {}: level {}",
            student.name,
            class.name,
            lang_name(lang),
            view.level
        );
        let passages: Vec<_> = candidates.iter().map(|p| p.passage.clone()).collect();
        match recommend(&view, &passages, today(), &settings_for(&student)) {
            Some(rec) => print_recommendation(&rec, &candidates),
            None => println!(
                "  No passage in {} is available: add one with `leo passages add`.",
                lang_name(lang)
            ),
        }
    }
    Ok(())
}

fn print_recommendation(rec: &Recommendation, candidates: &[leo_store::StoredPassage]) {
    let stored = candidates.iter().find(|p| p.passage.id == rec.passage_id);
    let (title, words) = stored
        .map(|p| (p.passage.title.as_str(), p.word_count))
        .unwrap_or(("", 0));
    println!(
        "  Next passage: {} \"{title}\" (level {}, {words} words){}",
        rec.passage_id,
        rec.level,
        if rec.reread { ", a re-read" } else { "" }
    );
    println!("  Why: {}", rec.reason.en);
    println!("  Por qué: {}", rec.reason.es);
    if !rec.practice_words.is_empty() {
        println!(
            "  Words to practise / Palabras para practicar: {}",
            rec.practice_words.join(", ")
        );
    }
}

/// What the recommender needs: the student's level and recent readings in `lang` (with the
/// words they missed), and the passages to choose from.
async fn gather(
    store: &Store,
    student: &Student,
    lang: Lang,
) -> Result<(StudentView, Vec<leo_store::StoredPassage>)> {
    let level = match store.level(student.id, lang).await? {
        Some(state) => state.level,
        None => starting_level(student.grade),
    };
    let settings = settings_for(student);
    let window_start = Utc::now() - TimeDelta::days(i64::from(settings.recent_days) + 1);
    let scored: Vec<_> = store
        .student_readings(student.id, Some(lang))
        .await?
        .into_iter()
        .filter(|r| r.status == ReadingStatus::Scored)
        .collect();
    let keep_from = scored.len().saturating_sub(RECENT_READINGS);
    let mut recent_readings = Vec::new();
    for (i, r) in scored.iter().enumerate() {
        if i < keep_from && r.started_at < window_start {
            continue;
        }
        let (Some(accuracy), Some(wcpm)) = (r.accuracy, r.wcpm) else {
            continue;
        };
        let missed_words = store
            .load_reading(r.id)
            .await?
            .assessment
            .map(|a| {
                a.words
                    .into_iter()
                    .filter(|w| w.status.is_error())
                    .map(|w| w.text)
                    .collect()
            })
            .unwrap_or_default();
        recent_readings.push(PastReading {
            passage_id: r.passage_id.clone(),
            date: school_day(r.started_at),
            accuracy,
            wcpm,
            missed_words,
        });
    }
    let view = StudentView {
        lang,
        level,
        grade: student.grade,
        recent_readings,
        latest_decision: latest_decision(store, student, lang).await?,
    };
    let candidates = store.list_passages(Some(lang)).await?;
    Ok((view, candidates))
}
