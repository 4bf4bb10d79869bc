//! Table tests for key dates: each row is a sentence, the publication date, the date
//! expression expected in it and what it must resolve to.

use attache_engine::{DraftOptions, draft};
use chrono::NaiveDate;

/// (sentence, published, expression, resolved); `published` empty = unknown.
const ROWS: &[(&str, &str, &str, Option<&str>)] = &[
    // Weekdays: the side of the publication date follows the tense.
    (
        "The ministers met on Thursday in Geneva.",
        "2025-10-16",
        "on Thursday",
        Some("2025-10-16"),
    ),
    (
        "The ministers met on Tuesday in Geneva.",
        "2025-10-16",
        "on Tuesday",
        Some("2025-10-14"),
    ),
    (
        "The ministers will meet on Tuesday in Geneva.",
        "2025-10-16",
        "on Tuesday",
        Some("2025-10-21"),
    ),
    (
        "Talks are expected to resume on Monday.",
        "2025-10-16",
        "on Monday",
        Some("2025-10-20"),
    ),
    (
        "Parliament is set to vote on Friday on the budget.",
        "2025-10-16",
        "on Friday",
        Some("2025-10-17"),
    ),
    (
        "The ministry said earlier on Friday that talks could resume.",
        "2014-08-16",
        "earlier on Friday",
        Some("2014-08-15"),
    ),
    (
        "The envoy arrived last Friday after a long delay.",
        "2025-10-17",
        "last Friday",
        Some("2025-10-10"),
    ),
    (
        "The envoy will arrive next Friday for talks.",
        "2025-10-17",
        "next Friday",
        Some("2025-10-24"),
    ),
    ("The envoy spoke on Thursday.", "", "on Thursday", None),
    // Ranges from the publication date.
    (
        "He said they would meet within two weeks.",
        "2025-10-16",
        "within two weeks",
        Some("2025-10-16..2025-10-30"),
    ),
    (
        "He expected to meet him “within two weeks or so” to agree a deal.",
        "2025-10-16",
        "within two weeks or so",
        Some("2025-10-16..2025-10-30"),
    ),
    (
        "The report is due within 30 days.",
        "2025-01-10",
        "within 30 days",
        Some("2025-01-10..2025-02-09"),
    ),
    (
        "The envoy will return in two weeks.",
        "2025-10-16",
        "in two weeks",
        Some("2025-10-30"),
    ),
    (
        "The envoy left two days ago.",
        "2025-10-16",
        "two days ago",
        Some("2025-10-14"),
    ),
    // Periods.
    (
        "A summit is planned for next month.",
        "2025-10-16",
        "next month",
        Some("2025-11-01..2025-11-30"),
    ),
    (
        "Exports fell sharply last month.",
        "2025-03-05",
        "last month",
        Some("2025-02-01..2025-02-28"),
    ),
    (
        "After a tense meeting earlier this year, ties improved.",
        "2025-10-16",
        "earlier this year",
        Some("2025-01-01..2025-10-16"),
    ),
    (
        "Elections are due later this year.",
        "2025-10-16",
        "later this year",
        Some("2025-10-16..2025-12-31"),
    ),
    (
        "Inflation rose last year.",
        "2025-10-16",
        "last year",
        Some("2024-01-01..2024-12-31"),
    ),
    (
        "Talks will continue next week.",
        "2025-10-16",
        "next week",
        Some("2025-10-20..2025-10-26"),
    ),
    (
        "The minister travelled last week to Rome.",
        "2025-10-16",
        "last week",
        Some("2025-10-06..2025-10-12"),
    ),
    (
        "The delegation is in Rome this week.",
        "2025-10-16",
        "this week",
        Some("2025-10-13..2025-10-19"),
    ),
    // Deictic days.
    (
        "The cabinet meets today to approve the plan.",
        "2023-11-21",
        "today",
        Some("2023-11-21"),
    ),
    (
        "The cabinet meets tomorrow to approve the plan.",
        "2023-11-21",
        "tomorrow",
        Some("2023-11-22"),
    ),
    (
        "The cabinet met yesterday to approve the plan.",
        "2023-11-21",
        "yesterday",
        Some("2023-11-20"),
    ),
    (
        "The cabinet is meeting to discuss this matter right now.",
        "2023-11-21",
        "right now",
        Some("2023-11-21"),
    ),
    (
        "The announcement came just a day before Trump is set to host Zelensky.",
        "2025-10-16",
        "just a day before",
        Some("2025-10-17"),
    ),
    // Months and days without a year: the tense picks the year.
    (
        "Trump returned to power in January.",
        "2025-10-16",
        "in January",
        Some("2025-01-01..2025-01-31"),
    ),
    (
        "The treaty will be signed in January.",
        "2025-10-16",
        "in January",
        Some("2026-01-01..2026-01-31"),
    ),
    (
        "Lavrov could meet his counterparts in Berlin on August 17.",
        "2014-08-16",
        "on August 17",
        Some("2014-08-17"),
    ),
    (
        "The deal was signed on Jan. 5 after long talks.",
        "2025-10-16",
        "on Jan. 5",
        Some("2025-01-05"),
    ),
    (
        "The vote was held on 15 April after a delay.",
        "2025-10-16",
        "on 15 April",
        Some("2025-04-15"),
    ),
    (
        "Member states had until February 20 to submit amendments.",
        "2026-02-03",
        "until February 20",
        Some("2026-02-20"),
    ),
    (
        "The envoy returned on the 24th.",
        "2025-10-30",
        "on the 24th",
        Some("2025-10-24"),
    ),
    (
        "The envoy will return on the 4th.",
        "2025-10-30",
        "on the 4th",
        Some("2025-11-04"),
    ),
    // No tense to go by: the nearer occurrence, with days ahead counting double.
    (
        "It is painful, given the attack on October 7 by the group.",
        "2024-04-23",
        "on October 7",
        Some("2023-10-07"),
    ),
    (
        "Ministers of the four countries in Berlin on August 17 for talks.",
        "2014-08-16",
        "on August 17",
        Some("2014-08-17"),
    ),
    // Explicit years and full dates.
    (
        "Hungary remains a member until June 2026.",
        "2025-10-16",
        "until June 2026",
        Some("2026-06-01..2026-06-30"),
    ),
    (
        "The accord was signed on June 9, 2023 in Jeddah.",
        "",
        "on June 9, 2023",
        Some("2023-06-09"),
    ),
    (
        "The accord was signed on 9 June 2023 in Jeddah.",
        "",
        "on 9 June 2023",
        Some("2023-06-09"),
    ),
    (
        "The file is dated 2024-02-29 in the archive.",
        "",
        "2024-02-29",
        Some("2024-02-29"),
    ),
    (
        "The arrangement dates from 1999 and still holds.",
        "",
        "1999",
        Some("1999-01-01..1999-12-31"),
    ),
    // Clock times take their day.
    (
        "A ceasefire was agreed from 6 a.m. (0400 GMT) on Saturday.",
        "2023-06-09",
        "6 a.m. (0400 GMT) on Saturday",
        Some("2023-06-10"),
    ),
    (
        "The briefing began at 1:27 p.m. EST with remarks.",
        "2023-11-21",
        "1:27 p.m. EST",
        Some("2023-11-21"),
    ),
    // Vague expressions are kept, unresolved.
    (
        "Rubio is expected to meet Lavrov soon to settle details.",
        "2025-10-16",
        "soon",
        None,
    ),
    (
        "The clashes followed almost two months of talks.",
        "2023-06-10",
        "almost two months",
        None,
    ),
];

/// Expressions that must not be taken for dates.
const NOT_DATES: &[&str] = &[
    "He may travel to Paris to meet the minister.",
    "Trump had vowed to end the war “within 24 hours” of taking office.",
    "Moscow is rushing to resume dialogue as soon as it hears about missiles.",
    "Some 2,000 troops and 1500 vehicles moved north.",
    "The marchers said they would march on the capital.",
];

fn drafted(sentence: &str, published: &str) -> attache_engine::Brief {
    let options = DraftOptions {
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..DraftOptions::default()
    };
    draft(sentence, &options).expect("a sentence drafts")
}

#[test]
fn every_row_resolves() {
    let mut failures = Vec::new();
    for &(sentence, published, expr, want) in ROWS {
        let brief = drafted(sentence, published);
        let got = brief
            .key_dates
            .iter()
            .find(|d| d.text.contains(expr) || expr.contains(d.text.as_str()));
        match got {
            None => failures.push(format!(
                "{sentence:?}: no date {expr:?} in {:?}",
                brief.key_dates
            )),
            Some(d) if d.resolved.as_deref() != want => failures.push(format!(
                "{sentence:?} ({published}): {expr:?} resolved {:?}, want {want:?}",
                d.resolved
            )),
            Some(d) => assert_eq!(&sentence[d.span.range()], d.text, "span cuts the text"),
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn non_dates_are_left_alone() {
    for sentence in NOT_DATES {
        let brief = drafted(sentence, "2025-10-16");
        assert!(
            brief.key_dates.is_empty(),
            "{sentence:?}: {:?}",
            brief.key_dates
        );
    }
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
