//! [`StrMap`]: a string-keyed hash map for the hottest lookup (the word vocabulary,
//! once per token), with keys of up to 16 bytes stored inline; and [`U64Map`], an
//! integer-keyed map for the models' feature weights.
//!
//! Both are open addressing with linear probing, and both can [`prefetch`] a key's
//! slot: their tables are larger than the processor's caches, so a lookup waits on
//! memory, and a caller that knows its keys ahead (every token of a document, every
//! feature of a candidate) asks for all their slots first so that the waits overlap.
//!
//! [`prefetch`]: U64Map::prefetch
//!
//! A `HashMap<Box<str>, V>` lookup hashes the string, probes, and then follows the
//! key's pointer to compare it. Here a short key is one `u128` (its bytes,
//! zero-padded), kept in the slot next to its value: a lookup hashes two machine words
//! and compares one integer per probe. Longer keys go to an ordinary map. (Tried for
//! the gazetteer's forms too: no faster there, and 20 MB more memory.)

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
    let mut v: Vec<T> = Vec::with_capacity(n);
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
    v.resize(n, value);
    v
}

/// The slot of a 64-bit key in a table of `64 - shift` bits (Fibonacci hashing).
#[inline]
fn slot_of(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// A map from non-zero `u64` keys to `V`: open addressing with linear probing, at
/// most half full; key 0 marks an empty slot.
#[derive(Clone, Debug)]
pub(crate) struct U64Map<V> {
    slots: Vec<(u64, V)>,
    len: usize,
    shift: u32,
}

impl<V> Default for U64Map<V> {
    fn default() -> Self {
        U64Map {
            slots: Vec::new(),
            len: 0,
            shift: 64,
        }
    }
}

impl<V: Copy + Default> U64Map<V> {
    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = slot_of(key, self.shift);
        loop {
            let k = self.slots[i].0;
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<&V> {
        if self.slots.is_empty() || key == 0 {
            return None;
        }
        let slot = &self.slots[self.find(key)];
        (slot.0 == key).then_some(&slot.1)
    }

    /// Brings the slot of `key` into the caches ahead of a [`U64Map::get`].
    #[inline]
    pub(crate) fn prefetch(&self, key: u64) {
        if !self.slots.is_empty() {
            prefetch_line(self.slots.as_ptr().wrapping_add(slot_of(key, self.shift)));
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
        let old = std::mem::replace(&mut self.slots, vec_in_huge_pages(cap, (0, V::default())));
        self.shift = 64 - cap.trailing_zeros();
        self.len = 0;
        for (k, v) in old {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }

    /// Sets the value of `key` (not 0); returns the value it replaces.
    pub(crate) fn insert(&mut self, key: u64, value: V) -> Option<V> {
        assert_ne!(key, 0, "U64Map keys are not 0");
        if (self.len + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(64));
        }
        let i = self.find(key);
        let slot = &mut self.slots[i];
        if slot.0 == 0 {
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
}

/// A key of up to 16 bytes as one integer, zero-padded; `None` for an empty or longer
/// key. Keys must not end in NUL bytes (no word or name does), or they would collide
/// with the shorter key without them.
#[inline]
pub(crate) fn short_key(key: &[u8]) -> Option<u128> {
    if key.len() > 16 || key.is_empty() {
        return None;
    }
    let mut b = [0u8; 16];
    b[..key.len()].copy_from_slice(key);
    Some(u128::from_le_bytes(b))
}

/// Open addressing with linear probing over `(key, value)` slots; key 0 marks an
/// empty slot.
#[derive(Clone, Debug)]
pub(crate) struct ShortMap<V> {
    slots: Vec<(u128, V)>,
    len: usize,
    shift: u32,
}

impl<V> Default for ShortMap<V> {
    fn default() -> Self {
        ShortMap {
            slots: Vec::new(),
            len: 0,
            shift: 64,
        }
    }
}

impl<V: Copy + Default> ShortMap<V> {
    #[inline]
    fn slot(&self, key: u128) -> usize {
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: u128) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.slots[i].0;
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key` (a [`short_key`]).
    #[inline]
    pub(crate) fn get(&self, key: u128) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = &self.slots[self.find(key)];
        (slot.0 == key).then_some(&slot.1)
    }

    /// Asks the processor to bring the slot of `key` into its caches (a hint that
    /// changes nothing else), for a [`ShortMap::get`] of the same key soon after.
    #[inline]
    pub(crate) fn prefetch(&self, key: u128) {
        if !self.slots.is_empty() {
            prefetch_line(self.slots.as_ptr().wrapping_add(self.slot(key)));
        }
    }

    /// Sets the value of `key`.
    pub(crate) fn insert(&mut self, key: u128, value: V) {
        debug_assert_ne!(key, 0);
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.find(key);
        if self.slots[i].0 == 0 {
            self.len += 1;
        }
        self.slots[i] = (key, value);
    }

    /// Room for `n` more keys without growing.
    pub(crate) fn reserve(&mut self, n: usize) {
        while (self.len + n) * 2 > self.slots.len() {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let cap = (old.len() * 2).max(64);
        self.slots = vec_in_huge_pages(cap, (0, V::default()));
        self.shift = 64 - cap.trailing_zeros();
        self.len = 0;
        for (k, v) in old {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }
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
        for (k, v) in &mut self.short.slots {
            if *k != 0 {
                f(v);
            }
        }
        self.long.values_mut().for_each(f);
    }

    /// [`ShortMap::prefetch`] for a short key.
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
            Some(k) => self.short.insert(k, value),
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
