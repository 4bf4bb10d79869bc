//! Key dates: the data-driven cases of `tests/testdata/dates.txt` (one sentence, its
//! publication date, the expression expected in it and what it resolves to), and a few
//! whole-text cases below.

use attache_engine::{DraftOptions, draft};
use chrono::NaiveDate;

const CASES: &str = include_str!("testdata/dates.txt");

/// One line of the data file.
struct Case<'a> {
    line: usize,
    published: &'a str,
    expression: &'a str,
    resolved: Option<&'a str>,
    sentence: &'a str,
}

fn cases() -> Vec<Case<'static>> {
    CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let cols: Vec<&str> = l.splitn(4, " | ").map(str::trim).collect();
            assert_eq!(cols.len(), 4, "testdata/dates.txt:{}: four columns", n + 1);
            Case {
                line: n + 1,
                published: cols[0],
                expression: cols[1],
                resolved: (cols[2] != "-").then_some(cols[2]),
                sentence: cols[3],
            }
        })
        .collect()
}

fn drafted(sentence: &str, published: &str) -> attache_engine::Brief {
    let options = DraftOptions {
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..DraftOptions::default()
    };
    draft(sentence, &options).expect("a sentence drafts")
}

/// What is wrong with one case, if anything.
fn check(c: &Case<'_>) -> Option<String> {
    let brief = drafted(c.sentence, c.published);
    if c.expression == "!" {
        return (!brief.key_dates.is_empty())
            .then(|| format!("no date expected, got {:?}", brief.key_dates));
    }
    let got = brief
        .key_dates
        .iter()
        .find(|d| d.text.contains(c.expression) || c.expression.contains(d.text.as_str()));
    match got {
        None => Some(format!(
            "no date {:?} in {:?}",
            c.expression, brief.key_dates
        )),
        Some(d) if c.sentence[d.span.range()] != d.text => {
            Some(format!("span of {:?} cuts the text", d.text))
        }
        Some(d) if d.text != c.expression => {
            Some(format!("found {:?}, want {:?}", d.text, c.expression))
        }
        Some(d) if d.resolved.as_deref() != c.resolved => Some(format!(
            "{:?} resolved {:?}, want {:?}",
            c.expression, d.resolved, c.resolved
        )),
        Some(_) => None,
    }
}

#[test]
fn every_case_in_testdata_holds() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|c| {
            check(c).map(|why| format!("testdata/dates.txt:{}: {why}\n    {}", c.line, c.sentence))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_dateline_anchors_relative_dates() {
    let text = "Ceasefire agreed\n\nDUBAI, June 9, 2023 (Reuters) The two sides agreed on a \
                ceasefire from 6 a.m. on Saturday, the mediators said.";
    let brief = draft(text, &DraftOptions::default()).unwrap();
    assert_eq!(brief.source.published.as_deref(), Some("2023-06-09"));
    assert_eq!(brief.source.published_from.as_deref(), Some("dateline"));
    let sat = brief
        .key_dates
        .iter()
        .find(|d| d.text.contains("Saturday"))
        .unwrap();
    assert_eq!(sat.resolved.as_deref(), Some("2023-06-10"));
}

#[test]
fn a_stated_year_fixes_dates_without_one() {
    let text = "In 2019 the treaty lapsed. The ministers met on March 3 to discuss it.";
    let brief = draft(text, &DraftOptions::default()).unwrap();
    let d = brief
        .key_dates
        .iter()
        .find(|d| d.text.contains("March 3"))
        .unwrap();
    assert_eq!(d.resolved.as_deref(), Some("2019-03-03"));
}

#[test]
fn events_name_what_happens() {
    let brief = drafted("Trump returned to power in January.", "2025-10-16");
    assert_eq!(
        brief.key_dates[0].event.as_deref(),
        Some("Trump returned to power")
    );
}
