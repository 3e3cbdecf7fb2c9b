//! The passage list, and teachers' own passages with a suggested level.

use std::path::Path;

use anyhow::Result;
use leo_passages::readability::{Readability, suggest_level};
use leo_passages::{MAX_LEVEL, Passage};
use leo_store::{PassageSource, StoreError};
use leo_text::Lang;

use crate::classroom::{Classroom, ClassroomError, lang_name, measure};

pub fn list(c: &Classroom, lang: Option<Lang>) -> Result<()> {
    let passages = c.block_on(c.store().list_passages(lang))?;
    let width = passages
        .iter()
        .map(|p| p.passage.id.chars().count())
        .max()
        .unwrap_or(0);
    for p in &passages {
        let mine = match p.source {
            PassageSource::Teacher => "  (teacher's)",
            PassageSource::Builtin => "",
        };
        println!(
            "{:<width$}  {}  {:>2}  {:>4}  {}{mine}",
            p.passage.id,
            p.passage.lang.code(),
            p.passage.level,
            p.word_count,
            p.passage.title,
        );
    }
    Ok(())
}

/// What `leo passages add` was given.
#[derive(Debug)]
pub struct NewPassage<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub file: &'a Path,
    pub topic: &'a str,
    pub level: Option<u8>,
    pub id: Option<&'a str>,
}

pub fn add(c: &Classroom, new: &NewPassage<'_>) -> Result<()> {
    let text = read_text(new.file)?;
    let suggested = suggest_level(&text, new.lang);
    let level = new.level.unwrap_or(suggested);
    if !(1..=MAX_LEVEL).contains(&level) {
        return Err(StoreError::InvalidLevel { level }.into());
    }
    let store = c.store();
    let stored = c.block_on(async {
        let id = match new.id {
            Some(id) => id.trim().to_owned(),
            None => free_id(store, new.lang, new.title).await?,
        };
        let passage = Passage {
            id,
            lang: new.lang,
            level,
            title: new.title.trim().to_owned(),
            topic: new.topic.trim().to_owned(),
            text,
        };
        anyhow::Ok(
            store
                .add_teacher_passage(&passage, measure(&passage))
                .await?,
        )
    })?;
    let p = &stored.passage;
    println!(
        "Added passage {} \"{}\" ({}, {} words) at level {level}.",
        p.id,
        p.title,
        lang_name(p.lang),
        stored.word_count
    );
    let formula = match p.lang {
        Lang::En => "Flesch-Kincaid grade",
        Lang::Es => "Fernández-Huerta ease",
    };
    let score = Readability::of(&p.text, p.lang).score;
    println!(
        "Suggested level: {suggested} (grade {}), from its readability ({formula} {score:.1}) and \
         length compared with Leo's own {} passages.",
        suggested.div_ceil(2),
        lang_name(p.lang)
    );
    if new.level.is_none() {
        println!("To use another level, add it again with --level N and a new --id.");
    }
    Ok(())
}

fn read_text(path: &Path) -> Result<String, ClassroomError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ClassroomError::PassageFile {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ClassroomError::PassageFile {
        path: shown.clone(),
        reason: "it is not UTF-8 text; save it as UTF-8 (Unicode) in your text editor".into(),
    })?;
    // A byte-order mark from Windows editors is not part of the passage.
    let text = text.trim_start_matches('\u{feff}').trim().to_owned();
    if Readability::of(&text, Lang::En).words == 0 {
        return Err(ClassroomError::EmptyPassageFile { path: shown });
    }
    Ok(text)
}

/// An unused id like `en-t-the-red-kite` (a built-in id has a two-digit level in that place,
/// so the two never collide), numbered when the title was used before.
async fn free_id(store: &leo_store::Store, lang: Lang, title: &str) -> Result<String> {
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
