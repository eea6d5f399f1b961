//! Low-level helpers with no knowledge of news: eight-bytes-at-a-time byte tests,
//! open-addressing hash maps keyed by short strings, and the reader of the start-up
//! snapshots.

pub(crate) mod snapshot;
pub(crate) mod strmap;
pub(crate) mod swar;
