//! Three-way merge: the change from `base` to `theirs` carried onto `mine`, the way `diff3`
//! and `git merge` do it, so what `mine` changed since `base` stays as it is.
//!
//! The note patcher uses it with `base` = the note as rendered from the brief before a
//! structured edit, `theirs` = as rendered after it, `mine` = the analyst's note. Lines the
//! analyst touched are never replaced; where both sides changed the same lines, the merge is
//! tried again character by character, and only a real overlap is a conflict (mine is kept).

use std::hash::Hash;
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

/// How long one diff may search for the shortest edit before settling for a longer one
/// (a 10 MB note still patches in bounded time; the result stays correct, only less tidy).
const DEADLINE: Duration = Duration::from_millis(500);

/// A region where both sides changed the same part of `base` differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The base lines (or characters) both sides changed, as text.
    pub base: String,
    /// What `theirs` wanted there (not applied).
    pub theirs: String,
}

/// The merged text and the places where `theirs` could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// `mine` with every non-conflicting change of `theirs` applied.
    pub text: String,
    /// Changes of `theirs` left out because `mine` changed the same text.
    pub conflicts: Vec<Conflict>,
}

/// Merges `base → theirs` into `mine`, line by line, falling back to characters inside a
/// region both changed.
#[must_use]
pub fn merge(base: &str, mine: &str, theirs: &str) -> Merged {
    let b: Vec<&str> = base.split_inclusive('\n').collect();
    let m: Vec<&str> = mine.split_inclusive('\n').collect();
    let t: Vec<&str> = theirs.split_inclusive('\n').collect();
    let mut conflicts = Vec::new();
    let mut text = String::with_capacity(mine.len() + theirs.len().saturating_sub(base.len()));
    for piece in merge_slices(&b, &m, &t, Algorithm::Patience) {
        match piece {
            Piece::Clean(lines) => lines.iter().for_each(|l| text.push_str(l)),
            Piece::Conflict { base, mine, theirs } => {
                let (b, m, t) = (base.concat(), mine.concat(), theirs.concat());
                match merge_chars(&b, &m, &t) {
                    Some(merged) => text.push_str(&merged),
                    None => {
                        text.push_str(&m);
                        conflicts.push(Conflict { base: b, theirs: t });
                    }
                }
            }
        }
    }
    Merged { text, conflicts }
}

/// The character-level merge of one region, or `None` when the two sides overlap there too.
fn merge_chars(base: &str, mine: &str, theirs: &str) -> Option<String> {
    let b: Vec<char> = base.chars().collect();
    let m: Vec<char> = mine.chars().collect();
    let t: Vec<char> = theirs.chars().collect();
    let mut out = String::with_capacity(mine.len() + theirs.len());
    for piece in merge_slices(&b, &m, &t, Algorithm::Myers) {
        match piece {
            Piece::Clean(cs) => out.extend(cs.iter()),
            Piece::Conflict { .. } => return None,
        }
    }
    Some(out)
}

/// One stretch of the merged sequence.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a, T> {
    /// Taken as is (unchanged, or changed by one side only, or by both the same way).
    Clean(&'a [T]),
    /// Both sides changed this stretch of `base`, differently.
    Conflict {
        base: &'a [T],
        mine: &'a [T],
        theirs: &'a [T],
    },
}

/// A change of one side: `base[old]` became `side[new]`.
#[derive(Debug, Clone)]
struct Hunk {
    old: Range<usize>,
    new: Range<usize>,
}

fn hunks<T: Hash + Eq + Ord>(base: &[T], side: &[T], alg: Algorithm) -> Vec<Hunk> {
    let deadline = Instant::now().checked_add(DEADLINE);
    // Positions are counted from the ops' lengths: after compaction the ops keep their order
    // and lengths, but an insertion's own `old_index` may point before the equal run it follows.
    let (mut o, mut n) = (0, 0);
    let mut out: Vec<Hunk> = Vec::new();
    for op in capture_diff_slices_deadline(alg, base, side, deadline) {
        let (tag, old, new) = op.as_tag_tuple();
        let (ol, nl) = (old.len(), new.len());
        if tag == DiffTag::Equal {
            o += ol;
            n += nl;
            continue;
        }
        let hunk = Hunk {
            old: o..o + ol,
            new: n..n + nl,
        };
        (o, n) = (o + ol, n + nl);
        match out.last_mut() {
            Some(last) if last.old.end == hunk.old.start && last.new.end == hunk.new.start => {
                last.old.end = hunk.old.end;
                last.new.end = hunk.new.end;
            }
            _ => out.push(hunk),
        }
    }
    out
}

/// Do two changes of `base` touch the same part of it? Two insertions at one point do (their
/// order would be a guess), so does an insertion inside a replaced range; an insertion at the
/// edge of a replaced range does not.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// How much longer a side is than base over the hunks `hs`.
fn growth(hs: &[Hunk]) -> isize {
    hs.iter()
        .map(|h| h.new.len().cast_signed() - h.old.len().cast_signed())
        .sum()
}

fn shifted(pos: usize, shift: isize) -> usize {
    pos.checked_add_signed(shift).unwrap_or(0)
}

fn merge_slices<'a, T: Hash + Eq + Ord>(
    base: &'a [T],
    mine: &'a [T],
    theirs: &'a [T],
    alg: Algorithm,
) -> Vec<Piece<'a, T>> {
    let hm = hunks(base, mine, alg);
    let ht = hunks(base, theirs, alg);
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    // Base is emitted up to `at`; each side is longer than base by its shift up to there.
    let (mut at, mut shift_m, mut shift_t) = (0usize, 0isize, 0isize);
    while i < hm.len() || j < ht.len() {
        let key = |h: &Hunk| (h.old.start, h.old.end);
        let take_mine = match (hm.get(i), ht.get(j)) {
            (Some(a), Some(b)) => key(a) <= key(b),
            (a, _) => a.is_some(),
        };
        // A region of base: the first hunk, grown by every hunk of either side overlapping it.
        let (mut mi, mut ti) = (i, j);
        let mut region = if take_mine {
            hm[i].old.clone()
        } else {
            ht[j].old.clone()
        };
        if take_mine {
            mi += 1;
        } else {
            ti += 1;
        }
        loop {
            let grow = |h: &Hunk, r: &Range<usize>| r.start.min(h.old.start)..r.end.max(h.old.end);
            if let Some(h) = hm.get(mi).filter(|h| overlaps(&h.old, &region)) {
                region = grow(h, &region);
                mi += 1;
            } else if let Some(h) = ht.get(ti).filter(|h| overlaps(&h.old, &region)) {
                region = grow(h, &region);
                ti += 1;
            } else {
                break;
            }
        }
        if at < region.start {
            out.push(Piece::Clean(
                &mine[shifted(at, shift_m)..shifted(region.start, shift_m)],
            ));
        }
        let (dm, dt) = (growth(&hm[i..mi]), growth(&ht[j..ti]));
        let m = &mine[shifted(region.start, shift_m)..shifted(region.end, shift_m + dm)];
        let t = &theirs[shifted(region.start, shift_t)..shifted(region.end, shift_t + dt)];
        if ti == j || m == t {
            out.push(Piece::Clean(m));
        } else if mi == i {
            out.push(Piece::Clean(t));
        } else {
            out.push(Piece::Conflict {
                base: &base[region.clone()],
                mine: m,
                theirs: t,
            });
        }
        (shift_m, shift_t, at) = (shift_m + dm, shift_t + dt, region.end);
        (i, j) = (mi, ti);
    }
    let from = shifted(at, shift_m);
    if from < mine.len() {
        out.push(Piece::Clean(&mine[from..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::merge;

    #[test]
    fn a_change_of_theirs_lands_beside_one_of_mine() {
        let base = "a\nb\nc\nd\n";
        let mine = "a\nB mine\nc\nd\n";
        let theirs = "a\nb\nc\nD theirs\n";
        let m = merge(base, mine, theirs);
        assert_eq!(m.text, "a\nB mine\nc\nD theirs\n");
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn one_line_changed_by_both_merges_by_characters() {
        let base = "- **Supports** · talks: x[^p1]\n";
        let mine = "- **Supports** · talks: x[^p1] (check this)\n";
        let theirs = "- **Opposes** · talks: x[^p1]\n";
        let m = merge(base, mine, theirs);
        assert_eq!(m.text, "- **Opposes** · talks: x[^p1] (check this)\n");
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn the_same_words_changed_by_both_keep_mine_and_say_so() {
        let m = merge("x\nsaid yes\ny\n", "x\nsaid no\ny\n", "x\nsaid maybe\ny\n");
        assert_eq!(m.text, "x\nsaid no\ny\n");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].theirs, "said maybe\n");
    }

    #[test]
    fn removals_and_insertions_of_theirs_apply_around_mine() {
        let base = "h\n- one\n- two\n- three\n\n[^1]: a\n[^2]: b\n";
        let mine = "h\nMy paragraph.\n- one\n- two\n- three\n\n[^1]: a\n[^2]: b\n";
        let theirs = "h\n- one\n- three\n- four\n\n[^1]: a\n";
        let m = merge(base, mine, theirs);
        assert_eq!(
            m.text,
            "h\nMy paragraph.\n- one\n- three\n- four\n\n[^1]: a\n"
        );
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn identical_changes_on_both_sides_apply_once() {
        let m = merge("a\nb\n", "a\nc\n", "a\nc\n");
        assert_eq!(m.text, "a\nc\n");
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn nothing_changed_by_theirs_leaves_mine_as_is() {
        let mine = "entirely\nmy own\ntext";
        assert_eq!(merge("a\nb\n", mine, "a\nb\n").text, mine);
        assert_eq!(merge("", "", "").text, "");
        assert_eq!(merge("", "mine", "").text, "mine");
        assert_eq!(merge("", "", "theirs").text, "theirs");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::merge;

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec!["a\n", "b\n", "c\n", "\n", "d", "é\n"]),
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn one_sided_changes_come_through_whole(base in text(), other in text()) {
            prop_assert_eq!(merge(&base, &other, &base).text, other.clone());
            prop_assert_eq!(merge(&base, &base, &other).text, other.clone());
            let m = merge(&base, &other, &other);
            prop_assert_eq!(m.text, other);
            prop_assert!(m.conflicts.is_empty());
        }

        #[test]
        fn a_clean_merge_does_not_depend_on_which_side_is_mine(base in text(), mine in text(), theirs in text()) {
            let a = merge(&base, &mine, &theirs);
            let b = merge(&base, &theirs, &mine);
            prop_assert_eq!(a.conflicts.is_empty(), b.conflicts.is_empty());
            if a.conflicts.is_empty() {
                prop_assert_eq!(a.text, b.text);
            }
        }
    }
}
