//! Text handling for reading passages in English and Spanish. Pure: no I/O.

pub mod casing;
pub mod normalize;
pub mod numbers;
pub mod passage;
pub mod syllables;

pub use casing::sentence_case;
pub use normalize::{fold, normalise_heard, spoken_forms};
pub use passage::{Boundary, PassageWord, passage_words};

use serde::{Deserialize, Serialize};

/// Languages Leo reads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "es" | "spanish" | "español" => Some(Lang::Es),
            _ => None,
        }
    }
}
