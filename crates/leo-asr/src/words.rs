//! Turning whisper.cpp tokens into words: a token whose text starts with a space begins a new
//! word; special tokens (end of text, timestamps, language tags) carry no text and are dropped.

use serde::Serialize;

/// A recognised word with its time span in seconds and the decoder's confidence (0–1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Word {
    pub text: String,
    pub start: f64,
    pub end: f64,
    pub p: f32,
    /// Sum of the natural-log probabilities of the word's tokens, and how many there were.
    #[serde(skip)]
    pub logprob: f32,
    #[serde(skip)]
    pub tokens: u32,
}

/// One decoded token as the worker extracts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub bytes: Vec<u8>,
    pub special: bool,
    /// Start and end in seconds.
    pub t0: f64,
    pub t1: f64,
    pub p: f32,
}

/// Groups tokens into words. Bytes are joined before decoding because a multi-byte character
/// (an "í", say) can be split across two tokens. Times are clamped to `[0, duration]` and made
/// non-decreasing, since token timestamps can jitter backwards by a frame.
pub fn assemble(tokens: &[Token], duration: f64) -> Vec<Word> {
    struct Building {
        bytes: Vec<u8>,
        start: f64,
        end: f64,
        probs: Vec<f32>,
    }
    let mut words = Vec::new();
    let mut current: Option<Building> = None;
    let finish = |b: Building, words: &mut Vec<Word>| {
        let text = String::from_utf8_lossy(&b.bytes).trim().to_string();
        if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
            // A lone punctuation token belongs to the word before it.
            if let (Some(last), false) = (words.last_mut(), text.is_empty()) {
                let last: &mut Word = last;
                last.text.push_str(&text);
            }
            return;
        }
        let p = b.probs.iter().sum::<f32>() / b.probs.len().max(1) as f32;
        words.push(Word {
            text,
            start: b.start,
            end: b.end,
            p,
            logprob: b.probs.iter().map(|p| p.max(1e-9).ln()).sum(),
            tokens: b.probs.len() as u32,
        });
    };
    for t in tokens.iter().filter(|t| !t.special && !t.bytes.is_empty()) {
        let starts_word = t.bytes.first() == Some(&b' ');
        match current.as_mut() {
            Some(b) if !starts_word => {
                b.bytes.extend_from_slice(&t.bytes);
                // Trailing punctuation is not spoken: it must not stretch the word's end.
                if t.bytes.iter().any(u8::is_ascii_alphanumeric)
                    || t.bytes.iter().any(|&c| c >= 0x80)
                {
                    b.end = b.end.max(t.t1);
                }
                b.probs.push(t.p);
            }
            _ => {
                if let Some(b) = current.take() {
                    finish(b, &mut words);
                }
                current = Some(Building {
                    bytes: t.bytes.clone(),
                    start: t.t0,
                    end: t.t1,
                    probs: vec![t.p],
                });
            }
        }
    }
    if let Some(b) = current.take() {
        finish(b, &mut words);
    }
    let mut floor = 0.0f64;
    for w in &mut words {
        w.start = w.start.clamp(floor, duration);
        w.end = w.end.clamp(w.start, duration);
        floor = w.start;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &[u8], t0: f64, t1: f64, p: f32) -> Token {
        Token {
            bytes: text.to_vec(),
            special: false,
            t0,
            t1,
            p,
        }
    }

    #[test]
    fn leading_space_starts_a_word_and_pieces_join() {
        let tokens = vec![
            tok(b" The", 0.0, 0.2, 0.9),
            tok(b" cat", 0.2, 0.4, 0.8),
            tok(b"er", 0.4, 0.5, 0.6),
            tok(b"pillar", 0.5, 0.9, 0.4),
            tok(b".", 0.9, 3.0, 0.9),
        ];
        let words = assemble(&tokens, 10.0);
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, vec!["The", "caterpillar."]);
        assert_eq!(words[1].start, 0.2);
        assert_eq!(words[1].end, 0.9, "the full stop does not extend the word");
        assert!((words[1].p - 0.675).abs() < 1e-6);
    }

    #[test]
    fn split_utf8_characters_are_rejoined() {
        // " días": the "í" (C3 AD) split across two tokens.
        let tokens = vec![
            tok(b" d", 0.0, 0.1, 1.0),
            tok(&[0xC3], 0.1, 0.2, 1.0),
            tok(&[0xAD, b'a', b's'], 0.2, 0.3, 1.0),
        ];
        assert_eq!(assemble(&tokens, 1.0)[0].text, "días");
    }

    #[test]
    fn specials_dropped_and_times_clamped_monotonic() {
        let mut special = tok(b"", 0.0, 0.0, 1.0);
        special.special = true;
        let tokens = vec![
            special,
            tok(b" one", 0.5, 0.8, 1.0),
            tok(b" two", 0.4, 12.0, 1.0),
        ];
        let words = assemble(&tokens, 2.0);
        assert_eq!(words.len(), 2);
        assert_eq!(words[1].start, 0.5);
        assert_eq!(words[1].end, 2.0);
    }

    #[test]
    fn leading_punctuation_only_token_is_not_a_word() {
        let tokens = vec![tok(b" -", 0.0, 0.1, 1.0), tok(b" yes", 0.1, 0.3, 1.0)];
        let words = assemble(&tokens, 1.0);
        assert_eq!(words.len(), 1);
        assert_eq!(words[0].text, "yes");
    }
}
