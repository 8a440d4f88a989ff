//! The records the group coordinator keeps in the internal compacted topic
//! `__consumer_offsets`, in Apache Kafka's own key and value formats, so a partition of
//! that topic reads the same as Kafka's:
//!
//! - offset commit: key `version: i16 = 1, group: string, topic: string, partition: i32`;
//!   value `version: i16 = 3, offset: i64, leader_epoch: i32, metadata: string,
//!   commit_timestamp: i64`.
//! - group metadata: key `version: i16 = 2, group: string`; value `version: i16 = 3,
//!   protocol_type: string, generation: i32, protocol: nullable string, leader: nullable
//!   string, current_state_timestamp: i64, members: [member_id: string, group_instance_id:
//!   nullable string, client_id: string, client_host: string, rebalance_timeout: i32,
//!   session_timeout: i32, subscription: bytes, assignment: bytes]`.
//!
//! Strings are an i16 length then UTF-8 (-1 for null), bytes an i32 length, arrays an i32
//! count. A null value (tombstone) deletes the key. Parsing checks every length against the
//! bytes left, so a damaged record is an error, never a panic.

use bytes::{BufMut, Bytes};

/// A committed offset as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommittedOffset {
    pub offset: i64,
    /// -1 when the client gave none.
    pub leader_epoch: i32,
    pub metadata: String,
    pub commit_timestamp_ms: i64,
}

/// One member of a stored group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub rebalance_timeout_ms: i32,
    pub session_timeout_ms: i32,
    /// The member's metadata for the group's selected protocol.
    pub subscription: Bytes,
    pub assignment: Bytes,
}

/// A group's membership as stored when a generation completes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGroup {
    pub protocol_type: String,
    pub generation_id: i32,
    pub protocol_name: Option<String>,
    pub leader_id: Option<String>,
    pub state_timestamp_ms: i64,
    pub members: Vec<StoredMember>,
}

/// What a key in `__consumer_offsets` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Offset {
        group_id: String,
        topic: String,
        partition: i32,
    },
    Group {
        group_id: String,
    },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("malformed __consumer_offsets record: {0}")]
pub struct RecordError(&'static str);

pub fn offset_key(group_id: &str, topic: &str, partition: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(10 + group_id.len() + topic.len());
    out.put_i16(1);
    put_string(&mut out, group_id);
    put_string(&mut out, topic);
    out.put_i32(partition);
    out
}

pub fn group_key(group_id: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + group_id.len());
    out.put_i16(2);
    put_string(&mut out, group_id);
    out
}

pub fn offset_value(committed: &CommittedOffset) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + committed.metadata.len());
    out.put_i16(3);
    out.put_i64(committed.offset);
    out.put_i32(committed.leader_epoch);
    put_string(&mut out, &committed.metadata);
    out.put_i64(committed.commit_timestamp_ms);
    out
}

pub fn group_value(group: &StoredGroup) -> Vec<u8> {
    let mut out = Vec::new();
    out.put_i16(3);
    put_string(&mut out, &group.protocol_type);
    out.put_i32(group.generation_id);
    put_nullable_string(&mut out, group.protocol_name.as_deref());
    put_nullable_string(&mut out, group.leader_id.as_deref());
    out.put_i64(group.state_timestamp_ms);
    out.put_i32(group.members.len() as i32);
    for member in &group.members {
        put_string(&mut out, &member.member_id);
        put_nullable_string(&mut out, member.group_instance_id.as_deref());
        put_string(&mut out, &member.client_id);
        put_string(&mut out, &member.client_host);
        out.put_i32(member.rebalance_timeout_ms);
        out.put_i32(member.session_timeout_ms);
        put_bytes(&mut out, &member.subscription);
        put_bytes(&mut out, &member.assignment);
    }
    out
}

pub fn parse_key(bytes: &[u8]) -> Result<Key, RecordError> {
    let mut r = Reader(bytes);
    let key = match r.i16()? {
        0 | 1 => Key::Offset {
            group_id: r.string()?,
            topic: r.string()?,
            partition: r.i32()?,
        },
        2 => Key::Group {
            group_id: r.string()?,
        },
        _ => return Err(RecordError("unknown key version")),
    };
    r.end()?;
    Ok(key)
}

/// Parses offset values of versions 0 to 3 (1 carries an expire timestamp, 3 adds the
/// leader epoch); strom writes version 3.
pub fn parse_offset_value(bytes: &[u8]) -> Result<CommittedOffset, RecordError> {
    let mut r = Reader(bytes);
    let version = r.i16()?;
    if !(0..=3).contains(&version) {
        return Err(RecordError("unknown offset value version"));
    }
    let offset = r.i64()?;
    let leader_epoch = if version >= 3 { r.i32()? } else { -1 };
    let metadata = r.string()?;
    let commit_timestamp_ms = r.i64()?;
    if version == 1 {
        r.i64()?; // expire timestamp, no longer used
    }
    Ok(CommittedOffset {
        offset,
        leader_epoch,
        metadata,
        commit_timestamp_ms,
    })
}

/// Parses group metadata values of version 3 (the one strom writes).
pub fn parse_group_value(bytes: &[u8]) -> Result<StoredGroup, RecordError> {
    let mut r = Reader(bytes);
    if r.i16()? != 3 {
        return Err(RecordError("unsupported group value version"));
    }
    let protocol_type = r.string()?;
    let generation_id = r.i32()?;
    let protocol_name = r.nullable_string()?;
    let leader_id = r.nullable_string()?;
    let state_timestamp_ms = r.i64()?;
    let count = r.i32()?;
    if count < 0 || count as usize > r.0.len() {
        return Err(RecordError("bad member count"));
    }
    let mut members = Vec::with_capacity(count as usize);
    for _ in 0..count {
        members.push(StoredMember {
            member_id: r.string()?,
            group_instance_id: r.nullable_string()?,
            client_id: r.string()?,
            client_host: r.string()?,
            rebalance_timeout_ms: r.i32()?,
            session_timeout_ms: r.i32()?,
            subscription: r.bytes()?,
            assignment: r.bytes()?,
        });
    }
    Ok(StoredGroup {
        protocol_type,
        generation_id,
        protocol_name,
        leader_id,
        state_timestamp_ms,
        members,
    })
}

fn put_string(out: &mut Vec<u8>, value: &str) {
    // Group ids, topics and metadata are bounded well below i16::MAX by the handlers.
    out.put_i16(value.len() as i16);
    out.put_slice(value.as_bytes());
}

fn put_nullable_string(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => put_string(out, value),
        None => out.put_i16(-1),
    }
}

fn put_bytes(out: &mut Vec<u8>, value: &[u8]) {
    out.put_i32(value.len() as i32);
    out.put_slice(value);
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], RecordError> {
        if self.0.len() < n {
            return Err(RecordError("truncated"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn i16(&mut self) -> Result<i16, RecordError> {
        let b = self.take(2)?;
        Ok(i16::from_be_bytes([b[0], b[1]]))
    }

    fn i32(&mut self) -> Result<i32, RecordError> {
        let b = self.take(4)?;
        Ok(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn i64(&mut self) -> Result<i64, RecordError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(i64::from_be_bytes(a))
    }

    fn nullable_string(&mut self) -> Result<Option<String>, RecordError> {
        let len = self.i16()?;
        if len < 0 {
            return Ok(None);
        }
        let b = self.take(len as usize)?;
        String::from_utf8(b.to_vec())
            .map(Some)
            .map_err(|_| RecordError("string is not UTF-8"))
    }

    fn string(&mut self) -> Result<String, RecordError> {
        self.nullable_string()?
            .ok_or(RecordError("null where a string is required"))
    }

    fn bytes(&mut self) -> Result<Bytes, RecordError> {
        let len = self.i32()?;
        if len < 0 {
            return Ok(Bytes::new());
        }
        Ok(Bytes::copy_from_slice(self.take(len as usize)?))
    }

    fn end(&self) -> Result<(), RecordError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(RecordError("trailing bytes"))
        }
    }
}

/// The `__consumer_offsets` partition of a group: `abs(hashCode(group_id)) % partitions`
/// with Java's `String.hashCode` and Kafka's `Utils.abs` (which maps `i32::MIN` to 0), so
/// a group lands where Kafka would put it.
pub fn partition_for(group_id: &str, partitions: i32) -> i32 {
    let hash = group_id
        .encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)));
    let abs = if hash == i32::MIN { 0 } else { hash.abs() };
    abs % partitions.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys and values round-trip, and the group's partition matches Java's hashCode.
    #[test]
    fn round_trip_and_partitioning() {
        let key = offset_key("g", "t", 3);
        assert_eq!(
            parse_key(&key).unwrap(),
            Key::Offset {
                group_id: "g".into(),
                topic: "t".into(),
                partition: 3
            }
        );
        assert_eq!(
            parse_key(&group_key("g")).unwrap(),
            Key::Group {
                group_id: "g".into()
            }
        );
        let committed = CommittedOffset {
            offset: 42,
            leader_epoch: 7,
            metadata: "meta".into(),
            commit_timestamp_ms: 1_000,
        };
        assert_eq!(
            parse_offset_value(&offset_value(&committed)).unwrap(),
            committed
        );
        let group = StoredGroup {
            protocol_type: "consumer".into(),
            generation_id: 4,
            protocol_name: Some("range".into()),
            leader_id: Some("m1".into()),
            state_timestamp_ms: 9,
            members: vec![StoredMember {
                member_id: "m1".into(),
                group_instance_id: Some("i1".into()),
                client_id: "c".into(),
                client_host: "/127.0.0.1".into(),
                rebalance_timeout_ms: 300_000,
                session_timeout_ms: 45_000,
                subscription: Bytes::from_static(b"sub"),
                assignment: Bytes::new(),
            }],
        };
        assert_eq!(parse_group_value(&group_value(&group)).unwrap(), group);
        // "my-group".hashCode() == -1_906_497_762 in Java; 1906497762 % 50 == 12.
        assert_eq!(partition_for("my-group", 50), 12);
        assert_eq!(partition_for("", 50), 0);
        assert!(parse_offset_value(&[0, 3, 1]).is_err());
    }
}
