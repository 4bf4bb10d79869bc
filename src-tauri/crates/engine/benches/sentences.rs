//! Sentence splitting speed over about 1 MB of invented wire-style text with the forms the
//! splitter has to weigh (abbreviations, initials, dotted words, times, quotations, list
//! items): `cargo bench -p attache-engine --bench sentences`. The goal is about 15 ms per MB.

use attache_engine::text::Doc;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

fn paragraph(i: usize) -> String {
    format!(
        "Gen. Anna Berg met Sen. Jon Dale in the U.S. capital at {h} p.m. on Jan. {d}. \
         “Will they sign?” Mr. Dale asked. Officials met in the U.S. The talks ended at \
         {h} p.m. Diplomats left. Shares of Acme Corp. fell {d}.5 percent to $9.99. You \
         could see why, said John F. Kennedy Jr., an analyst at No. {d} Main St.\n\
         Key points:\n- Sanctions remain in place\n- Talks resume in March\n\n",
        h = 1 + i % 12,
        d = 1 + i % 28
    )
}

#[divan::bench]
fn split_one_megabyte(bencher: divan::Bencher<'_, '_>) {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(&paragraph(i));
        i += 1;
    }
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| Doc::new(divan::black_box(&text), 0).sentences.len());
}
