//! A count of the work the analysis does, for the linear-time property test
//! (`cfg(test)` only: in any other build [`add`] is an empty function).
//!
//! Every loop of the pipeline whose length depends on the input adds its iterations:
//! tokens, sentence stops, gazetteer matches, each entity rule's candidates and
//! look-backs, the mention classifier's features, sentiment's words per mention, the
//! cue detector's tokens and each claim's scans. A loop nested in another adds the
//! inner iterations, so work that grows with the square of a sentence or a document
//! shows in the count. The count is per thread and exact: the test compares the count
//! for an input and for four times that input, deterministically.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Adds `n` steps to this thread's count (nothing outside tests).
#[inline(always)]
pub(crate) fn add(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// Runs `f` and returns its result with the steps counted while it ran on this thread.
#[cfg(test)]
pub(crate) fn count<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = STEPS.with(|s| s.get());
    let out = f();
    (out, STEPS.with(|s| s.get()) - before)
}
