//! `leo read` and `leo rescore`. A reading is made safe before it is scored: the recording is
//! copied into the data folder and registered first, so a crash, a missing model or a scoring
//! error never loses what the child read; `leo rescore` picks such readings up later.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::Utc;
use leo_asr::{SpeechWorker, WorkerOptions};
use leo_assess::{assess, builtin_calibration};
use leo_levels::{LevelChange, LevelDecision};
use leo_models::{ModelStore, default_model_for};
use leo_passages::Passage;
use leo_scoring::rules::{RuleSettings, Strictness};
use leo_scoring::{Assessment, WordStatus};
use leo_store::{RECORDINGS_DIR, ReadingId, Store, Strictness as StoredStrictness, Student};

use crate::classroom::progress::{self, Scored};
use crate::classroom::{
    Classroom, ClassroomError, check_reads, find_student, lang_name, percent, school_day,
};
use crate::classroom_cmd::{ReadArgs, RescoreArgs, StrictnessArg};

/// Written into each scored reading, so a result can be traced to the engine that made it.
const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn read(c: &Classroom, models_dir: &Path, args: &ReadArgs) -> Result<()> {
    let store = c.store();
    let (class, student, passage) = c.block_on(async {
        let (class, student) = find_student(store, &args.student, args.class.as_deref()).await?;
        let passage = store.passage(args.passage.trim()).await?.passage;
        anyhow::Ok((class, student, passage))
    })?;
    check_reads(&student, &passage)?;
    // Decoded before anything is saved: a file that is not a usable WAV leaves no reading.
    let audio = leo_audio::load_wav(&args.audio)?;
    let rel = save_recording(store.data_dir(), &student, &passage.id, &audio.samples)?;
    let reading = match c.block_on(store.begin_reading(student.id, &passage.id, &rel)) {
        Ok(id) => id,
        Err(e) => {
            // Unregistered, the copy would be a recording nobody can find or delete.
            let _ = std::fs::remove_file(store.data_dir().join(&rel));
            return Err(e.into());
        }
    };
    println!(
        "{} (class {}) read \"{}\" ({}, level {}, {}).",
        student.name,
        class.name,
        passage.title,
        passage.id,
        passage.level,
        lang_name(passage.lang)
    );
    println!("Recording saved as reading #{reading} ({}).", rel.display());

    let settings = rule_settings(&student, args.strictness);
    let mut workers = Workers::new(models_dir);
    let (assessment, model) = match score(&mut workers, &passage, audio.samples, &settings) {
        Ok(scored) => scored,
        Err(e) => {
            let reason = format!("{e:#}");
            c.block_on(store.mark_failed(reading, &reason))?;
            return Err(ClassroomError::ScoringFailed {
                reading: reading.0,
                reason,
                recording: rel.display().to_string(),
            }
            .into());
        }
    };
    let decision = c.block_on(finish(
        store,
        &student,
        &passage,
        reading,
        &assessment,
        &model,
        school_day(Utc::now()),
    ))?;
    print_result(&assessment, &decision);
    Ok(())
}

pub fn rescore(c: &Classroom, models_dir: &Path, args: &RescoreArgs) -> Result<()> {
    let store = c.store();
    let pending = c.block_on(async {
        let only = match &args.student {
            Some(name) => Some(find_student(store, name, args.class.as_deref()).await?.1.id),
            None => None,
        };
        let pending = store.unscored_readings().await?;
        anyhow::Ok(
            pending
                .into_iter()
                .filter(|r| only.is_none_or(|id| r.student_id == id))
                .collect::<Vec<_>>(),
        )
    })?;
    if pending.is_empty() {
        println!("Nothing to rescore: every reading that still has its recording is scored.");
        return Ok(());
    }
    let mut workers = Workers::new(models_dir);
    let mut failed = 0;
    for r in &pending {
        let Some(rel) = &r.audio_path else { continue };
        let result = (|| {
            let (student, passage) = c.block_on(async {
                let student = store.student(r.student_id).await?;
                let passage = store.passage(&r.passage_id).await?.passage;
                anyhow::Ok((student, passage))
            })?;
            let audio = leo_audio::load_wav(&store.audio_file(rel))?;
            let settings = rule_settings(&student, None);
            let (assessment, model) = score(&mut workers, &passage, audio.samples, &settings)?;
            let day = school_day(r.started_at);
            let decision = c.block_on(finish(
                store,
                &student,
                &passage,
                r.id,
                &assessment,
                &model,
                day,
            ))?;
            anyhow::Ok((student, assessment, decision))
        })();
        match result {
            Ok((student, a, decision)) => println!(
                "#{} {} \"{}\": {:.0} WCPM, accuracy {}; level {}",
                r.id,
                student.name,
                r.passage_title,
                a.wcpm,
                percent(a.accuracy),
                decision.new_level
            ),
            Err(e) => {
                failed += 1;
                let reason = format!("{e:#}");
                eprintln!(
                    "#{} \"{}\": still not scored: {reason}",
                    r.id, r.passage_title
                );
                c.block_on(store.mark_failed(r.id, &reason))?;
            }
        }
    }
    if failed > 0 {
        return Err(ClassroomError::RescoreFailed {
            failed,
            total: pending.len(),
        }
        .into());
    }
    Ok(())
}

/// Saves the assessment and moves the student's level.
async fn finish(
    store: &Store,
    student: &Student,
    passage: &Passage,
    reading: ReadingId,
    a: &Assessment,
    model: &str,
    date: leo_levels::Date,
) -> Result<LevelDecision> {
    store
        .save_assessment(reading, a, ENGINE_VERSION, model)
        .await?;
    let scored = Scored {
        reading,
        lang: passage.lang,
        passage_level: passage.level,
        wcpm: a.wcpm,
        accuracy: a.accuracy,
        date,
    };
    progress::apply(store, student, &scored).await
}

/// Speech workers by model name, loaded on first use: loading a model takes seconds, and a
/// rescore of a whole class needs at most one per language.
struct Workers {
    models: ModelStore,
    loaded: HashMap<String, SpeechWorker>,
}

impl Workers {
    fn new(models_dir: &Path) -> Workers {
        Workers {
            models: ModelStore::new(models_dir),
            loaded: HashMap::new(),
        }
    }

    fn get(&mut self, model: &str) -> Result<&SpeechWorker> {
        if !self.loaded.contains_key(model) {
            let path = self.models.require(model)?;
            let worker = SpeechWorker::spawn(&path, WorkerOptions::default())?;
            self.loaded.insert(model.to_owned(), worker);
        }
        Ok(&self.loaded[model])
    }
}

/// Scores with the passage language's model; returns the assessment and the model's name.
fn score(
    workers: &mut Workers,
    passage: &Passage,
    samples: Vec<f32>,
    settings: &RuleSettings,
) -> Result<(Assessment, String)> {
    let model = default_model_for(passage.lang.code()).to_owned();
    let worker = workers.get(&model)?;
    let outcome = assess(
        worker,
        &passage.text,
        samples,
        passage.lang,
        settings,
        &builtin_calibration(),
    )?;
    for note in &outcome.notes {
        eprintln!("note: {note}");
    }
    Ok((outcome.assessment, model))
}

/// The scoring rules for this student: the command line's strictness, else theirs, else normal.
fn rule_settings(student: &Student, strictness: Option<StrictnessArg>) -> RuleSettings {
    let mut settings = RuleSettings::default();
    if let Some(limit) = student.settings.hesitation_limit_s {
        settings.hesitation_limit_s = limit;
    }
    let stored = student.settings.pronunciation_strictness.map(|s| match s {
        StoredStrictness::Lenient => StrictnessArg::Lenient,
        StoredStrictness::Normal => StrictnessArg::Normal,
        StoredStrictness::Strict => StrictnessArg::Strict,
    });
    if let Some(s) = strictness.or(stored) {
        settings.strictness = match s {
            StrictnessArg::Lenient => Strictness::Lenient,
            StrictnessArg::Normal => Strictness::Normal,
            StrictnessArg::Strict => Strictness::Strict,
        };
    }
    settings
}

/// Writes the recording as 16 kHz mono WAV under `recordings/student-ID/`, returning its path
/// relative to the data folder. It appears under its name only once complete and on disk, so
/// a crash leaves either the whole recording or none.
fn save_recording(
    data_dir: &Path,
    student: &Student,
    passage_id: &str,
    samples: &[f32],
) -> Result<PathBuf> {
    let dir_rel = Path::new(RECORDINGS_DIR).join(format!("student-{}", student.id));
    let dir = data_dir.join(&dir_rel);
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create the recordings folder {}", dir.display()))?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let safe_id: String = passage_id
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect();
    let mut name = format!("{stamp}-{safe_id}.wav");
    for n in 2.. {
        if !dir.join(&name).exists() {
            break;
        }
        name = format!("{stamp}-{safe_id}-{n}.wav");
    }
    let partial = dir.join(format!(".{name}.partial"));
    let result = leo_audio::write_wav_16k(&partial, samples)
        .map_err(anyhow::Error::from)
        .and_then(|()| {
            File::open(&partial)
                .and_then(|f| f.sync_all())
                .with_context(|| format!("cannot save the recording {}", partial.display()))
        })
        .and_then(|()| {
            std::fs::rename(&partial, dir.join(&name))
                .with_context(|| format!("cannot save the recording in {}", dir.display()))
        });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    Ok(dir_rel.join(name))
}

fn status_words(status: WordStatus, n: usize) -> &'static str {
    let (one, many) = match status {
        WordStatus::Correct => ("correct", "correct"),
        WordStatus::Substitution => ("substitution", "substitutions"),
        WordStatus::Omission => ("omission", "omissions"),
        WordStatus::Hesitation => ("hesitation", "hesitations"),
        WordStatus::SelfCorrection => ("self-correction", "self-corrections"),
        WordStatus::NotReached => ("not reached", "not reached"),
    };
    if n == 1 { one } else { many }
}

fn print_result(a: &Assessment, decision: &LevelDecision) {
    println!("WCPM: {:.0} words correct per minute", a.wcpm);
    println!(
        "Accuracy: {} ({} of {} words attempted read correctly), reading time {:.1} s",
        percent(a.accuracy),
        a.words_correct,
        a.words_attempted,
        a.reading_time_s
    );
    let counts: Vec<String> = WordStatus::ALL
        .iter()
        .map(|&s| (s, a.words.iter().filter(|w| w.status == s).count()))
        .filter(|&(s, n)| n > 0 || s == WordStatus::Correct)
        .map(|(s, n)| format!("{n} {}", status_words(s, n)))
        .collect();
    println!("Words: {}", counts.join(", "));
    let missed: Vec<String> = a
        .words
        .iter()
        .filter(|w| w.status.is_error())
        .take(12)
        .map(|w| match &w.heard {
            Some(heard) => format!("{} (heard \"{heard}\")", w.text),
            None => format!("{} ({})", w.text, w.status.as_str()),
        })
        .collect();
    if !missed.is_empty() {
        println!("To practise: {}", missed.join(", "));
    }
    let change = match decision.change {
        LevelChange::Up => "up",
        LevelChange::Down => "down",
        LevelChange::Stay => "stays",
    };
    println!(
        "Level: {} -> {} ({change})",
        decision.previous_level, decision.new_level
    );
    let reason = decision.explain();
    println!("Why: {}", reason.en);
    println!("Por qué: {}", reason.es);
}
