//! The speech worker: one thread owns the whisper.cpp context and a reused decoding state.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use whisper_rs::{WhisperContext, WhisperContextParameters};

use crate::error::AsrError;
use crate::{Language, Request, Transcript};

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub threads: usize,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        // Beyond four threads whisper.cpp gains little on small models and starves the UI.
        WorkerOptions {
            threads: cores.clamp(1, 4),
        }
    }
}

struct Job {
    request: Request,
    reply: Sender<Result<Transcript, AsrError>>,
}

/// Handle to the worker thread. Dropping it lets the thread finish its current job and exit.
#[derive(Debug)]
pub struct SpeechWorker {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    model_path: PathBuf,
    multilingual: bool,
    kind: String,
}

/// A submitted job; wait for it on any thread that may block.
#[derive(Debug)]
pub struct Pending {
    reply: Receiver<Result<Transcript, AsrError>>,
}

impl Pending {
    pub fn wait(self) -> Result<Transcript, AsrError> {
        self.reply.recv().unwrap_or(Err(AsrError::WorkerStopped))
    }

    /// The result if it is ready, without blocking.
    pub fn try_take(&self) -> Option<Result<Transcript, AsrError>> {
        match self.reply.try_recv() {
            Ok(r) => Some(r),
            Err(crossbeam_channel::TryRecvError::Empty) => None,
            Err(crossbeam_channel::TryRecvError::Disconnected) => {
                Some(Err(AsrError::WorkerStopped))
            }
        }
    }
}

impl SpeechWorker {
    /// Starts the worker and waits until the model is loaded (or failed to load).
    pub fn spawn(model_path: &Path, options: WorkerOptions) -> Result<SpeechWorker, AsrError> {
        whisper_rs::install_logging_hooks();
        let (jobs_tx, jobs_rx) = unbounded::<Job>();
        let (ready_tx, ready_rx) = bounded::<Result<Loaded, AsrError>>(1);
        let path = model_path.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("leo-speech".into())
            .spawn(move || run(path, options, jobs_rx, ready_tx))
            .map_err(|e| AsrError::Decode(format!("cannot start the speech thread: {e}")))?;
        let Loaded { multilingual, kind } =
            ready_rx.recv().unwrap_or(Err(AsrError::WorkerStopped))?;
        Ok(SpeechWorker {
            jobs: Some(jobs_tx),
            thread: Some(thread),
            model_path: model_path.to_path_buf(),
            multilingual,
            kind,
        })
    }

    pub fn model_path(&self) -> &Path {
        &self.model_path
    }

    pub fn is_multilingual(&self) -> bool {
        self.multilingual
    }

    /// The conventional Whisper name of the loaded model (`tiny.en`, `base`, …), read from its
    /// header whatever the file is called.
    pub fn model_kind(&self) -> &str {
        &self.kind
    }

    /// Queues a request; the reply arrives on the returned handle.
    pub fn submit(&self, request: Request) -> Pending {
        let (reply, rx) = bounded(1);
        if request.language != Language::En && !self.multilingual {
            let name = self
                .model_path
                .file_stem()
                .map(|s| s.to_string_lossy().trim_start_matches("ggml-").to_string())
                .unwrap_or_default();
            let _ = reply.send(Err(AsrError::EnglishOnlyModel {
                model: name,
                language: request.language.code(),
            }));
            return Pending { reply: rx };
        }
        if let Some(jobs) = &self.jobs {
            // If the thread is gone the job is dropped, and `wait` reports WorkerStopped.
            let _ = jobs.send(Job { request, reply });
        }
        Pending { reply: rx }
    }

    /// Submits and waits: for command-line use and blocking threads only.
    pub fn transcribe(&self, request: Request) -> Result<Transcript, AsrError> {
        self.submit(request).wait()
    }
}

impl Drop for SpeechWorker {
    fn drop(&mut self) {
        self.jobs.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// What the worker thread reports once the model is loaded.
struct Loaded {
    multilingual: bool,
    kind: String,
}

fn run(
    path: PathBuf,
    options: WorkerOptions,
    jobs: Receiver<Job>,
    ready: Sender<Result<Loaded, AsrError>>,
) {
    let load_error = |reason: String| AsrError::ModelLoad {
        path: path.clone(),
        reason,
    };
    if !path.is_file() {
        let _ = ready.send(Err(load_error("the file does not exist".into())));
        return;
    }
    let Some(path_str) = path.to_str() else {
        let _ = ready.send(Err(load_error("the path is not valid UTF-8".into())));
        return;
    };
    let mut params = WhisperContextParameters::default();
    if let Some(preset) = crate::alignment::dtw_preset(&path) {
        params.dtw_parameters(whisper_rs::DtwParameters {
            mode: whisper_rs::DtwMode::ModelPreset {
                model_preset: preset,
            },
            ..Default::default()
        });
    }
    let ctx = match WhisperContext::new_with_params(path_str, params) {
        Ok(ctx) => ctx,
        Err(e) => {
            let _ = ready.send(Err(load_error(e.to_string())));
            return;
        }
    };
    let mut state = match ctx.create_state() {
        Ok(s) => s,
        Err(e) => {
            let _ = ready.send(Err(load_error(e.to_string())));
            return;
        }
    };
    // The tokenizer beside the model lets passage text be tokenised exactly as in training;
    // without it recognition still works, only passage scoring is unavailable.
    let tokenizer = tokenizer_path(&path)
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|bytes| leo_models::bpe::BpeTokenizer::from_tokenizer_json(&bytes).ok());
    let _ = ready.send(Ok(Loaded {
        multilingual: ctx.is_multilingual(),
        kind: leo_models::ggml::whisper_name_for(ctx.model_n_text_state(), ctx.is_multilingual()),
    }));
    for job in jobs {
        let Job { request, reply } = job;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::decode::transcribe(
                &ctx,
                &mut state,
                options.threads,
                tokenizer.as_ref(),
                request,
            )
        }))
        .unwrap_or_else(|_| {
            Err(AsrError::Decode(
                "the decoder panicked on this recording".into(),
            ))
        });
        let _ = reply.send(result);
    }
}

/// `ggml-NAME.bin` → `ggml-NAME.tokenizer.json`.
fn tokenizer_path(model: &Path) -> Option<PathBuf> {
    let stem = model.file_stem()?.to_str()?;
    Some(model.with_file_name(format!("{stem}.tokenizer.json")))
}
