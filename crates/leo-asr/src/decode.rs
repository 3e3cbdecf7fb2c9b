//! One decoding pass with whisper.cpp: parameters, token extraction and the guards.

use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperState};

use crate::error::AsrError;
use crate::guards::{
    cut_loops, is_silent, is_steady_noise, segment_is_noise, segment_is_non_speech,
};
use crate::timing::{Activity, snap_to_activity};
use crate::words::{Token, assemble};
use crate::{Request, Transcript};

/// whisper.cpp refuses input shorter than one second; shorter clips are padded with silence.
const MIN_SAMPLES: usize = 16_000;

pub(crate) fn transcribe(
    ctx: &WhisperContext,
    state: &mut WhisperState,
    threads: usize,
    request: &Request,
) -> Result<Transcript, AsrError> {
    if request.samples.is_empty() {
        return Err(AsrError::EmptyAudio);
    }
    let duration = request.samples.len() as f64 / 16_000.0;
    let empty = Transcript {
        text: String::new(),
        language: request.language,
        duration_s: duration,
        words: Vec::new(),
    };
    if is_silent(&request.samples) || is_steady_noise(&request.samples) {
        return Ok(empty);
    }
    let mut samples = request.samples.clone();
    if samples.len() < MIN_SAMPLES {
        samples.resize(MIN_SAMPLES, 0.0);
    }

    let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
    params.set_n_threads(threads as i32);
    params.set_language(Some(request.language.code()));
    params.set_detect_language(false);
    params.set_translate(false);
    params.set_no_context(true);
    params.set_token_timestamps(true);
    params.set_suppress_blank(true);
    params.set_suppress_nst(true);
    // Deterministic: no sampling fallback at higher temperatures; loops are cut afterwards.
    params.set_temperature(0.0);
    params.set_temperature_inc(0.0);
    params.set_print_special(false);
    params.set_print_progress(false);
    params.set_print_realtime(false);
    params.set_print_timestamps(false);
    if let Some(prompt) = &request.prompt {
        params.set_initial_prompt(prompt);
    }
    state
        .full(params, &samples)
        .map_err(|e| AsrError::Decode(e.to_string()))?;

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
                t0,
                t1,
                p: data.p,
            });
        }
        let text_tokens: Vec<&Token> = seg_tokens.iter().filter(|t| !t.special).collect();
        let probs: Vec<f32> = text_tokens.iter().map(|t| t.p).collect();
        let avg_logprob = if probs.is_empty() {
            f32::NEG_INFINITY
        } else {
            probs.iter().map(|p| p.max(1e-9).ln()).sum::<f32>() / probs.len() as f32
        };
        let span = segment_samples(
            &request.samples,
            segment.start_timestamp(),
            segment.end_timestamp(),
        );
        if segment_is_non_speech(segment.no_speech_probability(), avg_logprob)
            || segment_is_noise(&probs)
            || is_silent(span)
            || is_steady_noise(span)
        {
            continue;
        }
        tokens.extend(seg_tokens);
    }
    let mut words = cut_loops(assemble(&tokens, duration));
    snap_to_activity(&mut words, &Activity::from_samples(&request.samples));
    let text = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Transcript {
        text,
        words,
        ..empty
    })
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
