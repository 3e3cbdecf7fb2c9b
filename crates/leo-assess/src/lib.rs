//! Scoring one recorded reading: the speech worker hears it, the scoring engine judges it.
//! This crate only wires the two together; the rules live in `leo-scoring`.

use std::collections::HashMap;
use std::sync::OnceLock;

use leo_asr::{ExpectedWord, ForcedScore, Language, Request, SpeechWorker, Transcript, Word};
use leo_scoring::calibration::Calibration;
use leo_scoring::features::{
    ReadingEvidence, WordEvidence, context_features, utterance_features, word_features,
    word_model_input,
};
use leo_scoring::native::native_word_values;
use leo_scoring::pitch::track_pitch;
use leo_scoring::prosody::summarize;
use leo_scoring::rules::{HeardWord, RuleSettings, Strictness, WordAcoustics, judge};
use leo_scoring::similarity::similarity;
use leo_scoring::{Assessment, Scores, WordResult, WordStatus};
use leo_text::syllables::count_syllables;
use leo_text::{Lang, PassageWord, normalise_heard, passage_words, sentence_case};

mod native;

pub use native::{WholeAlignment, align_whole_reading, native_goodness, native_model_installed};

const TINY_EN_CALIBRATION: &str = include_str!("../../../models/scoring-calibration-tiny.en.json");
const BASE_CALIBRATION: &str = include_str!("../../../models/scoring-calibration-base.json");

/// The calibration shipped for a recognition model (`tiny.en`, `base`): each model's
/// log-probabilities and confidences have their own scale, so each has its own coefficients.
/// Other models are scored with the ones of the closest shipped model.
pub fn builtin_calibration(model_kind: &str) -> Calibration {
    // Parsed once: the English file holds the voice models, a few hundred kilobytes.
    static TINY_EN: OnceLock<Calibration> = OnceLock::new();
    static BASE: OnceLock<Calibration> = OnceLock::new();
    let english = match model_kind {
        "tiny.en" => true,
        "base" => false,
        other => {
            tracing::warn!("no scoring calibration for {other}; using the closest shipped one");
            other.ends_with(".en")
        }
    };
    let (cell, json) = if english {
        (&TINY_EN, TINY_EN_CALIBRATION)
    } else {
        (&BASE, BASE_CALIBRATION)
    };
    // The files are part of the source tree and checked by a test; failing here is a build
    // defect.
    cell.get_or_init(|| {
        serde_json::from_str(json).expect("the shipped scoring calibrations are valid")
    })
    .clone()
}

/// The calibration for the model `worker` runs.
pub fn calibration_for(worker: &SpeechWorker) -> Calibration {
    builtin_calibration(worker.model_kind())
}

#[derive(Debug, thiserror::Error)]
pub enum AssessError {
    #[error("the passage has no words to read")]
    EmptyPassage,
    #[error(transparent)]
    Recognition(#[from] leo_asr::AsrError),
}

/// Everything the engine produced for one reading, including the raw evidence (for
/// calibration and for teachers' review tools).
#[derive(Debug, Clone)]
pub struct Outcome {
    pub assessment: Assessment,
    pub transcript: Transcript,
    /// Per passage word: the features the word model saw.
    pub word_features: Vec<Vec<f64>>,
    pub utterance_features: Vec<f64>,
    /// Word statuses before the pronunciation check (what the utterance features use).
    pub feature_words: Vec<leo_scoring::WordResult>,
    /// Per passage word, the goodness of pronunciation against the native English model.
    pub native_goodness: Vec<Option<f64>>,
    /// Plain-language remarks about the reading (e.g. nothing heard, wrong passage).
    pub notes: Vec<String>,
}

fn language(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::En,
        Lang::Es => Language::Es,
    }
}

fn heard_words(words: &[Word]) -> Vec<HeardWord> {
    words
        .iter()
        .map(|w| HeardWord {
            text: w.text.clone(),
            start: w.start,
            end: w.end,
            p: w.p,
        })
        .collect()
}

/// The heard word spoken at `start` (a passage word's start time from the rules).
pub fn heard_word_at(words: &[Word], start: f64) -> Option<&Word> {
    words
        .iter()
        .find(|h| h.start <= start + 1e-9 && start < h.end.max(h.start + 1e-6))
}

/// Chooses, chunk by chunk, which passage words the audio of that chunk should be scored on:
/// those the words heard so far pair with, inside this chunk, in passage order.
fn expected_words_source(passage: Vec<PassageWord>, lang: Lang) -> leo_asr::ExpectedWords {
    let written = sentence_case(&passage, lang);
    let mut heard_so_far: Vec<HeardWord> = Vec::new();
    let mut done = vec![false; passage.len()];
    Box::new(move |chunk: &[Word]| {
        let Some(chunk_start) = chunk.first().map(|w| w.start) else {
            return Vec::new();
        };
        heard_so_far.extend(heard_words(chunk));
        let settings = RuleSettings {
            hesitation_limit_s: f64::INFINITY,
            ..Default::default()
        };
        let j = judge(&passage, &heard_so_far, lang, &settings, &[]);
        let heard_here = |w: &leo_scoring::WordResult| {
            w.start.is_some_and(|s| s >= chunk_start - 1e-6) && !done[w.index]
        };
        let Some(last_here) = j
            .words
            .iter()
            .rev()
            .find(|w| heard_here(w))
            .map(|w| w.index)
        else {
            return Vec::new();
        };
        // Words the recogniser left out before the last one it heard here are scored too, in
        // their place: a word it dropped (often a short one) is still well supported by the
        // audio, a word the reader skipped is not.
        let fresh: Vec<usize> = j.words[..=last_here]
            .iter()
            .filter(|w| heard_here(w) || (w.start.is_none() && !done[w.index]))
            .map(|w| w.index)
            .collect();
        fresh
            .into_iter()
            .map(|i| {
                done[i] = true;
                let p = &passage[i];
                ExpectedWord {
                    key: i,
                    text: format!("{}{}", written[i], p.after.replace(' ', "")),
                }
            })
            .collect()
    })
}

/// The passage as if every word had been read as printed.
fn every_word_read(passage: &[PassageWord]) -> Vec<WordResult> {
    passage
        .iter()
        .enumerate()
        .map(|(index, w)| WordResult {
            index,
            text: w.display.clone(),
            status: WordStatus::Correct,
            heard: None,
            start: None,
            end: None,
            pronunciation: None,
        })
        .collect()
}

/// Scores a reading of `passage_text` in `samples` (16 kHz mono).
pub fn assess(
    worker: &SpeechWorker,
    passage_text: &str,
    samples: Vec<f32>,
    lang: Lang,
    settings: &RuleSettings,
    calibration: &Calibration,
) -> Result<Outcome, AssessError> {
    assess_with(
        worker,
        passage_text,
        samples,
        lang,
        settings,
        calibration,
        None,
    )
}

/// [`assess`] with a decoding prompt (text the recogniser takes as what came before).
pub fn assess_with(
    worker: &SpeechWorker,
    passage_text: &str,
    samples: Vec<f32>,
    lang: Lang,
    settings: &RuleSettings,
    calibration: &Calibration,
    prompt: Option<&str>,
) -> Result<Outcome, AssessError> {
    let passage = passage_words(passage_text, lang);
    if passage.is_empty() {
        return Err(AssessError::EmptyPassage);
    }
    let pitch = track_pitch(&samples);
    // The native-model check needs the audio after recognition has taken it.
    let models_dir = worker
        .model_path()
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let native_audio =
        (lang == Lang::En && native_model_installed(models_dir)).then(|| samples.clone());
    let mut request = Request::new(samples, language(lang));
    request.prompt = prompt.map(str::to_string);
    request.expected = Some(expected_words_source(passage.clone(), lang));
    // The native-model check of the whole reading runs beside the recogniser, on the guess
    // that every word was read; it is redone after judging only when the guess was wrong.
    let (transcript, early_alignment) = std::thread::scope(|scope| {
        let early = native_audio.as_deref().map(|audio| {
            let every_word_read = every_word_read(&passage);
            scope.spawn(move || align_whole_reading(models_dir, audio, &every_word_read))
        });
        let transcript = worker.transcribe(request);
        (transcript, early.and_then(|h| h.join().ok().flatten()))
    });
    let transcript = transcript?;
    let heard = heard_words(&transcript.words);
    let forced: HashMap<usize, &ForcedScore> =
        transcript.forced.iter().map(|f| (f.key, f)).collect();

    // First pass without acoustic checks tells which heard word stands at each passage word.
    let lenient = RuleSettings {
        strictness: Strictness::Lenient,
        ..*settings
    };
    let first = judge(&passage, &heard, lang, &lenient, &[]);
    let mut word_feats = Vec::with_capacity(passage.len());
    let mut acoustics = Vec::with_capacity(passage.len());
    for w in &first.words {
        let heard_word = w.start.and_then(|s| heard_word_at(&transcript.words, s));
        let forced_score = forced.get(&w.index);
        let spoken = passage[w.index].spoken.concat();
        let syllables = count_syllables(&passage[w.index].display, lang);
        let evidence = WordEvidence {
            forced: forced_score.map(|f| (f.logprob, f.min_logprob, f.margin, f.tokens)),
            heard_p: heard_word.map(|h| h.p),
            heard_similarity: w
                .heard
                .as_deref()
                .map(|h| similarity(&spoken, &normalise_heard(h, lang).concat(), lang)),
            seconds_per_syllable: w
                .start
                .zip(w.end)
                .map(|(s, e)| (e - s) / syllables.max(1) as f64),
        };
        let feats = word_features(w.status, &evidence);
        let acoustic = WordAcoustics {
            pronunciation: None,
            expected_logprob: forced_score.map(|f| (f.logprob, f.tokens)),
            heard_logprob: heard_word.map(|h| h.logprob),
        };
        if w.status == WordStatus::Substitution {
            tracing::debug!(
                word = %passage[w.index].display,
                heard = ?w.heard,
                expected_logprob = ?acoustic.expected_logprob,
                heard_logprob = ?acoustic.heard_logprob,
                "substitution evidence"
            );
        }
        acoustics.push(acoustic);
        word_feats.push(feats);
    }
    // Statuses before the pronunciation check: the utterance models are fitted on these, so
    // the features do not depend on the word model's own output.
    let plain = judge(&passage, &heard, lang, settings, &acoustics);
    let native = match &native_audio {
        Some(audio) => native_goodness(models_dir, audio, &plain.words, early_alignment),
        None => vec![None; plain.words.len()],
    };
    let word_feats: Vec<Vec<f64>> = word_feats
        .iter()
        .zip(context_features(&plain.words, lang))
        .zip(native_word_values(&native))
        .map(|((evidence, context), native)| word_model_input(evidence, &context, native))
        .collect();
    for (a, (w, feats)) in acoustics
        .iter_mut()
        .zip(plain.words.iter().zip(&word_feats))
    {
        a.pronunciation =
            is_scored(w.status).then(|| (calibration.word.predict(feats) * 10.0) as f32);
    }
    let judged = judge(&passage, &heard, lang, settings, &acoustics);
    let prosody = summarize(&passage, &judged.words, &pitch, lang, judged.reading_time_s);
    let word_scores: Vec<f64> = acoustics
        .iter()
        .filter_map(|a| a.pronunciation)
        .map(|p| p as f64 / 10.0)
        .collect();
    let confidences: Vec<f64> = transcript.words.iter().map(|w| w.p as f64).collect();
    let utterance = utterance_features(&ReadingEvidence {
        lang,
        words: &plain.words,
        word_features: &word_feats,
        word_scores: &word_scores,
        heard_confidences: &confidences,
        insertions: judged.insertions.len(),
        prosody: &prosody,
        reading_time_s: judged.reading_time_s,
        native_goodness: &native,
    });
    let [accuracy, fluency, prosody_score, completeness, total] = calibration
        .utterance_scores(
            &utterance,
            transcript.voice_profile.as_deref(),
            prosody.median_pitch_hz,
        )
        .map(|s| (s * 10.0) as f32);
    let mut assessment = Assessment {
        lang,
        duration_s: transcript.duration_s,
        reading_time_s: judged.reading_time_s,
        wcpm: 0.0,
        accuracy: 0.0,
        words_attempted: 0,
        words_correct: 0,
        words: judged.words,
        insertions: judged.insertions,
        repetitions: judged.repetitions,
        prosody,
        scores: Scores {
            accuracy,
            fluency,
            prosody: prosody_score,
            completeness,
            total,
        },
    };
    assessment.recount();
    let notes = notes_for(&assessment, &transcript);
    Ok(Outcome {
        feature_words: plain.words,
        assessment,
        transcript,
        word_features: word_feats,
        utterance_features: utterance,
        native_goodness: native,
        notes,
    })
}

/// Words that get a pronunciation score: those the reader reached and did not skip.
pub fn is_scored(status: WordStatus) -> bool {
    !matches!(status, WordStatus::Omission | WordStatus::NotReached)
}

fn notes_for(a: &Assessment, t: &Transcript) -> Vec<String> {
    let mut notes = Vec::new();
    if t.words.is_empty() {
        notes.push(
            "No speech was heard in the recording: check the microphone and read again.".into(),
        );
    } else if a.words_correct == 0 || (a.words_correct as f64) < 0.2 * t.words.len() as f64 {
        notes.push(
            "What was heard hardly matches the passage: was the right passage read, in the right language?".into(),
        );
    }
    if a.words.len() == 1 {
        notes.push("The passage has a single word, so words per minute say little.".into());
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use leo_scoring::calibration::{VOICE_SCORE, voice_profile_features};
    use leo_scoring::features::{UTTERANCE_FEATURES, word_model_features};

    #[test]
    fn shipped_calibrations_match_the_features_the_engine_builds() {
        for kind in ["tiny.en", "base"] {
            let c = builtin_calibration(kind);
            assert!(c.trained_on.contains(kind), "{kind}: {}", c.trained_on);
            assert_eq!(c.word.features, word_model_features(), "{kind}");
            assert_eq!(c.word.weights.len(), c.word.features.len(), "{kind}");
            let mut expected: Vec<&str> = UTTERANCE_FEATURES.to_vec();
            if let Some(voice) = &c.voice {
                expected.push(VOICE_SCORE);
                for m in voice.aspects.all() {
                    assert_eq!(m.features, voice_profile_features(m.weights.len() / 2));
                    assert_eq!(m.weights.len(), m.features.len(), "{kind}");
                }
                assert_eq!(voice.pitch.slopes.len(), voice.width(), "{kind}");
            }
            for m in c.utterance.all() {
                assert_eq!(m.features, expected, "{kind}");
                assert_eq!(m.weights.len(), expected.len(), "{kind}");
            }
        }
        assert_ne!(builtin_calibration("tiny.en"), builtin_calibration("base"));
    }
}
