//! Parties named by a country and a common noun, collectives, titles of a body, and countries
//! represented by their own bodies, on sentences written for these tests.

use attache_engine::{Brief, DraftOptions, PartyKind, draft};

fn brief(text: &str) -> Brief {
    draft(&format!("Test\n\n{text}"), &DraftOptions::default()).expect("drafts")
}

fn names(b: &Brief) -> Vec<&str> {
    b.parties.iter().map(|p| p.name.as_str()).collect()
}

/// One row: an invented text, parties that must be listed (name, kind, affiliation, an alias
/// that must be among its surface forms), and names that must not be listed.
struct Case {
    text: &'static str,
    listed: &'static [(
        &'static str,
        PartyKind,
        Option<&'static str>,
        Option<&'static str>,
    )],
    absent: &'static [&'static str],
}

const CASES: &[Case] = &[
    // A demonym or a country possessive before a lower-case body noun names that body.
    Case {
        text: "The Norwegian cabinet met on Monday. Chile's army left the border area.",
        listed: &[
            (
                "Norwegian cabinet",
                PartyKind::Government,
                Some("Norway"),
                None,
            ),
            (
                "Chilean army",
                PartyKind::Group,
                Some("Chile"),
                Some("Chile's army"),
            ),
        ],
        absent: &["Chile", "Norway"],
    },
    Case {
        text: "Peru's security cabinet will vote. The Peruvian security cabinet has not said when.",
        listed: &[(
            "Peruvian security cabinet",
            PartyKind::Government,
            Some("Peru"),
            Some("Peru's security cabinet"),
        )],
        absent: &[],
    },
    // "forces" and "troops" are the country itself acting.
    Case {
        text: "Peruvian troops crossed the river at dawn.",
        listed: &[("Peru", PartyKind::Country, None, Some("Peruvian troops"))],
        absent: &["Peruvian troops"],
    },
    // A noun that describes a person is not a body: "the army chief" leaves no army party.
    Case {
        text: "Chile's army commander Pablo Rojas said the border was calm.",
        listed: &[],
        absent: &["Chilean army"],
    },
    // A country that never acts itself and is represented by its own body is not listed;
    // a country with no body of its own stays.
    Case {
        text: "The Kremlin said the ministers of Russia, Spain and Italy will meet in Rome.",
        listed: &[
            ("Kremlin", PartyKind::Government, Some("Russia"), None),
            ("Spain", PartyKind::Country, None, None),
            ("Italy", PartyKind::Country, None, None),
        ],
        absent: &["Russia"],
    },
    Case {
        text: "The Kremlin said talks were planned. Russia has rejected the offer.",
        listed: &[("Russia", PartyKind::Country, None, None)],
        absent: &[],
    },
    // An organisation's title holders act as one group; its member list is not listed apart,
    // and "<organisation> members" is the same group.
    Case {
        text: "The NATO Defence Ministers of Norway, Poland and Spain issued a statement. \
               NATO members agreed to meet again.",
        listed: &[(
            "NATO Defence Ministers",
            PartyKind::Group,
            Some("North Atlantic Treaty Organization"),
            Some("NATO members"),
        )],
        absent: &[
            "Norway",
            "Poland",
            "Spain",
            "North Atlantic Treaty Organization",
        ],
    },
    Case {
        text: "African Union members rejected the plan on Friday.",
        listed: &[(
            "African Union members",
            PartyKind::Group,
            Some("African Union"),
            None,
        )],
        absent: &["African Union"],
    },
    // A plural title ends a name: it is nobody's name.
    Case {
        text: "Foreign Ministers met in Lima. Defence Ministers will follow.",
        listed: &[],
        absent: &[
            "Foreign Ministers",
            "Defence Ministers",
            "Foreign Ministers met",
        ],
    },
    // A title "of" a body with no named holder is a person of its own; the body, named only
    // as the title's owner, is not listed.
    Case {
        text: "The Secretary-General of the African Union welcomed the vote.",
        listed: &[(
            "Secretary-General of the African Union",
            PartyKind::Person,
            Some("African Union"),
            None,
        )],
        absent: &["African Union"],
    },
    // A body's name goes on through "of the" and a title.
    Case {
        text: "The Office of the Spokesperson released the text on Monday.",
        listed: &[(
            "Office of the Spokesperson",
            PartyKind::Government,
            None,
            None,
        )],
        absent: &["Spokesperson"],
    },
    // The issuers of a joint statement act as one party as well as each by itself.
    Case {
        text: "Chile and Peru said in a joint statement that talks would resume. \
               The Peruvian and Chilean joint statement added that the border stays open.",
        listed: &[
            (
                "Chile and Peru",
                PartyKind::Group,
                None,
                Some("Peruvian and Chilean"),
            ),
            ("Chile", PartyKind::Country, None, None),
        ],
        absent: &[],
    },
    // Without a joint document, "A and B" stay two parties.
    Case {
        text: "Chile and Peru said talks would resume.",
        listed: &[
            ("Chile", PartyKind::Country, None, None),
            ("Peru", PartyKind::Country, None, None),
        ],
        absent: &["Chile and Peru"],
    },
    // A lower-case title "of" a country is a description, not an office holder.
    Case {
        text: "She hopes to be president of the United States one day.",
        listed: &[],
        absent: &["president of the United States"],
    },
    // A plural title after "of" stays inside a body's name.
    Case {
        text: "The Broadcasting Board of Governors approved the budget.",
        listed: &[(
            "Broadcasting Board of Governors",
            PartyKind::Organization,
            None,
            None,
        )],
        absent: &["Broadcasting Board of"],
    },
    // Events, laws and places with capitalised names are not people.
    Case {
        text: "The Second Amendment was debated before Election Day. The Cold War Treaty \
               expired. New Jersey voters were polled. Anna Marsh said the Clean Water Act \
               would stay.",
        listed: &[("Anna Marsh", PartyKind::Person, None, None)],
        absent: &[
            "Second Amendment",
            "Election Day",
            "Cold War Treaty",
            "New Jersey",
            "Clean Water Act",
        ],
    },
    // A single body word after a place or demonym names that place's body.
    Case {
        text: "The Fijian Government said the Texas University study was flawed.",
        listed: &[
            (
                "Fijian Government",
                PartyKind::Government,
                Some("Fiji"),
                None,
            ),
            ("Texas University", PartyKind::Organization, None, None),
        ],
        absent: &[],
    },
    // A plural possessive stays inside a body's name; a capital that acts is its country.
    Case {
        text: "The Dairy Farmers' Union said prices fell. Oslo rejected the plan.",
        listed: &[
            ("Dairy Farmers' Union", PartyKind::Organization, None, None),
            ("Norway", PartyKind::Country, None, Some("Oslo")),
        ],
        absent: &["Union", "Dairy Farmers", "Oslo"],
    },
    // A country's group named by a plural noun, and a group acted upon after "the".
    Case {
        text: "The minister met Chilean copper companies on Monday. Talks on the hostages \
               went on; the captives were moved.",
        listed: &[
            (
                "Chilean copper companies",
                PartyKind::Group,
                Some("Chile"),
                None,
            ),
            ("hostages", PartyKind::Group, None, Some("the hostages")),
            ("captives", PartyKind::Group, None, None),
        ],
        absent: &["Chile"],
    },
    // Without "the", and for nouns outside the list, nothing is listed.
    Case {
        text: "Officials said hostages and civilians were safe. The civilians left.",
        listed: &[],
        absent: &["hostages", "civilians"],
    },
    // An outlet's possessive before a person is not part of a body's name.
    Case {
        text: "Fox News' Chris Wallace asked about the Farmers' League.",
        listed: &[],
        absent: &["Fox News' Chris Wallace"],
    },
    // A named holder of the office takes the office's later mentions.
    Case {
        text: "UN Secretary-General Ana Costa arrived on Monday. The Secretary-General of \
               the United Nations left on Friday.",
        listed: &[(
            "Ana Costa",
            PartyKind::Person,
            Some("United Nations"),
            Some("The Secretary-General of the United Nations"),
        )],
        absent: &["Secretary-General of the United Nations"],
    },
    // An abbreviated country names its body as written.
    Case {
        text: "The U.S. military and the UK government said the drill was planned.",
        listed: &[
            (
                "U.S. military",
                PartyKind::Group,
                Some("United States"),
                None,
            ),
            (
                "UK government",
                PartyKind::Government,
                Some("United Kingdom"),
                None,
            ),
        ],
        absent: &["American military", "British government"],
    },
    // Organisations from the gazetteer merge with their acronyms; a new country and capital.
    Case {
        text: "The IDF said the convoy was hit. The Israel Defense Forces later confirmed \
               it. The WFP warned of famine. Reykjavik protested and Iceland recalled its envoy.",
        listed: &[
            ("Israel Defense Forces", PartyKind::Group, None, Some("IDF")),
            (
                "World Food Programme",
                PartyKind::Organization,
                None,
                Some("WFP"),
            ),
            ("Iceland", PartyKind::Country, None, Some("Reykjavik")),
        ],
        absent: &["IDF", "Reykjavik", "Israel"],
    },
];

#[test]
fn group_and_body_rules() {
    for case in CASES {
        let b = brief(case.text);
        let n = names(&b);
        for &(name, kind, affiliation, alias) in case.listed {
            let p = b
                .parties
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{:?}: no party {name}: {n:?}", case.text));
            assert_eq!(p.kind, kind, "{name} in {:?}", case.text);
            if let Some(a) = affiliation {
                assert_eq!(
                    p.affiliation.as_deref(),
                    Some(a),
                    "{name} in {:?}",
                    case.text
                );
            }
            if let Some(a) = alias {
                assert!(
                    p.aliases.iter().any(|x| x == a),
                    "{name} in {:?}: aliases {:?}",
                    case.text,
                    p.aliases
                );
            }
            let text = format!("Test\n\n{}", case.text);
            for m in &p.mentions {
                assert!(text.get(m.range()).is_some(), "{name}: span on a boundary");
            }
        }
        for &name in case.absent {
            assert!(!n.contains(&name), "{:?}: {name} listed: {n:?}", case.text);
        }
    }
}
