//! The scoring engine. Pure: it takes a passage, timed recognised words and acoustic features,
//! and returns an [`Assessment`]; it does no I/O.

pub mod align;
pub mod calibration;
pub mod features;
pub mod native;
pub mod pitch;
pub mod prosody;
pub mod result;
pub mod rules;
pub mod similarity;
pub mod voice_models;

pub use result::{
    Assessment, Insertion, ProsodySummary, Repetition, Scores, WordResult, WordStatus,
};
