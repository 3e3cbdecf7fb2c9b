//! Teachers' own passages: a suggested level from readability and length, and an id made
//! from the title.

use leo_passages::readability::{Readability, suggest_level};
use leo_passages::{MAX_LEVEL, Passage};
use leo_store::{PassageMeasures, Store, StoreError, StoredPassage};
use leo_text::Lang;

use crate::Classroom;
use crate::error::{ClassroomError, Result};

/// The level Leo suggests for a text, with what it is based on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelSuggestion {
    pub level: u8,
    pub word_count: usize,
    /// Flesch-Kincaid grade (English) or Fernández-Huerta ease (Spanish); None without words.
    pub readability: Option<f64>,
}

/// A passage a teacher adds.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPassage {
    pub lang: Lang,
    pub title: String,
    pub topic: String,
    pub text: String,
    /// Level 1 to 12 instead of the suggested one.
    pub level: Option<u8>,
    /// Id for the passage (default: made from the language and title).
    pub id: Option<String>,
}

/// A stored teacher passage and the level Leo suggested for it.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedPassage {
    pub stored: StoredPassage,
    pub suggestion: LevelSuggestion,
}

/// Word count and readability of a passage, as stored with it.
pub fn measure(p: &Passage) -> PassageMeasures {
    let r = Readability::of(&p.text, p.lang);
    PassageMeasures {
        word_count: p.word_count(),
        readability: (r.words > 0).then_some(r.score),
    }
}

/// The suggested level of `text` in `lang`, from its readability and length compared with
/// Leo's own passages.
pub fn suggest(lang: Lang, text: &str) -> LevelSuggestion {
    let r = Readability::of(text, lang);
    LevelSuggestion {
        level: suggest_level(text, lang),
        word_count: r.words,
        readability: (r.words > 0).then_some(r.score),
    }
}

impl Classroom {
    pub fn suggest_level(&self, lang: Lang, text: &str) -> LevelSuggestion {
        suggest(lang, text)
    }

    /// Stores a teacher's passage at the given level, else the suggested one. A byte-order
    /// mark and surrounding blank space are not part of the text; a text without words is
    /// refused.
    pub async fn add_passage(&self, new: NewPassage) -> Result<AddedPassage> {
        let text = new.text.trim_start_matches('\u{feff}').trim().to_owned();
        if Readability::of(&text, Lang::En).words == 0 {
            return Err(ClassroomError::EmptyPassage);
        }
        let suggestion = suggest(new.lang, &text);
        let level = new.level.unwrap_or(suggestion.level);
        if !(1..=MAX_LEVEL).contains(&level) {
            return Err(StoreError::InvalidLevel { level }.into());
        }
        let store = self.store();
        let id = match new.id {
            Some(id) => id.trim().to_owned(),
            None => free_id(store, new.lang, &new.title).await?,
        };
        let passage = Passage {
            id,
            lang: new.lang,
            level,
            title: new.title.trim().to_owned(),
            topic: new.topic.trim().to_owned(),
            text,
        };
        let stored = store
            .add_teacher_passage(&passage, measure(&passage))
            .await?;
        Ok(AddedPassage { stored, suggestion })
    }
}

/// An unused id like `en-t-the-red-kite` (a built-in id has a two-digit level in that place,
/// so the two never collide), numbered when the title was used before.
async fn free_id(store: &Store, lang: Lang, title: &str) -> Result<String> {
    let base = format!("{}-t-{}", lang.code(), slug(title));
    let mut id = base.clone();
    for n in 2.. {
        match store.passage(&id).await {
            Err(StoreError::UnknownPassage { .. }) => break,
            Err(e) => return Err(e.into()),
            Ok(_) => id = format!("{base}-{n}"),
        }
    }
    Ok(id)
}

/// Lowercase ASCII letters and digits joined by dashes: "¿Dónde está Ñico?" → "donde-esta-nico".
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|ch: char| !ch.is_alphanumeric())
        .map(|w| {
            leo_levels::fold_word(w)
                .chars()
                .map(|ch| if ch == 'ñ' { 'n' } else { ch })
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if words.is_empty() {
        "passage".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_fold_accents_and_drop_punctuation() {
        assert_eq!(slug("¿Dónde está Ñico?"), "donde-esta-nico");
        assert_eq!(slug("The Red Kite!"), "the-red-kite");
        assert_eq!(slug("¡¿...?!"), "passage");
    }
}
