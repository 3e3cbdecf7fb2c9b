//! The next passage for a student in one language, with the reason in English and Spanish
//! (the rules are leo-levels').

use chrono::{TimeDelta, Utc};
use leo_levels::{PastReading, StudentView, recommend, starting_level};
use leo_store::{ReadingStatus, Store, StoredPassage, Student};
use leo_text::Lang;

use crate::days::{school_day, today};
use crate::error::{ClassroomError, Result};
use crate::progress::{latest_decision, settings_for};

/// Scored readings always looked at, however old: enough for the "last few distinct passages"
/// rule and for words missed lately.
const RECENT_READINGS: usize = 20;

/// The passage to read next and why.
#[derive(Debug, Clone, PartialEq)]
pub struct NextPassage {
    pub passage: StoredPassage,
    /// The passage's level.
    pub level: u8,
    /// Every passage in the language was read recently; this one is read again.
    pub reread: bool,
    pub reason_en: String,
    pub reason_es: String,
    /// Words the student missed lately that this passage contains.
    pub practice_words: Vec<String>,
}

/// A student's level in one language and the passage recommended at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommended {
    pub student_level: u8,
    /// None when no passage in the language is available.
    pub next: Option<NextPassage>,
}

/// Refuses a language the student does not practise.
pub fn check_practises(student: &Student, lang: Lang) -> Result<()> {
    if student.languages.includes(lang) {
        return Ok(());
    }
    Err(ClassroomError::LanguageNotPractised {
        student: student.name.clone(),
        reads: student.languages,
        lang,
    })
}

pub async fn recommended(store: &Store, student: &Student, lang: Lang) -> Result<Recommended> {
    check_practises(student, lang)?;
    let view = student_view(store, student, lang).await?;
    let candidates = store.list_passages(Some(lang)).await?;
    let passages: Vec<_> = candidates.iter().map(|p| p.passage.clone()).collect();
    let next = recommend(&view, &passages, today(), &settings_for(student)).and_then(|rec| {
        let passage = candidates
            .into_iter()
            .find(|p| p.passage.id == rec.passage_id)?;
        Some(NextPassage {
            passage,
            level: rec.level,
            reread: rec.reread,
            reason_en: rec.reason.en,
            reason_es: rec.reason.es,
            practice_words: rec.practice_words,
        })
    });
    Ok(Recommended {
        student_level: view.level,
        next,
    })
}

/// What the recommender needs: the student's level and recent readings in `lang`, with the
/// words they missed.
async fn student_view(store: &Store, student: &Student, lang: Lang) -> Result<StudentView> {
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
    Ok(StudentView {
        lang,
        level,
        grade: student.grade,
        recent_readings,
        latest_decision: latest_decision(store, student, lang).await?,
    })
}
