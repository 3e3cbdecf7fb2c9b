//! The passage list, and teachers' own passages with a suggested level.

use std::path::Path;

use anyhow::Result;
use leo_classroom::{ClassroomError, NewPassage, lang_name};
use leo_store::PassageSource;
use leo_text::Lang;

use crate::classroom::{Classroom, CliError};

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
pub struct PassageFile<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub file: &'a Path,
    pub topic: &'a str,
    pub level: Option<u8>,
    pub id: Option<&'a str>,
}

pub fn add(c: &Classroom, new: &PassageFile<'_>) -> Result<()> {
    let text = read_text(new.file)?;
    let added = c
        .block_on(c.engine().add_passage(NewPassage {
            lang: new.lang,
            title: new.title.to_owned(),
            topic: new.topic.to_owned(),
            text,
            level: new.level,
            id: new.id.map(str::to_owned),
        }))
        .map_err(|e| match e {
            ClassroomError::EmptyPassage => CliError::EmptyPassageFile {
                path: new.file.display().to_string(),
            }
            .into(),
            other => anyhow::Error::from(other),
        })?;
    let p = &added.stored.passage;
    println!(
        "Added passage {} \"{}\" ({}, {} words) at level {}.",
        p.id,
        p.title,
        lang_name(p.lang),
        added.stored.word_count,
        p.level
    );
    let formula = match p.lang {
        Lang::En => "Flesch-Kincaid grade",
        Lang::Es => "Fernández-Huerta ease",
    };
    let suggested = added.suggestion.level;
    println!(
        "Suggested level: {suggested} (grade {}), from its readability ({formula} {:.1}) and \
         length compared with Leo's own {} passages.",
        suggested.div_ceil(2),
        added.suggestion.readability.unwrap_or_default(),
        lang_name(p.lang)
    );
    if new.level.is_none() {
        println!("To use another level, add it again with --level N and a new --id.");
    }
    Ok(())
}

/// The file's text; leo-classroom trims it and refuses one without words.
fn read_text(path: &Path) -> Result<String, CliError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CliError::PassageFile {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|_| CliError::PassageFile {
        path: shown,
        reason: "it is not UTF-8 text; save it as UTF-8 (Unicode) in your text editor".into(),
    })
}
