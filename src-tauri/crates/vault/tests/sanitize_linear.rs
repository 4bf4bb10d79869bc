//! Rendering a note as safe HTML takes time in proportion to its size, whatever its shape:
//! ten times the input may not take fifty times as long (generous slack for a busy machine;
//! the small input's figure is the best of three runs, and no absolute time is asserted).
//!
//! The hostile shape that once took 26 s for 100 KB (`>` nested 100,000 deep) is refused at
//! the nesting limit after one linear pass; a large note of ordinary shape, with nesting up
//! to the limit, is rendered in full.

use std::time::{Duration, Instant};

use attache_vault::export::{self, MAX_NESTING, Policy, TooComplex};
use attache_vault::{ExportFormat, ExportOptions};

const SMALL: usize = 100 * 1024;
const LARGE: usize = 1024 * 1024;

fn best_of_three(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn assert_linear(what: &str, make: impl Fn(usize) -> String, run: impl Fn(&str)) {
    let small = make(SMALL);
    let large = make(LARGE);
    let t_small = best_of_three(|| run(&small)).max(Duration::from_micros(200));
    let t_large = {
        let t = Instant::now();
        run(&large);
        t.elapsed()
    };
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    println!("{what}: 100 KB {t_small:?}, 1 MB {t_large:?}, ratio {ratio:.1}");
    assert!(
        ratio < 50.0,
        "{what}: 10× the input took {ratio:.1}× the time ({t_small:?} → {t_large:?})"
    );
}

/// Text of about `bytes` bytes repeating `unit`.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

#[test]
fn nested_quotes_are_refused_in_linear_time() {
    assert_linear(
        "nested >",
        |n| ">".repeat(n),
        |md| {
            let e = export::markdown_to_safe_html(md, Policy::default()).unwrap_err();
            assert!(matches!(e, TooComplex::Nesting { line: 1, .. }), "{e}");
        },
    );
}

#[test]
fn nested_html_is_refused_in_linear_time() {
    assert_linear(
        "nested <div>",
        |n| repeat_to("<div><span>", n),
        |md| {
            let e = export::markdown_to_safe_html(md, Policy::default()).unwrap_err();
            assert!(matches!(e, TooComplex::Nesting { .. }), "{e}");
        },
    );
}

#[test]
fn a_large_ordinary_note_renders_in_linear_time() {
    let deep_quote = format!("{}deep\n\n", "> ".repeat(MAX_NESTING / 4));
    let unit = format!(
        "## Positions\n\n### [[Anna Berg]]\n\n- **Supports** · talks: Norway would host the next round (said)[^p1]\n\
         - **Opposes** · quotas: *not before* the closure is lifted (rejected)[^p2]\n\n\
         | Party | Stance |\n|---|---|\n| Norway | supports |\n\n{deep_quote}\
         A paragraph with <sup>raw</sup> HTML, `code`, and a [link](https://example.org).\n\n\
         [^p1]: Foreign Minister Anna Berg said on Monday that Norway would host the next round.\n\
         [^p2]: The minister rejected the offer.\n\n"
    );
    let options = ExportOptions {
        format: ExportFormat::Html,
        ..ExportOptions::default()
    };
    assert_linear(
        "ordinary note",
        |n| {
            format!(
                "---\ntitle: Big\nclassification: OFFICIAL\n---\n# Big\n\n{}",
                repeat_to(&unit, n)
            )
        },
        |md| {
            let out = export::export(md, "Big", &options).expect("renders");
            assert!(matches!(out, export::Exported::Text(ref h) if h.contains("deep")));
        },
    );
}
