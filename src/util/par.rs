//! Start-up's parallelism on scoped threads of its own. Building an analyzer never
//! touches rayon's global pool (a library user may still configure it afterwards);
//! rayon runs the documents, in `batch`.

/// Runs `a` on a scoped thread and `b` on this one, and returns both results (a panic
/// in either goes on in the caller).
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    std::thread::scope(|s| {
        let a = s.spawn(a);
        let b = b();
        (a.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), b)
    })
}

/// `f(state, i)` for every `i` in `0..n`, in order, into `out` (cleared first): on
/// up to as many threads as the machine has cores, each taking one contiguous part
/// and its own `state` from `init`.
pub(crate) fn map_into<T: Send, S>(
    n: usize,
    out: &mut Vec<T>,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize) -> T + Sync,
) {
    out.clear();
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    let threads = threads.min(n / 1024 + 1).max(1);
    if threads == 1 {
        let mut state = init();
        out.extend((0..n).map(|i| f(&mut state, i)));
        return;
    }
    let part = n.div_ceil(threads);
    let parts: Vec<Vec<T>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (init, f) = (&init, &f);
                s.spawn(move || {
                    let mut state = init();
                    (t * part..((t + 1) * part).min(n))
                        .map(|i| f(&mut state, i))
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for p in parts {
        out.extend(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_into_keeps_order_for_every_size() {
        for n in [0, 1, 5, 1023, 1024, 1025, 5000] {
            let mut out = vec![7usize];
            map_into(
                n,
                &mut out,
                || 0usize,
                |calls, i| {
                    *calls += 1;
                    i * 3
                },
            );
            assert_eq!(out, (0..n).map(|i| i * 3).collect::<Vec<_>>(), "n = {n}");
        }
    }

    #[test]
    fn join_returns_both() {
        assert_eq!(join(|| 1, || "b"), (1, "b"));
    }
}
