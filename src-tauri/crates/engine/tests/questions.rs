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

#[test]
fn expected_meetings_become_scheduled_event_questions() {
    let q = questions(
        "Rubio meets Lavrov\n\nUS Secretary of State Marco Rubio is expected to meet Russian \
         Foreign Minister Sergei Lavrov soon to finalise details of the summit.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].question,
        "Will US Secretary of State Marco Rubio meet Russian Foreign Minister Sergei Lavrov soon to finalise details of the summit?"
    );
    assert_eq!(q[0].kind, QuestionKind::ScheduledEvent);
}

#[test]
fn whether_clauses_are_inverted() {
    let q = questions(
        "Missiles\n\nHe also questioned whether Washington could spare the weapons, citing the \
         need to maintain stockpiles.",
    );
    assert_eq!(q[0].question, "Could Washington spare the weapons?");
    assert_eq!(q[0].kind, QuestionKind::PendingDecision);
}

#[test]
fn conditionals_keep_their_condition() {
    let q = questions(
        "Talks\n\nIf the parties failed to observe the ceasefire, facilitators will be compelled \
         to consider adjourning the talks, the statement said.",
    );
    assert!(
        q[0].question
            .starts_with("Will facilitators be compelled to consider adjourning the talks if"),
        "{q:?}"
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
    assert!(q.len() <= 6, "{}", q.len());
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
