//! Reads back the header and tensor directory of a ggml Whisper file, without loading weights:
//! used to check a conversion and to accept a ggml file someone copies in.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use crate::error::ModelError;
use crate::ggml::{GGML_MAGIC, HyperParams};

#[derive(Debug, Clone, serde::Serialize)]
pub struct GgmlInfo {
    pub hparams: HyperParams,
    pub vocab_tokens: usize,
    pub tensors: Vec<TensorInfo>,
    pub file_size: u64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TensorInfo {
    pub name: String,
    /// Outermost first, as PyTorch writes shapes.
    pub shape: Vec<usize>,
    pub ggml_type: i32,
}

/// Bytes taken by `count` values of a ggml type (block-quantised types store 32 values a block).
fn data_size(ggml_type: i32, count: usize) -> Option<usize> {
    let per_block = |bytes: usize| count.div_ceil(32) * bytes;
    Some(match ggml_type {
        0 => count * 4,
        1 => count * 2,
        2 => per_block(18),
        3 => per_block(20),
        6 => per_block(22),
        7 => per_block(24),
        8 => per_block(34),
        _ => return None,
    })
}

pub fn inspect_ggml(path: &Path) -> Result<GgmlInfo, ModelError> {
    let io = |source| ModelError::IoAt {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let file_size = file.metadata().map_err(io)?.len();
    let mut r = BufReader::new(file);
    let mut i32_ = || -> Result<i32, ModelError> {
        let mut b = [0u8; 4];
        r.read_exact(&mut b).map_err(|e| truncated(path, e))?;
        Ok(i32::from_le_bytes(b))
    };
    if i32_()? as u32 != GGML_MAGIC {
        return Err(ModelError::Unrecognised(format!(
            "{} is not a whisper.cpp ggml model (bad magic)",
            path.display()
        )));
    }
    let mut h = [0i32; 11];
    for v in &mut h {
        *v = i32_()?;
    }
    let hparams = HyperParams {
        n_vocab: h[0],
        n_audio_ctx: h[1],
        n_audio_state: h[2],
        n_audio_head: h[3],
        n_audio_layer: h[4],
        n_text_ctx: h[5],
        n_text_state: h[6],
        n_text_head: h[7],
        n_text_layer: h[8],
        n_mels: h[9],
        ftype: h[10],
    };
    let (n_mel, n_fft) = (i32_()?, i32_()?);
    skip(
        &mut r,
        path,
        (n_mel.max(0) as i64) * (n_fft.max(0) as i64) * 4,
    )?;
    let vocab_tokens = read_i32(&mut r, path)?.max(0) as usize;
    for _ in 0..vocab_tokens {
        let len = read_i32(&mut r, path)?;
        skip(&mut r, path, len.max(0) as i64)?;
    }
    let mut tensors = Vec::new();
    loop {
        let mut first = [0u8; 4];
        match r.read(&mut first).map_err(io)? {
            0 => break,
            4 => {}
            n => {
                let mut rest = vec![0u8; 4 - n];
                r.read_exact(&mut rest).map_err(|e| truncated(path, e))?;
                first[n..].copy_from_slice(&rest);
            }
        }
        let n_dims = i32::from_le_bytes(first);
        let name_len = read_i32(&mut r, path)?;
        let ggml_type = read_i32(&mut r, path)?;
        if !(1..=4).contains(&n_dims) || !(1..=256).contains(&name_len) {
            return Err(ModelError::Format(format!(
                "corrupt tensor header #{}",
                tensors.len()
            )));
        }
        let mut dims = Vec::new();
        for _ in 0..n_dims {
            dims.push(read_i32(&mut r, path)?.max(0) as usize);
        }
        dims.reverse();
        let mut name = vec![0u8; name_len as usize];
        r.read_exact(&mut name).map_err(|e| truncated(path, e))?;
        let name = String::from_utf8_lossy(&name).into_owned();
        let count = dims.iter().product();
        let size = data_size(ggml_type, count)
            .ok_or_else(|| ModelError::Format(format!("{name}: unknown ggml type {ggml_type}")))?;
        skip(&mut r, path, size as i64)?;
        tensors.push(TensorInfo {
            name,
            shape: dims,
            ggml_type,
        });
    }
    Ok(GgmlInfo {
        hparams,
        vocab_tokens,
        tensors,
        file_size,
    })
}

fn read_i32(r: &mut impl Read, path: &Path) -> Result<i32, ModelError> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b).map_err(|e| truncated(path, e))?;
    Ok(i32::from_le_bytes(b))
}

fn skip(r: &mut BufReader<File>, path: &Path, n: i64) -> Result<(), ModelError> {
    let before = r.stream_position().map_err(|e| truncated(path, e))?;
    let end = r
        .get_ref()
        .metadata()
        .map_err(|e| truncated(path, e))?
        .len();
    if before as i64 + n > end as i64 {
        return Err(truncated(path, std::io::ErrorKind::UnexpectedEof.into()));
    }
    r.seek_relative(n).map_err(|e| truncated(path, e))?;
    Ok(())
}

fn truncated(path: &Path, e: std::io::Error) -> ModelError {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        ModelError::Format(format!(
            "{} ends early: the file is incomplete",
            path.display()
        ))
    } else {
        ModelError::IoAt {
            path: path.to_path_buf(),
            source: e,
        }
    }
}
