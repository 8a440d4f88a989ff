//! DescribeLogDirs: the one log directory (its absolute path), the size in bytes of every
//! requested partition in it (the sum of its segments' `.log` files, as Kafka counts it),
//! and from v4 the file system's total and usable bytes. A null topic list asks for every
//! partition; topics or partitions this broker does not have are left out, as Kafka does.

use crate::broker::{Broker, Topic};
use std::path::Path;
use strom_protocol::generated::describe_log_dirs_request::DescribableLogDirTopic;
use strom_protocol::generated::describe_log_dirs_response::{
    DescribeLogDirsPartition, DescribeLogDirsResult, DescribeLogDirsTopic,
};
use strom_protocol::generated::{DescribeLogDirsRequest, DescribeLogDirsResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: DescribeLogDirsRequest) -> DescribeLogDirsResponse {
    let dir = &broker.config.log_dirs;
    let log_dir = std::path::absolute(dir)
        .unwrap_or_else(|_| dir.clone())
        .to_string_lossy()
        .into_owned();
    let result = if broker.log_dir_failed() {
        DescribeLogDirsResult {
            error_code: ErrorCode::KAFKA_STORAGE_ERROR.0,
            log_dir,
            ..Default::default()
        }
    } else {
        let (total_bytes, usable_bytes) = match file_system_bytes(dir) {
            Ok(space) => space,
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "statvfs of the log directory failed");
                (-1, -1)
            }
        };
        DescribeLogDirsResult {
            error_code: ErrorCode::NONE.0,
            log_dir,
            topics: describe_topics(broker, request.topics.as_deref()),
            total_bytes,
            usable_bytes,
            ..Default::default()
        }
    };
    DescribeLogDirsResponse {
        error_code: ErrorCode::NONE.0,
        results: vec![result],
        ..Default::default()
    }
}

/// The requested partitions that exist, grouped by topic, topics by name and partitions by
/// index.
fn describe_topics(
    broker: &Broker,
    requested: Option<&[DescribableLogDirTopic]>,
) -> Vec<DescribeLogDirsTopic> {
    let Some(requested) = requested else {
        return broker
            .topics()
            .iter()
            .map(|topic| describe(topic, |_| true))
            .filter(|t| !t.partitions.is_empty())
            .collect();
    };
    let mut wanted: std::collections::BTreeMap<&str, Vec<i32>> = Default::default();
    for topic in requested {
        wanted
            .entry(topic.topic.as_str())
            .or_default()
            .extend(&topic.partitions);
    }
    wanted
        .into_iter()
        .filter_map(|(name, partitions)| {
            let topic = broker.topic(name)?;
            let described = describe(&topic, |index| partitions.contains(&index));
            (!described.partitions.is_empty()).then_some(described)
        })
        .collect()
}

fn describe(topic: &Topic, wanted: impl Fn(i32) -> bool) -> DescribeLogDirsTopic {
    DescribeLogDirsTopic {
        name: topic.name.clone(),
        partitions: topic
            .local_partitions()
            .filter(|p| wanted(p.index))
            .map(|p| DescribeLogDirsPartition {
                partition_index: p.index,
                partition_size: p.log().size_bytes() as i64,
                // A single replica: no future replica and no follower to lag behind.
                offset_lag: 0,
                is_future_key: false,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// (total, usable) bytes of the file system holding `dir`, as Java's `File.getTotalSpace`
/// and `getUsableSpace` report them (usable: the blocks available to unprivileged users).
// The statvfs field types are u64 here but u32 on some targets, so the casts stay.
#[allow(clippy::unnecessary_cast)]
fn file_system_bytes(dir: &Path) -> std::io::Result<(i64, i64)> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is a NUL-terminated string that outlives the call, and `stat` points to
    // writable memory of the struct's size, which statvfs fills completely on success.
    let rc = unsafe { libc::statvfs(path.as_ptr(), stat.as_mut_ptr()) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: statvfs returned 0, so it initialised the struct.
    let stat = unsafe { stat.assume_init() };
    let block = stat.f_frsize as u64;
    let total = (stat.f_blocks as u64).saturating_mul(block);
    let usable = (stat.f_bavail as u64).saturating_mul(block);
    Ok((
        i64::try_from(total).unwrap_or(i64::MAX),
        i64::try_from(usable).unwrap_or(i64::MAX),
    ))
}
