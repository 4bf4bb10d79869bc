//! PolNeAR dev regression: drafts every dev article with the engine, scores the positions
//! with the official `score_attributions.py`, and checks each figure against `floors.txt`.
//! Skips (printing why) when `ATTACHE_SHARED` is unset; fails under `CI=true`.

mod corpus_support;

use attache_engine::DraftOptions;

#[test]
fn polnear_dev_attributions_stay_above_their_floors() {
    let Some(shared) = attache_tests::shared_dir() else {
        return;
    };
    let split = shared.join("corpus/polnear/dev");
    let pred = tempfile::tempdir().expect("a temp dir");
    let mut n = 0;
    let entries = std::fs::read_dir(split.join("text")).expect("polnear dev has text/");
    for entry in entries {
        let path = entry.expect("a readable dir entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let text = std::fs::read_to_string(&path).expect("article text is UTF-8");
        corpus_support::write_brief(pred.path(), &name, &text, &DraftOptions::default());
        n += 1;
    }
    assert!(n > 0, "no articles in {}", split.display());
    let summary = corpus_support::score(
        &shared.join("eval/score_attributions.py"),
        &split,
        pred.path(),
    );
    corpus_support::check(
        &summary,
        &[
            ("polnear_content", "content F1"),
            ("polnear_source_content", "source+content F1"),
            ("polnear_exact_content", "exact content F1"),
            ("polnear_quote_recall", "quote recall"),
        ],
    );
}
