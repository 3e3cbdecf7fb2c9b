//! Whisper models for Leo: where they come from (wheels on a package registry), how they are
//! converted to whisper.cpp's ggml format, and where they are kept on this machine.

pub mod bpe;
pub mod ct2;
mod error;
pub mod ggml;
pub mod mel;
pub mod vocab;

pub use error::ModelError;
mod import;
pub mod inspect;
mod install;
pub mod manifest;
mod pronunciation;
pub mod store;

pub use import::import;
pub use install::{Installed, Installer};
pub use pronunciation::{
    PRONUNCIATION_MODEL, pronunciation_model_dir, pronunciation_model_present,
};
pub use store::{InstalledModel, ModelStore, default_model_for};
