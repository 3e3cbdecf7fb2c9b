//! GPT-2 byte-level BPE, the tokenizer Whisper was trained with. whisper.cpp's own `tokenize`
//! is a greedy longest match, which splits Spanish words badly (" días" → " d" + "í" + "as"),
//! so expected text is tokenised here with the real merge rules from `tokenizer.json`.

use std::collections::HashMap;

use crate::error::ModelError;
use crate::vocab::Vocabulary;

#[derive(Debug, Clone)]
pub struct BpeTokenizer {
    ids: HashMap<Vec<u8>, u32>,
    tokens: Vec<Vec<u8>>,
    ranks: HashMap<(Vec<u8>, Vec<u8>), usize>,
}

impl BpeTokenizer {
    pub fn from_tokenizer_json(json: &[u8]) -> Result<Self, ModelError> {
        Ok(Self::from_vocabulary(&Vocabulary::from_tokenizer_json(
            json,
        )?))
    }

    pub fn from_vocabulary(vocab: &Vocabulary) -> Self {
        let ids = vocab
            .tokens
            .iter()
            .enumerate()
            .map(|(id, bytes)| (bytes.clone(), id as u32))
            .collect();
        let tokens = vocab.tokens.clone();
        let mut merges = vocab.merges.clone();
        // GPT-2's first merge is " t". Some republished tokenizer files lost it; without it
        // " the" and every other " t…" word would be split differently from training.
        let first = (b" ".to_vec(), b"t".to_vec());
        if !merges.contains(&first) {
            merges.insert(0, first);
        }
        let ranks = merges
            .into_iter()
            .enumerate()
            .map(|(rank, pair)| (pair, rank))
            .collect();
        BpeTokenizer { ids, tokens, ranks }
    }

    /// The bytes of an ordinary token.
    pub fn token_bytes(&self, id: u32) -> Option<&[u8]> {
        self.tokens.get(id as usize).map(Vec::as_slice)
    }

    /// Token ids for `text`. Pieces that have no token (should not happen with a byte-level
    /// vocabulary) are skipped.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        pre_tokenize(text)
            .into_iter()
            .flat_map(|piece| self.merge(piece.as_bytes()))
            .filter_map(|sym| self.ids.get(&sym).copied())
            .collect()
    }

    fn merge(&self, bytes: &[u8]) -> Vec<Vec<u8>> {
        let mut symbols: Vec<Vec<u8>> = bytes.iter().map(|&b| vec![b]).collect();
        loop {
            let best = symbols
                .windows(2)
                .enumerate()
                .filter_map(|(i, pair)| {
                    self.ranks
                        .get(&(pair[0].clone(), pair[1].clone()))
                        .map(|&rank| (rank, i))
                })
                .min();
            let Some((rank, _)) = best else {
                return symbols;
            };
            // Merge every occurrence of the best pair, left to right.
            let mut merged = Vec::with_capacity(symbols.len());
            let mut i = 0;
            while i < symbols.len() {
                if i + 1 < symbols.len()
                    && self
                        .ranks
                        .get(&(symbols[i].clone(), symbols[i + 1].clone()))
                        == Some(&rank)
                {
                    let mut joined = symbols[i].clone();
                    joined.extend_from_slice(&symbols[i + 1]);
                    merged.push(joined);
                    i += 2;
                } else {
                    merged.push(symbols[i].clone());
                    i += 1;
                }
            }
            symbols = merged;
        }
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Class {
    Letter,
    Number,
    Space,
    Other,
}

fn class(c: char) -> Class {
    if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Number
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// GPT-2's pre-tokenisation: contractions, then runs of letters, of digits, or of other
/// symbols, each optionally preceded by one space; whitespace runs keep their last space for
/// the following word.
pub fn pre_tokenize(text: &str) -> Vec<String> {
    const CONTRACTIONS: [&str; 7] = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
        if let Some(c) = CONTRACTIONS.iter().find(|c| rest.starts_with(*c)) {
            out.push(c.to_string());
            i += c.chars().count();
            continue;
        }
        let start = i;
        let lead_space =
            chars[i] == ' ' && i + 1 < chars.len() && class(chars[i + 1]) != Class::Space;
        let j = if lead_space { i + 1 } else { i };
        match class(chars[j]) {
            Class::Space => {
                let mut end = j;
                while end < chars.len() && class(chars[end]) == Class::Space {
                    end += 1;
                }
                // Leave a single trailing space to prefix the next word.
                if end < chars.len() && end - start > 1 && chars[end - 1] == ' ' {
                    end -= 1;
                }
                out.push(chars[start..end].iter().collect());
                i = end;
            }
            kind => {
                let mut end = j + 1;
                while end < chars.len() && class(chars[end]) == kind {
                    end += 1;
                }
                out.push(chars[start..end].iter().collect());
                i = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_tokenisation_follows_gpt2() {
        assert_eq!(
            pre_tokenize(" The cat's 12 toys!"),
            vec![" The", " cat", "'s", " 12", " toys", "!"]
        );
        assert_eq!(pre_tokenize(" ¿Dónde?"), vec![" ¿", "Dónde", "?"]);
        assert_eq!(pre_tokenize("a  b"), vec!["a", " ", " b"]);
    }

    #[test]
    fn merges_apply_by_rank() {
        let vocab = Vocabulary {
            tokens: vec![
                b" ".to_vec(),
                b"d".to_vec(),
                b"i".to_vec(),
                b"a".to_vec(),
                b"s".to_vec(),
                b" d".to_vec(),
                b"as".to_vec(),
                b" dias".to_vec(),
                b"t".to_vec(),
                b" t".to_vec(),
            ],
            merges: vec![
                (b" ".to_vec(), b"d".to_vec()),
                (b"a".to_vec(), b"s".to_vec()),
            ],
        };
        let bpe = BpeTokenizer::from_vocabulary(&vocab);
        // " dias": " "+"d" (rank 1 after the restored " t"), "a"+"s" (rank 2); "i" stays.
        assert_eq!(bpe.encode(" dias"), vec![5, 2, 6]);
        assert_eq!(
            bpe.encode(" t"),
            vec![9],
            "the missing first merge is restored"
        );
    }
}
