//! Goodness of pronunciation (GOP) of English words against a native-speaker acoustic model.
//!
//! Whisper is trained to understand accented speech, so its scores forgive much of what a
//! pronunciation expert hears. PocketSphinx's US English model (trained on native speakers)
//! does not: the passage words are force-aligned to the recording, and each word's acoustic
//! log-likelihood is compared, frame by frame, with that of the best-matching sound of the
//! model in the same frame. A word said as a native speaker would comes out near 0; a word
//! whose sounds are other sounds comes out well below.
//!
//! This crate wraps the vendored PocketSphinx C library (`vendor/pocketsphinx`); its model files
//! (`en-us/` and `cmudict-en-us.dict`) are installed by `leo models install`.
#![allow(unsafe_code)] // the FFI boundary to PocketSphinx lives here and nowhere else

mod ffi;

use std::ffi::{CStr, CString};
use std::path::{Path, PathBuf};
use std::ptr::NonNull;

use leo_models::{PRONUNCIATION_MODEL, pronunciation_model_dir, pronunciation_model_present};

/// Frames per second of PocketSphinx's features.
pub const FRAMES_PER_SECOND: f64 = 100.0;

#[derive(Debug, thiserror::Error)]
pub enum GopError {
    #[error(
        "the English pronunciation model is not installed in {0} (run `leo models install {PRONUNCIATION_MODEL}`)"
    )]
    NotInstalled(PathBuf),
    #[error("the English pronunciation model in {dir} could not be loaded")]
    Load { dir: PathBuf },
    #[error("the passage could not be aligned to the recording")]
    NoAlignment,
}

/// How one passage word sounded against the native model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordGoodness {
    /// Mean log-likelihood ratio per 10 ms frame (natural log, ≤ 0 in practice) between the
    /// word's aligned sounds and the best sound of the model in each frame.
    pub per_frame: f64,
    /// How many frames the word was aligned to.
    pub frames: u32,
}

/// A loaded native English model, ready to align readings. One reading at a time: the decoder
/// keeps state between calls, so the aligner is `Send` but not `Sync`.
#[derive(Debug)]
pub struct Aligner {
    ps: NonNull<ffi::Decoder>,
}

// SAFETY: the decoder is owned by this value alone and PocketSphinx keeps no thread-affine
// state; `&mut self` on every call that touches it keeps use to one thread at a time.
unsafe impl Send for Aligner {}

impl Aligner {
    /// Whether the model files are present in `models_dir`, as `leo models install` leaves
    /// them.
    pub fn is_installed(models_dir: &Path) -> bool {
        pronunciation_model_present(models_dir)
    }

    /// Loads the model from `models_dir/pocketsphinx-en-us`.
    pub fn load(models_dir: &Path) -> Result<Aligner, GopError> {
        let dir = pronunciation_model_dir(models_dir);
        if !Aligner::is_installed(models_dir) {
            return Err(GopError::NotInstalled(models_dir.to_path_buf()));
        }
        let load_error = || GopError::Load { dir: dir.clone() };
        let hmm = c_path(&dir.join("en-us")).ok_or_else(load_error)?;
        let dict = c_path(&dir.join("cmudict-en-us.dict")).ok_or_else(load_error)?;
        // SAFETY: plain calls into the C library with valid NUL-terminated strings; the config
        // is freed once the decoder holds its own reference.
        unsafe {
            let config = ffi::ps_config_init(std::ptr::null());
            if config.is_null() {
                return Err(load_error());
            }
            ffi::ps_config_set_str(config, c"hmm".as_ptr(), hmm.as_ptr());
            ffi::ps_config_set_str(config, c"dict".as_ptr(), dict.as_ptr());
            // A reading is aligned as a whole, so the cepstral mean is taken over all of it
            // instead of being adapted as the audio comes in.
            ffi::ps_config_set_str(config, c"cmn".as_ptr(), c"batch".as_ptr());
            ffi::ps_config_set_str(config, c"loglevel".as_ptr(), c"FATAL".as_ptr());
            let ps = ffi::ps_init(config);
            ffi::ps_config_free(config);
            let ps = NonNull::new(ps).ok_or_else(load_error)?;
            Ok(Aligner { ps })
        }
    }

    /// Whether the pronunciation dictionary has `word` (lower case, as in the dictionary).
    pub fn knows(&mut self, word: &str) -> bool {
        let Ok(w) = CString::new(word) else {
            return false;
        };
        // SAFETY: valid decoder and string; the returned copy is ours to free.
        unsafe {
            let pron = ffi::ps_lookup_word(self.ps.as_ptr(), w.as_ptr());
            if pron.is_null() {
                return false;
            }
            ffi::ckd_free(pron.cast());
            true
        }
    }

    /// Aligns `words` (each passage word as one or more dictionary words, in reading order) to
    /// `samples` (16 kHz mono) and returns each word's goodness. A word with a part the
    /// dictionary lacks gets `None`.
    pub fn goodness(
        &mut self,
        samples: &[f32],
        words: &[Vec<String>],
    ) -> Result<Vec<Option<WordGoodness>>, GopError> {
        let known: Vec<bool> = words
            .iter()
            .map(|parts| !parts.is_empty() && parts.iter().all(|p| self.knows(p)))
            .collect();
        if !known.contains(&true) {
            return Ok(vec![None; words.len()]);
        }
        // A word the dictionary lacks stands in the alignment as speech of unknown sounds, so
        // its neighbours are not stretched over it.
        let text: Vec<&str> = words
            .iter()
            .zip(&known)
            .flat_map(|(parts, &k)| {
                let parts: Vec<&str> = if k {
                    parts.iter().map(String::as_str).collect()
                } else {
                    vec![UNKNOWN_SPEECH]
                };
                parts
            })
            .collect();
        let segments = self.align(samples, &text.join(" "))?;
        if segments.is_empty() {
            return Err(GopError::NoAlignment);
        }
        // Segments come back in order, fillers (silence, noise) aside: hand them out to the
        // words they belong to. When the search could not reach the end of the text (the
        // reader stopped early, or the last words were lost in noise) it returns the best
        // path into the text: the words up to there are aligned, the rest get `None`.
        let mut segments = segments.into_iter();
        let mut out = Vec::with_capacity(words.len());
        for (parts, &k) in words.iter().zip(&known) {
            if !k {
                out.push(None);
                continue;
            }
            let (mut ln, mut frames, mut complete) = (0.0, 0u32, true);
            for _ in parts {
                match segments.next() {
                    Some((f, l)) => {
                        frames += f;
                        ln += l;
                    }
                    None => complete = false,
                }
            }
            out.push((complete && frames > 0).then(|| WordGoodness {
                per_frame: ln / f64::from(frames),
                frames,
            }));
        }
        Ok(out)
    }

    /// Forced alignment of `text`: (frames, acoustic log-likelihood ratio) per word, fillers
    /// left out.
    fn align(&mut self, samples: &[f32], text: &str) -> Result<Vec<(u32, f64)>, GopError> {
        let text = CString::new(text).map_err(|_| GopError::NoAlignment)?;
        let pcm = to_pcm_with_dither(samples);
        let ps = self.ps.as_ptr();
        // SAFETY: valid decoder, string and buffer for the duration of each call; segment
        // iteration runs to its end, which frees the iterator.
        unsafe {
            if ffi::ps_set_align_text(ps, text.as_ptr()) < 0
                || ffi::ps_start_utt(ps) < 0
                || ffi::ps_process_raw(ps, pcm.as_ptr(), pcm.len(), 0, 1) < 0
                || ffi::ps_end_utt(ps) < 0
            {
                return Err(GopError::NoAlignment);
            }
            let lmath = ffi::ps_get_logmath(ps);
            let mut out = Vec::new();
            let mut seg = ffi::ps_seg_iter(ps);
            while !seg.is_null() {
                let word = CStr::from_ptr(ffi::ps_seg_word(seg)).to_string_lossy();
                if !is_filler(&word) {
                    let (mut start, mut end) = (0, 0);
                    ffi::ps_seg_frames(seg, &mut start, &mut end);
                    let (mut ascr, mut lscr, mut lback) = (0, 0, 0);
                    ffi::ps_seg_prob(seg, &mut ascr, &mut lscr, &mut lback);
                    let frames = u32::try_from(end - start + 1).unwrap_or(0);
                    out.push((frames, ffi::logmath_log_to_ln(lmath, ascr)));
                }
                seg = ffi::ps_seg_next(seg);
            }
            Ok(out)
        }
    }
}

impl Drop for Aligner {
    fn drop(&mut self) {
        // SAFETY: the decoder was created by `ps_init` and is freed once, here.
        unsafe {
            ffi::ps_free(self.ps.as_ptr());
        }
    }
}

/// The acoustic model's filler for speech of no particular sounds.
const UNKNOWN_SPEECH: &str = "[SPEECH]";

/// Silence, sentence marks and noise words: `<sil>`, `<s>`, `</s>`, `[NOISE]`, `+SPN+`.
fn is_filler(word: &str) -> bool {
    word.starts_with('<') || word.starts_with('[') || word.starts_with('+')
}

/// 16-bit samples with one step of triangular noise added. Digital silence (exact zeros, as
/// synthetic speech and some noise gates produce) has no energy at all, and the model's
/// features then swing to their floor and throw the whole recording's normalisation off; a
/// microphone's own noise is far above one step, so real recordings are not changed in any way
/// that matters. The noise is the same for the same recording.
fn to_pcm_with_dither(samples: &[f32]) -> Vec<i16> {
    let mut state: u32 = 0x9E37_79B9;
    let mut uniform = move || {
        // xorshift32: cheap, and deterministic across platforms.
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        f64::from(state) / f64::from(u32::MAX)
    };
    samples
        .iter()
        .map(|&s| {
            let noise = uniform() - uniform();
            (f64::from(s.clamp(-1.0, 1.0)) * 32767.0 + noise)
                .round()
                .clamp(-32768.0, 32767.0) as i16
        })
        .collect()
}

fn c_path(path: &Path) -> Option<CString> {
    CString::new(path.to_str()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fillers_are_told_from_words() {
        for f in ["<sil>", "<s>", "</s>", "[NOISE]", "+SPN+"] {
            assert!(is_filler(f), "{f}");
        }
        for w in ["bear", "don't", "read(2)"] {
            assert!(!is_filler(w), "{w}");
        }
    }

    #[test]
    fn dither_keeps_silence_from_being_exact_zeros_and_changes_speech_by_a_step_at_most() {
        let silence = to_pcm_with_dither(&[0.0; 1000]);
        assert!(silence.iter().filter(|&&s| s != 0).count() > 150);
        assert!(silence.iter().all(|s| s.abs() <= 1));
        assert_eq!(silence, to_pcm_with_dither(&[0.0; 1000]));
        let speech: Vec<f32> = (0..1000).map(|i| (i as f32 * 0.01).sin() * 0.5).collect();
        for (p, s) in to_pcm_with_dither(&speech).iter().zip(&speech) {
            assert!((f32::from(*p) - s * 32767.0).abs() <= 1.5);
        }
        assert_eq!(to_pcm_with_dither(&[2.0, -2.0]).len(), 2);
    }

    #[test]
    fn a_missing_model_says_how_to_install_it() {
        let dir = tempfile_dir();
        let err = Aligner::load(&dir).unwrap_err();
        assert!(matches!(err, GopError::NotInstalled(_)));
        assert!(
            err.to_string()
                .contains("leo models install pocketsphinx-en-us")
        );
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("leo-gop-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
