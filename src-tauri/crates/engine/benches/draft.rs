//! Drafting speed over synthetic articles of about 1k, 10k and 100k words, built from
//! sentences written for this benchmark (names and numbers rotate so the text is not one
//! repeated paragraph), and over lines of 100 KB and 1 MB with no sentence punctuation (one
//! sentence as long as the text, where a stage that rescans its sentence per mention turns
//! quadratic). Reports words per second: `cargo bench -p attache-engine --bench draft`; the
//! cost should grow linearly with the size (10x the words, about 10x the time).

use attache_engine::{DraftOptions, draft};
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

const PEOPLE: &[(&str, &str)] = &[
    ("Russian President", "Anton Volkov"),
    ("Ukrainian Foreign Minister", "Olena Marchenko"),
    ("US Secretary of State", "Daniel Brooks"),
    ("Hungarian Prime Minister", "Gabor Kiss"),
    ("German Chancellor", "Katrin Vogel"),
];

/// One paragraph group in the style of a wire story, varied by `i`.
fn paragraph(i: usize) -> String {
    let (title, name) = PEOPLE[i % PEOPLE.len()];
    let (_, other) = PEOPLE[(i + 2) % PEOPLE.len()];
    let surname = name.rsplit(' ').next().unwrap_or(name);
    format!(
        "{title} {name} said on Monday that talks with {other} could resume within {n} days. \
         “We are ready to meet in Geneva, but only if the shelling stops,” {surname} told reporters. \
         The Kremlin confirmed preparations for round {n}, calling the call “frank and useful.”\n\n\
         According to a senior US official, the International Criminal Court (ICC) was not discussed. \
         Analysts warn the ceasefire remains fragile, and diplomats said {n} observers would be sent. \
         “It is too early to say,” said the spokesperson. “We will see.”\n\n",
        n = 3 + i % 17
    )
}

fn article(words: usize) -> String {
    let mut text = String::from("Talks resume\n\n");
    let mut i = 0;
    while text.split_whitespace().count() < words {
        text.push_str(&paragraph(i));
        i += 1;
    }
    text
}

#[divan::bench(args = [1_000, 10_000, 100_000])]
fn draft_article(bencher: divan::Bencher<'_, '_>, words: usize) {
    let text = article(words);
    let n = text.split_whitespace().count();
    let options = DraftOptions::default();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| draft(divan::black_box(&text), &options).map(|b| b.positions.len()));
}

/// A line of `bytes` bytes without sentence punctuation: cue words, names and lower-case
/// words, so every stage has something to find in one sentence as long as the text.
fn unpunctuated_line(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "word",
        "Putin",
        "said",
        "Kremlin",
        "the",
        "talks",
        "would",
        "resume",
        "in",
        "Geneva",
        "minister",
        "government",
    ];
    let mut text = String::with_capacity(bytes + 16);
    let mut i = 0_usize;
    while text.len() < bytes {
        // A stride coprime with the list's length, so the order does not repeat every line.
        text.push_str(WORDS[(i * 7 + i / WORDS.len()) % WORDS.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

#[divan::bench(args = [100_000, 1_000_000], sample_count = 10)]
fn draft_unpunctuated_line(bencher: divan::Bencher<'_, '_>, bytes: usize) {
    let text = unpunctuated_line(bytes);
    let n = text.split_whitespace().count();
    let options = DraftOptions::default();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| draft(divan::black_box(&text), &options).map(|b| b.positions.len()));
}
