//! `[[wikilinks]]` as plain text, for readers outside the vault.

/// `[[Target]]` → `Target`, `[[Target|Shown]]` → `Shown`, `[[Target#Heading]]` →
/// `Target > Heading`, `![[embed]]` → `embed`. Code spans and fenced blocks are left alone.
#[must_use]
pub fn flatten_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if in_fence || !line.contains("[[") {
            out.push_str(line);
        } else {
            flatten_line(line, &mut out);
        }
    }
    out
}

fn flatten_line(line: &str, out: &mut String) {
    let mut rest = line;
    let mut in_code = false;
    while !rest.is_empty() {
        let next_tick = rest.find('`');
        let next_link = if in_code { None } else { rest.find("[[") };
        match (next_tick, next_link) {
            (Some(t), l) if l.is_none_or(|l| t < l) => {
                out.push_str(&rest[..=t]);
                rest = &rest[t + 1..];
                in_code = !in_code;
            }
            (_, Some(l)) => {
                let Some(close) = rest[l + 2..].find("]]") else {
                    out.push_str(rest);
                    return;
                };
                let embed = l > 0 && rest.as_bytes()[l - 1] == b'!';
                out.push_str(&rest[..if embed { l - 1 } else { l }]);
                let inner = &rest[l + 2..l + 2 + close];
                let shown = match inner.split_once('|') {
                    Some((_, alias)) => alias.trim().to_owned(),
                    None => inner.trim().replace('#', " > "),
                };
                out.push_str(&shown);
                rest = &rest[l + 2 + close + 2..];
            }
            _ => {
                out.push_str(rest);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_obsidian_links_but_not_code() {
        assert_eq!(
            flatten_links(
                "See [[Vladimir Putin]] and [[UN|the UN]], ![[map.png]], [[Note#Dates]]; `[[code]]`\n"
            ),
            "See Vladimir Putin and the UN, map.png, Note > Dates; `[[code]]`\n"
        );
        assert_eq!(
            flatten_links("```\n[[kept]]\n```\n"),
            "```\n[[kept]]\n```\n"
        );
        assert_eq!(flatten_links("unclosed [[link\n"), "unclosed [[link\n");
    }
}
