//! [`StrMap`]: a string-keyed hash map for the hottest lookup (the word vocabulary,
//! once per token), with keys of up to 16 bytes stored inline; and [`U64Map`], an
//! integer-keyed map for the models' feature weights. Both rest on [`OpenMap`].
//!
//! [`OpenMap`] is open addressing with linear probing over integer keys, and can
//! [`prefetch`] a key's slot: its tables are larger than the processor's caches, so a
//! lookup waits on memory, and a caller that knows its keys ahead (every token of a
//! document, every feature of a candidate) asks for all their slots first so that the
//! waits overlap.
//!
//! [`prefetch`]: OpenMap::prefetch
//!
//! A `HashMap<Box<str>, V>` lookup hashes the string, probes, and then follows the
//! key's pointer to compare it. Here a short key is one `u128` (its bytes,
//! zero-padded), kept in the slot next to its value: a lookup hashes two machine words
//! and compares one integer per probe. Longer keys go to an ordinary map. (The
//! gazetteer's forms have their own table of this kind, `gazetteer::Forms`, whose
//! slots also carry what a walk along a name needs.)

use rustc_hash::FxHashMap;

/// Asks the processor to bring the cache line at `p` in (a hint that changes
/// nothing else).
#[inline]
pub(crate) fn prefetch_line<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch never faults, whatever the address, and has no effect the
        // program can observe; callers pass addresses inside their own tables anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `n` copies of `value`, in huge pages where the system gives them on request.
///
/// The models' and the vocabulary's tables span megabytes of memory read at random:
/// in 4 KB pages they need more address translations than the processor keeps, so
/// on Linux the vector's pages are advised to be huge (2 MB; `madvise`, a hint the
/// kernel may ignore) before they are first written.
pub(crate) fn vec_in_huge_pages<T: Clone>(n: usize, value: T) -> Vec<T> {
    let mut v = with_capacity_in_huge_pages(n);
    v.resize(n, value);
    v
}

/// An empty vector with room for `n` values, whose pages are advised to be huge as in
/// [`vec_in_huge_pages`] (for a large vector written once, such as the lexicon's
/// entries: a few 2 MB page faults instead of thousands of 4 KB ones).
pub(crate) fn with_capacity_in_huge_pages<T>(n: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let start = v.as_ptr() as usize;
        let from = start.next_multiple_of(PAGE);
        let to = (start + n * std::mem::size_of::<T>()) & !(PAGE - 1);
        if to > from {
            // SAFETY: advice on whole pages inside our own allocation, not yet
            // written; it changes how the kernel backs them, not their contents.
            unsafe {
                libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE);
            }
        }
    }
    v
}

/// An integer key of an [`OpenMap`]: its slot in a table of `64 - shift` bits.
pub(crate) trait SlotKey: Copy + Eq + Default {
    /// The first slot to probe for the key (Fibonacci hashing of its bits).
    fn slot(self, shift: u32) -> usize;
}

/// Fibonacci hashing's multiplier (2^64 / golden ratio).
pub(crate) const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

impl SlotKey for u64 {
    #[inline]
    fn slot(self, shift: u32) -> usize {
        (self.wrapping_mul(MUL) >> shift) as usize
    }
}

impl SlotKey for u128 {
    #[inline]
    fn slot(self, shift: u32) -> usize {
        let h = ((self as u64) ^ ((self >> 64) as u64).rotate_left(29)).wrapping_mul(MUL);
        (h >> shift) as usize
    }
}

/// A map from non-zero integer keys to `V`: open addressing with linear probing over
/// `(key, value)` slots, at most half full; key 0 marks an empty slot.
#[derive(Clone, Debug)]
pub(crate) struct OpenMap<K, V> {
    slots: Vec<(K, V)>,
    len: usize,
    shift: u32,
}

/// The models' feature weights by 64-bit key.
pub(crate) type U64Map<V> = OpenMap<u64, V>;

/// Short keys ([`short_key`]) to values: the inline half of a [`StrMap`].
type ShortMap<V> = OpenMap<u128, V>;

impl<K, V> Default for OpenMap<K, V> {
    fn default() -> Self {
        OpenMap {
            slots: Vec::new(),
            len: 0,
            shift: 64,
        }
    }
}

impl<K: SlotKey, V: Copy + Default> OpenMap<K, V> {
    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: K) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = key.slot(self.shift);
        loop {
            let k = self.slots[i].0;
            if k == key || k == K::default() {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: K) -> Option<&V> {
        if self.slots.is_empty() || key == K::default() {
            return None;
        }
        let slot = &self.slots[self.find(key)];
        (slot.0 == key).then_some(&slot.1)
    }

    /// Asks the processor to bring the slot of `key` into its caches (a hint that
    /// changes nothing else), for a [`OpenMap::get`] of the same key soon after.
    #[inline]
    pub(crate) fn prefetch(&self, key: K) {
        if !self.slots.is_empty() {
            prefetch_line(self.slots.as_ptr().wrapping_add(key.slot(self.shift)));
        }
    }

    /// Room for `n` more keys without growing.
    pub(crate) fn reserve(&mut self, n: usize) {
        let want = ((self.len + n) * 2).next_power_of_two().max(64);
        if want > self.slots.len() {
            self.resize(want);
        }
    }

    fn resize(&mut self, cap: usize) {
        let empty = (K::default(), V::default());
        let old = std::mem::replace(&mut self.slots, vec_in_huge_pages(cap, empty));
        self.shift = 64 - cap.trailing_zeros();
        self.len = 0;
        for (k, v) in old {
            if k != K::default() {
                self.insert(k, v);
            }
        }
    }

    /// Sets the value of `key` (not 0); returns the value it replaces.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        assert!(key != K::default(), "open map keys are not 0");
        if (self.len + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(64));
        }
        let i = self.find(key);
        let slot = &mut self.slots[i];
        if slot.0 == K::default() {
            self.len += 1;
            *slot = (key, value);
            None
        } else {
            Some(std::mem::replace(&mut slot.1, value))
        }
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Calls `f` on every value (in no particular order).
    fn for_each_value(&mut self, mut f: impl FnMut(&mut V)) {
        for (k, v) in &mut self.slots {
            if *k != K::default() {
                f(v);
            }
        }
    }
}

/// A key of up to 16 bytes as one integer, zero-padded; `None` for an empty or longer
/// key. Keys must not end in NUL bytes (no word or name does), or they would collide
/// with the shorter key without them.
#[inline]
pub(crate) fn short_key(key: &[u8]) -> Option<u128> {
    if key.len() > 16 || key.is_empty() {
        return None;
    }
    Some(crate::util::swar::load16(key, 0, key.len()))
}

/// A map from strings to `V`: keys of up to 16 bytes inline, longer ones boxed.
#[derive(Clone, Debug)]
pub(crate) struct StrMap<V> {
    short: ShortMap<V>,
    long: FxHashMap<Box<str>, V>,
}

impl<V> Default for StrMap<V> {
    fn default() -> Self {
        StrMap {
            short: ShortMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V: Copy + Default> StrMap<V> {
    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        match short_key(key.as_bytes()) {
            Some(k) => self.short.get(k),
            None => self.long.get(key),
        }
    }

    /// The value of a short key already packed by [`short_key`] (or an equal integer).
    #[inline]
    pub(crate) fn get_short(&self, key: u128) -> Option<&V> {
        self.short.get(key)
    }

    /// Calls `f` on every value (in no particular order).
    pub(crate) fn for_each_value(&mut self, mut f: impl FnMut(&mut V)) {
        self.short.for_each_value(&mut f);
        self.long.values_mut().for_each(f);
    }

    /// [`OpenMap::prefetch`] for a short key.
    #[inline]
    pub(crate) fn prefetch_short(&self, key: u128) {
        self.short.prefetch(key);
    }

    /// Room for about `n` more short keys without growing.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }

    /// Sets the value of `key`.
    pub(crate) fn insert(&mut self, key: &str, value: V) {
        match short_key(key.as_bytes()) {
            Some(k) => {
                self.short.insert(k, value);
            }
            None => {
                self.long.insert(key.into(), value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_keys() {
        let mut m = StrMap::default();
        let words = [
            "a",
            "ab",
            "Zürich",
            "sixteen-letters!",
            "seventeen letters",
            "",
        ];
        for (i, w) in words.iter().enumerate().take(5) {
            m.insert(w, i as u32);
        }
        for (i, w) in words.iter().enumerate().take(5) {
            assert_eq!(m.get(w), Some(&(i as u32)), "{w}");
        }
        assert_eq!(m.get(""), None);
        assert_eq!(m.get("abc"), None);
        assert_eq!(m.get("sixteen-letters"), None);
        m.insert("ab", 9);
        assert_eq!(m.get("ab"), Some(&9));
        // Growing keeps every key.
        for i in 0..5000u32 {
            m.insert(&format!("w{i}"), i);
        }
        assert!((0..5000u32).all(|i| m.get(&format!("w{i}")) == Some(&i)));
        assert_eq!(m.get_short(short_key(b"a").unwrap()), Some(&0));
    }

    #[test]
    fn u64_map_keys() {
        let mut m = U64Map::default();
        assert_eq!(m.get(7), None);
        m.prefetch(7);
        for k in 1..=10_000u64 {
            assert_eq!(m.insert(k.wrapping_mul(0x1234_5678_9abc_def1), k), None);
        }
        assert_eq!(m.len(), 10_000);
        assert!((1..=10_000u64).all(|k| m.get(k.wrapping_mul(0x1234_5678_9abc_def1)) == Some(&k)));
        assert_eq!(m.get(0), None);
        assert_eq!(m.get(3), None);
        assert_eq!(m.insert(0x1234_5678_9abc_def1, 5), Some(1));
        assert_eq!(m.get(0x1234_5678_9abc_def1), Some(&5));
        assert_eq!(m.len(), 10_000);
    }
}
