//! Small files that must never be seen half-written: the clean-shutdown marker, and any
//! checkpoint a log keeps next to its segments.
//!
//! Invariant: a file written here is either absent, or holds exactly the bytes of one
//! complete write. That is why every write goes to a temporary name, is fsynced, renamed
//! over the real name, and the directory fsynced so the rename itself survives a crash.

use super::{io_error, LogError};
use std::fs::File;
use std::io::Write;
use std::path::Path;

/// Suffix of files being written; leftovers from a crash are deleted on open.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Replaces `dir/name` with `contents` atomically and durably.
pub fn write_atomic(dir: &Path, name: &str, contents: &[u8]) -> Result<(), LogError> {
    let temp = dir.join(format!("{name}{TEMP_SUFFIX}"));
    let target = dir.join(name);
    let mut file = File::create(&temp).map_err(io_error("creating", &temp))?;
    file.write_all(contents)
        .map_err(io_error("writing", &temp))?;
    file.sync_all().map_err(io_error("syncing", &temp))?;
    drop(file);
    std::fs::rename(&temp, &target).map_err(io_error("renaming", &temp))?;
    sync_dir(dir)
}

/// Removes `dir/name` if present, durably: once this returns, a crash cannot bring it back.
/// Returns whether the file existed.
pub fn remove_durably(dir: &Path, name: &str) -> Result<bool, LogError> {
    let path = dir.join(name);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            sync_dir(dir)?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error("removing", &path)(e)),
    }
}

/// Reads `dir/name`; `None` when it does not exist.
pub fn read(dir: &Path, name: &str) -> Result<Option<Vec<u8>>, LogError> {
    let path = dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("reading", &path)(e)),
    }
}

/// Fsyncs a directory so that creations, renames and removals in it are durable.
pub fn sync_dir(dir: &Path) -> Result<(), LogError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error("syncing directory", dir))
}

/// The contents of a one-offset checkpoint, `key=offset`: the clean-shutdown marker
/// (`log_end_offset`, so open can tell a marker that does not belong to the segments it
/// finds), the log start offset and the cleaner's position.
pub fn encode_offset(key: &str, offset: i64) -> Vec<u8> {
    format!("{key}={offset}\n").into_bytes()
}

/// Parses [`encode_offset`]'s output for `key`; `None` for anything else, including a
/// negative offset (the caller then falls back to what the segments say).
pub fn decode_offset(key: &str, contents: &[u8]) -> Option<i64> {
    std::str::from_utf8(contents)
        .ok()?
        .trim()
        .strip_prefix(key)?
        .strip_prefix('=')?
        .parse()
        .ok()
        .filter(|offset: &i64| *offset >= 0)
}

/// Reads the one-offset checkpoint `dir/name`; `None` when absent or unreadable.
pub fn read_offset(dir: &Path, name: &str, key: &str) -> Result<Option<i64>, LogError> {
    Ok(read(dir, name)?.and_then(|c| decode_offset(key, &c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An atomic write replaces the file whole, leaves no temporary file, and reads back.
    #[test]
    fn write_atomic_replaces_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(dir.path(), "marker", b"one").unwrap();
        write_atomic(dir.path(), "marker", b"two").unwrap();
        assert_eq!(read(dir.path(), "marker").unwrap(), Some(b"two".to_vec()));
        assert!(!dir.path().join("marker.tmp").exists());
        assert!(remove_durably(dir.path(), "marker").unwrap());
        assert!(!remove_durably(dir.path(), "marker").unwrap());
        assert_eq!(read(dir.path(), "marker").unwrap(), None);
    }

    /// The marker round-trips its offset and rejects anything else.
    #[test]
    fn marker_round_trip() {
        assert_eq!(
            decode_offset("log_end_offset", &encode_offset("log_end_offset", 42)),
            Some(42)
        );
        assert_eq!(decode_offset("log_end_offset", b"log_end_offset=x"), None);
        assert_eq!(decode_offset("log_end_offset", b"\xff"), None);
        assert_eq!(decode_offset("log_end_offset", b""), None);
    }
}
