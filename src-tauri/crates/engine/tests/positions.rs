//! Positions table tests on sentences written for these tests: each row is an article, the
//! content we expect, its kind, cue and speaker.

use attache_engine::{Brief, DraftOptions, PositionKind, Stance, draft};

fn brief(text: &str) -> Brief {
    draft(text, &DraftOptions::default()).expect("drafts")
}

#[test]
fn content_before_a_comma_outside_the_quote_and_a_glossing_participle() {
    let b = brief(
        "T\n\nIf talks fail, “the monitors will leave the valley”, the joint statement \
         added, referring to the border mission.",
    );
    let p = b
        .positions
        .iter()
        .find(|p| p.cue == "added")
        .expect("the attribution");
    assert_eq!(
        p.text,
        "If talks fail, “the monitors will leave the valley”"
    );
    assert!(
        !b.positions.iter().any(|p| p.text.starts_with("referring")),
        "{:#?}",
        b.positions
    );
}

#[test]
fn collective_statement_speaks_for_the_group_in_every_sentence() {
    let b = brief(
        "Statement\n\nBegin Text:\nWe, the Nordic Trade Ministers of Norway, Sweden and \
         Finland, welcome the new fisheries accord. These talks have restored trust across the \
         region. We oppose any quota set without consultation.\nEnd Text.\n\n\
         Officials met again on Friday to review the fleet records.",
    );
    let said: Vec<_> = b
        .positions
        .iter()
        .map(|p| (p.speaker.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("Nordic Trade Ministers", "the new fisheries accord"),
            (
                "Nordic Trade Ministers",
                "These talks have restored trust across the region"
            ),
            (
                "Nordic Trade Ministers",
                "any quota set without consultation"
            ),
        ]
    );
}

#[test]
fn collective_statement_of_common_nouns_is_named_by_the_whole_apposition() {
    let b = brief(
        "Statement\n\nWe, the mayors of Bergen, Tromso and Oslo, are saddened by the loss \
         of the ferry crew.",
    );
    let p = b.positions.first().expect("the statement's position");
    assert_eq!(p.speaker, "mayors of Bergen, Tromso and Oslo");
    assert_eq!(p.cue, "are");
    assert_eq!(p.text, "saddened by the loss of the ferry crew");
}

#[test]
fn transcript_answer_runs_over_paragraphs_until_the_next_label() {
    let b = brief(
        "Briefing\n\nMS ADLER: Good afternoon.\n\n\
         QUESTION: You are late again today, as usual.\n\n\
         QUESTION: Is the ferry deal done?\n\n\
         MS ADLER: We are close to an agreement on the ferry.\n\n\
         The cabinet meets tonight to discuss it. I said so yesterday.\n\n\
         QUESTION: Will the minister sign it this week?",
    );
    let turns: Vec<_> = b
        .positions
        .iter()
        .map(|p| (p.speaker.as_str(), p.text.as_str()))
        .collect();
    // A reporter's remark that asks nothing is not a position; the answer's second
    // paragraph belongs to the answer, "I said" included. In the issuer's own transcript
    // (the title says "Briefing") every sentence of a turn is a position of its own, but a
    // short one that carries on the last is one point with it.
    assert_eq!(turns.len(), 4, "{turns:?}");
    assert_eq!(turns[0].0, "unnamed reporter");
    assert!(turns[2].1.ends_with("I said so yesterday"), "{turns:?}");
    assert!(
        turns[1..3]
            .iter()
            .all(|t| t.0.to_lowercase().ends_with("adler")),
        "{turns:?}"
    );
    assert_eq!(turns[3].0, "unnamed reporter");
}

#[test]
fn quotation_closed_by_a_comma_is_the_content_not_the_source_after_it() {
    let b = brief(
        "T\n\n\"Every delay costs the fleet,\" the union's leader, Mara Olsen, said. \
         “We pay for it,” Olsen added, when asked about the quota (a figure set in May.)",
    );
    let texts: Vec<_> = b.positions.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Every delay costs the fleet,", "We pay for it,"]);
}

#[test]
fn relative_pronoun_source_spans_back_to_its_antecedent() {
    let text = "T\n\nThe vote went to Minister Anna Berg, who said the quota was fair.";
    let b = brief(text);
    let p = b
        .positions
        .iter()
        .find(|p| p.text == "the quota was fair")
        .expect("the relative-clause attribution");
    assert_eq!(p.speaker, "Anna Berg");
    let src = p.source_span.expect("a source span");
    assert!(
        text[src.range()].ends_with("who"),
        "{:?}",
        &text[src.range()]
    );
    assert!(
        text[src.range()].contains("Berg"),
        "{:?}",
        &text[src.range()]
    );
}

#[test]
fn a_document_reads_out_its_content_but_a_person_reading_reports_nothing() {
    let b = brief(
        "T\n\nMinister Anna Berg read the report twice. \
         “The fleet will stay in port,” the joint statement read.",
    );
    let cues: Vec<_> = b
        .positions
        .iter()
        .map(|p| (p.cue.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(cues, [("read", "The fleet will stay in port,")]);
}

#[test]
fn quoted_transcript_turns_drop_the_label() {
    let b = brief(
        "Interview\n\nThe host spoke with Minister Ruth Adler.\n\n\
         \"ADLER: We expect the talks to resume next week.\n\n\
         \"HOST: Will the minister attend in person?",
    );
    let turns: Vec<_> = b
        .positions
        .iter()
        .map(|p| (p.speaker.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        turns[0],
        ("Ruth Adler", "We expect the talks to resume next week")
    );
    assert!(turns[1].1.starts_with("Will the minister"), "{turns:?}");
}

#[test]
fn a_cue_word_used_as_a_noun_gives_no_position() {
    for text in [
        "T\n\nRepublican support was more solid than expected.",
        "T\n\nThe senator has 85 percent support among older voters.",
        "T\n\nThe mayor's plans were shelved.",
        "T\n\nThe city runs a program called Safe Streets.",
        "T\n\nFew voters show up at the polls in July.",
    ] {
        assert!(brief(text).positions.is_empty(), "{text}");
    }
    // The verb still is a cue.
    let b = brief("T\n\nRepublicans support the bill because it cuts taxes.");
    assert_eq!(b.positions.len(), 1);
}

/// One example of a `tests/testdata/positions*.txt` file.
struct Example {
    /// Where the block starts ("positions.txt:12").
    at: String,
    title: String,
    text: String,
    want: Vec<(String, String, String, String)>,
    none: Vec<String>,
    count: Option<usize>,
}

/// The examples of every `tests/testdata/positions*.txt` file.
fn examples() -> Vec<Example> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/testdata");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/testdata")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("positions") && n.ends_with(".txt"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let data = std::fs::read_to_string(&path).expect("readable test data");
        let mut cur: Option<Example> = None;
        for (n, line) in data.lines().enumerate().chain([(usize::MAX, "")]) {
            if line.trim().is_empty() {
                out.extend(cur.take());
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let ex = cur.get_or_insert_with(|| Example {
                at: format!("{name}:{}", n + 1),
                title: "Title".to_owned(),
                text: String::new(),
                want: Vec::new(),
                none: Vec::new(),
                count: None,
            });
            let (key, value) = line
                .split_once(": ")
                .unwrap_or_else(|| panic!("{name}:{}: expected `key: value`", n + 1));
            let value = value.replace("\\n", "\n");
            match key {
                "title" => ex.title = value,
                "text" => ex.text = value,
                "none" => ex.none.push(value),
                "count" => ex.count = Some(value.parse().expect("a count")),
                "want" => {
                    let cols: Vec<&str> = value.split(" | ").collect();
                    let [content, kind, cue, speaker] = cols[..] else {
                        panic!("{name}:{}: want: content | kind | cue | speaker", n + 1)
                    };
                    ex.want
                        .push((content.into(), kind.into(), cue.into(), speaker.into()));
                }
                _ => panic!("{name}:{}: unknown key {key:?}", n + 1),
            }
        }
    }
    out
}

/// What is wrong with the brief of one example, if anything.
fn check(ex: &Example) -> Option<String> {
    let text = format!("{}\n\n{}", ex.title, ex.text);
    let b = brief(&text);
    let got: Vec<String> = b
        .positions
        .iter()
        .map(|p| format!("{} | {:?} | {} | {}", p.text, p.kind, p.cue, p.speaker))
        .collect();
    for (content, kind, cue, speaker) in &ex.want {
        let Some(p) = b.positions.iter().find(|p| &p.text == content) else {
            return Some(format!("no position {content:?}; got {got:#?}"));
        };
        let k = format!("{:?}", p.kind).to_lowercase();
        let found = b.positions.iter().any(|q| {
            &q.text == content
                && &format!("{:?}", q.kind).to_lowercase() == kind
                && &q.cue == cue
                && &q.speaker == speaker
        });
        if !found {
            return Some(format!(
                "{content:?}: want {kind} | {cue} | {speaker}, got {k} | {} | {}",
                p.cue, p.speaker
            ));
        }
        if text.get(p.content_span.range()) != Some(p.text.as_str()) {
            return Some(format!(
                "{content:?}: the content span does not cut out the text"
            ));
        }
        if p.source_span.is_none_or(|s| text[s.range()].is_empty()) {
            return Some(format!("{content:?}: no source span"));
        }
    }
    for content in &ex.none {
        if b.positions.iter().any(|p| &p.text == content) {
            return Some(format!("{content:?} should be no position; got {got:#?}"));
        }
    }
    if let Some(n) = ex.count
        && b.positions.len() != n
    {
        return Some(format!(
            "{} positions, want {n}: {got:#?}",
            b.positions.len()
        ));
    }
    None
}

#[test]
fn positions_testdata() {
    let examples = examples();
    assert!(examples.len() > 50, "the test data files hold the examples");
    let failures: Vec<String> = examples
        .iter()
        .filter_map(|ex| check(ex).map(|why| format!("{}: {why}", ex.at)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn split_quote_gives_one_position_per_part_with_the_same_speaker() {
    for text in [
        "T\n\nMinister Anna Berg spoke. “We are ready,” she said. “We will go.”",
        // Resumed in the same sentence, after the cue's comma.
        "T\n\nMinister Anna Berg spoke. “We are ready,” she said, “We will go.”",
    ] {
        split_quote_parts(text);
    }
}

fn split_quote_parts(text: &str) {
    let b = brief(text);
    let quotes: Vec<_> = b
        .positions
        .iter()
        .filter(|p| p.kind == PositionKind::Quote)
        .map(|p| (p.text.as_str(), p.speaker.as_str(), p.cue.as_str()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("We are ready,", "Anna Berg", "said"),
            ("We will go.", "Anna Berg", "said")
        ]
    );
}

#[test]
fn multi_sentence_quote_is_one_content_span() {
    let b = brief("T\n\n“We came. We saw. We left,” said General Tom Reyes.");
    assert_eq!(b.positions.len(), 1);
    assert_eq!(b.positions[0].text, "We came. We saw. We left,");
    assert_eq!(b.positions[0].speaker, "Tom Reyes");
}

#[test]
fn stance_follows_cue_and_hedges() {
    let b = brief(
        "T\n\nMinister Anna Berg denied that troops had moved. \
         Minister Omar Diallo said the deal may collapse. \
         Minister Lena Holt promised aid if the ceasefire holds.",
    );
    let stance = |who: &str| {
        b.positions
            .iter()
            .find(|p| p.speaker == who)
            .map(|p| p.stance)
            .unwrap_or_else(|| panic!("no position for {who}"))
    };
    assert_eq!(stance("Anna Berg"), Stance::Oppose);
    assert_eq!(stance("Omar Diallo"), Stance::Uncertain);
    assert_eq!(stance("Lena Holt"), Stance::Conditional);
}

#[test]
fn transcript_turns_are_quotes_of_their_speaker() {
    let b = brief(
        "Briefing\n\nSpokesperson Ruth Adler opened the briefing.\n\n\
         MS ADLER: We expect the talks to resume next week.\n\n\
         QUESTION: Will the minister attend in person?",
    );
    let turns: Vec<_> = b
        .positions
        .iter()
        .map(|p| (p.speaker.as_str(), p.kind, p.stance))
        .collect();
    assert_eq!(
        turns,
        [
            ("Ruth Adler", PositionKind::Quote, Stance::Neutral),
            ("unnamed reporter", PositionKind::Quote, Stance::Uncertain)
        ]
    );
}

#[test]
fn pronouns_follow_the_last_speaker() {
    let b = brief(
        "T\n\nPresident Omar Diallo said the border would reopen after talks with \
         Prime Minister Lena Holt. He added that trade would resume.",
    );
    let added = b
        .positions
        .iter()
        .find(|p| p.cue == "added")
        .expect("the second attribution");
    assert_eq!(added.speaker, "Omar Diallo");
}

#[test]
fn scare_quotes_without_a_cue_are_not_positions() {
    let b = brief("T\n\nThe so-called “peace plan” was published on Monday.");
    assert!(b.positions.is_empty(), "{:#?}", b.positions);
}

#[test]
fn issue_labels_are_short_readable_phrases_from_the_content() {
    let b = brief(
        "T\n\nMinister Anna Berg said that the Tomahawk missiles for Ukraine would not change \
         the situation. Minister Omar Diallo said he expected a meeting in Budapest within weeks.",
    );
    let issues: Vec<&str> = b.positions.iter().map(|p| p.issue.as_str()).collect();
    assert_eq!(issues[0], "Tomahawk missiles for Ukraine");
    assert_eq!(issues[1], "expected a meeting in Budapest");
    for p in &b.positions {
        assert!(p.issue.split_whitespace().count() <= 6, "{:?}", p.issue);
    }
}

#[test]
fn participle_clause_between_source_and_cue_is_skipped() {
    let text = "T\n\nA senior European Union official, speaking on condition of anonymity \
                because the talks are confidential, said Brussels would act as an observer.";
    let b = brief(text);
    let p = &b.positions[0];
    let source = p.source_span.expect("a source");
    assert_eq!(
        &text[source.start..source.end],
        "A senior European Union official"
    );
    assert!(p.speaker.contains("official"), "speaker {:?}", p.speaker);
}

#[test]
fn relative_clause_between_source_and_cue_is_skipped() {
    let text =
        "T\n\nThe Acme Council, which monitors catches in the region, said the talks would resume.";
    let b = brief(text);
    let source = b.positions[0].source_span.expect("a source");
    assert_eq!(&text[source.start..source.end], "The Acme Council");
}

#[test]
fn relative_clause_after_a_bracketed_acronym_is_skipped_back_to_the_body() {
    let text = "T\n\nThe Baltic Grain Board (BGB), which sets harvest quotas in the north, \
                said in a statement that prices would rise.";
    let b = brief(text);
    let p = &b.positions[0];
    let source = p.source_span.expect("a source");
    assert_eq!(&text[source.start..source.end], "The Baltic Grain Board");
    assert!(p.speaker.contains("Grain Board"), "speaker {:?}", p.speaker);
}

#[test]
fn content_cut_before_the_next_speaker_drops_the_dangling_conjunction() {
    let text = "T\n\nFarmers have asked the ministry to release the soil survey behind the ban, \
                and Minister Tomas Vik said he would look at the request.";
    let b = brief(text);
    let texts: Vec<&str> = b.positions.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts.contains(&"to release the soil survey behind the ban"),
        "contents {texts:?}"
    );
    assert!(
        texts
            .iter()
            .all(|t| !t.ends_with("and") && !t.ends_with(',')),
        "contents {texts:?}"
    );
}

#[test]
fn content_that_is_only_a_pronoun_is_no_position() {
    let text = "T\n\nThe port may close next week, but neither city has confirmed it.";
    let b = brief(text);
    assert!(
        b.positions.iter().all(|p| p.text != "it"),
        "positions {:?}",
        b.positions.iter().map(|p| &p.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_common_place_modifier_does_not_become_the_source() {
    let text = "T\n\nResidents on both coasts have warned that the new tolls could hurt trade.";
    let b = brief(text);
    let p = &b.positions[0];
    let source = p.source_span.expect("a source");
    assert_eq!(&text[source.start..source.end], "Residents");
    assert_eq!(p.text, "that the new tolls could hurt trade");
}

#[test]
fn the_hearer_of_told_ends_at_a_question_word() {
    let text =
        "T\n\nMayor Lena Dahl told the harbour board on Monday how the new quay would be paid for.";
    let b = brief(text);
    assert_eq!(b.positions[0].text, "how the new quay would be paid for");
}

#[test]
fn a_linking_adverb_opening_the_sentence_is_not_content() {
    let text = "T\n\nStill, the bridge will open in May, an engineer said.";
    let b = brief(text);
    assert_eq!(b.positions[0].text, "the bridge will open in May");
}

#[test]
fn the_feeling_expressed_is_the_cue_not_the_content() {
    let text = "T\n\nThe ministry expressed deep concern about the closure of the northern border.";
    let b = brief(text);
    assert_eq!(b.positions[0].text, "the closure of the northern border");
}
