//! Low-level helpers with no knowledge of news: eight-bytes-at-a-time byte tests,
//! open-addressing hash maps keyed by short strings, the reader of the start-up
//! snapshots, and start-up's own threads.

pub(crate) mod par;
pub(crate) mod snapshot;
pub(crate) mod steps;
pub(crate) mod strmap;
pub(crate) mod swar;
