//! Robustness: no input makes the engine panic, and every span it returns lies on char
//! boundaries inside the input, with each position's `text` equal to its content span.

use attache_engine::{Brief, DraftOptions, Span, draft};
use proptest::prelude::*;

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what} {span:?} is reversed");
    assert!(
        span.end <= text.len(),
        "{what} {span:?} is past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fn check(text: &str) {
    let Ok(brief) = draft(text, &DraftOptions::default()) else {
        return; // an empty text is refused with an error, which is fine
    };
    check_brief(text, &brief);
}

fn check_brief(text: &str, brief: &Brief) {
    for p in &brief.parties {
        for &m in &p.mentions {
            check_span(text, m, "party mention");
        }
    }
    for p in &brief.positions {
        check_span(text, p.content_span, "content_span");
        assert_eq!(
            &text[p.content_span.range()],
            p.text,
            "text is its content span"
        );
        for s in [p.cue_span, p.source_span].into_iter().flatten() {
            check_span(text, s, "cue/source span");
        }
        check_span(text, p.sentence_span, "sentence span");
        if let Some(id) = &p.party {
            assert!(
                brief.parties.iter().any(|q| &q.id == id),
                "party {id} exists"
            );
        }
    }
}

/// Pieces that stress the quote, name and cue logic, mixed with arbitrary text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("''".to_owned()),
        Just("’s".to_owned()),
        Just(" said ".to_owned()),
        Just(", according to ".to_owned()),
        Just(" President ".to_owned()),
        Just("Vladimir Putin".to_owned()),
        Just(" the Kremlin ".to_owned()),
        Just(" (RSF) ".to_owned()),
        Just(". ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\0".to_owned()),
        Just("مرحبا بالعالم".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("👩‍👩‍👧 🇺🇦".to_owned()),
        Just(" he told reporters that ".to_owned()),
        "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn news_like_pieces_never_panic(pieces in proptest::collection::vec(piece(), 0..60)) {
        check(&pieces.concat());
    }
}

#[test]
fn only_quote_marks() {
    check(&"“\"”'’‘«»".repeat(500));
}

#[test]
fn unbalanced_quotes_across_paragraphs() {
    check("“One.\n\n“Two,” he said.\n\n”Three” “\n\nFour said: “");
}

#[test]
fn one_megabyte_line_without_punctuation() {
    let text = "word Putin said Kremlin ".repeat(1 << 20 >> 4);
    assert!(text.len() >= 1 << 20);
    check(&text);
}

#[test]
fn crlf_rtl_emoji_and_nuls() {
    check("Title\r\n\r\n\u{202E}“مرحبا,” said Ahmed Ali.\0 👍 “Yes,” she told reporters.\r\n");
}
