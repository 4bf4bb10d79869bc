//! HTML import regression: imports every saved page of `corpus/html/readability` with
//! `attache_vault::import` (as `attache extract` does), scores the text with the official
//! `score_import.py` against Readability's article, and checks the mean and the worst page
//! against `floors.txt`. Skips (printing why) when `ATTACHE_SHARED` is unset; fails under
//! `CI=true`.

// Only the floors and the summary parsing are used here.
#[allow(dead_code)]
mod corpus_support;

use std::process::Command;

#[test]
fn readability_pages_import_above_their_floors() {
    let Some(shared) = attache_tests::shared_dir() else {
        return;
    };
    let corpus = shared.join("corpus/html/readability");
    if !corpus.is_dir() && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but {} is missing", corpus.display());
    }
    if !corpus.is_dir() {
        println!("skipping: {} is missing", corpus.display());
        return;
    }
    let pred = tempfile::tempdir().expect("a temp dir");
    let mut n = 0;
    for entry in std::fs::read_dir(&corpus).expect("the corpus folder is readable") {
        let dir = entry.expect("a readable dir entry").path();
        let page = dir.join("source.html");
        if !page.is_file() {
            continue;
        }
        let name = dir.file_name().and_then(|s| s.to_str()).unwrap_or_default();
        let article = attache_vault::import::read_importable(&page)
            .unwrap_or_else(|e| panic!("importing {name} failed: {e}"));
        std::fs::write(pred.path().join(format!("{name}.txt")), article.readable())
            .expect("the temp dir is writable");
        n += 1;
    }
    assert!(n > 0, "no pages in {}", corpus.display());
    // The scorer runs a command per page: hand it the text imported above.
    let out = Command::new("python3")
        .arg(shared.join("eval/score_import.py"))
        .arg(&corpus)
        .args(["--", "sh", "-c", r#"cat "$0/$(basename "$1" .html).txt""#])
        .arg(pred.path())
        .arg("{file}")
        .output()
        .expect("python3 runs (install python3 to run the corpus tests)");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "scorer failed: {report}");
    println!("{report}");
    let summary = report.lines().last().unwrap_or_default();
    corpus_support::check(summary, &[("import_mean_f1", "mean F1")]);
    let worst = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("lowest:"))
        .and_then(|l| l.rsplit("F1").next()?.trim().parse::<f64>().ok())
        .expect("the scorer prints the lowest page");
    let floor = corpus_support::floor("import_worst_page_f1");
    println!("import_worst_page_f1: {worst:.3} (floor {floor:.3})");
    assert!(
        worst >= floor,
        "the worst page scores {worst:.3} < floor {floor:.3}"
    );
}
