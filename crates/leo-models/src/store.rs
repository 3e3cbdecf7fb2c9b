//! The models directory on this machine: what is installed and where.

use std::path::{Path, PathBuf};

use crate::error::ModelError;
use crate::inspect::inspect_ggml;
use crate::manifest::Manifest;

/// A converted model found in the models directory.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InstalledModel {
    pub name: String,
    pub path: PathBuf,
    pub size: u64,
    /// Whether the manifest knows this model (name and expected size).
    pub known: bool,
    pub multilingual: bool,
}

#[derive(Debug, Clone)]
pub struct ModelStore {
    dir: PathBuf,
}

impl ModelStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        ModelStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn model_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("ggml-{name}.bin"))
    }

    /// The tokenizer kept beside a model (needed to tokenise expected text exactly).
    pub fn tokenizer_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("ggml-{name}.tokenizer.json"))
    }

    /// The path of an installed model, or an error that says how to install it.
    pub fn require(&self, name: &str) -> Result<PathBuf, ModelError> {
        let path = self.model_path(name);
        if path.is_file() {
            Ok(path)
        } else {
            Err(ModelError::NotInstalled {
                name: name.to_string(),
            })
        }
    }

    pub fn list(&self) -> Result<Vec<InstalledModel>, ModelError> {
        let manifest = Manifest::builtin();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(ModelError::IoAt {
                    path: self.dir.clone(),
                    source,
                });
            }
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let Some(name) = file_name
                .strip_prefix("ggml-")
                .and_then(|n| n.strip_suffix(".bin"))
            else {
                continue;
            };
            let path = entry.path();
            // A file that cannot be read back is not offered as installed.
            let Ok(info) = inspect_ggml(&path) else {
                continue;
            };
            let known = manifest
                .get(name)
                .map(|spec| spec.ggml.size == info.file_size)
                .unwrap_or(false);
            out.push(InstalledModel {
                name: name.to_string(),
                path,
                size: info.file_size,
                known,
                multilingual: info.hparams.is_multilingual(),
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }
}

/// The model Leo uses for a language unless told otherwise: the small English-only model for
/// English, the multilingual one for everything else.
pub fn default_model_for(lang: &str) -> &'static str {
    if lang == "en" { "tiny.en" } else { "base" }
}
