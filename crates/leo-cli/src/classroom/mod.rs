//! The classroom commands' printing. The work is leo-classroom's (async, on the store); each
//! command drives it through one small runtime with `block_on`.

pub mod passages;
pub mod reading;
pub mod recommend;
pub mod report;
pub mod roster;

use std::future::Future;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use leo_classroom::ClassroomError;
use leo_store::{Class, Store, StoreError, Student};

/// Mistakes a teacher can make on the command line, each saying what to do instead.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
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
    #[error("the passage file {path} is empty: it must hold the words to read")]
    EmptyPassageFile { path: String },
    #[error("the passage file {path} cannot be read: {reason}")]
    PassageFile { path: String, reason: String },
    #[error("{failed} of {total} readings still could not be scored (see above)")]
    RescoreFailed { failed: usize, total: usize },
}

/// An open data folder and the runtime that drives it.
#[derive(Debug)]
pub struct Classroom {
    rt: tokio::runtime::Runtime,
    engine: leo_classroom::Classroom,
}

impl Classroom {
    /// Opens the data folder (creating it on first use); see [`leo_classroom::Classroom::open`].
    pub fn open(data_dir: &Path, models_dir: &Path) -> Result<Classroom> {
        // One thread is plenty: SQLite work runs on sqlx's own connection threads, and the
        // recogniser on tokio's blocking threads.
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start Leo's database runtime")?;
        let engine = rt.block_on(leo_classroom::Classroom::open(data_dir, models_dir))?;
        Ok(Classroom { rt, engine })
    }

    pub fn engine(&self) -> &leo_classroom::Classroom {
        &self.engine
    }

    pub fn store(&self) -> &Store {
        self.engine.store()
    }

    pub fn block_on<F: Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }

    /// Closes the database cleanly, so SQLite folds its journal back into leo.db.
    pub fn close(self) {
        let Classroom { rt, engine } = self;
        rt.block_on(engine.close());
    }
}

/// Adds the command to run next to the errors that have one.
pub fn with_hint(e: anyhow::Error) -> anyhow::Error {
    let classroom = e.downcast_ref::<ClassroomError>();
    let store = match classroom {
        Some(ClassroomError::Store(s)) => Some(s),
        _ => e.downcast_ref::<StoreError>(),
    };
    let hint = match (store, classroom) {
        (Some(StoreError::UnknownClass { .. }), _) => {
            "; `leo class list` shows the classes".to_owned()
        }
        (Some(StoreError::UnknownPassage { .. }), _) => {
            "; `leo passages list` shows the passages".to_owned()
        }
        (Some(StoreError::UnknownStudent { .. }), _) => {
            "; `leo student list --class NAME` shows a class's students".to_owned()
        }
        (_, Some(ClassroomError::LanguageNotRead { reads, .. })) => {
            format!(" (`leo passages list --lang {}`)", reads.as_str())
        }
        (_, Some(ClassroomError::LanguageNotPractised { reads, .. })) => {
            format!("; use --lang {}", reads.as_str())
        }
        (_, Some(ClassroomError::ScoringFailed { .. })) => {
            "; once this is fixed, score it with `leo rescore`".to_owned()
        }
        _ => return e,
    };
    anyhow!("{e}{hint}")
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
        0 => Err(CliError::NoSuchStudent {
            name: name.trim().to_owned(),
        }
        .into()),
        1 => Ok(found.remove(0)),
        count => Err(CliError::AmbiguousStudent {
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

pub fn percent(accuracy: f64) -> String {
    format!("{}%", leo_levels::whole_percent(accuracy))
}
