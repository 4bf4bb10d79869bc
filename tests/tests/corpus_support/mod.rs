//! Shared by the corpus regression tests: floors from `tests/floors.txt`, drafting into a
//! folder of `<name>.json` briefs, and running an official scorer on it with `--pred`.

use std::path::Path;
use std::process::Command;

/// The floor for `metric` in `tests/floors.txt`.
///
/// # Panics
/// When the file or the metric is missing or malformed: the floors are part of the test.
pub fn floor(metric: &str) -> f64 {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("floors.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .find_map(|l| {
            let (k, v) = l.split_once(char::is_whitespace)?;
            (k == metric)
                .then(|| v.trim().parse::<f64>().ok())
                .flatten()
        })
        .unwrap_or_else(|| panic!("no floor for `{metric}` in {}", path.display()))
}

/// Drafts `text` and writes the brief as `dir/<name>.json`.
pub fn write_brief(dir: &Path, name: &str, text: &str, options: &attache_engine::DraftOptions) {
    let brief = attache_engine::draft(text, options)
        .unwrap_or_else(|e| panic!("drafting {name} failed: {e}"));
    let json = serde_json::to_string(&brief).expect("a brief serialises");
    std::fs::write(dir.join(format!("{name}.json")), json).expect("the temp dir is writable");
}

/// Runs `python3 SCORER CORPUS --pred DIR`, echoes its report and returns its summary line.
pub fn score(scorer: &Path, corpus: &Path, pred: &Path) -> String {
    let out = Command::new("python3")
        .arg(scorer)
        .arg(corpus)
        .arg("--pred")
        .arg(pred)
        .output()
        .expect("python3 runs (install python3 to run the corpus tests)");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "scorer failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{stdout}");
    stdout.lines().last().unwrap_or_default().to_owned()
}

/// The figure after `label` in a summary line ("… | content F1 0.693 | …").
pub fn figure(summary: &str, label: &str) -> f64 {
    summary
        .split(['|', ':'])
        .map(str::trim)
        .find_map(|part| part.strip_prefix(label)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("`{label}` is not in the summary line: {summary}"))
}

/// Asserts every `(metric, label)` figure of `summary` is at least its floor; reports all
/// shortfalls at once.
pub fn check(summary: &str, metrics: &[(&str, &str)]) {
    let mut short = Vec::new();
    for &(metric, label) in metrics {
        let (got, min) = (figure(summary, label), floor(metric));
        println!("{metric}: {got:.3} (floor {min:.3})");
        if got < min {
            short.push(format!("{metric} {got:.3} < floor {min:.3}"));
        }
    }
    assert!(short.is_empty(), "below the floors: {}", short.join("; "));
}
