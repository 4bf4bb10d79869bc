//! The sentence splitter, data-driven: every case is a text and the sentences it must split
//! into. Two sources, one runner that names the failing line:
//! - `testdata/sentences.txt`, our own invented cases (format in its header);
//! - `corpus/sentences/cases.jsonl` of the shared folder (`ATTACHE_SHARED`): skipped with the
//!   reason printed when it is unset, a failure under `CI=true`.

use std::path::{Path, PathBuf};

use attache_engine::text::Doc;

/// One case: where it comes from, the sentences, and the text they join into.
struct Case {
    origin: String,
    sentences: Vec<String>,
    text: String,
}

/// Parses a `testdata/sentences.txt` line: sentences separated by ` | ` (joined by a space)
/// or ` ¶ ` (joined by a line break); `\n` inside a sentence is a line break in it.
fn parse_line(line: &str) -> (Vec<String>, String) {
    let mut sentences = Vec::new();
    let mut text = String::new();
    let mut rest = line;
    loop {
        let next = [(" | ", " "), (" ¶ ", "\n")]
            .iter()
            .filter_map(|&(sep, join)| rest.find(sep).map(|i| (i, sep, join)))
            .min_by_key(|&(i, ..)| i);
        let (part, joiner) = match next {
            Some((i, sep, join)) => {
                let part = &rest[..i];
                rest = &rest[i + sep.len()..];
                (part, Some(join))
            }
            None => (rest, None),
        };
        let s = part.replace("\\n", "\n");
        text.push_str(&s);
        sentences.push(s);
        match joiner {
            Some(j) => text.push_str(j),
            None => break,
        }
    }
    (sentences, text)
}

fn testdata_cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/sentences.txt");
    let data = std::fs::read_to_string(&path).expect("tests/testdata/sentences.txt is readable");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (sentences, text) = parse_line(l);
            Case {
                origin: format!("tests/testdata/sentences.txt:{}", i + 1),
                sentences,
                text,
            }
        })
        .collect()
}

/// The shared cases file, or `None` (with the reason printed) when `ATTACHE_SHARED` is unset.
fn shared_cases() -> Option<Vec<Case>> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let Some(shared) = std::env::var_os("ATTACHE_SHARED").map(PathBuf::from) else {
        assert!(!ci, "CI=true but ATTACHE_SHARED is not set");
        println!("skipping the shared sentence cases: ATTACHE_SHARED is not set");
        return None;
    };
    let path = shared.join("corpus/sentences/cases.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        assert!(!ci, "CI=true but {} is missing", path.display());
        println!(
            "skipping the shared sentence cases: {} is missing",
            path.display()
        );
        return None;
    };
    let cases = data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let origin = format!("{}:{}", path.display(), i + 1);
            let v: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{origin}: {e}"));
            let joiner = v["joiner"].as_str().unwrap_or(" ");
            let sentences: Vec<String> = v["sentences"]
                .as_array()
                .unwrap_or_else(|| panic!("{origin}: no sentences"))
                .iter()
                .map(|s| s.as_str().unwrap_or_default().to_owned())
                .collect();
            let text = sentences.join(joiner);
            Case {
                origin,
                sentences,
                text,
            }
        })
        .collect();
    Some(cases)
}

/// Splits every case; returns one line per failure.
fn failures(cases: &[Case]) -> Vec<String> {
    cases
        .iter()
        .filter_map(|c| {
            let doc = Doc::new(&c.text, 0);
            let got: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(*s)).collect();
            (got != c.sentences).then(|| {
                format!(
                    "{}:\n    want {:?}\n    got  {:?}",
                    c.origin, c.sentences, got
                )
            })
        })
        .collect()
}

#[test]
fn invented_cases_split_as_written() {
    let cases = testdata_cases();
    assert!(cases.len() >= 40, "only {} cases in testdata", cases.len());
    let bad = failures(&cases);
    assert!(
        bad.is_empty(),
        "{} of {} cases split wrongly:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

#[test]
fn shared_cases_split_as_written() {
    let Some(cases) = shared_cases() else {
        return;
    };
    assert!(!cases.is_empty(), "the shared cases file is empty");
    let bad = failures(&cases);
    println!(
        "{} of {} shared cases right",
        cases.len() - bad.len(),
        cases.len()
    );
    assert!(
        bad.is_empty(),
        "{} of {} cases split wrongly:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

#[test]
fn the_line_format_parses() {
    let (s, t) = parse_line("A b. | C d. ¶ - e\\nf");
    assert_eq!(s, ["A b.", "C d.", "- e\nf"]);
    assert_eq!(t, "A b. C d.\n- e\nf");
}
