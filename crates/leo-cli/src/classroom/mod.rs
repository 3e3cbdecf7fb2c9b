//! The classroom commands' work: the store is async (sqlx), the speech worker synchronous on
//! its own thread, so each command drives the store through one small runtime with
//! `block_on` and calls the scorer in between, outside any async task.

pub mod passages;
pub mod progress;
pub mod reading;
pub mod recommend;
pub mod report;
pub mod roster;

use std::future::Future;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, Local, Utc};
use leo_passages::readability::Readability;
use leo_passages::{Library, Passage};
use leo_store::{Class, Languages, PassageMeasures, Store, StoreError, Student};
use leo_text::Lang;

/// Mistakes a teacher can make on the command line, each saying what to do instead.
#[derive(Debug, thiserror::Error)]
pub enum ClassroomError {
    #[error(
        "there is no student named {name:?} in any class; `leo student list --class NAME` shows \
         a class's students"
    )]
    NoSuchStudent { name: String },
    #[error("{count} students are named {name:?} (classes {classes}); say which one with --class")]
    AmbiguousStudent {
        name: String,
        count: usize,
        classes: String,
    },
    #[error(
        "{student} reads only in {reads}, and passage {passage} is in {lang}; choose a passage \
         in {reads} (`leo passages list --lang {code}`)"
    )]
    LanguageNotRead {
        student: String,
        reads: &'static str,
        code: &'static str,
        passage: String,
        lang: &'static str,
    },
    #[error("{student} reads only in {reads}, not in {lang}; use --lang {code}")]
    LanguageNotPractised {
        student: String,
        reads: &'static str,
        code: &'static str,
        lang: &'static str,
    },
    #[error("the passage file {path} is empty: it must hold the words to read")]
    EmptyPassageFile { path: String },
    #[error("the passage file {path} cannot be read: {reason}")]
    PassageFile { path: String, reason: String },
    #[error(
        "reading #{reading} could not be scored: {reason}. The recording is kept ({recording}); \
         once this is fixed, score it with `leo rescore`"
    )]
    ScoringFailed {
        reading: i64,
        reason: String,
        recording: String,
    },
    #[error("{failed} of {total} readings still could not be scored (see above)")]
    RescoreFailed { failed: usize, total: usize },
}

/// An open data folder: the store and the runtime that drives it.
#[derive(Debug)]
pub struct Classroom {
    rt: tokio::runtime::Runtime,
    store: Store,
}

impl Classroom {
    /// Opens the data folder (creating it on first use) and brings its copy of the built-in
    /// passages up to date with this version of Leo.
    pub fn open(data_dir: &Path) -> Result<Classroom> {
        // One thread is plenty: SQLite work runs on sqlx's own connection threads.
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start Leo's database runtime")?;
        let store = rt.block_on(async {
            let store = Store::open(data_dir).await?;
            store
                .sync_builtin_passages(Library::builtin().all(), measure)
                .await?;
            Ok::<_, StoreError>(store)
        })?;
        Ok(Classroom { rt, store })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn block_on<F: Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }

    /// Closes the database cleanly, so SQLite folds its journal back into leo.db.
    pub fn close(self) {
        let Classroom { rt, store } = self;
        rt.block_on(store.close());
    }
}

/// Word count and readability of a passage, as stored with it.
pub fn measure(p: &Passage) -> PassageMeasures {
    let r = Readability::of(&p.text, p.lang);
    PassageMeasures {
        word_count: p.word_count(),
        readability: (r.words > 0).then_some(r.score),
    }
}

/// Adds the next step to the store's "not found" errors.
pub fn with_hint(e: anyhow::Error) -> anyhow::Error {
    let hint = match e.downcast_ref::<StoreError>() {
        Some(StoreError::UnknownClass { .. }) => "`leo class list` shows the classes",
        Some(StoreError::UnknownPassage { .. }) => "`leo passages list` shows the passages",
        Some(StoreError::UnknownStudent { .. }) => {
            "`leo student list --class NAME` shows a class's students"
        }
        _ => return e,
    };
    anyhow!("{e}; {hint}")
}

/// The student called `name`: in `class` if given, else in whichever class has them. A name
/// shared by students of several classes needs the class.
pub async fn find_student(
    store: &Store,
    name: &str,
    class: Option<&str>,
) -> Result<(Class, Student)> {
    if let Some(class) = class {
        let class = store.find_class(class).await?;
        let student = store.find_student(class.id, name).await?;
        return Ok((class, student));
    }
    let mut found = Vec::new();
    for class in store.list_classes().await? {
        match store.find_student(class.id, name).await {
            Ok(student) => found.push((class, student)),
            Err(StoreError::UnknownStudent { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    match found.len() {
        0 => Err(ClassroomError::NoSuchStudent {
            name: name.trim().to_owned(),
        }
        .into()),
        1 => Ok(found.remove(0)),
        count => Err(ClassroomError::AmbiguousStudent {
            name: name.trim().to_owned(),
            count,
            classes: found
                .iter()
                .map(|(c, _)| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
        .into()),
    }
}

pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    }
}

pub fn languages_name(l: Languages) -> &'static str {
    match l {
        Languages::En => "English",
        Languages::Es => "Spanish",
        Languages::Both => "English and Spanish",
    }
}

/// Refuses a passage in a language the student does not practise.
pub fn check_reads(student: &Student, passage: &Passage) -> Result<(), ClassroomError> {
    if student.languages.includes(passage.lang) {
        return Ok(());
    }
    Err(ClassroomError::LanguageNotRead {
        student: student.name.clone(),
        reads: languages_name(student.languages),
        code: student.languages.as_str(),
        passage: passage.id.clone(),
        lang: lang_name(passage.lang),
    })
}

/// The school day of a moment, on this computer's clock: readings count by the day the class
/// saw them, not by UTC.
pub fn school_day(t: DateTime<Utc>) -> leo_levels::Date {
    use chrono::Datelike;
    let d = t.with_timezone(&Local).date_naive();
    leo_levels::Date::new(d.year(), d.month() as u8, d.day() as u8)
        .expect("a chrono date is a valid calendar date")
}

pub fn today() -> leo_levels::Date {
    school_day(Utc::now())
}

pub fn percent(accuracy: f64) -> String {
    format!("{}%", leo_levels::whole_percent(accuracy))
}
