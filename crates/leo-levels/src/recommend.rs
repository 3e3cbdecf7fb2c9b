//! Choosing the next passage for a student.
//!
//! Order of preference, each step only breaking ties of the one before:
//! 1. the student's language, and not read recently (see [`Settings`]); only
//!    when every passage in the language was read recently is one read again,
//!    the one read longest ago;
//! 2. the student's level, else the nearest level, below before above at the
//!    same distance (an easier text keeps practice going; a harder one risks
//!    frustration);
//! 3. the most distinct words the student recently missed;
//! 4. passage id, so the same inputs always give the same passage.

use std::collections::{HashMap, HashSet};

use leo_passages::Passage;
use leo_text::Lang;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::level::{LevelDecision, MAX_LEVEL, MIN_LEVEL};
use crate::reason::{self, Reason};
use crate::settings::Settings;
use crate::words::{fold, words_of};

/// What the recommender needs to know about a student in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentView {
    pub lang: Lang,
    pub level: u8,
    pub grade: u8,
    /// Recent readings in this language, in any order.
    pub recent_readings: Vec<PastReading>,
    /// The decision after the latest reading, to explain what comes next.
    /// `None` for a student who has not read yet in this language.
    pub latest_decision: Option<LevelDecision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastReading {
    pub passage_id: String,
    pub date: Date,
    pub accuracy: f64,
    pub wcpm: f64,
    /// Passage words the student skipped or misread, as written in the passage.
    pub missed_words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub passage_id: String,
    pub level: u8,
    pub reason: Reason,
    /// Recently missed words the passage contains, in the order they appear in it.
    pub practice_words: Vec<String>,
    /// Every passage in the language was read recently; this one is a re-read.
    pub reread: bool,
}

/// The next passage for `student` among `candidates`, or `None` when no
/// candidate is in the student's language.
pub fn recommend(
    student: &StudentView,
    candidates: &[Passage],
    today: Date,
    settings: &Settings,
) -> Option<Recommendation> {
    let level = student.level.clamp(MIN_LEVEL, MAX_LEVEL);
    let readings = newest_first(&student.recent_readings);
    let recent = recently_read(&readings, today, settings);
    let in_language: Vec<&Passage> = candidates
        .iter()
        .filter(|passage| passage.lang == student.lang)
        .filter(|passage| (MIN_LEVEL..=MAX_LEVEL).contains(&passage.level))
        .collect();
    let fresh: Vec<&Passage> = in_language
        .iter()
        .copied()
        .filter(|passage| !recent.contains(passage.id.as_str()))
        .collect();
    let reread = fresh.is_empty();
    let pool = if reread { in_language } else { fresh };

    let chosen_level = pool
        .iter()
        .map(|passage| passage.level)
        .min_by_key(|&passage_level| level_preference(level, passage_level))?;
    let missed = missed_words(&readings);
    let last_read = last_read_dates(&readings);
    let chosen = pool
        .into_iter()
        .filter(|passage| passage.level == chosen_level)
        .map(|passage| (passage, words_to_practise(passage, &missed)))
        .min_by(|(a, a_words), (b, b_words)| {
            b_words
                .len()
                .cmp(&a_words.len())
                .then_with(|| {
                    last_read
                        .get(a.id.as_str())
                        .cmp(&last_read.get(b.id.as_str()))
                })
                .then_with(|| a.id.cmp(&b.id))
        })?;
    let (passage, practice) = chosen;

    let mut parts = vec![match (&student.latest_decision, readings.is_empty()) {
        (Some(decision), _) => decision.explain(),
        (None, true) => reason::first_passage(level, student.grade.clamp(1, 6)),
        (None, false) => reason::more_practice(level),
    }];
    if chosen_level != level {
        parts.push(reason::nearest_level(level, chosen_level));
    }
    if reread {
        parts.push(reason::reread());
    }
    let practice_words: Vec<String> = practice.iter().map(|word| word.shown.clone()).collect();
    if !practice.is_empty() {
        let all_from_last_reading = practice.iter().all(|word| word.in_last_reading);
        parts.push(reason::practice_words(
            &practice_words,
            all_from_last_reading,
        ));
    }
    Some(Recommendation {
        passage_id: passage.id.clone(),
        level: passage.level,
        reason: Reason::sentences(&parts),
        practice_words,
        reread,
    })
}

/// Smaller is better: distance from the student's level, then below before above.
fn level_preference(student_level: u8, passage_level: u8) -> (u8, bool) {
    (
        student_level.abs_diff(passage_level),
        passage_level > student_level,
    )
}

/// Readings from newest to oldest; readings on the same day keep the caller's
/// order, later in the list counting as newer.
fn newest_first(readings: &[PastReading]) -> Vec<&PastReading> {
    let mut ordered: Vec<(usize, &PastReading)> = readings.iter().enumerate().collect();
    ordered.sort_by(|(a_index, a), (b_index, b)| b.date.cmp(&a.date).then(b_index.cmp(a_index)));
    ordered.into_iter().map(|(_, reading)| reading).collect()
}

/// Passage ids among the last `recent_passages` distinct passages, or read
/// within `recent_days` days. A date after today (a clock set wrong) counts
/// as recent.
fn recently_read<'a>(
    readings: &[&'a PastReading],
    today: Date,
    settings: &Settings,
) -> HashSet<&'a str> {
    let mut recent = HashSet::new();
    let mut latest_distinct = Vec::new();
    for reading in readings {
        let id = reading.passage_id.as_str();
        if latest_distinct.len() < settings.recent_passages && !latest_distinct.contains(&id) {
            latest_distinct.push(id);
        }
        if today.days_since(reading.date) < i64::from(settings.recent_days) {
            recent.insert(id);
        }
    }
    recent.extend(latest_distinct);
    recent
}

fn last_read_dates<'a>(readings: &[&'a PastReading]) -> HashMap<&'a str, Date> {
    let mut dates = HashMap::new();
    for reading in readings {
        dates
            .entry(reading.passage_id.as_str())
            .or_insert(reading.date);
    }
    dates
}

struct MissedWord {
    shown: String,
    in_last_reading: bool,
}

/// Missed words by folded form, shown as most recently missed.
fn missed_words(readings: &[&PastReading]) -> HashMap<String, MissedWord> {
    let mut missed = HashMap::new();
    for (position, reading) in readings.iter().enumerate() {
        for word in &reading.missed_words {
            let folded = fold(word);
            if folded.is_empty() {
                continue;
            }
            let entry = missed.entry(folded).or_insert_with(|| MissedWord {
                shown: words_of(word).next().unwrap_or(word).to_string(),
                in_last_reading: false,
            });
            entry.in_last_reading |= position == 0;
        }
    }
    missed
}

/// The distinct missed words in `passage`, in the order they first appear.
fn words_to_practise<'a>(
    passage: &Passage,
    missed: &'a HashMap<String, MissedWord>,
) -> Vec<&'a MissedWord> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    if missed.is_empty() {
        return found;
    }
    for word in words_of(&passage.text) {
        let folded = fold(word);
        if let Some(entry) = missed.get(&folded) {
            if seen.insert(folded) {
                found.push(entry);
            }
        }
    }
    found
}
