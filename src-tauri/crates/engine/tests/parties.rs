//! Parties table tests on sentences written for these tests.

use attache_engine::{Brief, DraftOptions, PartyKind, draft};

fn brief(text: &str) -> Brief {
    draft(text, &DraftOptions::default()).expect("drafts")
}

fn party<'a>(b: &'a Brief, name: &str) -> &'a attache_engine::Party {
    b.parties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no party {name}: {:?}", names(b)))
}

fn names(b: &Brief) -> Vec<&str> {
    b.parties.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn titled_people_get_role_and_affiliation() {
    let b = brief(
        "Talks\n\nRussian President Vladimir Putin met US Secretary of State Marco Rubio. \
         Putin later left.",
    );
    let putin = party(&b, "Vladimir Putin");
    assert_eq!(putin.kind, PartyKind::Person);
    assert_eq!(putin.role.as_deref(), Some("President"));
    assert_eq!(putin.affiliation.as_deref(), Some("Russia"));
    assert_eq!(putin.mentions.len(), 2, "surname merges with the full name");
    let rubio = party(&b, "Marco Rubio");
    assert_eq!(rubio.role.as_deref(), Some("Secretary of State"));
    assert_eq!(rubio.affiliation.as_deref(), Some("United States"));
}

#[test]
fn seats_countries_and_venues() {
    let b = brief("Summit\n\nThe Kremlin said Moscow was ready. The leaders will meet in Vienna.");
    assert_eq!(party(&b, "Kremlin").kind, PartyKind::Government);
    assert_eq!(party(&b, "Russia").kind, PartyKind::Country);
    assert!(!names(&b).contains(&"Vienna"), "a venue is not a party");
}

#[test]
fn organisations_merge_with_their_acronyms() {
    let b = brief(
        "Court\n\nHungary will leave the International Criminal Court. The ICC has not \
         responded. The paramilitary Rapid Support Forces (RSF) agreed. RSF fighters left.",
    );
    let icc = party(&b, "International Criminal Court");
    assert_eq!(icc.kind, PartyKind::Organization);
    assert_eq!(icc.mentions.len(), 2);
    let rsf = party(&b, "Rapid Support Forces");
    assert_eq!(
        rsf.mentions.len(),
        3,
        "name, bracketed acronym and later acronym"
    );
    assert_eq!(party(&b, "Hungary").kind, PartyKind::Country);
}

#[test]
fn title_only_references_resolve_by_affiliation() {
    let b = brief(
        "Call\n\nUkrainian President Volodymyr Zelensky spoke to US President Donald Trump. \
         The Ukrainian leader thanked him.",
    );
    let z = party(&b, "Volodymyr Zelensky");
    assert!(
        z.aliases.iter().any(|a| a == "The Ukrainian leader"),
        "{:?}",
        z.aliases
    );
    assert_eq!(party(&b, "Donald Trump").mentions.len(), 1);
}

#[test]
fn possessive_owner_is_the_affiliation() {
    let b = brief("Aides\n\nPutin's aide Yuri Ushakov said the call went well.");
    let u = party(&b, "Yuri Ushakov");
    assert_eq!(u.role.as_deref(), Some("Aide"));
    assert!(u.affiliation.is_some());
}

#[test]
fn ids_follow_first_mention_and_spans_are_exact() {
    let text = "T\n\nFrance and Germany met. Chancellor Anna Weber spoke.";
    let b = brief(text);
    for (i, p) in b.parties.iter().enumerate() {
        assert_eq!(p.id, format!("p{}", i + 1));
        for m in &p.mentions {
            assert!(!text[m.range()].trim().is_empty());
        }
    }
    assert_eq!(names(&b)[..2], ["France", "Germany"]);
}

#[test]
fn media_venues_and_common_nouns_are_not_parties() {
    let b = brief(
        "Call\n\n\"We made progress,\" Jane Doe wrote on her Truth Social platform. \
         Doe will host John Roe at the White House on Friday. Doe spoke to Fox News later. \
         Hungary joined the talks. The country has announced plans to leave the court.",
    );
    let n = names(&b);
    for junk in [
        "Truth Social",
        "White House",
        "Fox News",
        "country",
        "country has announced",
    ] {
        assert!(!n.contains(&junk), "{junk} listed: {n:?}");
    }
    assert!(n.contains(&"Jane Doe"), "{n:?}");
    let hungary = party(&b, "Hungary");
    assert_eq!(
        hungary.mentions.len(),
        2,
        "\"the country\" points back to Hungary"
    );
}

#[test]
fn bare_body_name_merges_with_the_owned_body_and_owners_only_are_dropped() {
    let b = brief(
        "Talks\n\nRussia's Foreign Ministry said talks were planned. \
         Foreign Ministry spokesperson Maria Zakharova told reporters the date was open. \
         The Acme Group's Bureau of Trade Affairs welcomed the plan.",
    );
    let n = names(&b);
    assert!(!n.contains(&"Foreign Ministry"), "merged: {n:?}");
    assert_eq!(
        party(&b, "Maria Zakharova").role.as_deref(),
        Some("Spokesperson")
    );
    assert!(!n.contains(&"Acme Group"), "only an owner: {n:?}");
}

#[test]
fn references_to_several_parties_and_datelines_are_not_listed() {
    let b = brief(
        "Summit\n\nWASHINGTON — Viktor Orban, a close ally of both leaders, announced that \
         preparations were underway.",
    );
    let n = names(&b);
    assert!(!n.iter().any(|p| p.contains("leaders")), "{n:?}");
    assert!(!n.contains(&"WASHINGTON"), "{n:?}");
    assert_eq!(b.positions[0].speaker, "Viktor Orban");
}

#[test]
fn a_surname_after_a_described_source_still_names_the_same_person() {
    // Sources described while positions are found ("Opposition lawmakers") are indexed late;
    // a later surname must still find the person named earlier, not become a new party.
    let b = brief(
        "Talks\n\nForeign Minister Anna Berg said on Monday that Norway was ready to talk. \
         Opposition lawmakers said the offer came too late. Fishing crews said they were \
         worried. Two diplomats said the talks could start soon. Local officials said the \
         port was quiet. Industry analysts said prices rose. Berg said she would consider it.",
    );
    let n = names(&b);
    assert_eq!(
        n.iter().filter(|p| p.contains("Berg")).count(),
        1,
        "one Berg: {n:?}"
    );
    let berg = party(&b, "Anna Berg");
    assert!(berg.mentions.len() >= 2, "{:?}", berg.mentions);
    assert!(
        b.positions
            .iter()
            .filter(|p| p.speaker == "Anna Berg")
            .count()
            >= 2
    );
}
