//! Guards against Whisper's known failure modes on classroom audio: it invents words for
//! silence and noise, and a greedy decoder can fall into a loop repeating one phrase.

use crate::words::Word;

/// Below this RMS (about −50 dBFS) a recording holds no speech worth decoding.
const SILENCE_RMS: f32 = 0.003;

/// True when the audio is too quiet to contain speech; decoding it would only invite
/// hallucinated words.
pub fn is_silent(samples: &[f32]) -> bool {
    if samples.is_empty() {
        return true;
    }
    let mean = samples.iter().sum::<f32>() / samples.len() as f32;
    let power = samples.iter().map(|s| (s - mean) * (s - mean)).sum::<f32>() / samples.len() as f32;
    power.sqrt() < SILENCE_RMS
}

/// Speech rises and falls by tens of decibels between syllables and pauses; fan hum, hiss and
/// other steady noise stay within a few. When the spread between quiet and loud 25 ms frames
/// (10th to 90th percentile) is below this, the audio is steady noise, whatever its loudness.
const MIN_SPEECH_SPREAD_DB: f32 = 8.0;

/// True for steady noise (or too little audio to judge): no word should come out of it.
pub fn is_steady_noise(samples: &[f32]) -> bool {
    const FRAME: usize = 400;
    const HOP: usize = 160;
    if samples.len() < FRAME + 10 * HOP {
        return false;
    }
    let mut levels: Vec<f32> = (0..=(samples.len() - FRAME) / HOP)
        .map(|i| {
            let frame = &samples[i * HOP..i * HOP + FRAME];
            let power = frame.iter().map(|s| s * s).sum::<f32>() / FRAME as f32;
            10.0 * (power + 1e-10).log10()
        })
        .collect();
    levels.sort_by(f32::total_cmp);
    let at = |q: f32| levels[((levels.len() - 1) as f32 * q).round() as usize];
    at(0.9) - at(0.1) < MIN_SPEECH_SPREAD_DB
}

/// Whisper's own rule for a segment with nothing said: the "no speech" token is likely and
/// the decoded text is improbable.
pub fn segment_is_non_speech(no_speech_prob: f32, avg_logprob: f32) -> bool {
    no_speech_prob > 0.6 && avg_logprob < -1.0
}

/// A segment decoded with very low confidence throughout is noise, not reading.
pub fn segment_is_noise(token_probs: &[f32]) -> bool {
    if token_probs.is_empty() {
        return true;
    }
    let mean = token_probs.iter().sum::<f32>() / token_probs.len() as f32;
    mean < 0.2
}

/// Below this many words per second of voice, a decode has lost most of the speech: reading
/// aloud runs at 1.5–3.5 words per voiced second, a child sounding words out at about 1.
const MIN_WORDS_PER_VOICED_S: f64 = 0.8;
/// Too little voice to judge a decode by its word rate.
const MIN_VOICED_S_TO_JUDGE: f64 = 3.0;

/// Whether a chunk's greedy decode lost the speech: the decoder looped or stopped early and
/// its words cover far less voice than the chunk holds (seen on some voices: "mi amor, mi
/// amor, mi amor" over 16 s of a Spanish passage). Such a chunk is worth decoding again.
pub fn decode_looks_failed(words: &[Word], voiced_s: f64) -> bool {
    if voiced_s < MIN_VOICED_S_TO_JUDGE {
        return false;
    }
    let kept = cut_loops(words.to_vec()).len();
    kept < words.len() || (kept as f64) < MIN_WORDS_PER_VOICED_S * voiced_s
}

/// A child may repeat a word or two, but the same phrase more than `MAX_REPEATS` times in a
/// row is the decoder looping: keep the first repeats and drop the rest of the run.
const MAX_REPEATS: usize = 3;

pub fn cut_loops(words: Vec<Word>) -> Vec<Word> {
    let key = |w: &Word| {
        w.text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let keys: Vec<String> = words.iter().map(key).collect();
    let mut keep = vec![true; words.len()];
    for n in 1..=4usize {
        let mut i = 0;
        while i + n <= keys.len() {
            let mut reps = 1;
            while i + (reps + 1) * n <= keys.len()
                && keys[i + reps * n..i + (reps + 1) * n] == keys[i..i + n]
            {
                reps += 1;
            }
            if reps > MAX_REPEATS {
                for k in keep
                    .iter_mut()
                    .skip(i + MAX_REPEATS * n)
                    .take((reps - MAX_REPEATS) * n)
                {
                    *k = false;
                }
                i += reps * n;
            } else {
                i += 1;
            }
        }
    }
    words
        .into_iter()
        .zip(keep)
        .filter_map(|(w, k)| k.then_some(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word> {
        text.split_whitespace()
            .enumerate()
            .map(|(i, t)| Word {
                text: t.to_string(),
                start: i as f64,
                end: i as f64 + 0.5,
                p: 0.9,
                logprob: 0.0,
                tokens: 1,
            })
            .collect()
    }

    fn texts(w: &[Word]) -> String {
        w.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn loops_are_cut_but_genuine_repetition_kept() {
        assert_eq!(
            texts(&cut_loops(words("the the cat sat"))),
            "the the cat sat"
        );
        assert_eq!(
            texts(&cut_loops(words(
                "I like it. I like it. I like it. I like it. I like it. The end"
            ))),
            "I like it. I like it. I like it. The end"
        );
        assert_eq!(texts(&cut_loops(words("no no no no no no no"))), "no no no");
    }

    #[test]
    fn silence_and_quiet_hum_are_silent_speech_level_is_not() {
        assert!(is_silent(&[]));
        assert!(is_silent(&vec![0.0; 16000]));
        let hum: Vec<f32> = (0..16000)
            .map(|i| 0.001 * (i as f32 * 0.1).sin() + 0.2)
            .collect();
        assert!(is_silent(&hum), "a DC offset with a faint hum is silence");
        let voice: Vec<f32> = (0..16000).map(|i| 0.1 * (i as f32 * 0.05).sin()).collect();
        assert!(!is_silent(&voice));
    }

    /// A deterministic white-noise generator (xorshift) so the test needs no extra crate.
    fn white_noise(n: usize, amplitude: f32) -> Vec<f32> {
        let mut x = 0x2545_F491u32;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                amplitude * ((x as f32 / u32::MAX as f32) * 2.0 - 1.0)
            })
            .collect()
    }

    #[test]
    fn steady_noise_is_recognised_and_syllables_are_not() {
        assert!(is_steady_noise(&white_noise(80_000, 0.3)));
        assert!(is_steady_noise(&white_noise(80_000, 0.01)));
        // Noise bursts of 200 ms every 400 ms, like syllables and gaps, over a quiet floor.
        let mut bursts = white_noise(80_000, 0.005);
        for (i, s) in bursts.iter_mut().enumerate() {
            if (i / 3200) % 2 == 0 {
                *s *= 40.0;
            }
        }
        assert!(!is_steady_noise(&bursts));
        assert!(!is_steady_noise(&[0.1; 100]), "too short to judge");
    }

    #[test]
    fn whisper_non_speech_rule() {
        assert!(segment_is_non_speech(0.9, -1.5));
        assert!(!segment_is_non_speech(0.9, -0.3));
        assert!(!segment_is_non_speech(0.1, -2.0));
        assert!(segment_is_noise(&[0.05, 0.1, 0.2]));
        assert!(!segment_is_noise(&[0.9, 0.5, 0.7]));
    }

    #[test]
    fn a_decode_that_lost_the_speech_is_spotted() {
        // Three phrases over 16 s of voice: far too few words.
        assert!(decode_looks_failed(
            &words("mi amor, mi amor, mi amor,"),
            16.0
        ));
        // A loop, however long the voice.
        assert!(decode_looks_failed(
            &words("the dog the dog the dog the dog the dog"),
            4.0
        ));
        // Ordinary reading, and a slow reader sounding words out.
        let passage = "Mi abuela vive en un pueblo pequeño cerca de la montaña cada verano";
        assert!(!decode_looks_failed(&words(passage), 5.5));
        assert!(!decode_looks_failed(&words("the cat sat on the mat"), 6.5));
        // Too little voice to judge.
        assert!(!decode_looks_failed(&words("hola"), 2.0));
    }
}
