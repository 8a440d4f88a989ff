//! Committed offsets and the group administration calls of the state machine:
//! OffsetCommit (members of the current generation, and simple consumers with generation
//! -1 on an Empty group), OffsetFetch, OffsetDelete, DescribeGroups, ListGroups,
//! DeleteGroups, offset expiry (`offsets.retention.minutes`) and replay of the stored
//! records at startup.

use super::manager::GroupManager;
use super::records::{self, CommittedOffset, Key};
use super::state::{Group, GroupState};
use super::Store;
use strom_protocol::ErrorCode;

/// One partition of an OffsetCommit.
#[derive(Debug, Clone)]
pub struct CommitPartition {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<String>,
}

/// Who commits: a member of a generation, or a simple consumer (generation -1, no member).
#[derive(Debug, Clone, Copy)]
pub struct Committer<'a> {
    pub group_id: &'a str,
    pub generation_id: i32,
    pub member_id: &'a str,
    pub group_instance_id: Option<&'a str>,
}

/// A group as DescribeGroups shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDescription {
    pub state: GroupState,
    pub protocol_type: String,
    /// The selected protocol, only when Stable (as Kafka answers).
    pub protocol_name: String,
    /// (member id, instance id, client id, client host, metadata, assignment); metadata
    /// and assignment only when Stable.
    pub members: Vec<DescribedMember>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescribedMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub metadata: bytes::Bytes,
    pub assignment: bytes::Bytes,
}

impl GroupManager {
    /// Handles an OffsetCommit: the error code for each partition, in order.
    pub fn commit_offsets(
        &mut self,
        store: &mut dyn Store,
        now_ms: i64,
        committer: &Committer<'_>,
        partitions: &[CommitPartition],
    ) -> Vec<ErrorCode> {
        let Committer {
            group_id,
            generation_id,
            member_id,
            group_instance_id,
        } = *committer;
        let all = |code: ErrorCode| vec![code; partitions.len()];
        if group_id.is_empty() {
            return all(ErrorCode::INVALID_GROUP_ID);
        }
        if !self.groups.contains_key(group_id) {
            if generation_id >= 0 {
                return all(ErrorCode::ILLEGAL_GENERATION);
            }
            self.groups
                .insert(group_id.to_string(), Group::new(group_id, now_ms));
        }
        let group = self.groups.get_mut(group_id).expect("present");
        let check = if group.state == GroupState::Dead {
            Err(ErrorCode::COORDINATOR_NOT_AVAILABLE)
        } else if group.is_fenced(group_instance_id, member_id) {
            Err(ErrorCode::FENCED_INSTANCE_ID)
        } else if generation_id < 0 && group.state == GroupState::Empty {
            Ok(())
        } else if group.state == GroupState::CompletingRebalance {
            Err(ErrorCode::REBALANCE_IN_PROGRESS)
        } else if !group.has(member_id) {
            Err(ErrorCode::UNKNOWN_MEMBER_ID)
        } else if generation_id != group.generation_id {
            Err(ErrorCode::ILLEGAL_GENERATION)
        } else {
            Ok(())
        };
        if let Err(code) = check {
            return all(code);
        }
        if let Some(member) = group.member_mut(member_id) {
            member.heartbeat_deadline_ms = now_ms + i64::from(member.session_timeout_ms);
        }
        let mut codes = Vec::with_capacity(partitions.len());
        let mut writes = Vec::new();
        let mut applied = Vec::new();
        for p in partitions {
            let metadata = p.metadata.clone().unwrap_or_default();
            if metadata.len() > self.config.offset_metadata_max_bytes {
                codes.push(ErrorCode::OFFSET_METADATA_TOO_LARGE);
                continue;
            }
            let committed = CommittedOffset {
                offset: p.offset,
                leader_epoch: p.leader_epoch,
                metadata,
                commit_timestamp_ms: now_ms,
            };
            writes.push((
                records::offset_key(group_id, &p.topic, p.partition),
                Some(records::offset_value(&committed)),
            ));
            applied.push(((p.topic.clone(), p.partition), committed));
            codes.push(ErrorCode::NONE);
        }
        if writes.is_empty() {
            return codes;
        }
        if let Err(code) = store.append(group_id, writes) {
            return codes
                .into_iter()
                .map(|c| if c == ErrorCode::NONE { code } else { c })
                .collect();
        }
        group.offsets.extend(applied);
        codes
    }

    /// Handles one group of an OffsetFetch: for `None`, every committed partition; else
    /// the partitions asked for, `None` where nothing is committed.
    #[allow(clippy::type_complexity)]
    pub fn fetch_offsets(
        &self,
        group_id: &str,
        wanted: Option<&[(String, Vec<i32>)]>,
    ) -> Vec<(String, Vec<(i32, Option<CommittedOffset>)>)> {
        let group = self.groups.get(group_id);
        match wanted {
            None => {
                let mut out: Vec<(String, Vec<(i32, Option<CommittedOffset>)>)> = Vec::new();
                for ((topic, partition), committed) in group.iter().flat_map(|g| &g.offsets) {
                    match out.last_mut() {
                        Some((t, partitions)) if t == topic => {
                            partitions.push((*partition, Some(committed.clone())))
                        }
                        _ => out.push((topic.clone(), vec![(*partition, Some(committed.clone()))])),
                    }
                }
                out
            }
            Some(topics) => topics
                .iter()
                .map(|(topic, partitions)| {
                    let found = partitions
                        .iter()
                        .map(|&p| {
                            let committed =
                                group.and_then(|g| g.offsets.get(&(topic.clone(), p)).cloned());
                            (p, committed)
                        })
                        .collect();
                    (topic.clone(), found)
                })
                .collect(),
        }
    }

    /// Handles an OffsetDelete: a group-level error, or one code per (topic, partition).
    pub fn delete_offsets(
        &mut self,
        store: &mut dyn Store,
        group_id: &str,
        partitions: &[(String, i32)],
    ) -> Result<Vec<ErrorCode>, ErrorCode> {
        let Some(group) = self.groups.get_mut(group_id) else {
            return Err(ErrorCode::GROUP_ID_NOT_FOUND);
        };
        let subscribed: Vec<String> = match group.state {
            GroupState::Empty => Vec::new(),
            GroupState::Stable if group.protocol_type.as_deref() == Some("consumer") => {
                let protocol = group.protocol_name.clone().unwrap_or_default();
                group
                    .members
                    .iter()
                    .flat_map(|m| subscribed_topics(&m.metadata(&protocol)))
                    .collect()
            }
            _ => return Err(ErrorCode::NON_EMPTY_GROUP),
        };
        let mut codes = Vec::with_capacity(partitions.len());
        let mut writes = Vec::new();
        for (topic, partition) in partitions {
            if subscribed.contains(topic) {
                codes.push(ErrorCode::GROUP_SUBSCRIBED_TO_TOPIC);
                continue;
            }
            if group.offsets.contains_key(&(topic.clone(), *partition)) {
                writes.push((records::offset_key(group_id, topic, *partition), None));
            }
            codes.push(ErrorCode::NONE);
        }
        if !writes.is_empty() {
            store.append(group_id, writes)?;
        }
        for ((topic, partition), code) in partitions.iter().zip(&codes) {
            if *code == ErrorCode::NONE {
                group.offsets.remove(&(topic.clone(), *partition));
            }
        }
        Ok(codes)
    }

    /// Handles one group of a DescribeGroups; `None` for a group that does not exist.
    pub fn describe(&self, group_id: &str) -> Option<GroupDescription> {
        let group = self.groups.get(group_id)?;
        let stable = group.state == GroupState::Stable;
        let protocol = group.protocol_name.clone().unwrap_or_default();
        Some(GroupDescription {
            state: group.state,
            protocol_type: group.protocol_type.clone().unwrap_or_default(),
            protocol_name: if stable {
                protocol.clone()
            } else {
                String::new()
            },
            members: group
                .members
                .iter()
                .map(|m| DescribedMember {
                    member_id: m.member_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    client_id: m.client_id.clone(),
                    client_host: m.client_host.clone(),
                    metadata: if stable {
                        m.metadata(&protocol)
                    } else {
                        Default::default()
                    },
                    assignment: if stable {
                        m.assignment.clone()
                    } else {
                        Default::default()
                    },
                })
                .collect(),
        })
    }

    /// Every group (id, protocol type, state), sorted by id.
    pub fn list(&self) -> Vec<(String, String, GroupState)> {
        let mut out: Vec<_> = self
            .groups
            .values()
            .filter(|g| g.state != GroupState::Dead)
            .map(|g| {
                (
                    g.group_id.clone(),
                    g.protocol_type.clone().unwrap_or_default(),
                    g.state,
                )
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Handles one group of a DeleteGroups: only an Empty group can go (its offsets and
    /// membership are tombstoned).
    pub fn delete_group(&mut self, store: &mut dyn Store, group_id: &str) -> ErrorCode {
        if group_id.is_empty() {
            return ErrorCode::INVALID_GROUP_ID;
        }
        let Some(group) = self.groups.get(group_id) else {
            return ErrorCode::GROUP_ID_NOT_FOUND;
        };
        if group.state != GroupState::Empty {
            return ErrorCode::NON_EMPTY_GROUP;
        }
        let mut writes: Vec<_> = group
            .offsets
            .keys()
            .map(|(topic, partition)| (records::offset_key(group_id, topic, *partition), None))
            .collect();
        writes.push((records::group_key(group_id), None));
        if let Err(code) = store.append(group_id, writes) {
            return code;
        }
        self.groups.remove(group_id);
        ErrorCode::NONE
    }

    /// Expires offsets (`offsets.retention.minutes`): all of a consumer group's once it has
    /// been Empty that long; a simple group's one by one from their commit time. A group
    /// left Empty with no offsets is removed.
    pub fn expire_offsets(&mut self, store: &mut dyn Store, now_ms: i64) {
        let retention = self.config.offsets_retention_ms;
        let mut removed = Vec::new();
        for group in self.groups.values_mut() {
            if group.state != GroupState::Empty {
                continue;
            }
            let expired: Vec<(String, i32)> = if group.protocol_type.is_some() {
                if group.state_timestamp_ms + retention <= now_ms {
                    group.offsets.keys().cloned().collect()
                } else {
                    Vec::new()
                }
            } else {
                group
                    .offsets
                    .iter()
                    .filter(|(_, c)| c.commit_timestamp_ms + retention <= now_ms)
                    .map(|(k, _)| k.clone())
                    .collect()
            };
            let empty_after = expired.len() == group.offsets.len();
            let mut writes: Vec<_> = expired
                .iter()
                .map(|(t, p)| (records::offset_key(&group.group_id, t, *p), None))
                .collect();
            if empty_after
                && (!expired.is_empty() || group.state_timestamp_ms + retention <= now_ms)
            {
                writes.push((records::group_key(&group.group_id), None));
            }
            if writes.is_empty() {
                continue;
            }
            if let Err(code) = store.append(&group.group_id, writes) {
                tracing::warn!(group = %group.group_id, ?code, "expiring offsets failed");
                continue;
            }
            for key in &expired {
                group.offsets.remove(key);
            }
            if !expired.is_empty() {
                tracing::info!(group = %group.group_id, count = expired.len(), "offsets expired");
            }
            if group.offsets.is_empty() && empty_after {
                removed.push(group.group_id.clone());
            }
        }
        for id in removed {
            self.groups.remove(&id);
        }
    }

    /// Applies one stored record (startup replay, in log order; the last one per key wins).
    pub fn replay(&mut self, key: &[u8], value: Option<&[u8]>, now_ms: i64) {
        let parsed = match records::parse_key(key) {
            Ok(key) => key,
            Err(e) => {
                tracing::warn!(error = %e, "skipping __consumer_offsets record");
                return;
            }
        };
        match parsed {
            Key::Offset {
                group_id,
                topic,
                partition,
            } => match value.map(records::parse_offset_value) {
                None => {
                    if let Some(group) = self.groups.get_mut(&group_id) {
                        group.offsets.remove(&(topic, partition));
                    }
                }
                Some(Ok(committed)) => {
                    self.groups
                        .entry(group_id.clone())
                        .or_insert_with(|| Group::new(&group_id, now_ms))
                        .offsets
                        .insert((topic, partition), committed);
                }
                Some(Err(e)) => {
                    tracing::warn!(group = %group_id, error = %e, "skipping offset record")
                }
            },
            Key::Group { group_id } => match value.map(records::parse_group_value) {
                None => {
                    self.groups.remove(&group_id);
                }
                Some(Ok(stored)) => {
                    self.groups
                        .entry(group_id.clone())
                        .or_insert_with(|| Group::new(&group_id, now_ms))
                        .restore(stored, now_ms);
                }
                Some(Err(e)) => {
                    tracing::warn!(group = %group_id, error = %e, "skipping group record")
                }
            },
        }
    }
}

/// The topics of a consumer protocol subscription (`ConsumerProtocolSubscription`, any
/// version: `version: i16, topics: [string]`, then fields this does not need).
pub fn subscribed_topics(metadata: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let Some(count) = metadata
        .get(2..6)
        .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    else {
        return out;
    };
    let mut at = 6;
    for _ in 0..count.max(0) {
        let Some(len) = metadata
            .get(at..at + 2)
            .map(|b| i16::from_be_bytes([b[0], b[1]]))
        else {
            break;
        };
        at += 2;
        let Some(name) = metadata.get(at..at + len.max(0) as usize) else {
            break;
        };
        out.push(String::from_utf8_lossy(name).into_owned());
        at += len.max(0) as usize;
    }
    out
}
