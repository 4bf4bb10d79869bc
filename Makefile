# Attaché: the entry points. `make app` opens the desktop app, `make demo` drafts the sample
# article with the CLI (no display needed), `make test` runs every check. Each installs what
# it needs first (Debian/Ubuntu; apt as root or with sudo).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The shared corpora (evaluations and corpus tests), beside the clone by default.
ATTACHE_SHARED ?= $(abspath $(CURDIR)/../shared)
export ATTACHE_SHARED
export PATH := $(HOME)/.cargo/bin:$(PATH)

APP := target/debug/attache-desktop
SAMPLE := src-tauri/crates/engine/samples/sample-article.txt

.PHONY: help deps ui-build app demo test check-rust check-ui check-desktop e2e screenshot figures eval

help:
	@echo "make app    install what is missing, build, open the Attaché window"
	@echo "make demo   draft the sample article with the CLI (no display needed)"
	@echo "make test   install what is missing and run every check"
	@echo "make eval   score the drafts against the shared corpora"

deps:
	tests/scripts/install-deps.sh all

ui-build:
	tests/scripts/install-deps.sh ui
	cd ui && npm run build

app: deps ui-build
	cargo build -p attache-desktop
	./$(APP)

demo:
	cargo run --quiet --release -p attache-cli -- draft $(SAMPLE) --format markdown

# Every check, in the order that fails fastest.
test: deps check-rust check-ui check-desktop e2e
	@echo "make test: all checks passed"

check-rust:
	cargo fmt --all --check
	# `--workspace` would pull in the Tauri shell; the default members are the GTK-free set.
	cargo clippy --all-targets -- -D warnings
	# The end-to-end tests sit behind a feature; lint them too (they need no GTK to compile).
	cargo clippy -p attache-tests --features e2e --all-targets -- -D warnings
	tests/scripts/check-gtk-free.sh
	cargo nextest run --no-fail-fast
	cargo test --doc

check-ui:
	tests/scripts/check-bindings.sh
	cd ui && npm run check && npm test && npm run build && npm run test:browser

# The shell's command tests run on Tauri's mock runtime (dev-only `mock` feature).
check-desktop: ui-build
	cargo clippy -p attache-desktop --all-targets --features mock -- -D warnings
	cargo test -p attache-desktop --features mock

e2e: ui-build
	timeout 1800 tests/scripts/e2e.sh

screenshot: ui-build
	tests/scripts/screenshot.sh

figures: ui-build
	tests/scripts/figures.sh

eval:
	cargo build --release -p attache-cli
	python3 $(ATTACHE_SHARED)/eval/score_briefs.py $(ATTACHE_SHARED)/corpus/briefs -- target/release/attache draft --format json --date {date} {file}
	python3 $(ATTACHE_SHARED)/eval/score_attributions.py $(ATTACHE_SHARED)/corpus/polnear/dev -- target/release/attache draft --format json {file}
