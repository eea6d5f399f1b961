//! Start-up's parallelism. Building an analyzer runs on a thread pool of its own,
//! made for the build and dropped after it ([`on_own_pool`]): it never touches rayon's
//! global pool, so a library user may still configure that pool afterwards. Inside,
//! [`join`] and [`map_into`] are rayon's work-stealing calls, so the build's parallel
//! parts share the cores without oversubscribing them.

use rayon::prelude::*;

/// Runs `f` on a rayon pool of its own, with one thread per core; on the caller's
/// pool when the caller already runs on one, and on the calling thread where no pool
/// can be made.
pub(crate) fn on_own_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if rayon::current_thread_index().is_some() {
        return f();
    }
    match rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("newslens-startup-{i}"))
        .build()
    {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// Runs `a` and `b`, in parallel when the pool has a free thread, and returns both
/// results (a panic in either goes on in the caller).
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    rayon::join(a, b)
}

/// `f(state, i)` for every `i` in `0..n`, in order, into `out` (its contents
/// replaced), in parallel, each worker with its own `state` from `init`.
pub(crate) fn map_into<T: Send, S>(
    n: usize,
    out: &mut Vec<T>,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize) -> T + Sync + Send,
) {
    (0..n)
        .into_par_iter()
        .map_init(init, |state, i| f(state, i))
        .collect_into_vec(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_into_keeps_order_for_every_size() {
        for n in [0, 1, 5, 1023, 1024, 1025, 5000] {
            let mut out = vec![7usize];
            on_own_pool(|| map_into(n, &mut out, || 0usize, |_, i| i * 3));
            assert_eq!(out, (0..n).map(|i| i * 3).collect::<Vec<_>>(), "n = {n}");
        }
    }

    #[test]
    fn join_returns_both() {
        assert_eq!(on_own_pool(|| join(|| 1, || "b")), (1, "b"));
    }
}
