//! The level engine: after each reading, does the student move up, down or stay?
//!
//! Rules (one student, one language):
//! - A reading *counts toward moving up* when it is independent (accuracy in
//!   the independent band), at or above the norm, and on a passage at the
//!   current level or above. `readings_to_move_up` counting readings in a row
//!   move the student up one level.
//! - The norm is the one for the lower of the student's grade and the grade of
//!   the passage's level, in the season of the reading. A struggling grade-4
//!   reader practising grade-2 text is asked for grade-2 speed on it; a grade-1
//!   reader ahead of the class is not asked for grade-3 speed. Where the source
//!   has no norm (English grade 1 in the fall), accuracy alone decides.
//! - Speed is compared as the whole number the student is shown, so a message
//!   never reads "84 words per minute, goal 84" for a reading that fell short.
//! - Independent but below the norm: stay, and the run starts again, because
//!   moving up needs readings *in a row* that are both accurate and fluent.
//! - Instructional: stay, and the run starts again.
//! - Frustration on a passage at or below the current level: down one level.
//!   Frustration on a harder passage says little about the current level:
//!   stay, and the run starts again.
//! - An independent reading of an easier passage neither counts nor breaks
//!   the run: it is review, not evidence about the current level.
//! - A reading that could not be scored (accuracy or speed not a number or
//!   out of range) changes nothing.
//! - At most one level per reading, always within 1..=12; every move starts a
//!   new run.

use leo_text::Lang;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::norms::Norms;
use crate::settings::{AccuracyBand, Settings};

pub const MIN_LEVEL: u8 = 1;
pub const MAX_LEVEL: u8 = 12;

/// Two levels per grade: levels 1–2 are grade 1, 3–4 grade 2, … 11–12 grade 6.
pub fn grade_of_level(level: u8) -> u8 {
    level.clamp(MIN_LEVEL, MAX_LEVEL).div_ceil(2)
}

/// A new student starts at the first level of their grade: the easier half of
/// the grade's texts, so the first readings build confidence and the engine
/// moves them up quickly if that is too easy. Grades outside 1–6 are clamped.
pub fn starting_level(grade: u8) -> u8 {
    grade.clamp(1, 6) * 2 - 1
}

/// Where a student stands in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelState {
    pub lang: Lang,
    pub level: u8,
    /// Readings in a row that counted toward moving up.
    pub streak: u8,
    /// Every level change, oldest first.
    pub history: Vec<LevelMove>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelMove {
    pub date: Date,
    pub from: u8,
    pub to: u8,
}

impl LevelState {
    pub fn new(lang: Lang, grade: u8) -> LevelState {
        LevelState {
            lang,
            level: starting_level(grade),
            streak: 0,
            history: Vec::new(),
        }
    }
}

/// One scored reading.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReadingOutcome {
    pub passage_level: u8,
    /// Words read correctly over words in the passage, 0–1.
    pub accuracy: f64,
    /// Words correct per minute.
    pub wcpm: f64,
    /// The student's grade when reading.
    pub grade: u8,
    pub date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelChange {
    Up,
    Down,
    Stay,
}

/// Why the engine decided what it did; the words are built by
/// [`LevelDecision::explain`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionReason {
    /// Enough counting readings in a row: up one level.
    ReadyForNextLevel,
    /// Counted toward moving up; this many more are needed.
    CountsTowardMovingUp {
        remaining: u8,
    },
    /// Accurate but slower than the norm.
    BuildingSpeed {
        expected_wcpm: f64,
    },
    Instructional,
    /// Frustration at or below the current level: down one level, or staying
    /// at level 1.
    TooHard,
    /// Frustration on a passage above the current level.
    HarderPassageTooHard,
    /// Independent reading of an easier passage.
    EasierPassage,
    /// Would move up, but already at the top level.
    TopLevel,
    NotScored,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LevelDecision {
    pub previous_level: u8,
    pub new_level: u8,
    pub change: LevelChange,
    pub reason: DecisionReason,
    /// The run after this reading.
    pub streak: u8,
    /// The reading decided on, for the explanation.
    pub passage_level: u8,
    pub accuracy: f64,
    pub wcpm: f64,
}

/// Decides the level after `outcome`, updates `state` and says why.
pub fn apply_reading(
    state: &mut LevelState,
    outcome: &ReadingOutcome,
    norms: &Norms,
    settings: &Settings,
) -> LevelDecision {
    let current = state.level.clamp(MIN_LEVEL, MAX_LEVEL);
    let (target, streak, reason) =
        decide(state.lang, current, state.streak, outcome, norms, settings);
    let new_level = target.clamp(MIN_LEVEL, MAX_LEVEL);
    let change = match new_level.cmp(&current) {
        std::cmp::Ordering::Greater => LevelChange::Up,
        std::cmp::Ordering::Less => LevelChange::Down,
        std::cmp::Ordering::Equal => LevelChange::Stay,
    };
    if new_level != current {
        state.history.push(LevelMove {
            date: outcome.date,
            from: current,
            to: new_level,
        });
    }
    state.level = new_level;
    state.streak = streak;
    LevelDecision {
        previous_level: current,
        new_level,
        change,
        reason,
        streak,
        passage_level: outcome.passage_level.clamp(MIN_LEVEL, MAX_LEVEL),
        accuracy: outcome.accuracy,
        wcpm: outcome.wcpm,
    }
}

/// (level to move to, run afterwards, reason), before clamping.
fn decide(
    lang: Lang,
    current: u8,
    streak: u8,
    outcome: &ReadingOutcome,
    norms: &Norms,
    settings: &Settings,
) -> (u8, u8, DecisionReason) {
    let scored =
        (0.0..=1.0).contains(&outcome.accuracy) && outcome.wcpm.is_finite() && outcome.wcpm >= 0.0;
    if !scored {
        return (current, streak, DecisionReason::NotScored);
    }
    let passage_level = outcome.passage_level.clamp(MIN_LEVEL, MAX_LEVEL);
    match AccuracyBand::of(outcome.accuracy, settings) {
        AccuracyBand::Frustration if passage_level > current => {
            (current, 0, DecisionReason::HarderPassageTooHard)
        }
        AccuracyBand::Frustration => (current.saturating_sub(1), 0, DecisionReason::TooHard),
        AccuracyBand::Instructional => (current, 0, DecisionReason::Instructional),
        AccuracyBand::Independent if passage_level < current => {
            (current, streak, DecisionReason::EasierPassage)
        }
        AccuracyBand::Independent => {
            let norm_grade = outcome.grade.min(grade_of_level(passage_level));
            let season = settings.school_year.season_of(outcome.date);
            let expected = norms.expected_wcpm(lang, norm_grade, season);
            match expected {
                Some(expected_wcpm) if outcome.wcpm.round() < expected_wcpm => {
                    (current, 0, DecisionReason::BuildingSpeed { expected_wcpm })
                }
                _ => count_toward_moving_up(current, streak, settings),
            }
        }
    }
}

fn count_toward_moving_up(
    current: u8,
    streak: u8,
    settings: &Settings,
) -> (u8, u8, DecisionReason) {
    let needed = settings.readings_to_move_up.max(1);
    let streak = streak.saturating_add(1).min(needed);
    if streak < needed {
        let reason = DecisionReason::CountsTowardMovingUp {
            remaining: needed - streak,
        };
        (current, streak, reason)
    } else if current >= MAX_LEVEL {
        (current, streak, DecisionReason::TopLevel)
    } else {
        (current + 1, 0, DecisionReason::ReadyForNextLevel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_have_two_levels_each() {
        let cases = [
            (1, 1),
            (2, 1),
            (3, 2),
            (4, 2),
            (11, 6),
            (12, 6),
            (0, 1),
            (20, 6),
        ];
        for (level, grade) in cases {
            assert_eq!(grade_of_level(level), grade, "level {level}");
        }
    }

    #[test]
    fn new_students_start_at_the_first_level_of_their_grade() {
        let cases = [
            (0, 1),
            (1, 1),
            (2, 3),
            (3, 5),
            (4, 7),
            (5, 9),
            (6, 11),
            (9, 11),
        ];
        for (grade, level) in cases {
            assert_eq!(starting_level(grade), level, "grade {grade}");
            assert_eq!(LevelState::new(Lang::Es, grade).level, level);
        }
    }
}
