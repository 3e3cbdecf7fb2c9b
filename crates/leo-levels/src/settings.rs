//! Teacher-adjustable settings, accuracy bands and the school-year seasons.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// Settings for level moves and recommendations. Every field has a default,
/// so a settings file may name only what it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Lowest accuracy (0–1) of an independent reading.
    pub independent_accuracy: f64,
    /// Lowest accuracy (0–1) of an instructional reading; below it is frustration.
    pub instructional_accuracy: f64,
    /// Consecutive independent readings at or above the norm that move a student up.
    pub readings_to_move_up: u8,
    /// A passage counts as read recently when it is among this many most recent
    /// distinct passages…
    pub recent_passages: usize,
    /// …or was read within this many days (today counts as the first day).
    pub recent_days: u32,
    pub school_year: SchoolYear,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            independent_accuracy: 0.95,
            instructional_accuracy: 0.90,
            readings_to_move_up: 2,
            recent_passages: 5,
            recent_days: 14,
            school_year: SchoolYear::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("accuracy thresholds must satisfy 0 ≤ instructional ≤ independent ≤ 1")]
    AccuracyThresholds,
    #[error("at least one reading must be needed to move up")]
    NoReadingsToMoveUp,
    #[error("season start months must be three different months from 1 to 12")]
    SeasonMonths,
}

impl Settings {
    pub fn validate(&self) -> Result<(), SettingsError> {
        let thresholds_ordered = 0.0 <= self.instructional_accuracy
            && self.instructional_accuracy <= self.independent_accuracy
            && self.independent_accuracy <= 1.0;
        if !thresholds_ordered {
            return Err(SettingsError::AccuracyThresholds);
        }
        if self.readings_to_move_up == 0 {
            return Err(SettingsError::NoReadingsToMoveUp);
        }
        self.school_year.validate()
    }
}

/// Which part of the school year a date falls in; grade norms differ by season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Season {
    Fall,
    Winter,
    Spring,
}

/// The month each season starts. The default is the northern-hemisphere school
/// year (September start); a southern-hemisphere school sets e.g. 3 / 6 / 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SchoolYear {
    pub fall_starts: u8,
    pub winter_starts: u8,
    pub spring_starts: u8,
}

impl Default for SchoolYear {
    /// Sep–Nov fall, Dec–Mar winter, Apr–Aug spring. Summer counts as spring:
    /// a reading then is measured against the end of the year just finished.
    fn default() -> SchoolYear {
        SchoolYear {
            fall_starts: 9,
            winter_starts: 12,
            spring_starts: 4,
        }
    }
}

impl SchoolYear {
    pub fn validate(&self) -> Result<(), SettingsError> {
        let months = [self.fall_starts, self.winter_starts, self.spring_starts];
        let in_range = months.iter().all(|month| (1..=12).contains(month));
        let distinct = months[0] != months[1] && months[1] != months[2] && months[0] != months[2];
        if in_range && distinct {
            Ok(())
        } else {
            Err(SettingsError::SeasonMonths)
        }
    }

    /// The season whose start month came most recently (going back through
    /// the year), so the seasons wrap around New Year like a school year does.
    pub fn season_of(&self, date: Date) -> Season {
        let months_since = |start: u8| (i32::from(date.month()) - i32::from(start)).rem_euclid(12);
        [
            (Season::Fall, self.fall_starts),
            (Season::Winter, self.winter_starts),
            (Season::Spring, self.spring_starts),
        ]
        .into_iter()
        .min_by_key(|&(_, start)| months_since(start))
        .map(|(season, _)| season)
        .unwrap_or(Season::Fall)
    }
}

/// How hard a passage was for a student, from word accuracy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccuracyBand {
    Independent,
    Instructional,
    Frustration,
}

/// Accuracy is a ratio that callers compute in different ways (19/20, 1 − 1/20,
/// …); a reading at exactly a threshold must land in the upper band however it
/// was computed, so comparisons allow this much rounding error.
const THRESHOLD_TOLERANCE: f64 = 1e-9;

impl AccuracyBand {
    /// A threshold accuracy belongs to the upper band: exactly 0.95 is
    /// independent, exactly 0.90 instructional. A non-number is frustration,
    /// the band that never moves anyone up.
    pub fn of(accuracy: f64, settings: &Settings) -> AccuracyBand {
        if accuracy + THRESHOLD_TOLERANCE >= settings.independent_accuracy {
            AccuracyBand::Independent
        } else if accuracy + THRESHOLD_TOLERANCE >= settings.instructional_accuracy {
            AccuracyBand::Instructional
        } else {
            AccuracyBand::Frustration
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accuracy_bands_follow_the_thresholds() {
        let defaults = Settings::default();
        let strict = Settings {
            independent_accuracy: 0.98,
            instructional_accuracy: 0.93,
            ..Settings::default()
        };
        let cases = [
            (1.0, &defaults, AccuracyBand::Independent),
            (0.95, &defaults, AccuracyBand::Independent),
            (19.0 / 20.0, &defaults, AccuracyBand::Independent),
            (1.0 - 1.0 / 20.0, &defaults, AccuracyBand::Independent),
            (57.0 / 60.0, &defaults, AccuracyBand::Independent),
            (0.9499, &defaults, AccuracyBand::Instructional),
            (0.92, &defaults, AccuracyBand::Instructional),
            (0.90, &defaults, AccuracyBand::Instructional),
            (9.0 / 10.0, &defaults, AccuracyBand::Instructional),
            (0.8999, &defaults, AccuracyBand::Frustration),
            (0.5, &defaults, AccuracyBand::Frustration),
            (0.0, &defaults, AccuracyBand::Frustration),
            (f64::NAN, &defaults, AccuracyBand::Frustration),
            (0.97, &strict, AccuracyBand::Instructional),
            (0.98, &strict, AccuracyBand::Independent),
            (0.92, &strict, AccuracyBand::Frustration),
        ];
        for (accuracy, settings, band) in cases {
            assert_eq!(
                AccuracyBand::of(accuracy, settings),
                band,
                "accuracy {accuracy}"
            );
        }
    }

    #[test]
    fn seasons_follow_the_school_year() {
        let northern = SchoolYear::default();
        let southern = SchoolYear {
            fall_starts: 3,
            winter_starts: 6,
            spring_starts: 9,
        };
        let cases = [
            (&northern, 9, Season::Fall),
            (&northern, 11, Season::Fall),
            (&northern, 12, Season::Winter),
            (&northern, 1, Season::Winter),
            (&northern, 3, Season::Winter),
            (&northern, 4, Season::Spring),
            (&northern, 8, Season::Spring),
            (&southern, 2, Season::Spring),
            (&southern, 3, Season::Fall),
            (&southern, 7, Season::Winter),
            (&southern, 12, Season::Spring),
        ];
        for (year, month, season) in cases {
            let date = Date::new(2025, month, 15).unwrap();
            assert_eq!(year.season_of(date), season, "month {month} in {year:?}");
        }
    }

    #[test]
    fn settings_files_may_name_only_what_they_change() {
        let settings: Settings = toml::from_str("readings_to_move_up = 3").unwrap();
        assert_eq!(settings.readings_to_move_up, 3);
        assert_eq!(settings.independent_accuracy, 0.95);
        assert_eq!(settings.school_year, SchoolYear::default());
        assert!(toml::from_str::<Settings>("readings_to_move = 3").is_err());
    }

    #[test]
    fn validation_rejects_settings_the_engine_cannot_follow() {
        assert_eq!(Settings::default().validate(), Ok(()));
        let cases = [
            (
                Settings {
                    instructional_accuracy: 0.96,
                    ..Settings::default()
                },
                SettingsError::AccuracyThresholds,
            ),
            (
                Settings {
                    independent_accuracy: 1.2,
                    ..Settings::default()
                },
                SettingsError::AccuracyThresholds,
            ),
            (
                Settings {
                    readings_to_move_up: 0,
                    ..Settings::default()
                },
                SettingsError::NoReadingsToMoveUp,
            ),
            (
                Settings {
                    school_year: SchoolYear {
                        fall_starts: 9,
                        winter_starts: 9,
                        spring_starts: 4,
                    },
                    ..Settings::default()
                },
                SettingsError::SeasonMonths,
            ),
            (
                Settings {
                    school_year: SchoolYear {
                        fall_starts: 13,
                        ..SchoolYear::default()
                    },
                    ..Settings::default()
                },
                SettingsError::SeasonMonths,
            ),
        ];
        for (settings, error) in cases {
            assert_eq!(settings.validate(), Err(error));
        }
    }
}
