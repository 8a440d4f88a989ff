//! The metadata text file that strom kept under `log.dirs` before the metadata log
//! (`crate::metadata`): read once to carry a data directory over, then removed.
//!
//! Invariant: the file is removed only after its content is recorded in the metadata log.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use strom_protocol::Uuid;

const FILE_NAME: &str = "strom-metadata";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicRecord {
    pub name: String,
    pub id: Uuid,
    pub partitions: i32,
    /// Topic config overrides (Kafka's topic config names).
    pub configs: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stored {
    pub cluster_id: String,
    pub topics: Vec<TopicRecord>,
    /// Producer ids below this are taken (see `txn::ProducerIds`).
    pub producer_id_block_end: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("corrupt metadata file {path} at line {line}: {reason}")]
    Corrupt {
        path: PathBuf,
        line: usize,
        reason: &'static str,
    },
}

fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// Reads the stored metadata; `None` when the directory is new.
pub fn load(dir: &Path) -> Result<Option<Stored>, StoreError> {
    let path = dir.join(FILE_NAME);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io("reading", &path)(e)),
    };
    let mut stored = Stored::default();
    for (number, line) in text.lines().enumerate() {
        let corrupt = |reason| StoreError::Corrupt {
            path: path.clone(),
            line: number + 1,
            reason,
        };
        let mut words = line.split_whitespace();
        match words.next() {
            None | Some("#") => {}
            Some("cluster.id") => {
                stored.cluster_id = words
                    .next()
                    .ok_or_else(|| corrupt("missing cluster id"))?
                    .to_string()
            }
            Some("producer.id.block.end") => {
                stored.producer_id_block_end = words
                    .next()
                    .and_then(|w| w.parse().ok())
                    .filter(|end: &i64| *end >= 0)
                    .ok_or_else(|| corrupt("bad producer id block end"))?
            }
            Some("topic") => {
                let id = words
                    .next()
                    .and_then(parse_uuid)
                    .ok_or_else(|| corrupt("bad topic id"))?;
                let partitions = words
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(|| corrupt("bad partition count"))?;
                let name = words
                    .next()
                    .ok_or_else(|| corrupt("missing topic name"))?
                    .to_string();
                stored.topics.push(TopicRecord {
                    name,
                    id,
                    partitions,
                    configs: BTreeMap::new(),
                });
            }
            Some("topic.config") => {
                let name = words.next().ok_or_else(|| corrupt("missing topic name"))?;
                let key = words.next().ok_or_else(|| corrupt("missing config key"))?;
                // The value is the rest of the line after one space (it may hold spaces).
                let value = line
                    .splitn(4, ' ')
                    .nth(3)
                    .ok_or_else(|| corrupt("missing config value"))?;
                let topic = stored
                    .topics
                    .iter_mut()
                    .find(|t| t.name == name)
                    .ok_or_else(|| corrupt("config of an unknown topic"))?;
                topic.configs.insert(key.to_string(), value.to_string());
            }
            Some(_) => return Err(corrupt("unknown record")),
        }
    }
    if stored.cluster_id.is_empty() {
        return Err(StoreError::Corrupt {
            path,
            line: 0,
            reason: "no cluster id",
        });
    }
    Ok(Some(stored))
}

/// The metadata records that hold what `stored` held.
pub fn to_records(stored: &Stored) -> Vec<crate::metadata::MetadataRecord> {
    use crate::metadata::MetadataRecord;
    let mut out = vec![MetadataRecord::ClusterId {
        id: stored.cluster_id.clone(),
    }];
    out.extend(stored.topics.iter().map(|t| MetadataRecord::CreateTopic {
        name: t.name.clone(),
        id: t.id.to_string(),
        partitions: t.partitions,
        configs: t.configs.clone(),
        // A single node wrote the file: its partitions are that node's (see the record).
        replicas: Vec::new(),
        states: Vec::new(),
    }));
    out.push(MetadataRecord::ProducerIdBlock {
        start: None,
        end: stored.producer_id_block_end,
    });
    out
}

/// Removes the file (after its content went to the metadata log).
pub fn remove(dir: &Path) -> Result<(), StoreError> {
    let path = dir.join(FILE_NAME);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            tracing::info!(path = %path.display(), "metadata file carried over to the metadata log");
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io("removing", &path)(e)),
    }
}

/// Writes the file atomically (the format older strom versions wrote; tests use it to
/// make such a directory).
pub fn save(dir: &Path, stored: &Stored) -> Result<(), StoreError> {
    let mut text =
        String::from("# strom metadata: replaced atomically, do not edit while strom runs\n");
    text.push_str(&format!("cluster.id {}\n", stored.cluster_id));
    text.push_str(&format!(
        "producer.id.block.end {}\n",
        stored.producer_id_block_end
    ));
    for topic in &stored.topics {
        text.push_str(&format!(
            "topic {} {} {}\n",
            topic.id, topic.partitions, topic.name
        ));
        for (key, value) in &topic.configs {
            text.push_str(&format!("topic.config {} {key} {value}\n", topic.name));
        }
    }
    let path = dir.join(FILE_NAME);
    let temp = dir.join(format!("{FILE_NAME}.tmp"));
    let mut file = std::fs::File::create(&temp).map_err(io("creating", &temp))?;
    file.write_all(text.as_bytes())
        .map_err(io("writing", &temp))?;
    file.sync_all().map_err(io("syncing", &temp))?;
    std::fs::rename(&temp, &path).map_err(io("renaming", &temp))?;
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("syncing", dir))?;
    Ok(())
}

fn parse_uuid(text: &str) -> Option<Uuid> {
    if text.len() != 32 {
        return None;
    }
    let mut raw = [0u8; 16];
    for (i, byte) in raw.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(Uuid(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is saved loads back identically, and a new directory has nothing stored.
    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), None);
        let stored = Stored {
            cluster_id: "abcDEF123".into(),
            topics: vec![
                TopicRecord {
                    name: "orders".into(),
                    id: Uuid([7; 16]),
                    partitions: 3,
                    configs: [("cleanup.policy", "compact"), ("retention.ms", "-1")]
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                },
                TopicRecord {
                    name: "a.b-c_d".into(),
                    id: Uuid([0xab; 16]),
                    partitions: 1,
                    configs: BTreeMap::new(),
                },
            ],
            producer_id_block_end: 3000,
        };
        save(dir.path(), &stored).unwrap();
        assert_eq!(load(dir.path()).unwrap(), Some(stored));
    }

    /// A damaged file is reported with its line, not silently ignored.
    #[test]
    fn corrupt_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "cluster.id x\ntopic zz 1 t\n").unwrap();
        assert!(matches!(
            load(dir.path()),
            Err(StoreError::Corrupt { line: 2, .. })
        ));
    }
}
