//! Reading levels and next-passage recommendation, per student and language.
//! Pure: no I/O. The grade norms are data files compiled in.
//!
//! - [`Norms`]: expected words per minute by language, grade and season.
//! - [`AccuracyBand`]: independent, instructional or frustration, from accuracy.
//! - [`apply_reading`]: moves a student's [`LevelState`] after a reading.
//! - [`recommend`]: picks the next passage and says why in both languages.
//! - [`stars`]: one to three stars for a reading, from accuracy and the grade norm.

mod date;
mod level;
mod norms;
mod reason;
mod recommend;
mod settings;
mod stars;
mod words;

pub use date::{Date, DateError};
pub use level::{
    DecisionReason, LevelChange, LevelDecision, LevelMove, LevelState, MAX_LEVEL, MIN_LEVEL,
    ReadingOutcome, apply_reading, grade_of_level, starting_level,
};
pub use norms::{GRADES, GradeNorm, NormTable, Norms, NormsError};
pub use reason::{Reason, whole_percent, whole_wpm};
pub use recommend::{PastReading, Recommendation, StudentView, recommend};
pub use settings::{AccuracyBand, SchoolYear, Season, Settings, SettingsError};
pub use stars::{stars, stars_with};
pub use words::fold as fold_word;
