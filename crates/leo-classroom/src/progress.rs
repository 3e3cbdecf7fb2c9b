//! Levels: placing a new student, moving them after a reading (the rules are leo-levels'),
//! and recovering the decisions behind the current level for explanations.

use leo_levels::{
    LevelDecision, LevelState, Norms, ReadingOutcome, Settings, apply_reading, starting_level,
};
use leo_store::{LevelUpdate, ReadingId, Result, Store, Student};
use leo_text::Lang;

use crate::days::school_day;

/// The level rules' settings for this student: the defaults, with the student's own accuracy
/// bands when the teacher set them.
pub fn settings_for(student: &Student) -> Settings {
    let mut settings = Settings::default();
    if let Some(t) = student.settings.accuracy_thresholds {
        settings.independent_accuracy = t.independent;
        settings.instructional_accuracy = t.instructional;
    }
    // Bands a hand-edited database made inconsistent would judge nonsense; use the defaults.
    if settings.validate().is_err() {
        settings = Settings::default();
    }
    settings
}

fn placement_reasons(grade: u8, level: u8) -> (String, String) {
    (
        format!("Starting level for grade {grade}: level {level}"),
        format!("Nivel inicial para {grade}.º de primaria: nivel {level}"),
    )
}

async fn set_starting_level(store: &Store, student: &Student, lang: Lang) -> Result<u8> {
    let level = starting_level(student.grade);
    let (en, es) = placement_reasons(student.grade, level);
    let update = LevelUpdate {
        level,
        streak: 0,
        reason_en: &en,
        reason_es: &es,
        reading: None,
    };
    store.set_level(student.id, lang, &update).await?;
    Ok(level)
}

/// Gives the student their starting level in each language they read that has none yet.
/// Returns the levels set.
pub async fn place(store: &Store, student: &Student) -> Result<Vec<(Lang, u8)>> {
    let mut placed = Vec::new();
    for lang in student.languages.langs() {
        if store.level(student.id, lang).await?.is_some() {
            continue;
        }
        placed.push((lang, set_starting_level(store, student, lang).await?));
    }
    Ok(placed)
}

/// A scored reading, as the level rules see it.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub reading: ReadingId,
    pub lang: Lang,
    pub passage_level: u8,
    pub wcpm: f64,
    pub accuracy: f64,
    pub date: leo_levels::Date,
}

/// Applies the level rules to a scored reading and stores the student's new level and streak,
/// with the reasons, linked to the reading.
pub async fn apply(store: &Store, student: &Student, scored: &Scored) -> Result<LevelDecision> {
    let (level, streak) = match store.level(student.id, scored.lang).await? {
        Some(s) => (s.level, u8::try_from(s.streak).unwrap_or(u8::MAX)),
        // First reading in a language the student had no level in: place them first so the
        // history shows where they started.
        None => (set_starting_level(store, student, scored.lang).await?, 0),
    };
    let mut state = LevelState {
        lang: scored.lang,
        level,
        streak,
        history: Vec::new(),
    };
    let settings = settings_for(student);
    let decision = apply_reading(
        &mut state,
        &ReadingOutcome {
            passage_level: scored.passage_level,
            accuracy: scored.accuracy,
            wcpm: scored.wcpm,
            grade: student.grade,
            date: scored.date,
        },
        Norms::builtin(),
        &settings,
    );
    let reason = decision.explain();
    store
        .set_level(
            student.id,
            scored.lang,
            &LevelUpdate {
                level: decision.new_level,
                streak: u32::from(decision.streak),
                reason_en: &reason.en,
                reason_es: &reason.es,
                reading: Some(scored.reading),
            },
        )
        .await?;
    Ok(decision)
}

/// The decision each scored reading in `lang` led to, oldest first, found by replaying the
/// student's scored readings from their starting level. The store keeps the level, not the
/// decisions; when the replay does not end at the stored level and streak (a teacher set the
/// level, or the grade changed), the replay is not what happened and None is returned.
pub async fn replayed_decisions(
    store: &Store,
    student: &Student,
    lang: Lang,
) -> Result<Option<Vec<(ReadingId, LevelDecision)>>> {
    let Some(stored) = store.level(student.id, lang).await? else {
        return Ok(None);
    };
    let trend = store.student_trend(student.id, lang).await?;
    let settings = settings_for(student);
    let mut state = LevelState::new(lang, student.grade);
    let mut decisions = Vec::with_capacity(trend.points.len());
    for p in &trend.points {
        let outcome = ReadingOutcome {
            passage_level: p.passage_level,
            accuracy: p.accuracy,
            wcpm: p.wcpm,
            grade: student.grade,
            date: school_day(p.at),
        };
        let decision = apply_reading(&mut state, &outcome, Norms::builtin(), &settings);
        decisions.push((p.reading_id, decision));
    }
    let consistent = state.level == stored.level && u32::from(state.streak) == stored.streak;
    Ok(consistent.then_some(decisions))
}

/// The decision the latest scored reading led to (see [`replayed_decisions`]).
pub async fn latest_decision(
    store: &Store,
    student: &Student,
    lang: Lang,
) -> Result<Option<LevelDecision>> {
    Ok(replayed_decisions(store, student, lang)
        .await?
        .and_then(|d| d.last().map(|(_, decision)| *decision)))
}
