//! Open questions: phrasing, kinds, evidence and limits.

use attache_engine::{DraftOptions, QuestionKind, SAMPLE_ARTICLE, draft};
use chrono::NaiveDate;

fn questions(text: &str) -> Vec<attache_engine::OpenQuestion> {
    let options = DraftOptions {
        published: NaiveDate::from_ymd_opt(2025, 10, 16),
        ..DraftOptions::default()
    };
    draft(text, &options).unwrap().open_questions
}

const CASES: &str = include_str!("testdata/questions.txt");

/// One block of the data file.
#[derive(Default)]
struct Example {
    line: usize,
    text: String,
    want: Vec<(String, String)>,
    count: Option<(usize, usize)>,
    never: Vec<String>,
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    let mut cur: Option<Example> = None;
    for (n, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() {
            out.extend(cur.take());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("testdata/questions.txt:{}: `key: value`", n + 1));
        let ex = cur.get_or_insert_with(|| Example {
            line: n + 1,
            ..Example::default()
        });
        match key {
            "text" => ex.text = value.to_owned(),
            "want" => {
                let (q, k) = value.split_once(" | ").expect("question | kind");
                ex.want.push((q.to_owned(), k.to_owned()));
            }
            "count" => {
                let (a, b) = value.split_once('-').expect("min-max");
                ex.count = Some((a.parse().unwrap(), b.parse().unwrap()));
            }
            "never" => ex.never.push(value.to_owned()),
            other => panic!("testdata/questions.txt:{}: unknown key {other:?}", n + 1),
        }
    }
    out.extend(cur);
    out
}

fn kind_name(k: QuestionKind) -> String {
    serde_json::to_value(k)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// What is wrong with one example, if anything.
fn check(ex: &Example) -> Option<String> {
    let q = questions(&format!("Title\n\n{}", ex.text));
    let got: Vec<(String, String)> = q
        .iter()
        .map(|x| (x.question.clone(), kind_name(x.kind)))
        .collect();
    for w in &ex.want {
        if !got.contains(w) {
            return Some(format!("want {w:?}, got {got:?}"));
        }
    }
    if let Some((a, b)) = ex.count
        && !(a..=b).contains(&q.len())
    {
        return Some(format!("{} questions, want {a}-{b}: {got:?}", q.len()));
    }
    for words in &ex.never {
        if let Some((bad, _)) = got.iter().find(|(g, _)| g.contains(words.as_str())) {
            return Some(format!("{bad:?} contains {words:?}"));
        }
    }
    for x in &q {
        let s = &x.question;
        if !(s.ends_with('?') && s.starts_with(char::is_uppercase) && !s.contains("  ")) {
            return Some(format!("{s:?} is not a well-formed question"));
        }
    }
    None
}

#[test]
fn questions_testdata() {
    let failures: Vec<String> = examples()
        .iter()
        .filter_map(|ex| check(ex).map(|why| format!("testdata/questions.txt:{}: {why}", ex.line)))
        .collect();
    assert!(
        failures.is_empty(),
        "{} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_sample_gets_a_handful_of_grammatical_questions() {
    let brief = draft(SAMPLE_ARTICLE, &DraftOptions::default()).unwrap();
    let q = &brief.open_questions;
    assert!((2..=6).contains(&q.len()), "{q:?}");
    for item in q {
        assert!(item.question.ends_with('?'), "{item:?}");
        assert!(item.question.starts_with(char::is_uppercase), "{item:?}");
        assert!(!item.question.contains("  "), "{item:?}");
        let evidence = &SAMPLE_ARTICLE[item.evidence_span.range()];
        assert!(!evidence.trim().is_empty());
    }
    // The unconfirmed ministers' meeting is the clearest open question of the sample.
    assert!(
        q.iter()
            .any(|x| x.kind == QuestionKind::ScheduledEvent && x.question.contains("April 14")),
        "{q:?}"
    );
}

#[test]
fn long_inputs_stay_capped_and_statements_raise_none() {
    let para = "The minister will visit Paris next month, and officials said talks may resume \
                if the ceasefire holds. Whether the parliament will approve the deal is unclear.\n\n";
    let q = questions(&para.repeat(2_000));
    assert!(q.len() <= 5, "{}", q.len());
    assert!(!q.is_empty());
    let plain = questions("Report\n\nThe minister visited Paris. She met the president.");
    assert!(plain.is_empty(), "{plain:?}");
}

#[test]
fn odd_inputs_never_panic() {
    for text in [
        "?",
        "Whether?",
        "If , then.",
        "“”",
        "will will will will will",
        "Is it? Is it? Is it?",
        "He said she would. They could. It may.",
        "whether whether whether to to to",
        "Ünïcödé — “quoted” ‘text’ whether ça va?",
    ] {
        let _ = draft(text, &DraftOptions::default());
    }
}
