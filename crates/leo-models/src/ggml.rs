//! Conversion of a CTranslate2 Whisper model into whisper.cpp's ggml file.
//!
//! File layout: magic, 11 i32 hyper-parameters, the mel filterbank (n_mels, 201, f32 values), the
//! vocabulary (count, then length-prefixed bytes), then each tensor as n_dims, name length,
//! type (0 f32, 1 f16), dims innermost first, name, data. whisper.cpp checks each tensor's shape
//! and byte size, so types follow its expectations: matrices and conv kernels f16; biases,
//! layer norms and positional embeddings f32; conv biases as (d, 1).

use std::io::Write;

use crate::ct2::{Ct2Model, Variable};
use crate::error::ModelError;
use crate::mel::{N_FFT_BINS, mel_filters};
use crate::vocab::Vocabulary;

pub const GGML_MAGIC: u32 = 0x6767_6d6c;

/// Whisper's hyper-parameters, as whisper.cpp reads them from the file header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct HyperParams {
    pub n_vocab: i32,
    pub n_audio_ctx: i32,
    pub n_audio_state: i32,
    pub n_audio_head: i32,
    pub n_audio_layer: i32,
    pub n_text_ctx: i32,
    pub n_text_state: i32,
    pub n_text_head: i32,
    pub n_text_layer: i32,
    pub n_mels: i32,
    pub ftype: i32,
}

impl HyperParams {
    /// English-only models have one token fewer (no language tokens shift the specials).
    pub fn is_multilingual(&self) -> bool {
        self.n_vocab >= 51865
    }

    pub(crate) fn from_model(model: &Ct2Model) -> Result<Self, ModelError> {
        let emb = &model.get("decoder/embeddings/weight")?.shape;
        let enc_pos = &model.get("encoder/position_encodings/encodings")?.shape;
        let dec_pos = &model.get("decoder/position_encodings/encodings")?.shape;
        let conv1 = &model.get("encoder/conv1/weight")?.shape;
        let (Some(&n_vocab), Some(&n_audio_state)) = (emb.first(), enc_pos.get(1)) else {
            return Err(ModelError::Format("unexpected embedding shapes".into()));
        };
        let n_text_state = dec_pos.get(1).copied().unwrap_or(0);
        let layers = |side: &str| {
            (0..)
                .take_while(|i| model.contains(&format!("{side}/layer_{i}/ffn/linear_0/weight")))
                .count() as i32
        };
        let heads = |side: &str, width: usize| -> Result<i32, ModelError> {
            match model.get(&format!("{side}/num_heads")) {
                Ok(v) if v.data.len() == 2 => Ok(i16::from_le_bytes([v.data[0], v.data[1]]) as i32),
                Ok(v) if v.data.len() == 4 => Ok(i32::from_le_bytes([
                    v.data[0], v.data[1], v.data[2], v.data[3],
                ])),
                // Every Whisper size uses 64-wide attention heads.
                _ => Ok((width / 64) as i32),
            }
        };
        Ok(HyperParams {
            n_vocab: n_vocab as i32,
            n_audio_ctx: enc_pos[0] as i32,
            n_audio_state: n_audio_state as i32,
            n_audio_head: heads("encoder", n_audio_state)?,
            n_audio_layer: layers("encoder"),
            n_text_ctx: dec_pos[0] as i32,
            n_text_state: n_text_state as i32,
            n_text_head: heads("decoder", n_text_state)?,
            n_text_layer: layers("decoder"),
            n_mels: conv1.get(1).copied().unwrap_or(0) as i32,
            ftype: 1,
        })
    }

    fn as_array(&self) -> [i32; 11] {
        [
            self.n_vocab,
            self.n_audio_ctx,
            self.n_audio_state,
            self.n_audio_head,
            self.n_audio_layer,
            self.n_text_ctx,
            self.n_text_state,
            self.n_text_head,
            self.n_text_layer,
            self.n_mels,
            self.ftype,
        ]
    }
}

/// What a conversion produced.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Conversion {
    pub hparams: HyperParams,
    pub tensors: usize,
    pub vocab_tokens: usize,
    pub bytes_written: u64,
}

#[derive(Clone, Copy)]
enum Store {
    F16,
    F32,
}

/// A tensor to write: rows `rows` of a CTranslate2 variable (all rows when None).
struct Piece<'m, 'a> {
    var: &'m Variable<'a>,
    rows: Option<std::ops::Range<usize>>,
}

struct Writer<W: Write> {
    out: W,
    bytes: u64,
    tensors: usize,
}

impl<W: Write> Writer<W> {
    fn raw(&mut self, b: &[u8]) -> Result<(), ModelError> {
        self.out.write_all(b)?;
        self.bytes += b.len() as u64;
        Ok(())
    }

    fn i32(&mut self, v: i32) -> Result<(), ModelError> {
        self.raw(&v.to_le_bytes())
    }

    /// Writes one tensor; `shape` is outermost first, as in PyTorch.
    fn tensor(
        &mut self,
        name: &str,
        shape: &[usize],
        piece: Piece,
        store: Store,
    ) -> Result<(), ModelError> {
        let row_len: usize = piece.var.shape.iter().skip(1).product::<usize>().max(1);
        let (start, end) = match &piece.rows {
            Some(r) => (r.start, r.end),
            None => (0, piece.var.shape.first().copied().unwrap_or(1)),
        };
        let width = piece.var.dtype.size();
        let data = piece
            .var
            .data
            .get(start * row_len * width..end * row_len * width)
            .ok_or_else(|| {
                ModelError::Format(format!("{name}: rows {start}..{end} out of range"))
            })?;
        let count: usize = shape.iter().product();
        if count * width != data.len() {
            return Err(ModelError::Format(format!(
                "{name}: shape {shape:?} does not match {} source values",
                data.len() / width
            )));
        }
        self.i32(shape.len() as i32)?;
        self.i32(name.len() as i32)?;
        self.i32(match store {
            Store::F32 => 0,
            Store::F16 => 1,
        })?;
        for &d in shape.iter().rev() {
            self.i32(d as i32)?;
        }
        self.raw(name.as_bytes())?;
        let sub = Variable {
            shape: vec![count],
            dtype: piece.var.dtype,
            data,
        };
        match (store, piece.var.dtype) {
            (Store::F16, crate::ct2::DType::F16) | (Store::F32, crate::ct2::DType::F32) => {
                self.raw(data)?
            }
            (Store::F32, _) => {
                let values = sub.to_f32()?;
                let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
                self.raw(&bytes)?;
            }
            (Store::F16, _) => {
                let values = sub.to_f32()?;
                let bytes: Vec<u8> = values
                    .iter()
                    .flat_map(|v| half::f16::from_f32(*v).to_le_bytes())
                    .collect();
                self.raw(&bytes)?;
            }
        }
        self.tensors += 1;
        Ok(())
    }
}

/// Converts a parsed CTranslate2 Whisper model and its vocabulary into a ggml file on `out`.
pub fn convert(
    model: &Ct2Model,
    vocab: &Vocabulary,
    out: impl Write,
) -> Result<Conversion, ModelError> {
    if model.spec != "WhisperSpec" {
        return Err(ModelError::Format(format!(
            "this is a {} model, not Whisper",
            model.spec
        )));
    }
    let hp = HyperParams::from_model(model)?;
    let mut w = Writer {
        out,
        bytes: 0,
        tensors: 0,
    };
    w.raw(&GGML_MAGIC.to_le_bytes())?;
    for v in hp.as_array() {
        w.i32(v)?;
    }
    let filters = mel_filters(hp.n_mels as usize);
    w.i32(hp.n_mels)?;
    w.i32(N_FFT_BINS as i32)?;
    let filter_bytes: Vec<u8> = filters.iter().flat_map(|v| v.to_le_bytes()).collect();
    w.raw(&filter_bytes)?;
    w.i32(vocab.tokens.len() as i32)?;
    for token in &vocab.tokens {
        w.i32(token.len() as i32)?;
        w.raw(token)?;
    }
    write_encoder(&mut w, model, &hp)?;
    write_decoder(&mut w, model, &hp)?;
    w.out.flush()?;
    Ok(Conversion {
        hparams: hp,
        tensors: w.tensors,
        vocab_tokens: vocab.tokens.len(),
        bytes_written: w.bytes,
    })
}

fn whole<'m, 'a>(model: &'m Ct2Model<'a>, name: &str) -> Result<Piece<'m, 'a>, ModelError> {
    Ok(Piece {
        var: model.get(name)?,
        rows: None,
    })
}

fn rows<'m, 'a>(
    model: &'m Ct2Model<'a>,
    name: &str,
    r: std::ops::Range<usize>,
) -> Result<Piece<'m, 'a>, ModelError> {
    Ok(Piece {
        var: model.get(name)?,
        rows: Some(r),
    })
}

fn write_encoder<W: Write>(
    w: &mut Writer<W>,
    m: &Ct2Model,
    hp: &HyperParams,
) -> Result<(), ModelError> {
    let d = hp.n_audio_state as usize;
    let mels = hp.n_mels as usize;
    let ctx = hp.n_audio_ctx as usize;
    w.tensor(
        "encoder.positional_embedding",
        &[ctx, d],
        whole(m, "encoder/position_encodings/encodings")?,
        Store::F32,
    )?;
    w.tensor(
        "encoder.conv1.weight",
        &[d, mels, 3],
        whole(m, "encoder/conv1/weight")?,
        Store::F16,
    )?;
    w.tensor(
        "encoder.conv1.bias",
        &[d, 1],
        whole(m, "encoder/conv1/bias")?,
        Store::F32,
    )?;
    w.tensor(
        "encoder.conv2.weight",
        &[d, d, 3],
        whole(m, "encoder/conv2/weight")?,
        Store::F16,
    )?;
    w.tensor(
        "encoder.conv2.bias",
        &[d, 1],
        whole(m, "encoder/conv2/bias")?,
        Store::F32,
    )?;
    for i in 0..hp.n_audio_layer {
        let src = format!("encoder/layer_{i}");
        let dst = format!("encoder.blocks.{i}");
        write_self_attention(w, m, &src, &dst, d)?;
        write_mlp(w, m, &src, &dst, d)?;
    }
    write_norm(w, m, "encoder/layer_norm", "encoder.ln_post", d)
}

fn write_decoder<W: Write>(
    w: &mut Writer<W>,
    m: &Ct2Model,
    hp: &HyperParams,
) -> Result<(), ModelError> {
    let d = hp.n_text_state as usize;
    let ctx = hp.n_text_ctx as usize;
    let vocab = hp.n_vocab as usize;
    w.tensor(
        "decoder.positional_embedding",
        &[ctx, d],
        whole(m, "decoder/position_encodings/encodings")?,
        Store::F32,
    )?;
    w.tensor(
        "decoder.token_embedding.weight",
        &[vocab, d],
        whole(m, "decoder/embeddings/weight")?,
        Store::F16,
    )?;
    for i in 0..hp.n_text_layer {
        let src = format!("decoder/layer_{i}");
        let dst = format!("decoder.blocks.{i}");
        write_self_attention(w, m, &src, &dst, d)?;
        // Cross-attention: query from linear_0; key and value fused in linear_1.
        let a = format!("{src}/attention");
        let c = format!("{dst}.cross_attn");
        write_norm(
            w,
            m,
            &format!("{a}/layer_norm"),
            &format!("{dst}.cross_attn_ln"),
            d,
        )?;
        write_linear(
            w,
            m,
            &format!("{a}/linear_0"),
            &format!("{c}.query"),
            0..d,
            true,
            d,
        )?;
        write_linear(
            w,
            m,
            &format!("{a}/linear_1"),
            &format!("{c}.key"),
            0..d,
            false,
            d,
        )?;
        write_linear(
            w,
            m,
            &format!("{a}/linear_1"),
            &format!("{c}.value"),
            d..2 * d,
            true,
            d,
        )?;
        write_linear(
            w,
            m,
            &format!("{a}/linear_2"),
            &format!("{c}.out"),
            0..d,
            true,
            d,
        )?;
        write_mlp(w, m, &src, &dst, d)?;
    }
    write_norm(w, m, "decoder/layer_norm", "decoder.ln", d)
}

/// Self-attention: CTranslate2 fuses query, key and value into one [3d, d] projection. The key
/// projection has no bias in Whisper (CTranslate2 stores zeros), so none is written.
fn write_self_attention<W: Write>(
    w: &mut Writer<W>,
    m: &Ct2Model,
    src: &str,
    dst: &str,
    d: usize,
) -> Result<(), ModelError> {
    let s = format!("{src}/self_attention");
    write_norm(
        w,
        m,
        &format!("{s}/layer_norm"),
        &format!("{dst}.attn_ln"),
        d,
    )?;
    write_linear(
        w,
        m,
        &format!("{s}/linear_0"),
        &format!("{dst}.attn.query"),
        0..d,
        true,
        d,
    )?;
    write_linear(
        w,
        m,
        &format!("{s}/linear_0"),
        &format!("{dst}.attn.key"),
        d..2 * d,
        false,
        d,
    )?;
    write_linear(
        w,
        m,
        &format!("{s}/linear_0"),
        &format!("{dst}.attn.value"),
        2 * d..3 * d,
        true,
        d,
    )?;
    write_linear(
        w,
        m,
        &format!("{s}/linear_1"),
        &format!("{dst}.attn.out"),
        0..d,
        true,
        d,
    )
}

fn write_mlp<W: Write>(
    w: &mut Writer<W>,
    m: &Ct2Model,
    src: &str,
    dst: &str,
    d: usize,
) -> Result<(), ModelError> {
    let f = format!("{src}/ffn");
    write_norm(
        w,
        m,
        &format!("{f}/layer_norm"),
        &format!("{dst}.mlp_ln"),
        d,
    )?;
    let hidden = m.get(&format!("{f}/linear_0/weight"))?.shape[0];
    write_linear(
        w,
        m,
        &format!("{f}/linear_0"),
        &format!("{dst}.mlp.0"),
        0..hidden,
        true,
        d,
    )?;
    write_linear(
        w,
        m,
        &format!("{f}/linear_1"),
        &format!("{dst}.mlp.2"),
        0..d,
        true,
        hidden,
    )
}

/// Rows `out_rows` of a linear layer `[out, in]` as an f16 matrix and, optionally, its f32 bias.
fn write_linear<W: Write>(
    w: &mut Writer<W>,
    m: &Ct2Model,
    src: &str,
    dst: &str,
    out_rows: std::ops::Range<usize>,
    with_bias: bool,
    in_width: usize,
) -> Result<(), ModelError> {
    let n = out_rows.len();
    w.tensor(
        &format!("{dst}.weight"),
        &[n, in_width],
        rows(m, &format!("{src}/weight"), out_rows.clone())?,
        Store::F16,
    )?;
    if with_bias {
        w.tensor(
            &format!("{dst}.bias"),
            &[n],
            rows(m, &format!("{src}/bias"), out_rows)?,
            Store::F32,
        )?;
    }
    Ok(())
}

fn write_norm<W: Write>(
    w: &mut Writer<W>,
    m: &Ct2Model,
    src: &str,
    dst: &str,
    d: usize,
) -> Result<(), ModelError> {
    w.tensor(
        &format!("{dst}.weight"),
        &[d],
        whole(m, &format!("{src}/gamma"))?,
        Store::F32,
    )?;
    w.tensor(
        &format!("{dst}.bias"),
        &[d],
        whole(m, &format!("{src}/beta"))?,
        Store::F32,
    )
}

/// The conventional Whisper name for a set of hyper-parameters (`tiny.en`, `base`, ...).
pub fn whisper_name(hp: &HyperParams) -> String {
    whisper_name_for(hp.n_text_state, hp.is_multilingual())
}

/// The conventional Whisper name for a model of this width, multilingual or English-only.
pub fn whisper_name_for(n_text_state: i32, multilingual: bool) -> String {
    let size = match n_text_state {
        384 => "tiny",
        512 => "base",
        768 => "small",
        1024 => "medium",
        1280 => "large",
        _ => "custom",
    };
    if multilingual {
        size.to_string()
    } else {
        format!("{size}.en")
    }
}
