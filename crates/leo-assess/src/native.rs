//! The native-model pronunciation check for English readings (see `leo_gop`): the words the
//! reader attempted are aligned to the recording with PocketSphinx's US English model. The
//! model is loaded once per process, next to the recognition models, and used by one reading
//! at a time.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use leo_audio::TARGET_RATE;
use leo_gop::Aligner;
use leo_scoring::{WordResult, WordStatus};
use leo_text::{Lang, normalise_heard};

/// The loaded model and the folder it came from; `None` inside when loading failed (so it is
/// not retried for every reading).
static ALIGNER: Mutex<Option<(PathBuf, Option<Aligner>)>> = Mutex::new(None);

/// Whether the native English model is installed in `models_dir`.
pub fn native_model_installed(models_dir: &Path) -> bool {
    Aligner::is_installed(models_dir)
}

/// The native model, loaded on first use, for `f`; `None` when it is not installed or does
/// not load.
fn with_aligner<R>(models_dir: &Path, f: impl FnOnce(&mut Aligner) -> R) -> Option<R> {
    if !native_model_installed(models_dir) {
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| {
            tracing::warn!(
                "the native English model is not installed in {}: English pronunciation scores \
                 are less exact (install it with `leo models install {}`)",
                models_dir.display(),
                leo_models::PRONUNCIATION_MODEL
            );
        });
        return None;
    }
    // A poisoned lock only means an earlier reading panicked mid-alignment: the decoder is
    // reset by the next alignment, so carry on.
    let mut slot = ALIGNER.lock().unwrap_or_else(|p| p.into_inner());
    if slot.as_ref().is_none_or(|(dir, _)| dir != models_dir) {
        let loaded = Aligner::load(models_dir)
            .inspect_err(|e| tracing::warn!("pronunciation check unavailable: {e}"))
            .ok();
        *slot = Some((models_dir.to_path_buf(), loaded));
    }
    match slot.as_mut() {
        Some((_, Some(aligner))) => Some(f(aligner)),
        _ => None,
    }
}

/// The alignment of a whole reading for one list of words, kept so that scoring can start it
/// while the recogniser runs (on the guess that every word was read) and use it when the guess
/// was right.
#[derive(Debug, Clone)]
pub struct WholeAlignment {
    /// The dictionary words each passage word was aligned as (empty: left out).
    forms: Vec<Vec<String>>,
    goodness: Vec<Option<f64>>,
}

/// Aligns the words of `words` the reader attempted to the whole recording.
pub fn align_whole_reading(
    models_dir: &Path,
    samples: &[f32],
    words: &[WordResult],
) -> Option<WholeAlignment> {
    if samples.is_empty() {
        return None;
    }
    with_aligner(models_dir, |aligner| {
        let forms = forms_of(aligner, words);
        let goodness = match aligner.goodness(samples, &forms) {
            Ok(g) => g.into_iter().map(|g| g.map(|g| g.per_frame)).collect(),
            Err(e) => {
                tracing::debug!("whole-reading alignment failed: {e}");
                vec![None; words.len()]
            }
        };
        WholeAlignment { forms, goodness }
    })
}

/// Per passage word, its goodness of pronunciation against the native English model (mean
/// log-likelihood ratio per 10 ms frame), for the words the reader attempted and the
/// dictionary knows; `None` elsewhere, and everywhere when the model is not installed or the
/// alignment fails (the calibrated models then read the feature as average). `earlier` is an
/// alignment already made, used when it was made for the same words.
pub fn native_goodness(
    models_dir: &Path,
    samples: &[f32],
    words: &[WordResult],
    earlier: Option<WholeAlignment>,
) -> Vec<Option<f64>> {
    let none = vec![None; words.len()];
    if samples.is_empty() {
        return none;
    }
    let earlier = match earlier {
        Some(e) => with_aligner(models_dir, |aligner| forms_of(aligner, words))
            .filter(|forms| *forms == e.forms)
            .map(|_| e),
        None => None,
    };
    let Some(WholeAlignment { forms, goodness }) =
        earlier.or_else(|| align_whole_reading(models_dir, samples, words))
    else {
        return none;
    };
    let complete = forms
        .iter()
        .zip(&goodness)
        .all(|(f, g)| f.is_empty() || g.is_some());
    if complete {
        return goodness;
    }
    // The search did not get through the whole text (a stretch it could not follow: very
    // fast speech, noise, something read that is not in the text): it gives up at the first
    // such place, and what it aligned up to there stands. The words it left out are aligned
    // again in short stretches at the recogniser's word times, so one such place costs only
    // its stretch.
    let mut out = goodness;
    let missing: Vec<usize> = (0..words.len())
        .filter(|&i| !forms[i].is_empty() && out[i].is_none())
        .filter(|&i| words[i].start.is_some() && words[i].end.is_some())
        .collect();
    with_aligner(models_dir, |aligner| {
        for stretch in missing.chunks(STRETCH_WORDS) {
            align_stretch(aligner, samples, words, &forms, stretch, &mut out);
        }
    });
    if out.iter().all(Option::is_none) {
        tracing::warn!("pronunciation check skipped for this reading: nothing could be aligned");
    }
    out
}

fn forms_of(aligner: &mut Aligner, words: &[WordResult]) -> Vec<Vec<String>> {
    words
        .iter()
        .map(|w| {
            if attempted(w.status) {
                dictionary_forms(aligner, &w.text)
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// Words per stretch when the whole reading does not align: about a sentence, the length of
/// the recordings the models were calibrated on.
const STRETCH_WORDS: usize = 10;
/// Audio kept either side of a stretch's first and last word, in seconds.
const STRETCH_MARGIN_S: f64 = 0.2;

/// Aligns the words `stretch` (indices into `words`) on their own stretch of audio; the words
/// it leaves unaligned are tried again in two halves, down to single words.
fn align_stretch(
    aligner: &mut Aligner,
    samples: &[f32],
    words: &[WordResult],
    forms: &[Vec<String>],
    stretch: &[usize],
    out: &mut [Option<f64>],
) {
    let (Some(&first), Some(&last)) = (stretch.first(), stretch.last()) else {
        return;
    };
    let start = words[first].start.unwrap_or(0.0) - STRETCH_MARGIN_S;
    let end = words[last].end.unwrap_or(0.0) + STRETCH_MARGIN_S;
    let at = |t: f64| ((t.max(0.0) * f64::from(TARGET_RATE)) as usize).min(samples.len());
    let stretch_forms: Vec<Vec<String>> = stretch.iter().map(|&i| forms[i].clone()).collect();
    if let Ok(g) = aligner.goodness(&samples[at(start)..at(end)], &stretch_forms) {
        for (&i, g) in stretch.iter().zip(g) {
            out[i] = g.map(|g| g.per_frame);
        }
    }
    let missing: Vec<usize> = stretch
        .iter()
        .copied()
        .filter(|&i| out[i].is_none())
        .collect();
    if missing.is_empty() || stretch.len() == 1 {
        return;
    }
    // Each half is shorter than this stretch, so the retries end at single words.
    let (a, b) = missing.split_at(missing.len() / 2);
    for half in [a, b] {
        if !half.is_empty() {
            align_stretch(aligner, samples, words, forms, half, out);
        }
    }
}

/// Words the reader said something for. Omitted and unreached words are left out of the
/// alignment, so their neighbours are not squeezed to make room for them.
fn attempted(status: WordStatus) -> bool {
    !matches!(status, WordStatus::Omission | WordStatus::NotReached)
}

/// The dictionary words a printed word is read as: the word itself (`Don't` → `don't`), or
/// else its spoken form (`3` → `three`, `well-known` → `well known`). Empty when the
/// dictionary knows neither (names, foreign words): such a word gets no goodness.
fn dictionary_forms(aligner: &mut Aligner, display: &str) -> Vec<String> {
    let word = display
        .trim_matches(|c: char| !c.is_alphanumeric())
        .replace('\u{2019}', "'")
        .to_lowercase();
    if !word.is_empty() && aligner.knows(&word) {
        return vec![word];
    }
    let spoken = normalise_heard(display, Lang::En);
    if !spoken.is_empty() && spoken.iter().all(|s| aligner.knows(s)) {
        spoken
    } else {
        Vec::new()
    }
}
