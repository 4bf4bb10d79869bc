//! Parties that a name phrase makes out of a country or organisation and what follows it:
//! bodies ("the Israeli cabinet", "Sudan's army"), collectives ("the G7 Foreign Ministers",
//! "G7 members", "Saudi Arabia and the U.S. … in a joint statement") and title holders named
//! by their office ("the High Representative of the European Union").

use crate::lexicon::{GazEntry, GazKind};
use crate::model::PartyKind;
use crate::text::Doc;

use super::super::{PartyTable, Tokens, bodies, names};
use super::{Context, Event, Incoming, Phrase, Title};

/// The organisation alone in `ph`, right before token `k`: its entry and first token.
fn lone_org(ph: &Phrase, k: usize) -> Option<(GazEntry, usize, usize)> {
    match ph.entities.as_slice() {
        [(e, a, end)] if *end == k && ph.name.is_none() && ph.role.is_none() => {
            matches!(e.kind, GazKind::Org(_)).then_some((*e, *a, *end))
        }
        _ => None,
    }
}

/// Interns the organisation of a collective ("G7" in "G7 members") as its owner.
fn org_owner(
    doc: &Doc<'_>,
    tk: &Tokens,
    (e, a, end): (GazEntry, usize, usize),
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) -> usize {
    let kind = match e.kind {
        GazKind::Org(kind) => kind,
        _ => PartyKind::Organization,
    };
    let org = table.intern(e.canonical, kind, true);
    let span = tk.span(a, end);
    let surface = doc.slice(span);
    if !surface.contains(' ') {
        table.add_word(surface, org);
    }
    table.drafts[org].owner_mentions += 1;
    events.push(Event::Mention {
        party: org,
        span,
        passive: true,
    });
    org
}

/// "the G7 Foreign Ministers": an organisation and a plural title at `k..end` name a group.
#[allow(clippy::too_many_arguments)]
pub(super) fn org_collective(
    doc: &Doc<'_>,
    tk: &Tokens,
    ph: &Phrase,
    k: usize,
    end: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
    ctx: &mut Context,
) -> Option<usize> {
    let org_at = lone_org(ph, k)?;
    let org = org_owner(doc, tk, org_at, table, events);
    let span = tk.span(org_at.1, end);
    let g = table.intern(doc.slice(span), PartyKind::Group, false);
    table.drafts[g].affiliation = Some(org_at.0.canonical.to_owned());
    table.collective_of.entry(org).or_insert(g);
    events.push(Event::Mention {
        party: g,
        span,
        passive: false,
    });
    *ctx = Context {
        end,
        collective: Some(g),
        joint: ctx.joint,
        ..Context::default()
    };
    Some(end)
}

/// After a lone organisation or country at the end of `ph`, a lower-case noun naming its
/// members ("G7 members"), a body ("the Israeli cabinet") or the country acting ("Russian
/// forces"): records it and returns the index after it.
#[allow(clippy::too_many_arguments)]
pub(super) fn lone_entity_noun(
    doc: &Doc<'_>,
    tk: &Tokens,
    ph: &Phrase,
    k: usize,
    b: usize,
    inc: Incoming,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
    ctx: &mut Context,
) -> Option<usize> {
    if let Some(org_at) = lone_org(ph, k)
        && let Some(end) = bodies::collective_noun(doc, tk, k, b)
    {
        let org = org_owner(doc, tk, org_at, table, events);
        let span = tk.span(org_at.1, end);
        let g = match table.collective_of.get(&org) {
            Some(&g) => g,
            None => {
                let g = table.intern(doc.slice(span), PartyKind::Group, false);
                table.drafts[g].affiliation = Some(org_at.0.canonical.to_owned());
                table.collective_of.insert(org, g);
                g
            }
        };
        events.push(Event::Mention {
            party: g,
            span,
            passive: false,
        });
        *ctx = Context {
            end,
            joint: ctx.joint,
            ..Context::default()
        };
        return Some(end);
    }
    let &[(e, a, end)] = ph.entities.as_slice() else {
        return None;
    };
    if end != k
        || ph.name.is_some()
        || ph.role.is_some()
        || !matches!(e.kind, GazKind::Country | GazKind::Demonym)
    {
        return None;
    }
    let country = e.country.unwrap_or(e.canonical);
    let Some((head, next)) = bodies::body_head(doc, tk, k, b) else {
        // "US defence companies": a group of the country, named as written.
        let next = bodies::group_noun(doc, tk, k, b)?;
        let span = tk.span(a, next);
        if e.kind == GazKind::Demonym {
            events.push(Event::Demonym {
                country,
                span: tk.span(a, end),
            });
        } else {
            let p = table.intern(country, PartyKind::Country, true);
            events.push(Event::Mention {
                party: p,
                span: tk.span(a, end),
                passive: true,
            });
        }
        let g = table.intern(doc.slice(span), PartyKind::Group, false);
        let d = &mut table.drafts[g];
        d.affiliation = d.affiliation.take().or_else(|| Some(country.to_owned()));
        events.push(Event::Mention {
            party: g,
            span,
            passive: false,
        });
        *ctx = Context {
            end: next,
            joint: ctx.joint,
            ..Context::default()
        };
        return Some(next);
    };
    match head {
        bodies::Head::Country => {
            let p = table.intern(country, PartyKind::Country, true);
            events.push(Event::Mention {
                party: p,
                span: tk.span(a, next),
                passive: inc.passive,
            });
        }
        bodies::Head::Body(kind) => {
            let span = tk.span(a, end);
            if e.kind == GazKind::Demonym {
                events.push(Event::Demonym { country, span });
            } else {
                let p = table.intern(country, PartyKind::Country, true);
                events.push(Event::Mention {
                    party: p,
                    span,
                    passive: true,
                });
            }
            // "the U.S. military", "the UK government": an abbreviation names the body as
            // written; "the Israeli cabinet", "the Sudan army" by the demonym.
            let surface = doc.slice(span);
            let prefix = (e.kind == GazKind::Demonym || !surface.chars().any(char::is_lowercase))
                .then_some(surface);
            body_party(doc, tk, country, prefix, kind, a, k, next, table, events);
        }
    }
    *ctx = Context {
        end: next,
        joint: ctx.joint,
        ..Context::default()
    };
    Some(next)
}

/// "Sudan's army": the body that the noun at `k` names for country party `country`,
/// mentioned from token `first`; returns the index after the noun.
#[allow(clippy::too_many_arguments)]
pub(super) fn country_body(
    doc: &Doc<'_>,
    tk: &Tokens,
    country: usize,
    first: usize,
    k: usize,
    b: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) -> Option<usize> {
    let (head, end) = bodies::body_head(doc, tk, k, b)?;
    let bodies::Head::Body(kind) = head else {
        return None;
    };
    let country = table.drafts[country].name.clone();
    body_party(doc, tk, &country, None, kind, first, k, end, table, events);
    Some(end)
}

/// Interns the body "<prefix or demonym> <noun>" ("Israeli cabinet") for the noun at
/// `k..end`, and records its mention from token `first`.
#[allow(clippy::too_many_arguments)]
fn body_party(
    doc: &Doc<'_>,
    tk: &Tokens,
    country: &str,
    prefix: Option<&str>,
    kind: PartyKind,
    first: usize,
    k: usize,
    end: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) {
    let noun = doc.slice(tk.span(k, end));
    let prefix = prefix
        .or_else(|| bodies::demonym(country))
        .unwrap_or(country);
    let name = format!("{prefix} {noun}");
    let p = table.intern(&name, kind, false);
    let d = &mut table.drafts[p];
    d.affiliation = d.affiliation.take().or_else(|| Some(country.to_owned()));
    events.push(Event::Mention {
        party: p,
        span: tk.span(first, end),
        passive: false,
    });
}

/// "the High Representative of the European Union": a title, "of", and an organisation or
/// country, with no name in `ph`; returns the index after the phrase. The holder is the person
/// named right after it ("the Foreign Minister of Japan, Fumio Kishida", "Prime Minister of
/// Kosovo Albin Kurti") or, failing that, right before it ("Mr. Mourad Medelci, Foreign
/// Minister of Algeria"); with neither, the office names a person of its own.
#[allow(clippy::too_many_arguments)]
pub(super) fn title_of(
    doc: &Doc<'_>,
    tk: &Tokens,
    ph: &Phrase,
    k: usize,
    b: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
    ctx: &mut Context,
) -> Option<usize> {
    let (role, _) = ph.role?;
    // "the High Representative of …" is an office; "to be president of …" is not a party.
    if ph.name.is_some()
        || !ph.entities.is_empty()
        || tk.word(doc, k) != "of"
        || !tk.is_cap(doc, ph.first)
    {
        return None;
    }
    let m = if tk.word(doc, k + 1).eq_ignore_ascii_case("the") {
        k + 2
    } else {
        k + 1
    };
    if m >= b {
        return None;
    }
    let (e, end) = match tk.gaz[m] {
        Some(found) => found,
        None => names::formal_country(doc, tk, m, b)?,
    };
    let kind = match e.kind {
        GazKind::Org(kind) => kind,
        GazKind::Country => PartyKind::Country,
        _ => return None,
    };
    let owner = table.intern(e.canonical, kind, true);
    table.drafts[owner].owner_mentions += 1;
    events.push(Event::Mention {
        party: owner,
        span: tk.span(m, end),
        passive: true,
    });
    let with_the = ph.first > 0 && tk.word(doc, ph.first - 1).eq_ignore_ascii_case("the");
    let start = if with_the { ph.first - 1 } else { ph.first };
    let title = Title {
        span: tk.span(start, end),
        role,
        country: Some(e.canonical),
        of: Some(tk.span(ph.first, end)),
    };
    let next = end + usize::from(tk.word(doc, end) == ",");
    if next < b && names::starts_plain_name(doc, tk, next) {
        ctx.pending = Some((title, next));
        return Some(next);
    }
    if let Some((p, after)) = ctx.person
        && start >= 1
        && after == start - 1
        && tk.word(doc, after) == ","
    {
        title.give_to(p, table, events);
        return Some(end);
    }
    events.push(title.event());
    Some(end)
}

/// "the Foreign Ministers of Guyana and Venezuela", "the leaders of France, Germany, Italy, the
/// United Kingdom and the United States of America": a plural title at `k..end` and "of" a
/// list of two or more countries name one group, written as in the text; the countries are
/// its members. Returns the index after the list.
pub(super) fn holders_of_countries(
    doc: &Doc<'_>,
    tk: &Tokens,
    k: usize,
    end: usize,
    b: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) -> Option<usize> {
    let (_, first_end, m) = names::of_country(doc, tk, end, b)?;
    let (n, _, last) = names::country_list(doc, tk, m, first_end, b);
    if n < 2 {
        return None;
    }
    let mut members = Vec::new();
    let mut i = m;
    while i < last {
        if let Some((c, ce)) = tk.gaz[i]
            && c.kind == GazKind::Country
        {
            let p = table.intern(c.canonical, PartyKind::Country, true);
            // A member named only here is no party of its own.
            table.drafts[p].incidental_mentions += 1;
            events.push(Event::Mention {
                party: p,
                span: tk.span(i, ce),
                passive: true,
            });
            members.push(c.canonical);
            i = ce;
        } else {
            i += 1;
        }
    }
    // "ministers of Russia, Germany and France" and "of Russia, France and Germany" later are
    // one group.
    members.sort_unstable();
    let key = format!("{}|{}", tk.lower(k), members.join("|"));
    let span = tk.span(k, last);
    let g = match table.collective_by_members.get(&key) {
        Some(&g) => g,
        None => {
            let g = table.intern(doc.slice(span), PartyKind::Group, false);
            table.collective_by_members.insert(key, g);
            g
        }
    };
    events.push(Event::Mention {
        party: g,
        span,
        passive: false,
    });
    Some(last)
}

/// "Saudi Arabia and the U.S. … in a joint statement": two lone parties coordinated in a
/// sentence about something joint act as one collective party; `end` is the token after B.
pub(super) fn joint_collective(
    tk: &Tokens,
    (a, a_first): (usize, usize),
    b: usize,
    end: usize,
    table: &mut PartyTable,
    events: &mut Vec<Event>,
) {
    if a == b {
        return;
    }
    let mut names = [table.drafts[a].name.clone(), table.drafts[b].name.clone()];
    names.sort();
    let g = table.intern(&names.join(" and "), PartyKind::Group, false);
    // The members stay parties of their own: each also acts (and is counted) by itself.
    let span = tk.span(a_first, end);
    events.push(Event::Mention {
        party: g,
        span,
        passive: false,
    });
}
