//! Issues: the topics a brief's positions are about, each with a stable id that positions
//! point at ([`Position::issue_id`]).

use crate::model::{Issue, Position, Span};

/// Collects the distinct issue labels of `positions` into [`Issue`]s, in order of first
/// mention, and points every position at its issue. Labels that differ only in case and
/// spacing are one issue.
pub(crate) fn collect(positions: &mut [Position]) -> Vec<Issue> {
    let mut issues: Vec<Issue> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for p in positions.iter_mut() {
        let key = fold(&p.issue);
        if key.is_empty() {
            p.issue_id = None;
            continue;
        }
        let i = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            keys.push(key);
            issues.push(Issue {
                id: format!("i{}", issues.len() + 1),
                label: p.issue.clone(),
                evidence: Vec::new(),
            });
            issues.len() - 1
        });
        push_unique(&mut issues[i].evidence, p.sentence_span);
        p.issue_id = Some(issues[i].id.clone());
    }
    issues
}

fn fold(label: &str) -> String {
    label
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn push_unique(spans: &mut Vec<Span>, span: Span) {
    if !spans.contains(&span) {
        spans.push(span);
    }
}
