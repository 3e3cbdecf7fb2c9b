//! The readings `leo calibrate` and `leo evaluate-scoring` learn from and are judged on: the
//! speechocean762 layout (`train.jsonl` / `test.jsonl`, `wav/UTT.wav`) read into samples of the
//! engine's evidence beside the experts' scores, with a cache so refitting needs no new
//! recognition.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{Context, Result};
use leo_asr::{SpeechWorker, WorkerOptions};
use leo_assess::{assess, calibration_for, native_goodness};
use leo_models::ModelStore;
use leo_scoring::features::WORD_FEATURES;
use leo_scoring::rules::RuleSettings;
use leo_scoring::{ProsodySummary, WordResult};
use leo_text::Lang;
use serde::{Deserialize, Serialize};

use crate::paths::Paths;

#[derive(Deserialize)]
pub(crate) struct Utterance {
    pub(crate) utt: String,
    pub(crate) text: String,
    pub(crate) accuracy: f64,
    pub(crate) completeness: f64,
    pub(crate) fluency: f64,
    pub(crate) prosodic: f64,
    pub(crate) total: f64,
    pub(crate) words: Vec<ExpertWord>,
}

#[derive(Deserialize)]
pub(crate) struct ExpertWord {
    pub(crate) accuracy: f64,
}

/// What one utterance contributes to fitting: the engine's evidence and the experts' scores.
#[derive(Serialize, Deserialize, Clone)]
pub(crate) struct Sample {
    pub(crate) utt: String,
    pub(crate) version: String,
    pub(crate) word_features: Vec<Vec<f64>>,
    /// Expert word accuracy per passage word, when the word lists line up.
    pub(crate) word_targets: Vec<Option<f64>>,
    pub(crate) words: Vec<WordResult>,
    pub(crate) confidences: Vec<f64>,
    pub(crate) insertions: usize,
    pub(crate) prosody: ProsodySummary,
    pub(crate) reading_time_s: f64,
    /// accuracy, fluency, prosodic, completeness, total (0–10).
    pub(crate) targets: [f64; 5],
    /// The reading's voice profile, for the models that read it.
    #[serde(default)]
    pub(crate) voice: Option<Vec<f32>>,
    /// Per passage word, the goodness against the native English model, for the models that
    /// read it. Samples cached before it existed get it from the audio alone (see `collect`).
    #[serde(default)]
    pub(crate) native: Option<Vec<Option<f64>>>,
}

impl Sample {
    pub(crate) fn native_goodness(&self) -> Vec<Option<f64>> {
        self.native
            .clone()
            .unwrap_or_else(|| vec![None; self.words.len()])
    }
}

/// What a cached sample was made with. Utterance features are rebuilt from the cached words
/// at every fit, so only the model, the word features and the voice profile (with the
/// reader's median pitch it is read with) name the version.
pub(crate) fn features_version(model: &str) -> String {
    let voice = if reads_voice(model) {
        ",voice,pitch"
    } else {
        ""
    };
    format!("{model}:{}{voice}", WORD_FEATURES.join(","))
}

/// Whether the calibration for `model` reads the voice profile. Only the English models' do:
/// the profile's weights are learned from English read by Mandarin speakers, and the
/// multilingual model's calibration is the one Spanish readings are scored with, where what
/// sounds native is another thing.
pub(crate) fn reads_voice(model: &str) -> bool {
    model.ends_with(".en")
}

/// Whether the calibration for `model` reads the native-model goodness of pronunciation: the
/// English models' do. The multilingual model's calibration scores Spanish, which the native
/// English model cannot judge.
pub(crate) fn reads_native(model: &str) -> bool {
    model.ends_with(".en")
}

pub(crate) fn collect(
    paths: &Paths,
    data: &Path,
    split: &str,
    cache: Option<&Path>,
    limit: Option<usize>,
    model_name: &str,
) -> Result<Vec<Sample>> {
    let list = data.join(format!("{split}.jsonl"));
    let file =
        std::fs::File::open(&list).with_context(|| format!("cannot open {}", list.display()))?;
    let mut cached: HashMap<String, Sample> = HashMap::new();
    if let Some(c) = cache.filter(|c| c.is_file()) {
        for line in std::io::BufReader::new(std::fs::File::open(c)?).lines() {
            if let Ok(s) = serde_json::from_str::<Sample>(&line?) {
                if s.version == features_version(model_name) {
                    cached.insert(s.utt.clone(), s);
                }
            }
        }
    }
    let mut cache_out = match cache {
        Some(c) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(c)?,
        ),
        None => None,
    };
    let model = ModelStore::new(&paths.models_dir).require(model_name)?;
    let worker = SpeechWorker::spawn(&model, WorkerOptions::default())?;
    let calibration = calibration_for(&worker);
    let mut samples = Vec::new();
    let lines: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .collect::<Result<_, _>>()?;
    let total = limit.unwrap_or(lines.len()).min(lines.len());
    for (i, line) in lines.iter().take(total).enumerate() {
        let u: Utterance = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}", list.display(), i + 1))?;
        let wav = data.join("wav").join(format!("{}.wav", u.utt));
        if let Some(s) = cached.get(&u.utt) {
            let mut s = s.clone();
            if reads_native(model_name) && s.native.is_none() {
                // The native-model check needs only the audio and the judged words, not a
                // new recognition.
                let audio = leo_audio::load_wav(&wav)?;
                s.native = Some(native_goodness(
                    &paths.models_dir,
                    &audio.samples,
                    &s.words,
                    None,
                ));
                if let Some(out) = cache_out.as_mut() {
                    writeln!(out, "{}", serde_json::to_string(&s)?)?;
                }
            }
            samples.push(s);
            continue;
        }
        let audio = leo_audio::load_wav(&wav)?;
        let outcome = assess(
            &worker,
            &u.text,
            audio.samples,
            Lang::En,
            &RuleSettings::default(),
            &calibration,
        )?;
        let a = &outcome.assessment;
        let word_targets = if u.words.len() == a.words.len() {
            u.words.iter().map(|w| Some(w.accuracy)).collect()
        } else {
            vec![None; a.words.len()]
        };
        let sample = Sample {
            utt: u.utt.clone(),
            version: features_version(model_name),
            word_features: outcome.word_features.clone(),
            word_targets,
            words: outcome.feature_words.clone(),
            confidences: outcome
                .transcript
                .words
                .iter()
                .map(|w| w.p as f64)
                .collect(),
            insertions: a.insertions.len(),
            prosody: a.prosody.clone(),
            reading_time_s: a.reading_time_s,
            targets: [u.accuracy, u.fluency, u.prosodic, u.completeness, u.total],
            voice: outcome.transcript.voice_profile.clone(),
            native: reads_native(model_name).then(|| outcome.native_goodness.clone()),
        };
        if let Some(out) = cache_out.as_mut() {
            writeln!(out, "{}", serde_json::to_string(&sample)?)?;
        }
        samples.push(sample);
        if (i + 1) % 50 == 0 {
            eprintln!("{split}: {} of {total} utterances", i + 1);
        }
    }
    Ok(samples)
}
