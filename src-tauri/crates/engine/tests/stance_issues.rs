//! Stance and issues of positions: the data-driven cases of `tests/testdata/stance.txt` and
//! `tests/testdata/issues.txt`, one runner each, naming the failing line.

use attache_engine::{Brief, DraftOptions, Position, draft};

/// One block of a data file: its first line, its text, and its `key: value` lines.
struct Block {
    line: usize,
    text: String,
    lines: Vec<(usize, String, String)>,
}

fn blocks(file: &str, data: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            out.extend(cur.take());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("{file}:{}: `key: value`", n + 1));
        let b = cur.get_or_insert_with(|| Block {
            line: n + 1,
            text: String::new(),
            lines: Vec::new(),
        });
        if key == "text" {
            b.text = value.to_owned();
        } else {
            b.lines.push((n + 1, key.to_owned(), value.to_owned()));
        }
    }
    out.extend(cur);
    out
}

fn brief(text: &str) -> Brief {
    draft(&format!("Title\n\n{text}"), &DraftOptions::default()).expect("the text drafts")
}

fn position<'b>(b: &'b Brief, content: &str) -> Result<&'b Position, String> {
    b.positions
        .iter()
        .find(|p| p.text == content)
        .ok_or_else(|| {
            let all: Vec<&str> = b.positions.iter().map(|p| p.text.as_str()).collect();
            format!("no position {content:?} in {all:?}")
        })
}

fn run(file: &str, data: &str, check: fn(&Brief, &str, &str) -> Result<(), String>) {
    let mut failures = Vec::new();
    for block in blocks(file, data) {
        let b = brief(&block.text);
        for (line, key, value) in &block.lines {
            if let Err(why) = check(&b, key, value) {
                failures.push(format!("{file}:{line} (block at {}): {why}", block.line));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} lines failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn pair(value: &str) -> (&str, &str) {
    value.split_once(" | ").expect("two columns: a | b")
}

#[test]
fn stance_testdata() {
    run(
        "testdata/stance.txt",
        include_str!("testdata/stance.txt"),
        |b, key, value| {
            assert_eq!(key, "want", "unknown key {key:?}");
            let (content, want) = pair(value);
            let p = position(b, content)?;
            let got = serde_json::to_value(p.stance).unwrap();
            (got.as_str() == Some(want))
                .then_some(())
                .ok_or_else(|| format!("{content:?} is {got}, want {want}"))
        },
    );
}

#[test]
fn issues_testdata() {
    run(
        "testdata/issues.txt",
        include_str!("testdata/issues.txt"),
        |b, key, value| {
            let (a, c) = pair(value);
            match key {
                "issue" => {
                    let p = position(b, a)?;
                    (p.issue == c)
                        .then_some(())
                        .ok_or_else(|| format!("{a:?} is on {:?}, want {c:?}", p.issue))
                }
                "same" | "apart" => {
                    let (x, y) = (position(b, a)?, position(b, c)?);
                    let together = x.issue_id.is_some() && x.issue_id == y.issue_id;
                    (together == (key == "same"))
                        .then_some(())
                        .ok_or_else(|| format!("{a:?} on {:?}, {c:?} on {:?}", x.issue, y.issue))
                }
                other => Err(format!("unknown key {other:?}")),
            }
        },
    );
}

#[test]
fn every_issue_is_pointed_at_and_labels_are_one_per_issue() {
    let b = brief(
        "Foreign Minister Anna Berg said the summit in Oslo would open on Monday. Prime \
         Minister Jon Magnusson said the summit should wait. Berg said the quotas were fixed.",
    );
    for i in &b.issues {
        assert!(
            b.positions
                .iter()
                .any(|p| p.issue_id.as_deref() == Some(i.id.as_str())),
            "{i:?} has no position"
        );
        assert!(!i.evidence.is_empty(), "{i:?} has no evidence");
    }
    for p in &b.positions {
        if let Some(id) = &p.issue_id {
            let issue = b
                .issues
                .iter()
                .find(|i| &i.id == id)
                .expect("the issue exists");
            assert_eq!(p.issue, issue.label);
        } else {
            assert!(p.issue.is_empty());
        }
    }
    let mut labels: Vec<&str> = b.issues.iter().map(|i| i.label.as_str()).collect();
    labels.sort_unstable();
    let n = labels.len();
    labels.dedup();
    assert_eq!(labels.len(), n, "one issue per label");
}
