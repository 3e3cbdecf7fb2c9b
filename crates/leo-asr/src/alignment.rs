//! Word timing. whisper.cpp's default token timestamps drift badly across pauses (a word read
//! after a 3-second pause can be stamped at the start of the pause), which would hide exactly
//! the hesitations a reading assessment must see. Dynamic time warping over the cross-attention
//! heads that OpenAI identified as aligned with speech gives much better times; whisper.cpp
//! ships those head sets as presets, chosen here from the model's header.

use std::io::Read;
use std::path::Path;

use whisper_rs::DtwModelPreset;

/// The alignment-head preset for a ggml model file, from its vocabulary size (English-only or
/// multilingual) and width (model size).
pub(crate) fn dtw_preset(path: &Path) -> Option<DtwModelPreset> {
    let mut header = [0u8; 12 * 4];
    std::fs::File::open(path)
        .ok()?
        .read_exact(&mut header)
        .ok()?;
    let field =
        |i: usize| i32::from_le_bytes(header[i * 4..i * 4 + 4].try_into().unwrap_or([0; 4]));
    let (n_vocab, n_text_state) = (field(1), field(7));
    preset_for(n_vocab, n_text_state)
}

fn preset_for(n_vocab: i32, n_text_state: i32) -> Option<DtwModelPreset> {
    let english_only = n_vocab == 51864;
    Some(match (n_text_state, english_only) {
        (384, true) => DtwModelPreset::TinyEn,
        (384, false) => DtwModelPreset::Tiny,
        (512, true) => DtwModelPreset::BaseEn,
        (512, false) => DtwModelPreset::Base,
        (768, true) => DtwModelPreset::SmallEn,
        (768, false) => DtwModelPreset::Small,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_follow_size_and_vocabulary() {
        assert!(matches!(
            preset_for(51864, 384),
            Some(DtwModelPreset::TinyEn)
        ));
        assert!(matches!(preset_for(51865, 512), Some(DtwModelPreset::Base)));
        assert!(preset_for(51866, 1280).is_none());
    }
}
