//! One recording through whisper.cpp: cut into chunks of under 30 s at pauses, each chunk
//! decoded once (and, when asked, its passage words scored against the same encoding), then
//! the guards and the timing fixes.

use std::sync::atomic::Ordering;

use leo_models::bpe::BpeTokenizer;
use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperState};

use crate::encoder_watch::{self, EncoderWatch};
use crate::error::AsrError;
use crate::forced::score_expected;
use crate::guards::{
    cut_loops, decode_looks_failed, is_silent, is_steady_noise, segment_is_noise,
    segment_is_non_speech,
};
use crate::timing::{Activity, snap_to_activity};
use crate::voice::VoiceProfile;
use crate::words::{Token, Word, assemble};
use crate::{Request, Transcript};

const RATE: usize = 16_000;
/// whisper.cpp refuses input shorter than one second; shorter clips are padded with silence.
const MIN_SAMPLES: usize = RATE;
/// Whisper sees 30 s at a time; chunks stay below that so each is encoded exactly once.
const MAX_CHUNK_S: f64 = 28.0;
const MIN_CHUNK_S: f64 = 15.0;

pub(crate) fn transcribe(
    ctx: &WhisperContext,
    state: &mut WhisperState,
    threads: usize,
    tokenizer: Option<&BpeTokenizer>,
    mut request: Request,
) -> Result<Transcript, AsrError> {
    if request.samples.is_empty() {
        return Err(AsrError::EmptyAudio);
    }
    let samples = std::mem::take(&mut request.samples);
    let duration = seconds(samples.len());
    let activity = Activity::from_samples(&samples);
    let mut words = Vec::new();
    let mut forced = Vec::new();
    let mut encoder_runs = 0;
    let mut voice = Some(VoiceProfile::new(ctx.model_n_audio_state().max(1) as usize));
    let window_frames = ctx.model_n_audio_ctx().max(1) as usize;
    let mut state_ptr = std::ptr::null_mut();
    if !is_silent(&samples) && !is_steady_noise(&samples) {
        for (a, b) in plan_chunks(samples.len(), &activity) {
            let chunk = &samples[a..b];
            if is_silent(chunk) || is_steady_noise(chunk) {
                continue;
            }
            let offset = seconds(a);
            let mut padded = chunk.to_vec();
            if padded.len() < MIN_SAMPLES {
                padded.resize(MIN_SAMPLES, 0.0);
            }
            let watch = EncoderWatch::default();
            let mut params = decoding_params(threads, &request, Decoding::Greedy);
            encoder_watch::attach(&mut params, &watch);
            state
                .full(params, &padded)
                .map_err(|e| AsrError::Decode(e.to_string()))?;
            let mut chunk_words = extract_words(ctx, state, chunk, offset);
            encoder_runs += watch.runs.load(Ordering::Relaxed);
            let watched = watch.state.load(Ordering::Relaxed);
            if !watched.is_null() {
                state_ptr = watched;
            }
            let end = offset + seconds(chunk.len());
            if decode_looks_failed(&chunk_words, activity.voiced_seconds(offset, end)) {
                // Decode again, more carefully; keep whichever decode heard more.
                watch.runs.store(0, Ordering::Relaxed);
                let mut params = decoding_params(threads, &request, Decoding::Careful);
                encoder_watch::attach(&mut params, &watch);
                state
                    .full(params, &padded)
                    .map_err(|e| AsrError::Decode(e.to_string()))?;
                encoder_runs += watch.runs.load(Ordering::Relaxed);
                let retry = extract_words(ctx, state, chunk, offset);
                tracing::debug!(
                    "chunk at {offset:.1} s decoded again: {} words, then {}",
                    chunk_words.len(),
                    retry.len()
                );
                if cut_loops(retry.clone()).len() > cut_loops(chunk_words.clone()).len() {
                    chunk_words = retry;
                }
            }
            if let (Some(expect), Some(tokenizer)) = (request.expected.as_mut(), tokenizer) {
                let expected = expect(&chunk_words);
                if !expected.is_empty() {
                    // The state holds this chunk's encoding only if whisper.cpp encoded once.
                    if watch.runs.load(Ordering::Relaxed) != 1 {
                        state
                            .pcm_to_mel(&padded, threads)
                            .map_err(|e| AsrError::Decode(e.to_string()))?;
                        state
                            .encode(0, threads)
                            .map_err(|e| AsrError::Decode(e.to_string()))?;
                        encoder_runs += 1;
                    }
                    // The encoding of this chunk is in the state now, as forcing needs it. The
                    // profile is extra evidence: failing to read it must not fail the reading.
                    if let Some(profile) = voice.as_mut() {
                        if let Err(e) = profile.add_last_encoding(
                            state_ptr,
                            window_frames,
                            seconds(chunk.len()),
                        ) {
                            tracing::warn!("no voice profile for this reading: {e}");
                            voice = None;
                        }
                    }
                    forced.extend(score_expected(
                        ctx,
                        state,
                        threads,
                        request.language,
                        tokenizer,
                        &expected,
                    )?);
                }
            }
            words.extend(chunk_words);
        }
    }
    let mut words = cut_loops(words);
    snap_to_activity(&mut words, &activity);
    let text = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Transcript {
        text,
        language: request.language,
        duration_s: duration,
        words,
        forced,
        encoder_runs,
        voice_profile: voice.and_then(|v| v.finish()),
    })
}

/// Duration of `samples` samples at 16 kHz, or the time of sample index `samples`.
fn seconds(samples: usize) -> f64 {
    samples as f64 / RATE as f64
}

/// Chunk boundaries (sample indices): whole recordings up to 28 s, longer ones cut at the
/// longest pause between 15 and 28 s into each chunk.
fn plan_chunks(len: usize, activity: &Activity) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut start = 0usize;
    let max = (MAX_CHUNK_S * RATE as f64) as usize;
    while len - start > max {
        let from = seconds(start);
        let cut = activity.quietest_point(from + MIN_CHUNK_S, from + MAX_CHUNK_S);
        let cut = ((cut * RATE as f64) as usize).clamp(start + RATE, start + max);
        chunks.push((start, cut));
        start = cut;
    }
    chunks.push((start, len));
    chunks
}

/// How hard the decoder tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decoding {
    /// One greedy pass at temperature 0: fast and repeatable.
    Greedy,
    /// Beam search, falling back to higher temperatures when the result still looks like a
    /// loop or is improbable: for a chunk whose greedy pass lost the speech.
    Careful,
}

/// Beam width of the careful decode (whisper's reference setting).
const CAREFUL_BEAM: i32 = 5;

fn decoding_params<'a>(
    threads: usize,
    request: &'a Request,
    decoding: Decoding,
) -> FullParams<'a, 'a> {
    let strategy = match decoding {
        Decoding::Greedy => SamplingStrategy::Greedy { best_of: 1 },
        Decoding::Careful => SamplingStrategy::BeamSearch {
            beam_size: CAREFUL_BEAM,
            patience: -1.0,
        },
    };
    let mut params = FullParams::new(strategy);
    params.set_n_threads(threads as i32);
    params.set_language(Some(request.language.code()));
    params.set_detect_language(false);
    params.set_translate(false);
    params.set_no_context(true);
    params.set_token_timestamps(true);
    params.set_suppress_blank(true);
    params.set_suppress_nst(true);
    params.set_temperature(0.0);
    match decoding {
        // Deterministic: no sampling fallback at higher temperatures; loops are cut afterwards.
        Decoding::Greedy => params.set_temperature_inc(0.0),
        // whisper.cpp's own fallback: re-decode at rising temperatures while the result
        // looks like a loop or is improbable.
        Decoding::Careful => params.set_temperature_inc(0.2),
    }
    params.set_print_special(false);
    params.set_print_progress(false);
    params.set_print_realtime(false);
    params.set_print_timestamps(false);
    if let Some(prompt) = &request.prompt {
        params.set_initial_prompt(prompt);
    }
    params
}

/// Words of the last `full` call, with times shifted by the chunk's offset. Segments that
/// whisper.cpp marks as non-speech, or that fall on silence or steady noise, are dropped.
fn extract_words(
    ctx: &WhisperContext,
    state: &WhisperState,
    chunk: &[f32],
    offset: f64,
) -> Vec<Word> {
    let eot = ctx.token_eot();
    let mut tokens = Vec::new();
    // With alignment enabled, a token's DTW time marks where it ends; it starts where the
    // token before it ended.
    let mut previous_end: Option<f64> = None;
    for segment in state.as_iter() {
        let mut seg_tokens = Vec::new();
        for i in 0..segment.n_tokens() {
            let Some(token) = segment.get_token(i) else {
                continue;
            };
            let data = token.token_data();
            let special = token.token_id() >= eot;
            let bytes = if special {
                Vec::new()
            } else {
                token.to_bytes().map(<[u8]>::to_vec).unwrap_or_default()
            };
            let (t0, t1) = if data.t_dtw >= 0 {
                let end = data.t_dtw as f64 / 100.0;
                (previous_end.unwrap_or(data.t0 as f64 / 100.0).min(end), end)
            } else {
                (data.t0 as f64 / 100.0, data.t1 as f64 / 100.0)
            };
            if data.t_dtw >= 0 {
                previous_end = Some(t1);
            }
            seg_tokens.push(Token {
                bytes,
                special,
                t0: t0 + offset,
                t1: t1 + offset,
                p: data.p,
            });
        }
        let probs: Vec<f32> = seg_tokens
            .iter()
            .filter(|t| !t.special)
            .map(|t| t.p)
            .collect();
        let avg_logprob = if probs.is_empty() {
            f32::NEG_INFINITY
        } else {
            probs.iter().map(|p| p.max(1e-9).ln()).sum::<f32>() / probs.len() as f32
        };
        let span = segment_samples(chunk, segment.start_timestamp(), segment.end_timestamp());
        if segment_is_non_speech(segment.no_speech_probability(), avg_logprob)
            || segment_is_noise(&probs)
            || is_silent(span)
            || is_steady_noise(span)
        {
            continue;
        }
        tokens.extend(seg_tokens);
    }
    let end = offset + seconds(chunk.len());
    assemble(&tokens, end)
        .into_iter()
        .filter(|w| w.end > offset || w.start >= offset)
        .collect()
}

/// The samples of a segment, from whisper.cpp's centisecond timestamps.
fn segment_samples(samples: &[f32], t0_cs: i64, t1_cs: i64) -> &[f32] {
    let at = |cs: i64| ((cs.max(0) as usize) * 160).min(samples.len());
    let (a, b) = (at(t0_cs), at(t1_cs));
    if b > a {
        &samples[a..b]
    } else {
        &samples[0..0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_recordings_are_cut_at_pauses_into_chunks_under_thirty_seconds() {
        let rate = RATE as f64;
        let mut audio = vec![0.0f32; (70.0 * rate) as usize];
        for (i, s) in audio.iter_mut().enumerate() {
            let t = i as f64 / rate;
            // Speech everywhere except pauses at 19–20 s and 45–46 s.
            if !(19.0..20.0).contains(&t) && !(45.0..46.0).contains(&t) {
                *s = 0.3 * (i as f32 * 0.05).sin();
            }
        }
        let chunks = plan_chunks(audio.len(), &Activity::from_samples(&audio));
        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[0].0, 0);
        assert_eq!(chunks[2].1, audio.len());
        for w in chunks.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
        for &(a, b) in &chunks {
            assert!((b - a) as f64 / rate <= MAX_CHUNK_S);
        }
        assert!(((chunks[0].1 as f64 / rate) - 19.5).abs() < 0.1);
        assert!(((chunks[1].1 as f64 / rate) - 45.5).abs() < 0.1);
        assert_eq!(
            plan_chunks(16_000 * 10, &Activity::from_samples(&audio[..160_000])),
            vec![(0, 160_000)]
        );
    }
}
