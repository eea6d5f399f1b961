//! What the start-up snapshots (`lexicons/entries.bin`, see `lexicon::snapshot`, and
//! `lexicons/gazetteer.bin`, see `gazetteer::snapshot`) share: a header of a
//! four-byte magic, a format version and the stamp of the lexicon files they were
//! made from (`build.rs`), then little-endian fields, read without trusting the bytes
//! (every read is checked; a short file is `None`, never a panic).

/// Reads little-endian fields off the front of a byte slice.
pub(crate) struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    /// A reader of `bytes`, from their start.
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader(bytes)
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    /// The next `N` bytes, as an array.
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    pub(crate) fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.array()?))
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    pub(crate) fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.array()?))
    }

    /// The bytes not read yet.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.0
    }
}

/// A reader of the fields after `bytes`' header, if the header is `magic`, `version`
/// and `stamp`.
pub(crate) fn open<'a>(
    bytes: &'a [u8],
    magic: &[u8; 4],
    version: u32,
    stamp: u64,
) -> Option<Reader<'a>> {
    let mut r = Reader::new(bytes);
    (r.take(4)? == magic && r.u32()? == version && r.u64()? == stamp).then_some(r)
}

/// The header [`open`] reads.
#[cfg(test)]
pub(crate) fn header(magic: &[u8; 4], version: u32, stamp: u64) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&stamp.to_le_bytes());
    out
}

/// With `NEWSLENS_BLESS` set, writes `bytes` to `lexicons/{file}` and returns true
/// (the freshness tests then stop there); otherwise returns false.
#[cfg(test)]
pub(crate) fn bless(file: &str, bytes: &[u8]) -> bool {
    if std::env::var_os("NEWSLENS_BLESS").is_none() {
        return false;
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("lexicons")
        .join(file);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    true
}
