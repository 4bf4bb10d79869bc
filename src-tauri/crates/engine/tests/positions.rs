//! Positions table tests on sentences written for these tests: each row is an article, the
//! content we expect, its kind, cue and speaker.

use attache_engine::{Brief, DraftOptions, PositionKind, Stance, draft};

fn brief(text: &str) -> Brief {
    draft(text, &DraftOptions::default()).expect("drafts")
}

/// (article body, expected content, kind, cue, speaker)
const ROWS: &[(&str, &str, PositionKind, &str, &str)] = &[
    (
        "Foreign Minister Anna Berg said on Monday that Norway would host the talks.",
        "that Norway would host the talks",
        PositionKind::Paraphrase,
        "said",
        "Anna Berg",
    ),
    (
        "Minister Anna Berg arrived. “We are ready,” she said.",
        "We are ready,",
        PositionKind::Quote,
        "said",
        "Anna Berg",
    ),
    (
        "The ceasefire will hold, a senior US official said.",
        "The ceasefire will hold",
        PositionKind::Paraphrase,
        "said",
        "unnamed senior US official",
    ),
    (
        "According to the Kremlin, the call was productive.",
        "the call was productive",
        PositionKind::Paraphrase,
        "According to",
        "Kremlin",
    ),
    (
        "Talks will resume in May, according to diplomats.",
        "Talks will resume in May",
        PositionKind::Paraphrase,
        "according to",
        "unnamed diplomats",
    ),
    (
        "President Omar Diallo told reporters that the border would reopen.",
        "that the border would reopen",
        PositionKind::Paraphrase,
        "told",
        "Omar Diallo",
    ),
    (
        "\"It is too early,\" said Prime Minister Lena Holt.",
        "It is too early,",
        PositionKind::Quote,
        "said",
        "Lena Holt",
    ),
    (
        "Senator Paul Grant wrote: “The vote is final.”",
        "The vote is final.",
        PositionKind::Quote,
        "wrote",
        "Paul Grant",
    ),
    (
        "Analysts warn the path to peace remains uncertain.",
        "the path to peace remains uncertain",
        PositionKind::Paraphrase,
        "warn",
        "unnamed analysts",
    ),
    // The preposition after the cue belongs to the cue.
    (
        "Senator Maria Lund called for an immediate ceasefire in the valley.",
        "an immediate ceasefire in the valley",
        PositionKind::Paraphrase,
        "called",
        "Maria Lund",
    ),
    // Content stops before a participle cue of the same speaker.
    (
        "Minister Anna Berg said the port would reopen soon, adding that fees would fall.",
        "the port would reopen soon",
        PositionKind::Paraphrase,
        "said",
        "Anna Berg",
    ),
    // … and before a second verb of saying joined by "and".
    (
        "President Omar Diallo said the border would reopen and warned that smugglers would be caught.",
        "the border would reopen",
        PositionKind::Paraphrase,
        "said",
        "Omar Diallo",
    ),
    // A report nested in the content stays inside it.
    (
        "Minister Anna Berg said that Holt had called the fishing plan reckless.",
        "that Holt had called the fishing plan reckless",
        PositionKind::Paraphrase,
        "said",
        "Anna Berg",
    ),
    // A named source before a long apposition.
    (
        "Richard Holm, director of the centre for fish policy at the old law school, said the quota was too low.",
        "the quota was too low",
        PositionKind::Paraphrase,
        "said",
        "Richard Holm",
    ),
    // A source head with a prepositional modifier.
    (
        "Experts on fisheries and trade said the ban could change that.",
        "the ban could change that",
        PositionKind::Paraphrase,
        "said",
        "unnamed experts",
    ),
    // A common noun capitalised only because it opens the sentence is written in lower case.
    (
        "Harbour residents said the new levy would close small shops.",
        "the new levy would close small shops",
        PositionKind::Paraphrase,
        "said",
        "unnamed harbour residents",
    ),
    // A demonym keeps its capital.
    (
        "Finnish officials said the border crossings would stay shut.",
        "the border crossings would stay shut",
        PositionKind::Paraphrase,
        "said",
        "unnamed Finnish officials",
    ),
    // An adverb between source and cue ("has long said").
    (
        "Senator Maria Lund has long said that the quota favours large trawlers.",
        "that the quota favours large trawlers",
        PositionKind::Paraphrase,
        "said",
        "Maria Lund",
    ),
    // Content in a relative clause ends where the main clause resumes.
    (
        "Minister Anna Berg, who said the quota was fair, left the talks early.",
        "the quota was fair",
        PositionKind::Paraphrase,
        "said",
        "Anna Berg",
    ),
    // An aside's closing bracket is not part of the content.
    (
        "The talks stalled. (Minister Anna Berg said the fleet would wait.)",
        "the fleet would wait",
        PositionKind::Paraphrase,
        "said",
        "Anna Berg",
    ),
    // A clause after the cue is the content even after a comma-set opener.
    (
        "In her first remarks, Minister Lena Holt said the mission would continue.",
        "the mission would continue",
        PositionKind::Paraphrase,
        "said",
        "Lena Holt",
    ),
    (
        "Readers wrote in.\n\n“The debate changed my vote.” ― Mara Lind\n“It changed nothing for me.” ― Jon Aster",
        "It changed nothing for me.",
        PositionKind::Quote,
        "―",
        "Jon Aster",
    ),
    (
        "Mara Lind, in a statement released by her office on Thursday, said she “values the court’s careful work”.",
        "she “values the court’s careful work”",
        PositionKind::Paraphrase,
        "said",
        "Mara Lind",
    ),
    (
        "Security experts and Western officials, however, said they believed the leak was planned.",
        "they believed the leak was planned",
        PositionKind::Paraphrase,
        "said",
        "unnamed Western officials",
    ),
    (
        "Senator Jon Aster arrived late. Aster, who has already raised funds for the mayor, said he also may campaign for her.",
        "he also may campaign for her",
        PositionKind::Paraphrase,
        "said",
        "Jon Aster",
    ),
    (
        "Two aid workers were among the passengers, Algerian foreign ministry spokesman Karim Benali said Thursday.",
        "Two aid workers were among the passengers",
        PositionKind::Paraphrase,
        "said",
        "Karim Benali",
    ),
    (
        "Minister Anna Berg spoke first. Still, she said, the talks must decide who gets the funds.",
        "the talks must decide who gets the funds",
        PositionKind::Paraphrase,
        "said",
        "Anna Berg",
    ),
    (
        "President Omar Diallo told the forum he was against the war from the start.",
        "he was against the war from the start",
        PositionKind::Paraphrase,
        "told",
        "Omar Diallo",
    ),
    (
        "Foreign Minister Anna Berg warned that sanctions would follow in a statement on Thursday.",
        "that sanctions would follow",
        PositionKind::Paraphrase,
        "warned",
        "Anna Berg",
    ),
    (
        "The second year was nearly over, a school spokesman told the Lagos Herald.",
        "The second year was nearly over",
        PositionKind::Paraphrase,
        "told",
        "unnamed spokesman",
    ),
    (
        "Senator Dan Vero, who was listed on the reform slate, told Radio Nord, “Of the three, I like the governor best.”",
        "Of the three, I like the governor best.",
        PositionKind::Quote,
        "told",
        "Dan Vero",
    ),
    (
        "Minister Anna Berg changed her vote on the spot – saying she was persuaded by the report.",
        "she was persuaded by the report",
        PositionKind::Paraphrase,
        "saying",
        "Anna Berg",
    ),
    (
        "In a speech in Geneva on Tuesday night, President Omar Diallo struck a calm tone, saying he understood the concerns.",
        "he understood the concerns",
        PositionKind::Paraphrase,
        "saying",
        "Omar Diallo",
    ),
    (
        "In addition, according to the ministry, nine thousand more workers will be covered.",
        "nine thousand more workers will be covered",
        PositionKind::Paraphrase,
        "according to",
        "unnamed ministry",
    ),
    (
        "The party leads its rival by 40 seats according to a count by the electoral commission, but the rival stays in the race.",
        "The party leads its rival by 40 seats",
        PositionKind::Paraphrase,
        "according to",
        "count by the electoral commission",
    ),
    (
        "Mayor Lin Osei — who is listed as a lawyer in Accra — told the Ghana Courier she is not planning an appeal.",
        "she is not planning an appeal",
        PositionKind::Paraphrase,
        "told",
        "Lin Osei",
    ),
    (
        "GENEVA (Reuters) - The ceasefire, the mediator Lea Pohl said, would hold until Friday.",
        "The ceasefire, the mediator Lea Pohl said, would hold until Friday",
        PositionKind::Paraphrase,
        "said",
        "Lea Pohl",
    ),
    (
        "These workers, Minister Anna Berg explained earlier in the hearing, were paid well.",
        "These workers, Minister Anna Berg explained earlier in the hearing, were paid well",
        PositionKind::Paraphrase,
        "explained",
        "Anna Berg",
    ),
    (
        "Candidate Jill Stone said she would seek a recount, though she acknowledged it was unlikely to work.",
        "she would seek a recount",
        PositionKind::Paraphrase,
        "said",
        "Jill Stone",
    ),
    (
        "The Lagos businessman says of the senator, “If she gets the chance, she will sell the office.”",
        "If she gets the chance, she will sell the office.",
        PositionKind::Quote,
        "says",
        "unnamed Lagos businessman",
    ),
    (
        "Senator Ana Ruiz says at a campaign stop in Toledo, Ohio, that the plan means the rich pay nothing.",
        "that the plan means the rich pay nothing",
        PositionKind::Paraphrase,
        "says",
        "Ana Ruiz",
    ),
    (
        "Veteran pollster Pat Cole told Radio Daily host Alex Marr on Thursday how surprised he is by the result.",
        "how surprised he is by the result",
        PositionKind::Paraphrase,
        "told",
        "Pat Cole",
    ),
    (
        "Party Chairman Dan Vero called Friday's ruling a “huge win for voters.”",
        "Friday's ruling a “huge win for voters.”",
        PositionKind::Paraphrase,
        "called",
        "Dan Vero",
    ),
    (
        "Senator Lin Osei called on the government to “stand up to the cartel” and act at once.",
        "the government to “stand up to the cartel” and act at once",
        PositionKind::Paraphrase,
        "called",
        "Lin Osei",
    ),
    (
        "Asked what the next leader must offer, party chair Sam Adler said, “They have got to be able to win.”",
        "They have got to be able to win.",
        PositionKind::Quote,
        "said",
        "Sam Adler",
    ),
    (
        "Sunday on the channel’s “Morning Matters,” Senator Dan Issa said the minister's judgment is in question.",
        "the minister's judgment is in question",
        PositionKind::Paraphrase,
        "said",
        "Dan Issa",
    ),
    (
        "“We will cast our votes for the next president!” Senator Jeff Sand said as he opened the roll call.",
        "We will cast our votes for the next president!",
        PositionKind::Quote,
        "said",
        "Jeff Sand",
    ),
    (
        "Candidate Martin Oakes said the plan would fail, according to the Lagos Herald.",
        "the plan would fail",
        PositionKind::Paraphrase,
        "said",
        "Martin Oakes",
    ),
    (
        "WASHINGTON ― The new tariff is an insult to every farmer, senior senators said Friday afternoon.",
        "The new tariff is an insult to every farmer",
        PositionKind::Paraphrase,
        "said",
        "unnamed senior senators",
    ),
    (
        "Candidate Jill Stone noted Friday that her campaign has spent little on television ads.",
        "that her campaign has spent little on television ads",
        PositionKind::Paraphrase,
        "noted",
        "Jill Stone",
    ),
    (
        "Minister Anna Berg continues to insist, most recently in an interview with Radio Nord, that the audit blocks any release.",
        "that the audit blocks any release",
        PositionKind::Paraphrase,
        "insist",
        "Anna Berg",
    ),
    (
        "Governor Tom Reyes has said about 20 people have shown interest in the seat.",
        "about 20 people have shown interest in the seat",
        PositionKind::Paraphrase,
        "said",
        "Tom Reyes",
    ),
    (
        "Governor Tom Reyes gave a passionate defense of “Lagos values,” saying the city stood for hard work.",
        "the city stood for hard work",
        PositionKind::Paraphrase,
        "saying",
        "Tom Reyes",
    ),
    (
        "Foreign Minister Anna Berg branded the rebel group a “terrorist network” on Monday.",
        "the rebel group a “terrorist network” on Monday",
        PositionKind::Paraphrase,
        "branded",
        "Anna Berg",
    ),
    (
        "Okafor said the bridge would reopen in May.",
        "the bridge would reopen in May",
        PositionKind::Paraphrase,
        "said",
        "Okafor",
    ),
];

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
    // paragraph belongs to the answer, "I said" included.
    assert_eq!(turns.len(), 3, "{turns:?}");
    assert_eq!(turns[0].0, "unnamed reporter");
    assert!(turns[1].1.ends_with("I said so yesterday"), "{turns:?}");
    assert_ne!(turns[1].0, "unnamed reporter");
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

#[test]
fn table_of_attributions() {
    for &(body, content, kind, cue, speaker) in ROWS {
        let text = format!("Title\n\n{body}");
        let b = brief(&text);
        let p = b
            .positions
            .iter()
            .find(|p| p.text == content)
            .unwrap_or_else(|| panic!("{body:?}: no position {content:?} in {:#?}", b.positions));
        assert_eq!(p.kind, kind, "{body:?}");
        assert_eq!(p.cue, cue, "{body:?}");
        assert_eq!(p.speaker, speaker, "{body:?}");
        assert_eq!(&text[p.content_span.range()], p.text);
        let src = p.source_span.expect("a source span");
        assert!(!text[src.range()].is_empty());
    }
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
            ("Ruth Adler", PositionKind::Quote, Stance::Support),
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
    assert_eq!(issues[1], "meeting in Budapest");
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
