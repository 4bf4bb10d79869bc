//! Writing article text into Markdown so that it renders literally: the characters Markdown,
//! GitHub-flavoured extensions and Obsidian give meaning to are escaped, line breaks become
//! spaces, and a line never starts with something that opens a block.

/// Characters escaped wherever they appear (all are ASCII punctuation, so `\` escapes them in
/// CommonMark). `$` is Obsidian's maths, `#` its tags, `|` and `~` GFM's tables and strikes.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '#',
];

/// `s` as literal inline Markdown on one line.
pub(super) fn inline(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    for c in one_line.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    block_safe(out)
}

/// Escapes a leading list marker, block quote, heading or ordered-list number, so text placed at
/// the start of a line stays a paragraph ("1. First" would start a list; "- x" a bullet).
fn block_safe(s: String) -> String {
    let first = s.chars().next();
    match first {
        Some('-' | '+' | '>' | '#' | '=') => format!("\\{s}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = s.chars().take_while(char::is_ascii_digit).count();
            match s[digits..].chars().next() {
                Some(p @ ('.' | ')')) => format!("{}\\{p}{}", &s[..digits], &s[digits + 1..]),
                _ => s,
            }
        }
        _ => s,
    }
}

/// A name fit for a wikilink target: without the characters Obsidian reserves in links.
pub(super) fn link_target(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | '|' | '#' | '^' | '\\' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A path component for a Markdown link: spaces and reserved characters percent-encoded.
pub(super) fn url_path(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_inline_specials() {
        assert_eq!(inline("a *b* _c_ [d](e)"), r"a \*b\* \_c\_ \[d\](e)");
        assert_eq!(inline("<script> & $x$"), r"\<script\> \& \$x\$");
    }

    #[test]
    fn collapses_lines_and_guards_line_starts() {
        assert_eq!(inline("one\ntwo\r\n  three"), "one two three");
        assert_eq!(inline("- not a bullet"), r"\- not a bullet");
        assert_eq!(inline("2025. A year"), r"2025\. A year");
        assert_eq!(inline("# not a heading"), r"\# not a heading");
        assert_eq!(inline("3) item"), r"3\) item");
    }

    #[test]
    fn link_targets_lose_reserved_characters() {
        assert_eq!(link_target("A|B [x]"), "A B x");
        assert_eq!(url_path("Vladimir Putin"), "Vladimir%20Putin");
    }
}
