//! Links between notes, rewritten when a note is renamed: `[[Old]]`, `[[Old|alias]]`,
//! `[[Old#Heading]]`, `![[Old]]` and Markdown links `[text](Old%20name.md)` (relative to the
//! linking note). Code spans and fenced blocks are left alone: they show links, not make them.

/// `text` with its links to the note at `old_rel` (relative to the vault, `/` separators)
/// pointing at `new_rel` instead; `None` when it has none. `from_rel` is the linking note
/// (Markdown links are relative to its folder).
#[must_use]
pub fn rewrite_links(text: &str, from_rel: &str, old_rel: &str, new_rel: &str) -> Option<String> {
    let old_stem = stem_of(old_rel);
    let new_stem = stem_of(new_rel);
    if old_stem.is_empty() {
        return None;
    }
    let from_dir = from_rel.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            out.push_str(line);
            continue;
        }
        if in_fence || !(line.contains("[[") || line.contains("](")) {
            out.push_str(line);
            continue;
        }
        let links = Links {
            old_stem,
            new_stem,
            old_rel,
            from_dir,
        };
        changed |= links.line(line, &mut out);
    }
    changed.then_some(out)
}

/// The file name of `rel` without `.md`.
fn stem_of(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".md").unwrap_or(name)
}

struct Links<'a> {
    old_stem: &'a str,
    new_stem: &'a str,
    old_rel: &'a str,
    from_dir: &'a str,
}

impl Links<'_> {
    /// Copies `line` to `out` with its links rewritten; true when one was.
    fn line(&self, line: &str, out: &mut String) -> bool {
        let mut changed = false;
        let mut rest = line;
        let mut in_code = false;
        while !rest.is_empty() {
            let tick = rest.find('`');
            let wiki = rest.find("[[");
            let md = rest.find("](");
            let link = if in_code {
                None
            } else {
                [wiki, md].into_iter().flatten().min()
            };
            match (tick, link) {
                (Some(t), l) if l.is_none_or(|l| t < l) => {
                    out.push_str(&rest[..=t]);
                    rest = &rest[t + 1..];
                    in_code = !in_code;
                }
                (_, Some(l)) if Some(l) == wiki => {
                    let Some(close) = rest[l + 2..].find("]]") else {
                        out.push_str(rest);
                        return changed;
                    };
                    out.push_str(&rest[..l + 2]);
                    let inner = &rest[l + 2..l + 2 + close];
                    match self.wikilink(inner) {
                        Some(new) => {
                            out.push_str(&new);
                            changed = true;
                        }
                        None => out.push_str(inner),
                    }
                    out.push_str("]]");
                    rest = &rest[l + 2 + close + 2..];
                }
                (_, Some(l)) => {
                    let Some(close) = rest[l + 2..].find(')') else {
                        out.push_str(rest);
                        return changed;
                    };
                    out.push_str(&rest[..l + 2]);
                    let target = &rest[l + 2..l + 2 + close];
                    match self.markdown_target(target) {
                        Some(new) => {
                            out.push_str(&new);
                            changed = true;
                        }
                        None => out.push_str(target),
                    }
                    out.push(')');
                    rest = &rest[l + 2 + close + 1..];
                }
                _ => {
                    out.push_str(rest);
                    return changed;
                }
            }
        }
        changed
    }

    /// The inside of `[[…]]` pointing at the new name, when it points at the old one.
    /// Obsidian resolves a wikilink by file name (any folder, case-insensitive), so the name
    /// is compared, and a folder the link spells out is kept.
    fn wikilink(&self, inner: &str) -> Option<String> {
        let end = inner.find(['#', '|']).unwrap_or(inner.len());
        let (target, tail) = inner.split_at(end);
        // In a table the alias bar is escaped (`[[Name\|alias]]`): the backslash is no name's.
        let (target, tail) = match target.strip_suffix('\\') {
            Some(t) => (t, &inner[t.len()..]),
            None => (target, tail),
        };
        let (dir, name) = match target.rsplit_once('/') {
            Some((d, n)) => (Some(d), n),
            None => (None, target),
        };
        let (name, ext) = match name.strip_suffix(".md") {
            Some(n) => (n, ".md"),
            None => (name, ""),
        };
        if name.trim().to_lowercase() != self.old_stem.to_lowercase() {
            return None;
        }
        // A folder spelled out must be the renamed note's (`[[old/Name]]` is another file).
        let old_dir = self.old_rel.rsplit_once('/').map_or("", |(d, _)| d);
        if dir.is_some_and(|d| d.trim_start_matches('/').to_lowercase() != old_dir.to_lowercase()) {
            return None;
        }
        let dir = dir.map(|d| format!("{d}/")).unwrap_or_default();
        Some(format!("{dir}{}{ext}{tail}", self.new_stem))
    }

    /// A Markdown link's target pointing at the new file, when it points at the old one
    /// (relative to the linking note, `%20` or `<…>` for spaces kept as written).
    fn markdown_target(&self, target: &str) -> Option<String> {
        let (angle, bare) = match target.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            Some(b) => (true, b),
            None => (false, target),
        };
        if bare.contains("://") || bare.starts_with('#') {
            return None;
        }
        let end = bare.find('#').unwrap_or(bare.len());
        let (path, fragment) = bare.split_at(end);
        let decoded = percent_decode(path);
        if !decoded.ends_with(".md") || resolve(self.from_dir, &decoded)? != self.old_rel {
            return None;
        }
        let new_name = format!("{}.md", self.new_stem);
        // Written as the old link was: `<…>` and bare spaces as they are, else escaped.
        let new_name = if angle || path.contains(' ') {
            new_name
        } else {
            encode(&new_name)
        };
        let cut = path.rfind('/').map_or(0, |i| i + 1);
        let new = format!("{}{new_name}{fragment}", &path[..cut]);
        Some(if angle { format!("<{new}>") } else { new })
    }
}

/// `rel` resolved against `dir` (both relative to the vault); `None` when it leaves the vault.
fn resolve(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// `%XX` escapes decoded (a malformed one is kept as written).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// A file name fit for a Markdown link target: the characters that end or break one escaped.
fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

/// `text` with its first `# ` heading set to `new_title` when that heading is `old_title`
/// (an analyst who retitled the heading by hand keeps theirs); `None` otherwise.
#[must_use]
pub fn retitle_h1(text: &str, old_title: &str, new_title: &str) -> Option<String> {
    let body_start = crate::frontmatter::split(text).ok()?.body_start;
    let mut offset = body_start;
    let mut in_fence = false;
    for line in text[body_start..].split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence && let Some(h) = line.strip_prefix("# ") {
            let eol = &h[h.trim_end_matches(['\n', '\r']).len()..];
            if h.trim() != old_title.trim() {
                return None;
            }
            let start = offset;
            let end = offset + line.len();
            return Some(format!(
                "{}# {new_title}{eol}{}",
                &text[..start],
                &text[end..]
            ));
        }
        offset += line.len();
    }
    None
}
