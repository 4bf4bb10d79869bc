//! Briefs regression: drafts every article of the briefs corpus exactly as `score_briefs.py`
//! presents it (title line, blank line, body; date from the `Published:` header), scores the
//! briefs with the official scorer, and checks each figure against `floors.txt`.
//! Skips (printing why) when `ATTACHE_SHARED` is unset; fails under `CI=true`.

mod corpus_support;

use attache_engine::DraftOptions;
use chrono::NaiveDate;

/// Title, `Published:` date and body of an article file, split as the scorer splits it.
fn read_article(raw: &str) -> (String, Option<NaiveDate>, String) {
    let lines: Vec<&str> = raw.split('\n').collect();
    let title = lines.first().copied().unwrap_or_default().to_owned();
    let mut i = 1;
    let mut published = None;
    while i < lines.len() && !lines[i].trim().is_empty() {
        if let Some((k, v)) = lines[i].split_once(':')
            && k.trim().eq_ignore_ascii_case("published")
        {
            published = NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
        }
        i += 1;
    }
    let body = lines.get(i + 1..).unwrap_or_default().join("\n");
    (title, published, body)
}

#[test]
fn briefs_stay_above_their_floors() {
    let Some(shared) = attache_tests::shared_dir() else {
        return;
    };
    let corpus = shared.join("corpus/briefs");
    let pred = tempfile::tempdir().expect("a temp dir");
    let mut n = 0;
    for entry in std::fs::read_dir(corpus.join("gold")).expect("briefs has gold/") {
        let path = entry.expect("a readable dir entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let raw = std::fs::read_to_string(corpus.join("articles").join(format!("{name}.txt")))
            .expect("every gold brief has its article");
        let (title, published, body) = read_article(&raw);
        let text = format!("{title}\n\n{body}");
        let options = DraftOptions {
            published,
            ..DraftOptions::default()
        };
        corpus_support::write_brief(pred.path(), &name, &text, &options);
        n += 1;
    }
    assert!(n > 0, "no gold briefs in {}", corpus.display());
    let summary = corpus_support::score(&shared.join("eval/score_briefs.py"), &corpus, pred.path());
    corpus_support::check(
        &summary,
        &[
            ("briefs_parties", "parties F1"),
            ("briefs_positions", "positions F1"),
            ("briefs_speaker", "speaker F1"),
            ("questions", "questions F1"),
            ("dates", "dates F1"),
            ("date_resolution", "date resolution"),
            ("briefs_parties_strict", "parties strict F1"),
            ("briefs_positions_strict", "positions strict F1"),
            ("briefs_speaker_strict", "speaker strict F1"),
            ("briefs_questions_strict", "questions strict F1"),
            ("briefs_stance_accuracy", "stance accuracy"),
            ("briefs_issue_grouping", "issue grouping F1"),
        ],
    );
}
