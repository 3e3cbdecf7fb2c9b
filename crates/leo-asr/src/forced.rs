//! Teacher forcing: how likely the model finds the passage's own words given the audio. The
//! free decode says what the recogniser believes was read; forcing the expected text token by
//! token says how well the audio supports what should have been read. A low probability of
//! the expected word, while a different token was clearly preferred, is acoustic evidence of a
//! misreading even when the transcript looks right.

use leo_models::bpe::BpeTokenizer;
use serde::Serialize;
use whisper_rs::{WhisperContext, WhisperState};

use crate::Language;
use crate::error::AsrError;

/// One passage word to score, as the caller identifies it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedWord {
    /// The caller's identifier (e.g. the passage word index), returned with the score.
    pub key: usize,
    /// The word with any punctuation printed after it ("dog."), so the model sees the text the
    /// way it would write it.
    pub text: String,
}

/// Teacher-forced evidence for one expected word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForcedScore {
    pub key: usize,
    /// Sum and minimum of the natural-log probabilities of the word's tokens (text tokens only).
    pub logprob: f32,
    pub min_logprob: f32,
    /// Sum over tokens of (log-probability of the expected token − log-probability of the
    /// model's preferred token): 0 when the expected word was the model's first choice.
    pub margin: f32,
    pub tokens: u32,
}

/// The whisper.cpp decoder holds at most 448 tokens of text context.
const MAX_CONTEXT: usize = 440;

pub(crate) fn score_expected(
    ctx: &WhisperContext,
    state: &mut WhisperState,
    threads: usize,
    language: Language,
    tokenizer: &BpeTokenizer,
    words: &[ExpectedWord],
) -> Result<Vec<ForcedScore>, AsrError> {
    let eot = ctx.token_eot();
    let mut prompt = vec![ctx.token_sot()];
    if ctx.is_multilingual() {
        let lang_id = whisper_rs::get_lang_id(language.code())
            .ok_or_else(|| AsrError::UnsupportedLanguage(language.code().into()))?;
        prompt.push(ctx.token_lang(lang_id));
        prompt.push(ctx.token_transcribe());
    }
    // Decoding with timestamps starts with <|0.00|>; forcing does the same so the text tokens
    // are scored in the context the recogniser used.
    prompt.push(ctx.token_beg());
    let decode_err =
        |e: whisper_rs::WhisperError| AsrError::Decode(format!("scoring the passage words: {e}"));

    // Each call computes logits for the token fed last only, so tokens go in one at a time.
    let mut n_past = 0usize;
    for &t in &prompt {
        state.decode(&[t], n_past, threads).map_err(decode_err)?;
        n_past += 1;
    }
    let mut scores = Vec::with_capacity(words.len());
    for word in words {
        let tokens = tokenizer.encode(&format!(" {}", word.text));
        if n_past + tokens.len() >= MAX_CONTEXT {
            break;
        }
        let mut score = ForcedScore {
            key: word.key,
            logprob: 0.0,
            min_logprob: 0.0,
            margin: 0.0,
            tokens: 0,
        };
        for &token in &tokens {
            let logits = state.get_logits().map_err(decode_err)?;
            let text_logits = &logits[..(eot as usize).min(logits.len())];
            let (lp, best) = log_prob_and_best(text_logits, token as usize);
            if is_scored(tokenizer, token) {
                score.logprob += lp;
                score.min_logprob = score.min_logprob.min(lp);
                score.margin += lp - best;
                score.tokens += 1;
            }
            state
                .decode(&[token as i32], n_past, threads)
                .map_err(decode_err)?;
            n_past += 1;
        }
        scores.push(score);
    }
    Ok(scores)
}

/// Punctuation tokens are fed for context but say nothing about how a word was read.
fn is_scored(tokenizer: &BpeTokenizer, token: u32) -> bool {
    tokenizer
        .token_bytes(token)
        .is_some_and(|b| b.iter().any(|c| c.is_ascii_alphanumeric() || *c >= 0x80))
}

/// Log-softmax value of `token` and of the best token, over `logits`.
fn log_prob_and_best(logits: &[f32], token: usize) -> (f32, f32) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = logits.iter().map(|&l| (l - max).exp()).sum();
    let log_z = max + sum.ln();
    let lp = logits.get(token).map_or(f32::NEG_INFINITY, |&l| l - log_z);
    (lp, max - log_z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_softmax_values() {
        let logits = [0.0f32, (2.0f32).ln(), (5.0f32).ln()];
        let (lp, best) = log_prob_and_best(&logits, 1);
        assert!((lp - (2.0f32 / 8.0).ln()).abs() < 1e-6);
        assert!((best - (5.0f32 / 8.0).ln()).abs() < 1e-6);
        assert_eq!(log_prob_and_best(&logits, 7).0, f32::NEG_INFINITY);
    }
}
