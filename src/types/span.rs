//! Spans: half-open byte ranges into the analyzed text.
//!
//! Every annotation newslens produces points back into the input with a [`Span`].
//! Spans are byte offsets (like `aho-corasick` and `regex`); code-point offsets are
//! computed once, at the output edge, by [`CharIndex`].

use std::ops::Range;

use crate::util::swar::load8;

/// A half-open byte range `[start, end)` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is the caller's duty.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The slice of `text` this span covers.
    ///
    /// Panics if the span is out of range or not on character boundaries; spans made
    /// by newslens for a text always are.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The same range as a `Range<usize>`.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A set of spans kept sorted, answering "does anything overlap this span?" in
/// O(log n). Spans in the set may nest but are assumed not to cross partially.
#[derive(Clone, Debug, Default)]
pub struct SpanSet {
    spans: Vec<Span>,
}

impl SpanSet {
    /// A set of these spans.
    pub fn new(mut spans: Vec<Span>) -> SpanSet {
        spans.sort_unstable();
        SpanSet { spans }
    }

    /// True when a span of the set shares a byte with `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        // The first span that could overlap starts before `span` ends; spans are
        // sorted by start, so look at those starting before span.end, from the last.
        let i = self.spans.partition_point(|s| s.start < span.end);
        self.spans[..i]
            .iter()
            .rev()
            .take_while(|s| s.start + MAX_SPAN >= span.start)
            .any(|s| s.overlaps(span))
    }

    /// Adds a span.
    pub fn insert(&mut self, span: Span) {
        let i = self.spans.partition_point(|s| *s < span);
        self.spans.insert(i, span);
    }
}

/// Spans longer than this are not looked for by [`SpanSet::overlaps`] beyond it: no
/// entity mention is this long (a 1 KiB name).
pub(crate) const MAX_SPAN: usize = 1024;

/// Converts byte offsets to Unicode code-point offsets in O(1) time.
///
/// For ASCII text the two are equal and nothing is stored. Otherwise the index keeps
/// the code-point count before every 8-byte block (half a byte of index per byte of
/// text), and counts the few bytes before the offset in its block with one masked
/// 8-byte load.
#[derive(Debug)]
pub struct CharIndex<'t> {
    text: &'t str,
    /// Code points before each 8-byte block; empty for ASCII text.
    blocks: Vec<u32>,
}

const BLOCK: usize = 8;

/// The UTF-8 continuation bytes (`10xxxxxx`) of `x`, as their top bits.
#[inline]
fn continuation_bits(x: u64) -> u64 {
    x & !(x << 1) & crate::util::swar::HIGH
}

impl<'t> CharIndex<'t> {
    /// Builds the index for `text` (one pass, eight bytes at a time).
    pub fn new(text: &'t str) -> CharIndex<'t> {
        if text.is_ascii() {
            return CharIndex {
                text,
                blocks: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for at in (0..bytes.len()).step_by(BLOCK) {
            blocks.push(count);
            let n = (bytes.len() - at).min(BLOCK) as u32;
            count += n - continuation_bits(load8(bytes, at)).count_ones();
        }
        CharIndex { text, blocks }
    }

    /// The code-point offset of byte offset `byte` (which must be on a char boundary
    /// or equal to the text length).
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let bytes = self.text.as_bytes();
        let block = byte / BLOCK;
        let within = byte % BLOCK;
        if block >= self.blocks.len() {
            // Only `byte == len` with len a multiple of BLOCK lands here: the last block
            // counted whole.
            let last = self.blocks.len() - 1;
            let x = load8(bytes, last * BLOCK);
            let n = (bytes.len() - last * BLOCK) as u32;
            return (self.blocks[last] + n - continuation_bits(x).count_ones()) as usize;
        }
        if within == 0 {
            return self.blocks[block] as usize;
        }
        // The `within` bytes of the block before `byte`.
        let x = load8(bytes, block * BLOCK) & (u64::MAX >> (8 * (BLOCK - within)));
        self.blocks[block] as usize + within - continuation_bits(x).count_ones() as usize
    }

    /// Code-point offsets `(char_start, char_end)` of a span.
    #[inline]
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_char_indices() {
        let text = "Zürich’s “mayor” said 3.5% — ok. 日本語のテキスト and more ascii text to cross a block boundary of sixty-four bytes ✓";
        let idx = CharIndex::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("plain ascii");
        assert_eq!(idx.chars(Span::new(2, 7)), (2, 7));
    }

    #[test]
    fn block_aligned_end() {
        for n in 1..40 {
            let text = "é".repeat(n); // 2n bytes: a multiple of the block every 4
            let idx = CharIndex::new(&text);
            assert_eq!(idx.char_offset(2 * n), n, "{n}");
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_offset(bi), ci, "{n} byte {bi}");
            }
        }
    }

    #[test]
    fn span_set() {
        let mut set = SpanSet::new(vec![Span::new(10, 20), Span::new(0, 5)]);
        assert!(set.overlaps(Span::new(4, 6)));
        assert!(!set.overlaps(Span::new(5, 10)));
        assert!(set.overlaps(Span::new(12, 13)));
        assert!(!set.overlaps(Span::new(20, 30)));
        set.insert(Span::new(25, 26));
        assert!(set.overlaps(Span::new(20, 30)));
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(a.len(), 5);
    }
}
