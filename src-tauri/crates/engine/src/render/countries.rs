//! ISO 3166-1 codes for country parties, read from the country gazetteer the party finder
//! uses (`data/countries.tsv`: name, code, demonyms, other names), so the two never disagree.

use std::sync::LazyLock;

/// (lower-cased name or alias, ISO code), sorted by name.
static CODES: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for line in include_str!("../../data/countries.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(name), Some(code)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let code = code.trim();
        if code.len() != 2 {
            continue;
        }
        v.push((name.trim().to_lowercase(), code));
        for alias in cols.get(3).map_or("", |s| s).split(',') {
            if !alias.trim().is_empty() {
                v.push((alias.trim().to_lowercase(), code));
            }
        }
    }
    v.sort();
    v.dedup_by(|a, b| a.0 == b.0);
    v
});

/// The ISO code of a country by name or alias ("Ukraine" → "UA"), if it is one.
pub(super) fn iso_code(name: &str) -> Option<&'static str> {
    let key = name.trim().trim_start_matches("the ").to_lowercase();
    CODES
        .binary_search_by(|(n, _)| n.as_str().cmp(key.as_str()))
        .ok()
        .map(|i| CODES[i].1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_codes_by_name_and_alias() {
        assert_eq!(super::iso_code("Ukraine"), Some("UA"));
        assert_eq!(super::iso_code("Atlantis"), None);
    }
}
