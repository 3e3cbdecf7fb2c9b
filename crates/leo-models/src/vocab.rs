//! Whisper's vocabulary from a Hugging Face `tokenizer.json`.
//!
//! Tokens there are written in GPT-2's byte-level alphabet (every byte mapped to a printable
//! character, e.g. a space becomes `Ġ`). whisper.cpp wants the raw bytes of the ordinary tokens,
//! in id order; it adds the special tokens (`<|endoftext|>`, languages, timestamps) itself.

use std::collections::HashMap;

use serde::Deserialize;

use crate::error::ModelError;

#[derive(Deserialize)]
struct TokenizerFile {
    model: BpeModel,
    #[serde(default)]
    added_tokens: Vec<AddedToken>,
}

#[derive(Deserialize)]
struct BpeModel {
    vocab: HashMap<String, u32>,
    #[serde(default)]
    merges: Vec<Merge>,
}

/// Older files store a merge as "a b", newer ones as ["a", "b"].
#[derive(Deserialize)]
#[serde(untagged)]
enum Merge {
    Joined(String),
    Pair(String, String),
}

#[derive(Deserialize)]
struct AddedToken {
    id: u32,
    #[serde(default)]
    special: bool,
}

/// The ordinary (non-special) tokens as byte strings, plus the BPE merge list.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub tokens: Vec<Vec<u8>>,
    /// Merge rules in priority order, each as the two byte strings joined.
    pub merges: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Vocabulary {
    pub fn from_tokenizer_json(json: &[u8]) -> Result<Self, ModelError> {
        let file: TokenizerFile = serde_json::from_slice(json)
            .map_err(|e| ModelError::Format(format!("tokenizer.json is not valid: {e}")))?;
        let first_special = file
            .added_tokens
            .iter()
            .filter(|t| t.special)
            .map(|t| t.id)
            .min()
            .unwrap_or(u32::MAX);
        let decode = byte_decoder();
        let mut tokens: Vec<Option<Vec<u8>>> = Vec::new();
        for (text, &id) in &file.model.vocab {
            if id >= first_special {
                continue;
            }
            let id = id as usize;
            if tokens.len() <= id {
                tokens.resize(id + 1, None);
            }
            tokens[id] = Some(decode_token(text, &decode)?);
        }
        let tokens = tokens
            .into_iter()
            .enumerate()
            .map(|(id, t)| {
                t.ok_or_else(|| ModelError::Format(format!("tokenizer.json has no token {id}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let merges = file
            .model
            .merges
            .iter()
            .map(|m| {
                let (a, b) = match m {
                    Merge::Joined(s) => s.split_once(' ').ok_or_else(|| {
                        ModelError::Format(format!("tokenizer.json merge {s:?} has no space"))
                    })?,
                    Merge::Pair(a, b) => (a.as_str(), b.as_str()),
                };
                Ok((decode_token(a, &decode)?, decode_token(b, &decode)?))
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        Ok(Vocabulary { tokens, merges })
    }
}

fn decode_token(text: &str, decode: &HashMap<char, u8>) -> Result<Vec<u8>, ModelError> {
    text.chars()
        .map(|c| {
            decode.get(&c).copied().ok_or_else(|| {
                ModelError::Format(format!(
                    "token {text:?} has a character outside GPT-2's byte alphabet"
                ))
            })
        })
        .collect()
}

/// GPT-2's byte ↔ character table: printable Latin-1 bytes stand for themselves, the other 68
/// bytes are mapped in order to U+0100 and up.
pub fn byte_encoder() -> [char; 256] {
    let printable =
        |b: u32| (33..=126).contains(&b) || (161..=172).contains(&b) || (174..=255).contains(&b);
    let mut table = ['\0'; 256];
    let mut next = 256u32;
    for b in 0..256u32 {
        let code = if printable(b) {
            b
        } else {
            next += 1;
            next - 1
        };
        table[b as usize] = char::from_u32(code).unwrap_or('\u{FFFD}');
    }
    table
}

fn byte_decoder() -> HashMap<char, u8> {
    byte_encoder()
        .iter()
        .enumerate()
        .map(|(b, &c)| (c, b as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_alphabet_matches_gpt2() {
        let enc = byte_encoder();
        assert_eq!(enc[b' ' as usize], 'Ġ');
        assert_eq!(enc[b'\n' as usize], 'Ċ');
        assert_eq!(enc[b'a' as usize], 'a');
        assert_eq!(enc[0], 'Ā');
        let distinct: std::collections::HashSet<char> = enc.iter().copied().collect();
        assert_eq!(distinct.len(), 256);
    }

    #[test]
    fn ordinary_tokens_in_id_order_without_specials() {
        let json = r#"{"model": {"type": "BPE", "vocab": {"Ġd": 2, "a": 0, "Ã": 1, "<|endoftext|>": 3},
            "merges": ["Ġ d", ["Ã", "Ń"]]},
            "added_tokens": [{"id": 3, "content": "<|endoftext|>", "special": true}]}"#;
        let v = Vocabulary::from_tokenizer_json(json.as_bytes()).unwrap();
        assert_eq!(v.tokens, vec![b"a".to_vec(), vec![0xC3], b" d".to_vec()]);
        assert_eq!(v.merges[0], (b" ".to_vec(), b"d".to_vec()));
        assert_eq!(v.merges[1], (vec![0xC3], vec![0xAD]));
    }

    #[test]
    fn a_gap_in_ids_is_an_error() {
        let json = r#"{"model": {"vocab": {"a": 0, "b": 2}}, "added_tokens": []}"#;
        assert!(Vocabulary::from_tokenizer_json(json.as_bytes()).is_err());
    }
}
