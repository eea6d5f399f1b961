//! Stamps the bundled entity lexicons, so that the start-up snapshots made from them
//! (`lexicons/entries.bin` and `lexicons/gazetteer.bin`, see `src/lexicon/snapshot.rs`
//! and `src/entities/gazetteer/snapshot.rs`) are used only while the files they were made from
//! are the ones embedded. A lexicon edited without writing the snapshots again changes
//! the stamp, and start-up then parses and compiles as before (slower, same output);
//! the test suite names the stale files.

use std::io::Write;

/// The entity lexicons, in the order `src/lexicon/mod.rs` loads them.
const FILES: [&str; 4] = [
    "lexicons/people.tsv",
    "lexicons/organizations.tsv",
    "lexicons/locations.tsv",
    "lexicons/countries.tsv",
];

fn main() {
    // FNV-1a over each file's length and bytes, in load order.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in FILES {
        println!("cargo:rerun-if-changed={f}");
        let text = std::fs::read(f).unwrap_or_else(|e| panic!("reading {f}: {e}"));
        mix(&(text.len() as u64).to_le_bytes());
        mix(&text);
    }
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut file = std::fs::File::create(out.join("lexicon_stamp.rs")).expect("writing OUT_DIR");
    writeln!(
        file,
        "/// Stamp of the bundled entity lexicons (FNV-1a of their lengths and bytes, by `build.rs`).\npub(crate) const BUNDLED_STAMP: u64 = {h:#018x};"
    )
    .expect("writing OUT_DIR");
}
