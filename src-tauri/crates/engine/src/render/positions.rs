//! The Positions section: a "Where the parties stand" table (issues × principal parties, a
//! stance word in each cell), then the positions grouped under their issue, each line
//! `Party — stance — content (cue)` with its footnote. The window's draft pane arranges the
//! brief the same way (`ui/src/lib/brief-groups.ts`): the same groups in the same order, the
//! same principal parties, the same cells.

use std::fmt::Write as _;

use super::{Footnotes, LinkStyle, escape, link, none, sentence};
use crate::model::{Brief, Position, PositionKind, Stance};

/// The most parties the table shows (the speakers with the most positions).
const PRINCIPALS: usize = 4;

/// The heading of the positions that belong to no issue.
pub(super) const OTHER: &str = "Other positions";

/// Positions under one heading: an issue, or the positions with none.
struct Group<'a> {
    label: &'a str,
    items: Vec<&'a Position>,
}

/// One speaker as an actor: its party, else its name.
fn actor(p: &Position) -> &str {
    p.party.as_deref().unwrap_or(&p.speaker)
}

/// Positions grouped under their issue, issues in the brief's order, positions in text order
/// within each; positions with no issue last.
fn groups(brief: &Brief) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = brief
        .issues
        .iter()
        .map(|i| Group {
            label: &i.label,
            items: brief
                .positions
                .iter()
                .filter(|p| p.issue_id.as_deref() == Some(i.id.as_str()))
                .collect(),
        })
        .collect();
    let known = |p: &Position| {
        p.issue_id
            .as_deref()
            .is_some_and(|id| brief.issues.iter().any(|i| i.id == id))
    };
    let rest: Vec<&Position> = brief.positions.iter().filter(|p| !known(p)).collect();
    if !rest.is_empty() {
        out.push(Group {
            label: OTHER,
            items: rest,
        });
    }
    out.retain(|g| !g.items.is_empty());
    out
}

/// The table's parties: the speakers with the most positions (ties: first mention first),
/// at most [`PRINCIPALS`], as (actor, name).
fn principals(brief: &Brief) -> Vec<(&str, &str)> {
    let mut counts: Vec<(&str, &str, usize)> = Vec::new();
    for p in &brief.positions {
        match counts.iter_mut().find(|(a, _, _)| *a == actor(p)) {
            Some((_, _, n)) => *n += 1,
            None => counts.push((actor(p), &p.speaker, 1)),
        }
    }
    // A stable sort keeps first mention first among equals.
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    counts
        .into_iter()
        .take(PRINCIPALS)
        .map(|(a, n, _)| (a, n))
        .collect()
}

/// Renders the Positions section's body.
pub(super) fn section(
    out: &mut String,
    brief: &Brief,
    text: &str,
    style: LinkStyle,
    notes: &mut Footnotes,
) {
    if brief.positions.is_empty() {
        none(out);
        return;
    }
    let groups = groups(brief);
    table(out, &groups, &principals(brief));
    for g in &groups {
        let _ = writeln!(out, "### {}\n", heading(g.label));
        for p in &g.items {
            let n = notes.add("p", sentence(text, p.sentence_span, &p.text));
            let _ = writeln!(out, "- {}{n}", line(p, style));
        }
        out.push('\n');
    }
}

/// An issue label as a heading: its first letter capitalised ("phone call" → "Phone call").
fn heading(label: &str) -> String {
    let mut c = label.chars();
    let capitalised: String = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    escape::inline(&capitalised)
}

/// "Where the parties stand": one row per issue a principal party spoke on (in the brief's
/// order), one column per
/// principal party, the stance words of its positions on the issue in each cell (empty where
/// it said nothing).
fn table(out: &mut String, groups: &[Group<'_>], parties: &[(&str, &str)]) {
    // Positions on no issue have no row: the table is about the issues.
    let rows: Vec<(&str, Vec<String>)> = groups
        .iter()
        .filter(|g| g.label != OTHER)
        .map(|g| {
            let cells = parties
                .iter()
                .map(|(a, _)| {
                    let mut stances: Vec<Stance> = Vec::new();
                    for p in g.items.iter().filter(|p| actor(p) == *a) {
                        if !stances.contains(&p.stance) {
                            stances.push(p.stance);
                        }
                    }
                    stances
                        .iter()
                        .map(|s| s.label())
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
                .collect();
            (g.label, cells)
        })
        .filter(|(_, cells): &(&str, Vec<String>)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    // A party that spoke only on no issue has no column.
    let keep: Vec<usize> = (0..parties.len())
        .filter(|&k| rows.iter().any(|(_, cells)| !cells[k].is_empty()))
        .collect();
    if rows.is_empty() || keep.is_empty() {
        return;
    }
    let parties: Vec<(&str, &str)> = keep.iter().map(|&k| parties[k]).collect();
    let rows: Vec<(&str, Vec<String>)> = rows
        .into_iter()
        .map(|(label, cells)| (label, keep.iter().map(|&k| cells[k].clone()).collect()))
        .collect();
    out.push_str("**Where the parties stand**\n\n| Issue |");
    for (_, name) in &parties {
        let _ = write!(out, " {} |", escape::inline(name));
    }
    out.push_str("\n| --- |");
    for _ in &parties {
        out.push_str(" --- |");
    }
    out.push('\n');
    for (label, cells) in rows {
        let _ = write!(out, "| {} |", heading(label));
        for c in cells {
            let _ = write!(out, " {c} |");
        }
        out.push('\n');
    }
    out.push('\n');
}

/// `[[Speaker]] — **stance** — content (cue)`.
fn line(p: &Position, style: LinkStyle) -> String {
    let content = escape::inline(&p.text);
    let content = match p.kind {
        PositionKind::Quote => format!("“{content}”"),
        PositionKind::Paraphrase => content,
    };
    let mut line = format!(
        "{} — **{}** — {content}",
        link(&p.speaker, style),
        p.stance.label()
    );
    if !p.cue.trim().is_empty() {
        let _ = write!(line, " ({})", escape::inline(&p.cue));
    }
    line
}
