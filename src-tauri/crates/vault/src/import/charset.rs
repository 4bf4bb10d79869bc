//! The character encoding of a saved web page: its byte-order mark, else UTF-8 when the bytes
//! are valid UTF-8, else the charset its `<meta>` (or XML declaration) declares, else
//! Windows-1252, the web's default for legacy pages.
//!
//! Valid UTF-8 wins over a declaration because a page in a legacy encoding with any non-ASCII
//! byte is almost never valid UTF-8, while pages re-saved as UTF-8 often keep their old
//! `charset=iso-8859-1` meta tag. Labels follow the WHATWG Encoding Standard (encoding_rs), so
//! `iso-8859-1` and `us-ascii` mean Windows-1252, as in every browser: its curly quotes and
//! dashes (bytes 0x91–0x97) come out as “ ” ‘ ’ – —, not as C1 control characters.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for (browsers look at 1,024 bytes;
/// saved pages often put a long comment or script first).
const PRESCAN_BYTES: usize = 8 * 1024;

/// Decodes a web page's bytes to text, by the rules above.
#[must_use]
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let encoding = declared_charset(bytes).map_or(WINDOWS_1252, |e| {
        // A page declared UTF-8 with a few broken bytes is still UTF-8 (with replacement
        // characters); UTF-16 cannot be declared in a meta tag (no ASCII-compatible prescan).
        if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            e
        }
    });
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding named by the first `<meta charset=…>`, `<meta http-equiv="Content-Type"
/// content="…; charset=…">` or `<?xml … encoding="…"?>` in the page's head.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>", 0).unwrap_or(lower.len());
        if let Some(at) = find(&lower[..end], b"encoding=", 0) {
            return label_at(&lower[..end], at + b"encoding=".len());
        }
    }
    let mut from = 0;
    while let Some(meta) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", meta).unwrap_or(lower.len());
        let tag = &lower[meta..end];
        if let Some(at) = find(tag, b"charset", 0) {
            let mut i = at + b"charset".len();
            while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            if tag.get(i) == Some(&b'=')
                && let Some(e) = label_at(tag, i + 1)
            {
                return Some(e);
            }
        }
        from = end;
    }
    None
}

/// The encoding whose label starts at `at` (after optional spaces and a quote).
fn label_at(s: &[u8], mut at: usize) -> Option<&'static Encoding> {
    while s
        .get(at)
        .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
    {
        at += 1;
    }
    let len = s[at.min(s.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .count();
    Encoding::for_label(&s[at..at + len])
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_quotes_and_dashes_become_punctuation() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>\x93We agree\x94 \x96 caf\xe9</body></html>";
        let text = decode_html(page);
        assert!(text.contains("“We agree” – café"), "{text}");
        // Undeclared legacy bytes are Windows-1252 too.
        assert!(decode_html(b"<p>\x93Yes,\x94 he said</p>").contains("“Yes,” he said"));
    }

    #[test]
    fn declared_charsets_are_honoured() {
        let page = b"<meta charset='koi8-r'><p>\xf0\xd2\xc1\xd7\xc4\xc1</p>";
        assert!(decode_html(page).contains("Правда"));
        let xml = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><p>\xcc\xe8\xf0</p>";
        assert!(decode_html(xml).contains("Мир"));
    }

    #[test]
    fn valid_utf8_and_boms_win_over_a_stale_declaration() {
        let page = "<meta charset=iso-8859-1><p>Élysée “talks”</p>";
        assert_eq!(decode_html(page.as_bytes()), page);
        let mut utf16 = vec![0xff, 0xfe];
        for u in "<p>Genève</p>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_html(&utf16), "<p>Genève</p>");
        assert_eq!(decode_html(b"\xef\xbb\xbf<p>x</p>"), "<p>x</p>");
    }

    #[test]
    fn odd_bytes_do_not_panic() {
        for page in [
            &b"<meta charset="[..],
            b"<meta charset=\"",
            b"<?xml encoding=",
            b"\xff\xfe\x00",
            b"<meta",
        ] {
            let _ = decode_html(page);
        }
    }
}
