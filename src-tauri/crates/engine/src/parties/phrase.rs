//! Name phrases: affiliation + titles + capitalised name words, read off one sentence's tokens,
//! and the text-order sweep that resolves surnames, acronyms, title-only references and
//! demonyms once every full name is known.

use std::collections::HashMap;

use crate::lexicon::{self, GazEntry, GazKind};
use crate::model::{PartyKind, Span};
use crate::text::Doc;
use crate::tokens::TokKind;

mod groups;

use super::{PartyTable, Tokens, bodies, names, words};

/// Something found in pass one that the text-order sweep turns into a mention.
#[derive(Debug)]
pub(crate) enum Event {
    /// A mention of an already interned party; `passive` when it does not act in its own
    /// name there (an affiliation, an owner, a place after a preposition).
    Mention {
        party: usize,
        span: Span,
        passive: bool,
    },
    /// A lone capitalised word (surname, acronym) that needs the full names to resolve.
    Single {
        span: Span,
        word: Span,
        role: Option<&'static str>,
        /// An honorific stands before the word ("Mr. Sullivan"): it names a person.
        titled: bool,
        cue_follows: bool,
    },
    /// A title with no name ("the Ukrainian leader", "the president").
    TitleRef {
        span: Span,
        role: &'static str,
        country: Option<&'static str>,
        /// "the High Representative of the European Union": the title and its body, which
        /// name a person of their own when no named holder of the title is known.
        of: Option<Span>,
    },
    /// A demonym: a mention of its country when the country is a party.
    Demonym { country: &'static str, span: Span },
}

/// A title naming an office ("the Foreign Minister of Japan"), waiting for its holder.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    span: Span,
    role: &'static str,
    country: Option<&'static str>,
    of: Option<Span>,
}

impl Title {
    /// The office as a reference to resolve in the text-order sweep.
    fn event(self) -> Event {
        Event::TitleRef {
            span: self.span,
            role: self.role,
            country: self.country,
            of: self.of,
        }
    }

    /// Person `p` holds the office: the title gives them a role and affiliation if they have
    /// none, and is a mention of them.
    fn give_to(self, p: usize, table: &mut PartyTable, events: &mut Vec<Event>) {
        let d = &mut table.drafts[p];
        if d.role.is_none() {
            d.role = Some(upper_first(self.role));
        }
        if d.affiliation.is_none() {
            d.affiliation = self.country.map(str::to_owned);
        }
        events.push(Event::Mention {
            party: p,
            span: self.span,
            passive: false,
        });
    }
}

/// What one name phrase has gathered so far.
#[derive(Default)]
struct Phrase {
    first: usize,
    role: Option<(&'static str, usize)>,
    name: Option<(usize, usize)>,
    entities: Vec<(GazEntry, usize, usize)>,
    /// Affiliation from a possessive owner or an earlier part ("Putin's aide").
    owner: Option<String>,
    /// First token of the possessive owner ("*Russia*'s Foreign Ministry").
    owner_start: Option<usize>,
    /// An honorific came before the name ("Mr.", "H.E."): a person is named.
    honorific: bool,
}

fn is_title(tk: &Tokens, i: usize) -> bool {
    matches!(tk.gaz.get(i), Some(Some((e, _))) if e.kind == GazKind::Title)
}

fn lower_is_cue(doc: &Doc<'_>, tk: &Tokens, i: usize) -> bool {
    tk.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
        && lexicon::cue(&tk.word(doc, i).to_lowercase()).is_some()
}

/// What the previous name phrase of the sentence left behind, for lists ("of France, Germany
/// and Italy") and coordinations ("Saudi Arabia and the U.S. … in a joint statement").
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// Token index just after the previous phrase.
    end: usize,
    /// The previous phrase's places do not act in their own name ("talks with Russia").
    passive: bool,
    /// The collective whose member list the previous phrase is in.
    member_of: Option<usize>,
    /// The collective the previous phrase named ("the G7 Foreign Ministers").
    collective: Option<usize>,
    /// The previous phrase was one acting country or organisation alone: party, first token.
    lone: Option<(usize, usize)>,
    /// The sentence speaks of something joint, so "A and B" act as one party.
    joint: bool,
    /// The previous phrase named this person; the token after it.
    person: Option<(usize, usize)>,
    /// An office waiting for its holder, named from the given token ("the Foreign Minister of
    /// Japan, *Fumio Kishida*").
    pending: Option<(Title, usize)>,
}

/// How the phrase starting at token `k` stands towards the one before it.
#[derive(Debug, Clone, Copy, Default)]
struct Incoming {
    passive: bool,
    member_of: Option<usize>,
    /// "A and B": the lone party A this phrase is coordinated with.
    coordinated: Option<(usize, usize)>,
}

fn incoming(doc: &Doc<'_>, tk: &Tokens, k: usize, sent_start: usize, ctx: &Context) -> Incoming {
    let mut i = k;
    if i > sent_start && tk.word(doc, i - 1).eq_ignore_ascii_case("the") {
        i -= 1;
    }
    if i == sent_start {
        return Incoming::default();
    }
    let before = tk.word(doc, i - 1);
    if before == "of" && ctx.collective.is_some() && ctx.end == i - 1 {
        return Incoming {
            passive: true,
            member_of: ctx.collective,
            coordinated: None,
        };
    }
    // A list item carries on the previous item's standing: "of France, Germany and Italy".
    let mut q = i;
    while q > sent_start && i - q < 2 && matches!(tk.word(doc, q - 1), "," | "and" | "or") {
        q -= 1;
    }
    if q < i && ctx.end == q {
        return Incoming {
            passive: ctx.passive,
            member_of: ctx.member_of,
            coordinated: (before == "and" && !ctx.passive)
                .then_some(ctx.lone)
                .flatten(),
        };
    }
    Incoming {
        passive: bodies::is_dependent_preposition(before),
        ..Incoming::default()
    }
}

/// Reads every name phrase of the sentence whose tokens are `a..b`.
pub(crate) fn scan_sentence(
    doc: &Doc<'_>,
    tk: &Tokens,
    a: usize,
    b: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) {
    let joint = (a..b).any(|i| {
        let w = tk.word(doc, i);
        w.eq_ignore_ascii_case("joint") || w.eq_ignore_ascii_case("jointly")
    });
    let mut ctx = Context {
        joint,
        ..Context::default()
    };
    let mut j = a;
    while j < b {
        let starts = tk.toks[j].kind == TokKind::Word
            && (tk.is_cap(doc, j)
                || is_title(tk, j)
                || tk.gaz[j].is_some()
                || tk.plural_title(j).is_some());
        j = if starts {
            phrase(doc, tk, j, a, b, table, events, &mut ctx)
        } else {
            affected_group(doc, tk, j, a, table, events);
            j + 1
        };
    }
}

/// "the hostages": a group acted upon, a party of its own.
fn affected_group(
    doc: &Doc<'_>,
    tk: &Tokens,
    j: usize,
    sent_start: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) {
    if j > sent_start
        && tk.word(doc, j - 1).eq_ignore_ascii_case("the")
        && tk.toks[j].kind == TokKind::Word
        && bodies::is_affected_group(tk.word(doc, j))
    {
        let p = table.intern(tk.word(doc, j), PartyKind::Group, false);
        events.push(Event::Mention {
            party: p,
            span: tk.span(j - 1, j + 1),
            passive: false,
        });
    }
}

/// Reads one name phrase starting at token `j`; returns the index after it (always > `j`).
#[allow(clippy::too_many_arguments)]
fn phrase(
    doc: &Doc<'_>,
    tk: &Tokens,
    j: usize,
    sent_start: usize,
    b: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
    ctx: &mut Context,
) -> usize {
    let mut k = j;
    while k < b && tk.gaz[k].is_none() && tk.is_cap(doc, k) && lexicon::is_non_name(tk.word(doc, k))
    {
        k += 1;
    }
    if k >= b || !(tk.is_cap(doc, k) || tk.gaz[k].is_some() || tk.plural_title(k).is_some()) {
        return (k + 1).max(j + 1);
    }
    // "in Budapest", "at the White House": a place named after a locative is a venue.
    let venue = (k > sent_start && lexicon::is_locative(&tk.word(doc, k - 1).to_lowercase()))
        || (k > sent_start + 1
            && tk.word(doc, k - 1).eq_ignore_ascii_case("the")
            && lexicon::is_locative(&tk.word(doc, k - 2).to_lowercase()));
    let inc = incoming(doc, tk, k, sent_start, ctx);
    let mut ph = Phrase {
        first: k,
        ..Phrase::default()
    };
    while k < b {
        // "the Islamic Republic of Iran": a state's formal name is its country.
        if ph.name.is_none()
            && tk.gaz[k].is_none()
            && let Some((e, end)) = names::formal_country(doc, tk, k, b)
        {
            ph.entities.push((e, k, end));
            k = end;
            continue;
        }
        if let Some((_, end)) = tk.plural_title(k) {
            // "the G7 Foreign Ministers": an organisation's title holders act as one group.
            if let Some(next) = groups::org_collective(doc, tk, &ph, k, end, table, events, ctx) {
                return next;
            }
            // "the Foreign Ministers of Guyana and Venezuela": title holders of several
            // countries act as one group.
            if ph.name.is_none()
                && ph.role.is_none()
                && ph.entities.is_empty()
                && let Some(next) = groups::holders_of_countries(doc, tk, k, end, b, table, events)
            {
                return next;
            }
            if ph.name.is_none() && ph.role.is_none() && ph.entities.is_empty() {
                return end;
            }
            // "Board of Governors": a plural title after "of" is part of a body's name.
            if let Some((na, nb)) = ph.name
                && nb == k
                && (lexicon::is_name_connector(tk.word(doc, k - 1))
                    || tk.word(doc, k - 1).eq_ignore_ascii_case("the"))
            {
                ph.name = Some((na, end));
                k = end;
                continue;
            }
            // A plural title names no one person: it ends the name before it.
            break;
        }
        if let Some((e, end)) = tk.gaz[k] {
            if let Some((na, nb)) = ph.name {
                // "Bureau of African Affairs": a gazetteer word inside a longer name;
                // "Office of the Spokesperson": a title inside a body's name.
                let inside = nb == k
                    && (e.kind != GazKind::Title
                        || (tk.word(doc, k - 1).eq_ignore_ascii_case("the")
                            && name_is_org(doc, tk, na, nb)));
                if inside {
                    ph.name = Some((na, end));
                    k = end;
                    continue;
                }
                if e.kind == GazKind::Title && name_is_org(doc, tk, na, nb) {
                    // "Foreign Ministry spokesperson Maria Zakharova": the body is the affiliation.
                    let p = finish(doc, tk, &ph, k, venue, true, table, events);
                    ph = Phrase {
                        first: ph.first,
                        owner: p.map(|p| table.drafts[p].name.clone()),
                        ..Phrase::default()
                    };
                    ph.role = Some((e.canonical, end));
                    k = end;
                    continue;
                }
                break;
            }
            // "Ambassador Holland": a one-word country name right after a title is a surname.
            if e.kind == GazKind::Country
                && end == k + 1
                && ph.role.is_some()
                && ph.entities.is_empty()
                && tk.toks[k - 1].span.end < tk.toks[k].span.start
            {
                ph.name = Some((k, end));
                k = end;
                continue;
            }
            if e.kind == GazKind::Title && words::is_honorific(e.canonical) {
                ph.honorific = true;
            } else if e.kind == GazKind::Title {
                ph.role = Some((e.canonical, end));
            } else {
                ph.entities.push((e, k, end));
            }
            k = end;
            continue;
        }
        let t = tk.toks[k];
        match t.kind {
            TokKind::Word if tk.is_cap(doc, k) && !lexicon::is_non_name(tk.word(doc, k)) => {
                ph.name = Some((ph.name.map_or(k, |(na, _)| na), k + 1));
                k += 1;
            }
            // "Volodymyr Zelenskyy of Ukraine": a country after a person's name is their
            // affiliation, not part of the name.
            TokKind::Word
                if ph.name.is_some_and(|(na, nb)| {
                    name_is_org(doc, tk, na, nb)
                        || names::is_common_phrase(doc, tk, na, nb)
                        || names::of_country(doc, tk, k, b).is_none()
                }) && k + 1 < b
                    && tk.is_cap(doc, k + 1)
                    && lexicon::is_name_connector(tk.word(doc, k)) =>
            {
                ph.name = ph.name.map(|(na, _)| (na, k + 1));
                k += 1;
            }
            // "Office for Democratic Institutions and Human Rights", "National Unity and
            // Peacemaking Coordination Committee": a body's name goes on through "and".
            TokKind::Word
                if ph.name.is_some_and(|(na, nb)| {
                    nb == k && names::and_continues_body(doc, tk, na, k, b)
                }) =>
            {
                let end = names::cap_run(doc, tk, k + 1, b);
                ph.name = ph.name.map(|(na, _)| (na, end));
                k = end;
            }
            // "Office of the Spokesperson", "Ministry of the Interior": a body's name goes on
            // through "of the".
            TokKind::Word
                if ph.name.is_some_and(|(na, nb)| name_is_org(doc, tk, na, nb))
                    && k + 2 < b
                    && tk.word(doc, k + 1).eq_ignore_ascii_case("the")
                    && (tk.is_cap(doc, k + 2) || tk.gaz[k + 2].is_some())
                    && lexicon::is_name_connector(tk.word(doc, k)) =>
            {
                ph.name = ph.name.map(|(na, _)| (na, k + 2));
                k += 2;
            }
            // "the Fishing Vessel Owners' Association": a plural possessive inside a body's
            // name, not the owner of another body or person ("Fox News' Chris Wallace").
            TokKind::Punct
                if ph
                    .name
                    .is_some_and(|(na, nb)| nb == k && !name_is_org(doc, tk, na, nb))
                    && lexicon::org_word(tk.word(doc, k + 1)).is_some()
                    && matches!(tk.word(doc, k), "'" | "’")
                    && t.span.start == tk.toks[k - 1].span.end
                    && tk.word(doc, k - 1).ends_with('s')
                    && k + 1 < b
                    && tk.is_cap(doc, k + 1)
                    && !lexicon::is_non_name(tk.word(doc, k + 1)) =>
            {
                ph.name = ph.name.map(|(na, _)| (na, k + 1));
                k += 1;
            }
            // "Joseph R. Biden": an initial's full stop is inside the name.
            TokKind::Punct
                if ph.name.is_some_and(|(_, nb)| nb == k)
                    && names::is_initial_dot(doc, tk, k, b) =>
            {
                ph.name = ph.name.map(|(na, _)| (na, k + 1));
                k += 1;
            }
            // "Joseph R. Biden, Jr.": the suffix ends the name and belongs to the phrase.
            TokKind::Punct
                if ph.name.is_some_and(|(_, nb)| nb == k)
                    && names::name_suffix(doc, tk, k, b).is_some() =>
            {
                k = names::name_suffix(doc, tk, k, b).unwrap_or(k + 1);
                break;
            }
            TokKind::Possessive if ph.name.is_some() || !ph.entities.is_empty() => {
                // "Putin's aide Yuri Ushakov", "Russia's Foreign Ministry": the owner is an affiliation.
                let p = finish(doc, tk, &ph, k, venue, true, table, events);
                // "Sudan's army": a country's body named by a lower-case noun.
                if let Some(p) = p
                    && ph.name.is_none()
                    && table.drafts[p].kind == PartyKind::Country
                    && let Some(next) =
                        groups::country_body(doc, tk, p, ph.first, k + 1, b, table, events)
                {
                    table.drafts[p].owner_mentions += 1;
                    return next;
                }
                // Owner of a named body or person ("Putin's aide Yuri Ushakov"), not of a thing.
                if let Some(p) = p
                    && (tk.is_cap(doc, k + 1) || tk.gaz.get(k + 1).is_some_and(Option::is_some))
                {
                    table.drafts[p].owner_mentions += 1;
                }
                let owner = p
                    .map(|p| {
                        let d = &table.drafts[p];
                        d.affiliation.clone().unwrap_or_else(|| d.name.clone())
                    })
                    .or_else(|| {
                        ph.name
                            .map(|(na, nb)| doc.slice(tk.span(na, nb)).to_owned())
                    });
                ph = Phrase {
                    first: k + 1,
                    owner,
                    owner_start: Some(ph.first),
                    ..Phrase::default()
                };
                k += 1;
            }
            _ => break,
        }
    }
    if let Some((na, nb)) = ph.name
        && nb == k
        && !name_is_org(doc, tk, na, nb)
        && !names::is_common_phrase(doc, tk, na, nb)
        && let Some((e, end, m)) = names::of_country(doc, tk, k, b)
    {
        ph.entities.push((e, m, end));
        k = end;
    }
    // "ODIHR (Office for Democratic Institutions and Human Rights)": an acronym before the
    // name it stands for, in brackets.
    if let Some(next) = acronym_before_name(doc, tk, &ph, k, sent_start, b, table, events, ctx) {
        return next;
    }
    if let Some(next) = groups::lone_entity_noun(doc, tk, &ph, k, b, inc, table, events, ctx) {
        return next;
    }
    let pending = ctx.pending.take();
    if let Some(next) = groups::title_of(doc, tk, &ph, k, b, table, events, ctx) {
        if let Some((title, _)) = pending {
            events.push(title.event());
        }
        *ctx = Context {
            joint: ctx.joint,
            pending: ctx.pending,
            ..Context::default()
        };
        return next;
    }
    let p = finish(doc, tk, &ph, k, venue, inc.passive, table, events);
    let person = p.filter(|&p| table.drafts[p].kind == PartyKind::Person);
    if let Some((title, at)) = pending {
        match person {
            Some(p) if at == j || at == ph.first => title.give_to(p, table, events),
            _ => events.push(title.event()),
        }
    }
    if inc.member_of.is_some() {
        for &(e, _, _) in &ph.entities {
            if let Some(m) = table.by_name(e.country.unwrap_or(e.canonical)) {
                table.drafts[m].in_collective = true;
            }
        }
    }
    let lone = match ph.entities.as_slice() {
        &[(e, _, _)] if ph.name.is_none() && ph.role.is_none() => match e.kind {
            // "the U.S. and Saudi joint statement": a demonym stands for its country here.
            GazKind::Demonym
                if ctx.joint && (inc.coordinated.is_some() || tk.word(doc, k) == "and") =>
            {
                e.country
                    .map(|c| (table.intern(c, PartyKind::Country, true), ph.first))
            }
            GazKind::Country | GazKind::Capital | GazKind::Org(_) => p.map(|p| (p, ph.first)),
            _ => None,
        },
        _ => None,
    };
    *ctx = Context {
        end: k,
        passive: inc.passive,
        member_of: inc.member_of,
        collective: None,
        lone: lone.filter(|_| !inc.passive),
        joint: ctx.joint,
        person: person.map(|p| (p, k)),
        pending: None,
    };
    if ctx.joint
        && let (Some(a), Some(b_)) = (inc.coordinated, lone)
    {
        groups::joint_collective(tk, a, b_.0, k, table, events);
    }
    // "the paramilitary Rapid Support Forces (RSF)": the acronym names the same party.
    if let Some(p) = p
        && k + 2 < b
        && tk.word(doc, k) == "("
        && tk.word(doc, k + 2) == ")"
    {
        let acr = tk.word(doc, k + 1);
        if acr.len() >= 2
            && acr
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            table.add_word(acr, p);
            events.push(Event::Mention {
                party: p,
                span: tk.toks[k + 1].span,
                passive: false,
            });
            return k + 3;
        }
    }
    k.max(j + 1)
}

/// True when the country named at tokens `a..end` is only a setting there: a meeting's venue
/// or an example ("including DPRK, Afghanistan, and Iran").
fn is_setting(doc: &Doc<'_>, tk: &Tokens, a: usize, end: usize) -> bool {
    let n = tk.sentences.partition_point(|&(_, e)| e <= a);
    let Some(&(sa, sb)) = tk.sentences.get(n) else {
        return false;
    };
    names::is_event_venue(doc, tk, a, sa) || names::is_example(doc, tk, a, end, sb)
}

/// "ODIHR (Office for …)": when `ph` is one acronym followed by a bracketed name, reads the
/// name as a phrase of its own and makes the acronym a way of naming its party; returns the
/// index after the name.
#[allow(clippy::too_many_arguments)]
fn acronym_before_name(
    doc: &Doc<'_>,
    tk: &Tokens,
    ph: &Phrase,
    k: usize,
    sent_start: usize,
    b: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
    ctx: &mut Context,
) -> Option<usize> {
    let (na, nb) = ph.name?;
    if nb != na + 1
        || nb != k
        || ph.role.is_some()
        || !ph.entities.is_empty()
        || !names::is_acronym(tk.word(doc, na))
        || tk.word(doc, k) != "("
        || k + 1 >= b
        || !tk.is_cap(doc, k + 1)
    {
        return None;
    }
    let seen = events.len();
    let next = phrase(doc, tk, k + 1, sent_start, b, table, events, ctx);
    let inner = tk.toks[k + 1].span.start;
    let p = events[seen..].iter().find_map(|e| match *e {
        Event::Mention { party, span, .. } if span.start == inner => Some(party),
        _ => None,
    })?;
    if table.drafts[p].kind == PartyKind::Person {
        return None;
    }
    table.add_word(tk.word(doc, na), p);
    events.push(Event::Mention {
        party: p,
        span: tk.toks[na].span,
        passive: false,
    });
    Some(next)
}

fn name_is_org(doc: &Doc<'_>, tk: &Tokens, na: usize, nb: usize) -> bool {
    (na..nb).any(|i| lexicon::org_word(tk.word(doc, i)).is_some())
}

/// Turns a finished phrase ending before token `end` into events; returns the party it names.
/// `passive`: the phrase does not act in its own name (an owner, after a preposition).
#[allow(clippy::too_many_arguments)]
fn finish(
    doc: &Doc<'_>,
    tk: &Tokens,
    ph: &Phrase,
    end: usize,
    venue: bool,
    passive: bool,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) -> Option<usize> {
    if end <= ph.first {
        return None;
    }
    let mut country: Option<&'static str> = None;
    let mut last = None;
    let lone_place = ph.entities.len() == 1 && ph.name.is_none() && ph.role.is_none();
    for &(e, a, b) in &ph.entities {
        let span = tk.span(a, b);
        let p = match e.kind {
            GazKind::Demonym => {
                country = e.country;
                events.push(Event::Demonym {
                    country: e.canonical,
                    span,
                });
                continue;
            }
            GazKind::Country => {
                country = Some(e.canonical);
                table.intern(e.canonical, PartyKind::Country, true)
            }
            GazKind::Capital => {
                if venue && lone_place {
                    continue;
                }
                country = e.country;
                table.intern(e.canonical, PartyKind::Country, true)
            }
            GazKind::Seat => {
                if venue && lone_place {
                    continue;
                }
                let p = table.intern(e.canonical, PartyKind::Government, true);
                let d = &mut table.drafts[p];
                d.affiliation = d.affiliation.take().or(e.country.map(str::to_owned));
                p
            }
            GazKind::Org(kind) => {
                let p = table.intern(e.canonical, kind, true);
                let surface = doc.slice(span);
                if !surface.contains(' ') {
                    table.add_word(surface, p);
                }
                p
            }
            GazKind::Title | GazKind::Place => continue,
        };
        // "US President Donald Trump", "the U.S. State Department": an affiliation.
        let affiliation = ph.name.is_some() || ph.role.is_some();
        let passive = passive || affiliation;
        if matches!(e.kind, GazKind::Country | GazKind::Capital)
            && (affiliation || is_setting(doc, tk, a, b))
        {
            table.drafts[p].incidental_mentions += 1;
        }
        events.push(Event::Mention {
            party: p,
            span,
            passive,
        });
        last = Some(p);
    }
    // "UN Secretary-General Ana Costa": an organisation before a title is the affiliation.
    let org = ph
        .entities
        .iter()
        .rev()
        .find(|(e, _, _)| matches!(e.kind, GazKind::Org(_)))
        .filter(|_| ph.role.is_some())
        .map(|(e, _, _)| e.canonical.to_owned());
    let affiliation = country
        .map(str::to_owned)
        .or_else(|| ph.owner.clone())
        .or(org);
    let whole = tk.span(ph.first, end);
    if let Some((na, nb)) = ph.name {
        let name_span = tk.span(na, nb);
        let name = doc.slice(name_span);
        if is_medium(doc, tk, ph.first, na, nb) {
            return last;
        }
        if let Some(kind) = (na..nb).find_map(|i| lexicon::org_word(tk.word(doc, i))) {
            // The body's name includes an adjacent demonym or country ("Russian Foreign Ministry").
            // A bare "Government" or "Office" names no one body; "West Virginia University",
            // "Russian Government" do.
            if nb - na == 1 && ph.entities.last().is_none_or(|&(_, _, eb)| eb != na) {
                return last;
            }
            let start = ph
                .entities
                .last()
                .filter(|&&(_, _, eb)| eb == na)
                .map_or(na, |&(_, ea, _)| ea);
            let start = ph
                .owner_start
                .filter(|_| start == ph.first)
                .unwrap_or(start);
            let span = tk.span(start, nb);
            // A bare "Foreign Ministry" after "Russia's Foreign Ministry" is the same body.
            let bare = start == na && affiliation.is_none() && table.by_name(name).is_none();
            let p = bare
                .then(|| table.body_ending_with(name))
                .flatten()
                .unwrap_or_else(|| table.intern(doc.slice(span), kind, false));
            let d = &mut table.drafts[p];
            d.affiliation = d.affiliation.take().or(affiliation);
            events.push(Event::Mention {
                party: p,
                span,
                passive,
            });
            return Some(p);
        }
        if nb - na == 1 {
            let cue_follows = lower_is_cue(doc, tk, nb)
                || (nb + 1 < tk.toks.len()
                    && matches!(tk.word(doc, nb), "has" | "had" | "also")
                    && lower_is_cue(doc, tk, nb + 1))
                || (ph.first > 0 && lower_is_cue(doc, tk, ph.first - 1));
            events.push(Event::Single {
                span: if ph.role.is_some() || ph.honorific {
                    whole
                } else {
                    name_span
                },
                word: name_span,
                role: ph.role.map(|(r, _)| r),
                titled: ph.honorific,
                cue_follows,
            });
            return None;
        }
        if venue && ph.role.is_none() && table.by_name(name).is_none() {
            return last;
        }
        if ph.role.is_none() && names::is_common_phrase(doc, tk, na, nb) {
            // "Federal Member States": common words naming members are a group; any other
            // run of common words is a title or document.
            if !names::ends_in_collective_noun(tk, na, nb) {
                return last;
            }
            let p = table.intern(name, PartyKind::Group, false);
            let d = &mut table.drafts[p];
            d.affiliation = d.affiliation.take().or(affiliation);
            events.push(Event::Mention {
                party: p,
                span: whole,
                passive,
            });
            return Some(p);
        }
        let p = table.intern(name, PartyKind::Person, false);
        let d = &mut table.drafts[p];
        if d.role.is_none() {
            d.role = ph.role.map(|(r, _)| upper_first(r));
        }
        d.affiliation = d.affiliation.take().or(affiliation);
        events.push(Event::Mention {
            party: p,
            span: whole,
            passive,
        });
        return Some(p);
    }
    if let Some((role, _)) = ph.role {
        let start = if ph.first > 0 && tk.word(doc, ph.first - 1).eq_ignore_ascii_case("the") {
            ph.first - 1
        } else {
            ph.first
        };
        events.push(Event::TitleRef {
            span: tk.span(start, end),
            role,
            country,
            of: None,
        });
    }
    last
}

/// True when the name at `na..nb` is a medium, not an actor: a platform or account ("his
/// Truth Social platform"), something owned by a person ("his …"), or a news outlet.
fn is_medium(doc: &Doc<'_>, tk: &Tokens, first: usize, na: usize, nb: usize) -> bool {
    let next = tk.word(doc, nb);
    if next.chars().next().is_some_and(char::is_lowercase) && lexicon::is_media(next) {
        return true;
    }
    if first > 0
        && first == na
        && matches!(
            tk.word(doc, first - 1),
            "his" | "her" | "their" | "its" | "our" | "my" | "your"
        )
    {
        return true;
    }
    // "Fox News", "The Washington Post": an outlet, named by its last word; "Reuters", "RIA
    // Novosti": an outlet by its whole (short) name.
    let mut buf = [0u8; MEDIA_NAME_BYTES];
    let last = tk.word(doc, nb - 1);
    (nb - na >= 2 && ascii_fold(last, &mut buf).is_some_and(lexicon::is_media))
        || (nb - na <= 3
            && ascii_fold(doc.slice(tk.span(na, nb)), &mut buf).is_some_and(lexicon::is_media))
}

/// Longest outlet name in the media list, folded; longer names skip the lookup.
const MEDIA_NAME_BYTES: usize = 24;

/// `s` folded like [`super::table::fold`] (lower case, dots and apostrophes dropped) into
/// `buf` without allocating, when it is ASCII and fits; names are checked once per phrase,
/// so this stays off the allocator on the hot path.
fn ascii_fold<'b>(s: &str, buf: &'b mut [u8; MEDIA_NAME_BYTES]) -> Option<&'b str> {
    let mut n = 0;
    for b in s.bytes() {
        if !b.is_ascii() {
            return None;
        }
        if b.is_ascii_alphanumeric() || b == b'-' || b == b' ' {
            *buf.get_mut(n)? = b.to_ascii_lowercase();
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Roles that "leader" can refer to.
fn is_head_role(role: &str) -> bool {
    let r = role.to_lowercase();
    matches!(
        r.as_str(),
        "president" | "prime minister" | "chancellor" | "king" | "leader" | "emir"
    )
}

fn role_matches(reference: &str, role: &str) -> bool {
    reference.eq_ignore_ascii_case(role)
        || (reference.eq_ignore_ascii_case("leader") && is_head_role(role))
}

/// The text-order sweep: every event becomes a mention of the party it names, if any.
pub(crate) fn resolve(doc: &Doc<'_>, table: &mut PartyTable, events: &[Event]) {
    // People with a role, most recent last: title-only references pick the latest match.
    let mut with_role: Vec<usize> = Vec::new();
    // Named holders of a title in a body or country: (role, affiliation) → party.
    let mut holders: HashMap<(String, String), usize> = table
        .drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == PartyKind::Person)
        .filter_map(|(i, d)| {
            Some((
                (d.role.as_deref()?.to_lowercase(), d.affiliation.clone()?),
                i,
            ))
        })
        .collect();
    for ev in events {
        match *ev {
            Event::Mention {
                party,
                span,
                passive,
            } => {
                table.mention(party, span, doc.slice(span));
                table.drafts[party].passive_mentions += usize::from(passive);
                note_role(table, &mut with_role, party);
            }
            Event::Single {
                span,
                word,
                role,
                titled,
                cue_follows,
            } => {
                let w = doc.slice(word);
                let p = match table.by_word(w).or_else(|| table.by_first_word(w)) {
                    Some(p) => Some(p),
                    // "Analysts said": a sentence-initial source noun is nobody's name.
                    None if lexicon::is_source_noun(&w.to_lowercase()) && role.is_none() => None,
                    None if cue_follows || role.is_some() || titled => {
                        Some(table.intern(w, PartyKind::Person, false))
                    }
                    None => None,
                };
                if let Some(p) = p {
                    if let Some(r) = role
                        && table.drafts[p].role.is_none()
                        && table.drafts[p].kind == PartyKind::Person
                    {
                        table.drafts[p].role = Some(upper_first(r));
                    }
                    table.mention(p, span, doc.slice(span));
                    note_role(table, &mut with_role, p);
                }
            }
            Event::TitleRef {
                span,
                role,
                country,
                of,
            } => {
                let found = with_role
                    .iter()
                    .rev()
                    .take(64)
                    .copied()
                    .filter(|&p| {
                        let d = &table.drafts[p];
                        d.role.as_deref().is_some_and(|r| role_matches(role, r))
                            && country.is_none_or(|c| d.affiliation.as_deref() == Some(c))
                    })
                    .max_by_key(|&p| table.drafts[p].last_seen);
                // "the High Representative of the European Union" with no named holder: the
                // office holder is a person of their own.
                let found = found.or_else(|| {
                    let of = of?;
                    let key = (role.to_lowercase(), country.unwrap_or_default().to_owned());
                    if let Some(&p) = holders.get(&key) {
                        return Some(p);
                    }
                    let p = table.intern(doc.slice(of), PartyKind::Person, false);
                    let d = &mut table.drafts[p];
                    d.role = Some(upper_first(role));
                    d.affiliation = country.map(str::to_owned);
                    holders.insert(key, p);
                    Some(p)
                });
                if let Some(p) = found {
                    table.mention(p, span, doc.slice(span));
                    note_role(table, &mut with_role, p);
                }
            }
            Event::Demonym { country, span } => {
                if let Some(p) = table.by_name(country) {
                    let d = &mut table.drafts[p];
                    d.mentions.push(span);
                    d.passive_mentions += 1;
                    d.incidental_mentions += 1;
                    table.mentions.push((span, p));
                }
            }
        }
    }
}

fn note_role(table: &PartyTable, with_role: &mut Vec<usize>, p: usize) {
    if table.drafts[p].role.is_some() && table.drafts[p].kind == PartyKind::Person {
        if let Some(i) = with_role.iter().rposition(|&q| q == p) {
            with_role.remove(i);
        }
        with_role.push(p);
    }
}
