//! Drafting speed over synthetic articles of about 1k, 10k and 100k words, built from
//! sentences written for this benchmark (names and numbers rotate so the text is not one
//! repeated paragraph). Reports words per second: `cargo bench -p attache-engine`.

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
