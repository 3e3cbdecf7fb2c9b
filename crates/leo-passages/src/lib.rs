//! The passage library. Passages are data files in `assets/passages/`, compiled in.
//!
//! Each language has one TOML file of `[[passage]]` tables with `id`, `level`, `title`, `topic`
//! and `text`; the language comes from the file. Text may be wrapped over several lines: lines
//! are joined with single spaces and a blank line starts a new paragraph.

pub mod readability;

use std::fmt;

use leo_text::Lang;
use serde::{Deserialize, Serialize};

/// Highest level; levels run 1..=12, two per school grade (1–2 is grade 1, 11–12 is grade 6).
pub const MAX_LEVEL: u8 = 12;

/// A reading passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Stable identifier, e.g. `en-03-kite`.
    pub id: String,
    pub lang: Lang,
    /// 1 (first texts of grade 1) to 12 (end of grade 6).
    pub level: u8,
    pub title: String,
    pub topic: String,
    pub text: String,
}

impl Passage {
    /// Words as a reader meets them: numbers written as digits count as one word each.
    pub fn word_count(&self) -> usize {
        readability::split_words(&self.text).len()
    }

    /// The school grade (1–6) this passage's level belongs to.
    pub fn grade(&self) -> u8 {
        self.level.div_ceil(2)
    }
}

/// A set of passages in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    passages: Vec<Passage>,
}

const ENGLISH_FILE: &str = include_str!("../../../assets/passages/en.toml");
const SPANISH_FILE: &str = include_str!("../../../assets/passages/es.toml");

impl Library {
    /// The passages shipped with Leo.
    ///
    /// # Panics
    /// If a shipped passage file is malformed. The files are compiled in and a test parses
    /// them, so this is a build defect, never a run-time condition.
    pub fn builtin() -> Library {
        let mut passages = parse_passages(Lang::En, ENGLISH_FILE)
            .unwrap_or_else(|e| panic!("assets/passages/en.toml: {e}"));
        passages.extend(
            parse_passages(Lang::Es, SPANISH_FILE)
                .unwrap_or_else(|e| panic!("assets/passages/es.toml: {e}")),
        );
        Library { passages }
    }

    /// A library of the given passages, e.g. a teacher's own alongside the built-in ones.
    pub fn from_passages(passages: Vec<Passage>) -> Library {
        Library { passages }
    }

    /// Every passage: English first, then Spanish, each in file order.
    pub fn all(&self) -> &[Passage] {
        &self.passages
    }

    pub fn by_lang(&self, lang: Lang) -> impl Iterator<Item = &Passage> {
        self.passages.iter().filter(move |p| p.lang == lang)
    }

    pub fn get(&self, id: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }
}

/// Why a passage file was rejected.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryError {
    Toml(String),
    /// Ids look like `en-03-red-kite`: language, two-digit level, lowercase slug.
    BadId(String),
    BadLevel {
        id: String,
        level: u8,
    },
    EmptyField {
        id: String,
        field: &'static str,
    },
    DuplicateId(String),
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LibraryError::Toml(message) => write!(f, "not valid passage TOML: {message}"),
            LibraryError::BadId(id) => write!(
                f,
                "id {id:?} is not <lang>-<two-digit level>-<lowercase-slug> for this file"
            ),
            LibraryError::BadLevel { id, level } => {
                write!(f, "{id}: level {level} is outside 1..={MAX_LEVEL}")
            }
            LibraryError::EmptyField { id, field } => write!(f, "{id}: {field} is empty"),
            LibraryError::DuplicateId(id) => write!(f, "id {id} appears twice"),
        }
    }
}

impl std::error::Error for LibraryError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PassageFile {
    passage: Vec<PassageRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PassageRecord {
    id: String,
    level: u8,
    title: String,
    topic: String,
    text: String,
}

/// Parses one language's passage file and checks each record.
pub fn parse_passages(lang: Lang, toml_text: &str) -> Result<Vec<Passage>, LibraryError> {
    let file: PassageFile =
        toml::from_str(toml_text).map_err(|e| LibraryError::Toml(e.to_string()))?;
    let mut passages: Vec<Passage> = Vec::with_capacity(file.passage.len());
    for record in file.passage {
        if !(1..=MAX_LEVEL).contains(&record.level) {
            return Err(LibraryError::BadLevel {
                id: record.id,
                level: record.level,
            });
        }
        if !id_is_well_formed(&record.id, lang, record.level) {
            return Err(LibraryError::BadId(record.id));
        }
        if passages.iter().any(|p| p.id == record.id) {
            return Err(LibraryError::DuplicateId(record.id));
        }
        let text = join_wrapped_lines(&record.text);
        for (field, value) in [
            ("title", &record.title),
            ("topic", &record.topic),
            ("text", &text),
        ] {
            if value.trim().is_empty() {
                return Err(LibraryError::EmptyField {
                    id: record.id,
                    field,
                });
            }
        }
        passages.push(Passage {
            id: record.id,
            lang,
            level: record.level,
            title: record.title.trim().to_string(),
            topic: record.topic.trim().to_string(),
            text,
        });
    }
    Ok(passages)
}

/// `en-03-red-kite`: the file's language, the level as two digits, then a slug of lowercase
/// ASCII words joined by single hyphens (ASCII so ids are safe in file names and URLs).
pub fn id_is_well_formed(id: &str, lang: Lang, level: u8) -> bool {
    let prefix = format!("{}-{level:02}-", lang.code());
    let Some(slug) = id.strip_prefix(&prefix) else {
        return false;
    };
    !slug.is_empty()
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Authors wrap long passages over several lines; readers see one line per paragraph.
fn join_wrapped_lines(raw: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"
[[passage]]
id = "en-01-cat-nap"
level = 1
title = "Cat Nap"
topic = "animals"
text = """
The cat sat.
The cat ran.

A new paragraph.
"""
"#;

    #[test]
    fn wrapped_lines_join_and_blank_lines_make_paragraphs() {
        let passages = parse_passages(Lang::En, ONE).unwrap();
        assert_eq!(
            passages[0].text,
            "The cat sat. The cat ran.\n\nA new paragraph."
        );
        assert_eq!(passages[0].lang, Lang::En);
    }

    #[test]
    fn an_english_id_in_the_spanish_file_is_rejected() {
        assert_eq!(
            parse_passages(Lang::Es, ONE),
            Err(LibraryError::BadId("en-01-cat-nap".into()))
        );
    }

    #[test]
    fn malformed_records_are_rejected() {
        let wrong_level = ONE.replace("level = 1", "level = 13");
        assert!(matches!(
            parse_passages(Lang::En, &wrong_level),
            Err(LibraryError::BadLevel { level: 13, .. })
        ));
        let missing_title = ONE.replace("title = \"Cat Nap\"\n", "");
        assert!(matches!(
            parse_passages(Lang::En, &missing_title),
            Err(LibraryError::Toml(_))
        ));
        let twice = format!("{ONE}{ONE}");
        assert_eq!(
            parse_passages(Lang::En, &twice),
            Err(LibraryError::DuplicateId("en-01-cat-nap".into()))
        );
        let blank_topic = ONE.replace("\"animals\"", "\" \"");
        assert!(matches!(
            parse_passages(Lang::En, &blank_topic),
            Err(LibraryError::EmptyField { field: "topic", .. })
        ));
    }

    #[test]
    fn ids_must_carry_language_level_and_a_lowercase_slug() {
        assert!(id_is_well_formed("es-07-la-feria", Lang::Es, 7));
        assert!(!id_is_well_formed("es-7-la-feria", Lang::Es, 7));
        assert!(!id_is_well_formed("es-07-la-feria", Lang::Es, 8));
        assert!(!id_is_well_formed("es-07-La-Feria", Lang::Es, 7));
        assert!(!id_is_well_formed("es-07-la--feria", Lang::Es, 7));
        assert!(!id_is_well_formed("es-07-", Lang::Es, 7));
        assert!(!id_is_well_formed("es-07-año", Lang::Es, 7));
    }
}
