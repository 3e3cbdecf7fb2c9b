//! The classroom commands: classes, students, passages, readings, recommendations, reports and
//! the privacy tools, all on the data folder (`--data-dir`). The work is in `classroom/`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use leo_store::Languages;
use leo_text::Lang;

use crate::classroom::{self, Classroom, passages, reading, recommend, report, roster};
use crate::paths::Paths;
use crate::transcribe_cmd::LangArg;

#[derive(Subcommand, Debug)]
pub enum ClassroomCommand {
    /// Add and list classes.
    Class {
        #[command(subcommand)]
        action: ClassAction,
    },
    /// Add, list, delete and export students.
    Student {
        #[command(subcommand)]
        action: StudentAction,
    },
    /// List the passages students can read, and add your own.
    Passages {
        #[command(subcommand)]
        action: PassagesAction,
    },
    /// Save a student's reading of a passage (a WAV file), score it and update their level.
    Read(ReadArgs),
    /// Score again the readings whose scoring failed or never finished.
    Rescore(RescoreArgs),
    /// The next passage for a student, and why, in English and Spanish.
    Recommend(RecommendArgs),
    /// A class's levels and latest results: one row per student and language.
    Report(ReportArgs),
    /// Delete recordings older than a number of days (their scores are kept).
    Retention(RetentionArgs),
}

#[derive(Subcommand, Debug)]
pub enum ClassAction {
    /// Add a class.
    Add {
        /// The class's name, e.g. "3B".
        name: String,
    },
    /// List the classes and how many students each has.
    List,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LanguagesArg {
    En,
    Es,
    Both,
}

impl From<LanguagesArg> for Languages {
    fn from(l: LanguagesArg) -> Languages {
        match l {
            LanguagesArg::En => Languages::En,
            LanguagesArg::Es => Languages::Es,
            LanguagesArg::Both => Languages::Both,
        }
    }
}

pub fn lang_of(arg: LangArg) -> Lang {
    match arg {
        LangArg::En => Lang::En,
        LangArg::Es => Lang::Es,
    }
}

#[derive(Subcommand, Debug)]
pub enum StudentAction {
    /// Add a student to a class; they start at the first level of their grade.
    Add {
        #[arg(long)]
        class: String,
        /// School grade, 1 to 6.
        #[arg(long)]
        grade: u8,
        /// The languages they practise reading in.
        #[arg(long, value_enum, default_value = "both")]
        lang: LanguagesArg,
        /// The student's name as the class knows it (unique within the class).
        name: String,
    },
    /// List a class's students with their grade, languages and levels.
    List {
        #[arg(long)]
        class: String,
    },
    /// Erase a student: their details, readings, levels and recordings. Cannot be undone.
    Delete {
        /// The student's class (always needed here, so the wrong child is never erased).
        #[arg(long)]
        class: String,
        name: String,
    },
    /// Write everything Leo holds about a student, recordings included, into one zip file.
    Export {
        #[arg(long)]
        class: String,
        name: String,
        /// The zip file to write.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum PassagesAction {
    /// One passage a line: id, language, level, word count, title.
    List {
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Add your own passage from a UTF-8 text file; Leo suggests its level.
    Add {
        #[arg(long, value_enum)]
        lang: LangArg,
        #[arg(long)]
        title: String,
        /// The passage text, as plain UTF-8.
        #[arg(long)]
        file: PathBuf,
        #[arg(long, default_value = "")]
        topic: String,
        /// Level 1 to 12, instead of the suggested one.
        #[arg(long)]
        level: Option<u8>,
        /// Id for the passage (default: made from the language and title).
        #[arg(long)]
        id: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StrictnessArg {
    Lenient,
    Normal,
    Strict,
}

#[derive(Args, Debug)]
pub struct ReadArgs {
    #[arg(long)]
    pub student: String,
    /// Needed when students in different classes share the name.
    #[arg(long)]
    pub class: Option<String>,
    /// Passage id, as in `leo passages list`.
    #[arg(long)]
    pub passage: String,
    /// The recording: a WAV file (any sample rate or channel count).
    #[arg(long)]
    pub audio: PathBuf,
    /// How strictly pronunciation is checked (default: the student's setting, else normal).
    #[arg(long, value_enum)]
    pub strictness: Option<StrictnessArg>,
}

#[derive(Args, Debug)]
pub struct RescoreArgs {
    /// Only this student's readings.
    #[arg(long)]
    pub student: Option<String>,
    #[arg(long, requires = "student")]
    pub class: Option<String>,
}

#[derive(Args, Debug)]
pub struct RecommendArgs {
    #[arg(long)]
    pub student: String,
    #[arg(long)]
    pub class: Option<String>,
    /// Only this language (default: every language the student reads in).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[arg(long)]
    pub class: String,
    /// Comma-separated values, for a spreadsheet.
    #[arg(long)]
    pub csv: bool,
    /// Write to this file instead of the screen.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RetentionArgs {
    /// Keep recordings this many days; older ones are deleted.
    #[arg(long)]
    pub days: u32,
}

pub fn run(command: ClassroomCommand, paths: &Paths) -> Result<()> {
    let c = Classroom::open(&paths.data_dir, &paths.models_dir)?;
    let result = dispatch(&c, command);
    c.close();
    result
}

fn dispatch(c: &Classroom, command: ClassroomCommand) -> Result<()> {
    match command {
        ClassroomCommand::Class { action } => match action {
            ClassAction::Add { name } => roster::add_class(c, &name),
            ClassAction::List => roster::list_classes(c),
        },
        ClassroomCommand::Student { action } => match action {
            StudentAction::Add {
                class,
                grade,
                lang,
                name,
            } => roster::add_student(c, &class, &name, grade, lang.into()),
            StudentAction::List { class } => roster::list_students(c, &class),
            StudentAction::Delete { class, name } => roster::delete_student(c, &class, &name),
            StudentAction::Export { class, name, out } => {
                roster::export_student(c, &class, &name, &out)
            }
        },
        ClassroomCommand::Passages { action } => match action {
            PassagesAction::List { lang } => passages::list(c, lang.map(lang_of)),
            PassagesAction::Add {
                lang,
                title,
                file,
                topic,
                level,
                id,
            } => passages::add(
                c,
                &passages::PassageFile {
                    lang: lang_of(lang),
                    title: &title,
                    file: &file,
                    topic: &topic,
                    level,
                    id: id.as_deref(),
                },
            ),
        },
        ClassroomCommand::Read(args) => reading::read(c, &args),
        ClassroomCommand::Rescore(args) => reading::rescore(c, &args),
        ClassroomCommand::Recommend(args) => recommend::run(
            c,
            &args.student,
            args.class.as_deref(),
            args.lang.map(lang_of),
        ),
        ClassroomCommand::Report(args) => {
            report::report(c, &args.class, args.csv, args.out.as_deref())
        }
        ClassroomCommand::Retention(args) => report::retention(c, args.days),
    }
    .map_err(classroom::with_hint)
}
