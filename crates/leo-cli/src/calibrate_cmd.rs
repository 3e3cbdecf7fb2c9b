//! `leo calibrate` fits the scoring models on human-scored readings; `leo evaluate-scoring`
//! reports how well the shipped models agree with the experts on held-out readings. The
//! readings come from `calibration_samples`.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use leo_assess::builtin_calibration;
use leo_scoring::calibration::{AspectModels, Calibration, LinearModel, VOICE_SCORE, pearson};
use leo_scoring::features::{
    ReadingEvidence, UTTERANCE_FEATURES, context_features, utterance_features, word_model_features,
    word_model_input,
};
use leo_scoring::native::native_word_values;
use leo_scoring::voice_models::VoiceModels;
use leo_text::Lang;

use crate::calibration_samples::{Sample, collect, reads_voice};
use crate::paths::Paths;
use crate::pitch_check::follows_pitch;

#[derive(Args, Debug)]
pub struct CalibrateArgs {
    /// Folder with train.jsonl and wav/ (only the training split is read).
    #[arg(long)]
    data: PathBuf,
    /// Where to write the coefficients [default: models/scoring-calibration-MODEL.json].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Feature cache (JSON lines), so refitting does not re-run recognition.
    #[arg(long)]
    cache: Option<PathBuf>,
    /// Use only the first N utterances.
    #[arg(long)]
    limit: Option<usize>,
    /// The recognition model whose evidence the coefficients are fitted to.
    #[arg(long, default_value = "tiny.en")]
    model: String,
    /// Also report five-fold cross-validation by speaker on the training split: how well the
    /// models carry over to speakers they were not fitted on.
    #[arg(long)]
    cross_validate: bool,
}

#[derive(Args, Debug)]
pub struct EvaluateArgs {
    /// Folder with test.jsonl and wav/.
    #[arg(long)]
    data: PathBuf,
    #[arg(long)]
    cache: Option<PathBuf>,
    #[arg(long)]
    limit: Option<usize>,
    /// The recognition model to evaluate with.
    #[arg(long, default_value = "tiny.en")]
    model: String,
    /// Also write the results as JSON here.
    #[arg(long)]
    report: Option<PathBuf>,
}

const ASPECTS: [&str; 5] = ["accuracy", "fluency", "prosody", "completeness", "total"];

/// Ridge penalty of the voice models: the profile is wide (768 values for tiny.en) against a
/// few hundred readings; chosen by cross-validation by speaker on the training split.
const VOICE_LAMBDA: f64 = 1000.0;
/// Inner folds for the voice scores the utterance models are fitted on.
const VOICE_FOLDS: usize = 4;

/// What the word model reads for each passage word of a sample: the cached evidence and the
/// context features, rebuilt here so that changing them needs no new recognition.
fn word_inputs(s: &Sample) -> Vec<Vec<f64>> {
    s.word_features
        .iter()
        .zip(context_features(&s.words, Lang::En))
        .zip(native_word_values(&s.native_goodness()))
        .map(|((evidence, context), native)| word_model_input(evidence, &context, native))
        .collect()
}

/// Utterance features with word scores from `word_model`.
fn utterance_rows(samples: &[Sample], word_model: &LinearModel) -> Vec<Vec<f64>> {
    samples
        .iter()
        .map(|s| {
            let scores: Vec<f64> = s
                .words
                .iter()
                .zip(&word_inputs(s))
                .filter(|(w, _)| leo_assess::is_scored(w.status))
                .map(|(_, f)| word_model.predict(f))
                .collect();
            utterance_features(&ReadingEvidence {
                lang: Lang::En,
                words: &s.words,
                word_features: &s.word_features,
                word_scores: &scores,
                heard_confidences: &s.confidences,
                insertions: s.insertions,
                prosody: &s.prosody,
                reading_time_s: s.reading_time_s,
                native_goodness: &s.native_goodness(),
            })
        })
        .collect()
}

/// Every passage word the experts scored: the word model's input, and the expert score.
fn labelled_words(samples: &[Sample]) -> (Vec<Vec<f64>>, Vec<f64>) {
    let (mut inputs, mut scores) = (Vec::new(), Vec::new());
    for s in samples {
        for (f, t) in word_inputs(s).into_iter().zip(&s.word_targets) {
            if let Some(t) = t {
                inputs.push(f);
                scores.push(*t);
            }
        }
    }
    (inputs, scores)
}

fn word_pairs(samples: &[Sample], model: &LinearModel) -> (Vec<f64>, Vec<f64>) {
    let (inputs, truth) = labelled_words(samples);
    (inputs.iter().map(|f| model.predict(f)).collect(), truth)
}

pub fn calibrate(args: CalibrateArgs, paths: &Paths) -> Result<()> {
    let samples = collect(
        paths,
        &args.data,
        "train",
        args.cache.as_deref(),
        args.limit,
        &args.model,
    )?;
    if samples.len() < 20 {
        bail!("only {} training utterances: too few to fit", samples.len());
    }
    if args.cross_validate {
        cross_validate(&samples, &args.model);
    }
    let calibration = fit(&samples, &args.model);
    report(&samples, &calibration, "train (fit)");
    let out = args.out.unwrap_or_else(|| {
        PathBuf::from(format!("models/scoring-calibration-{}.json", args.model))
    });
    std::fs::write(&out, serde_json::to_string_pretty(&calibration)? + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(())
}

/// Fits the word model, the voice models where the model's calibration reads the voice
/// profile, then the utterance models on the word model's scores and the voice scores.
fn fit(samples: &[Sample], model_name: &str) -> Calibration {
    let (x, y) = labelled_words(samples);
    let word = LinearModel::fit(&word_model_features(), &x, &y, 1.0, 0.0, 10.0);
    let mut rows = utterance_rows(samples, &word);
    let mut names: Vec<&str> = UTTERANCE_FEATURES.to_vec();
    let voice = reads_voice(model_name)
        .then(|| fit_voice(samples.iter()))
        .flatten();
    let targets: Vec<Vec<f64>> = (0..5)
        .map(|k| samples.iter().map(|s| s.targets[k]).collect())
        .collect();
    let models = match &voice {
        None => {
            AspectModels::from_fn(|k| LinearModel::fit(&names, &rows, &targets[k], 1.0, 0.0, 10.0))
        }
        Some(_) => {
            // Each reading's voice scores come from voice models that did not see its reader:
            // scores the voice models made on their own training readings would be too good,
            // and the utterance models would lean on them too much.
            let held_out = held_out_voice_scores(samples);
            names.push(VOICE_SCORE);
            AspectModels::from_fn(|k| {
                for (row, scores) in rows.iter_mut().zip(&held_out) {
                    row.truncate(UTTERANCE_FEATURES.len());
                    row.push(scores[k]);
                }
                LinearModel::fit(&names, &rows, &targets[k], 1.0, 0.0, 10.0)
            })
        }
    };
    Calibration {
        trained_on: format!(
            "speechocean762 train split ({} utterances, {} words), {model_name}, `leo calibrate`",
            samples.len(),
            x.len(),
        ),
        word,
        utterance: models,
        voice,
    }
}

/// One voice model per aspect, on the samples that have a voice profile (those where
/// something was heard); `None` when too few have one.
fn fit_voice<'a>(samples: impl Iterator<Item = &'a Sample>) -> Option<VoiceModels> {
    let mut profiles: Vec<Vec<f64>> = Vec::new();
    let mut pitches = Vec::new();
    let mut targets: [Vec<f64>; 5] = Default::default();
    for s in samples {
        let Some(voice) = &s.voice else { continue };
        profiles.push(voice.iter().map(|&v| f64::from(v)).collect());
        pitches.push(s.prosody.median_pitch_hz);
        for (column, &t) in targets.iter_mut().zip(&s.targets) {
            column.push(t);
        }
    }
    (profiles.len() >= 20).then(|| VoiceModels::fit(&profiles, &pitches, &targets, VOICE_LAMBDA))
}

/// Per sample, the five voice scores from voice models fitted on the other speakers
/// (`VOICE_FOLDS` folds of whole speakers). A sample without a profile has none (`NaN`),
/// which fitting reads as the others' average, as a reading without one is read when scored.
fn held_out_voice_scores(samples: &[Sample]) -> Vec<[f64; 5]> {
    let utts: Vec<&str> = samples.iter().map(|s| s.utt.as_str()).collect();
    let (folds, _) = speaker_folds(&utts, VOICE_FOLDS);
    let mut out = vec![[f64::NAN; 5]; samples.len()];
    for fold in 0..VOICE_FOLDS {
        let train = samples
            .iter()
            .zip(&folds)
            .filter(|&(_, &f)| f != fold)
            .map(|(s, _)| s);
        let Some(models) = fit_voice(train) else {
            continue;
        };
        for ((s, &f), scores) in samples.iter().zip(&folds).zip(out.iter_mut()) {
            if let (true, Some(voice)) = (f == fold, &s.voice) {
                *scores = models.predict(voice, s.prosody.median_pitch_hz);
            }
        }
    }
    out
}

/// The corpus's utterance ids start with the speaker's: `0` and four digits.
fn speaker(utt: &str) -> &str {
    utt.get(..5).unwrap_or(utt)
}

/// The fold of each utterance, whole speakers to a fold (speakers in id order, dealt round
/// the folds), and the number of speakers.
fn speaker_folds(utts: &[&str], folds: usize) -> (Vec<usize>, usize) {
    let mut speakers: Vec<&str> = utts.iter().map(|u| speaker(u)).collect();
    speakers.sort_unstable();
    speakers.dedup();
    let fold_of = |u: &str| speakers.binary_search(&speaker(u)).map_or(0, |i| i % folds);
    (utts.iter().map(|u| fold_of(u)).collect(), speakers.len())
}

/// Five folds of whole speakers; each fold is scored by models fitted on the other four.
fn cross_validate(samples: &[Sample], model_name: &str) {
    const FOLDS: usize = 5;
    let utts: Vec<&str> = samples.iter().map(|s| s.utt.as_str()).collect();
    let (folds, speakers) = speaker_folds(&utts, FOLDS);
    let mut held_out = Vec::new();
    let mut predictions = Vec::new();
    for fold in 0..FOLDS {
        let (mut test, mut train) = (Vec::new(), Vec::new());
        for (s, &f) in samples.iter().zip(&folds) {
            if f == fold {
                test.push(s.clone());
            } else {
                train.push(s.clone());
            }
        }
        if test.is_empty() || train.is_empty() {
            continue;
        }
        let c = fit(&train, model_name);
        predictions.push(predict(&test, &c));
        held_out.extend(test);
    }
    let joined = predictions
        .into_iter()
        .reduce(|mut all, p| {
            all.utterances
                .iter_mut()
                .zip(p.utterances)
                .for_each(|(a, b)| a.extend(b));
            all.words.extend(p.words);
            all.word_truth.extend(p.word_truth);
            all
        })
        .unwrap_or_default();
    print_table(
        &held_out,
        &joined,
        &format!("train, {FOLDS}-fold cross-validation by speaker ({speakers} speakers)"),
    );
}

pub fn evaluate(args: EvaluateArgs, paths: &Paths) -> Result<()> {
    let samples = collect(
        paths,
        &args.data,
        "test",
        args.cache.as_deref(),
        args.limit,
        &args.model,
    )?;
    let results = report(&samples, &builtin_calibration(&args.model), "test");
    if let Some(path) = args.report {
        std::fs::write(&path, serde_json::to_string_pretty(&results)?)?;
    }
    Ok(())
}

/// Each model's predictions for a set of samples, beside what the experts said.
#[derive(Default)]
struct Predictions {
    /// Per aspect (in `ASPECTS` order), one prediction per sample.
    utterances: [Vec<f64>; 5],
    words: Vec<f64>,
    word_truth: Vec<f64>,
}

fn predict(samples: &[Sample], c: &Calibration) -> Predictions {
    let (words, word_truth) = word_pairs(samples, &c.word);
    let rows = utterance_rows(samples, &c.word);
    let mut utterances: [Vec<f64>; 5] = Default::default();
    for (s, row) in samples.iter().zip(&rows) {
        let scores = c.utterance_scores(row, s.voice.as_deref(), s.prosody.median_pitch_hz);
        for (k, score) in scores.into_iter().enumerate() {
            utterances[k].push(score);
        }
    }
    Predictions {
        utterances,
        words,
        word_truth,
    }
}

/// Prints Pearson correlations beside the published GOPT figures; returns them by name.
fn report(samples: &[Sample], c: &Calibration, label: &str) -> HashMap<String, f64> {
    print_table(samples, &predict(samples, c), label)
}

fn print_table(samples: &[Sample], p: &Predictions, label: &str) -> HashMap<String, f64> {
    let published = [Some(0.714), Some(0.753), Some(0.760), None, Some(0.742)];
    let mut out = HashMap::new();
    println!(
        "Pearson correlation with the experts, speechocean762 {label}: {} utterances",
        samples.len()
    );
    println!("| aspect | Leo | GOPT (2022) |\n| --- | --- | --- |");
    for (k, pred) in p.utterances.iter().enumerate() {
        let truth: Vec<f64> = samples.iter().map(|s| s.targets[k]).collect();
        let r = pearson(pred, &truth);
        let gopt = published[k].map_or("–".to_string(), |g| format!("{g:.3}"));
        println!("| utterance {} | {r:.3} | {gopt} |", ASPECTS[k]);
        out.insert(ASPECTS[k].to_string(), r);
    }
    let r = pearson(&p.words, &p.word_truth);
    println!(
        "| word accuracy ({} words) | {r:.3} | 0.533 |",
        p.words.len()
    );
    out.insert("word_accuracy".into(), r);
    let speakers: Vec<&str> = samples.iter().map(|s| speaker(&s.utt)).collect();
    let pitch: Vec<Option<f64>> = samples.iter().map(|s| s.prosody.median_pitch_hz).collect();
    let experts: Vec<f64> = samples.iter().map(|s| s.targets[4]).collect();
    let leo = follows_pitch(&speakers, &pitch, &p.utterances[4]);
    let expert = follows_pitch(&speakers, &pitch, &experts);
    if let (Some(leo), Some(expert)) = (leo, expert) {
        println!(
            "Total against the reader's median pitch (ln Hz), Pearson r over readings / \
             speakers: Leo {:.3} / {:.3}, experts {:.3} / {:.3}",
            leo.readings, leo.speakers, expert.readings, expert.speakers
        );
        out.insert("total_vs_pitch_readings".into(), leo.readings);
        out.insert("total_vs_pitch_speakers".into(), leo.speakers);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hold_whole_speakers_and_all_are_used() {
        let utts = [
            "000010011",
            "000010035",
            "000020001",
            "000030007",
            "000030008",
            "000040001",
            "000050002",
            "000060003",
            "000010099",
        ];
        let (folds, speakers) = speaker_folds(&utts, 5);
        assert_eq!(speakers, 6);
        assert_eq!(folds.len(), utts.len());
        for (u, f) in utts.iter().zip(&folds) {
            for (v, g) in utts.iter().zip(&folds) {
                if speaker(u) == speaker(v) {
                    assert_eq!(f, g, "{u} and {v} are one speaker");
                }
            }
        }
        let mut used: Vec<usize> = folds.clone();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used, vec![0, 1, 2, 3, 4]);
        assert_eq!(speaker("000010011"), "00001");
    }
}
