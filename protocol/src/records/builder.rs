//! Building magic-2 batches: user batches from records, and the transaction markers
//! (control batches) the transaction coordinator writes on commit and abort.
//!
//! Invariants of every batch built here: `last_offset_delta` is the largest offset delta,
//! `max_timestamp` the largest record timestamp, `records_count` the number of records, and
//! the CRC is computed last over the final bytes, so [`validate_batch`] accepts the result.

use super::compression::compress;
use super::error::{malformed, RecordError};
use super::header::{
    validate_batch, write_crc, Compression, TimestampType, BATCH_HEADER_LEN, CONTROL_BIT,
    LENGTH_FIELD_END, TIMESTAMP_TYPE_BIT, TRANSACTIONAL_BIT,
};
use super::record::{decode_records, Record, RecordHeader};
use bytes::Bytes;

/// Kafka's "no timestamp" value, used by empty batches.
pub const NO_TIMESTAMP: i64 = -1;

/// Builds one batch. Producer fields default to -1 (not idempotent); the base offset to 0
/// and the leader epoch to -1, which the broker overwrites on append.
#[derive(Debug, Clone)]
pub struct BatchBuilder {
    compression: Compression,
    base_offset: i64,
    partition_leader_epoch: i32,
    producer_id: i64,
    producer_epoch: i16,
    base_sequence: i32,
    attributes: i16,
    /// Set by the first record unless given explicitly; deltas are relative to it.
    base_timestamp: Option<i64>,
    max_timestamp: i64,
    last_offset_delta: i32,
    records_count: i32,
    /// Encoded, uncompressed records.
    records: Vec<u8>,
}

impl BatchBuilder {
    pub fn new(compression: Compression) -> BatchBuilder {
        BatchBuilder {
            compression,
            base_offset: 0,
            partition_leader_epoch: -1,
            producer_id: -1,
            producer_epoch: -1,
            base_sequence: -1,
            attributes: compression as i16,
            base_timestamp: None,
            max_timestamp: NO_TIMESTAMP,
            last_offset_delta: 0,
            records_count: 0,
            records: Vec::new(),
        }
    }

    pub fn base_offset(mut self, base_offset: i64) -> Self {
        self.base_offset = base_offset;
        self
    }

    pub fn partition_leader_epoch(mut self, epoch: i32) -> Self {
        self.partition_leader_epoch = epoch;
        self
    }

    /// Marks the batch as written by an idempotent producer.
    pub fn producer(mut self, producer_id: i64, producer_epoch: i16, base_sequence: i32) -> Self {
        self.producer_id = producer_id;
        self.producer_epoch = producer_epoch;
        self.base_sequence = base_sequence;
        self
    }

    pub fn transactional(mut self, transactional: bool) -> Self {
        self.set_bit(TRANSACTIONAL_BIT, transactional);
        self
    }

    /// Sets the control bit. Use [`EndTxnMarker::build_batch`] for transaction markers.
    pub fn control(mut self, control: bool) -> Self {
        self.set_bit(CONTROL_BIT, control);
        self
    }

    /// With LogAppendTime, consumers read `max_timestamp` as every record's timestamp.
    pub fn timestamp_type(mut self, timestamp_type: TimestampType) -> Self {
        self.set_bit(
            TIMESTAMP_TYPE_BIT,
            timestamp_type == TimestampType::LogAppendTime,
        );
        self
    }

    /// Fixes the base timestamp; call before appending (later calls are ignored once a
    /// record has been appended, since deltas already depend on it).
    pub fn base_timestamp(mut self, timestamp_ms: i64) -> Self {
        if self.records_count == 0 {
            self.base_timestamp = Some(timestamp_ms);
        }
        self
    }

    /// Overrides `last_offset_delta`, for batches whose last records were compacted away
    /// (the batch must keep covering its original offsets). Never lowers it below the
    /// largest offset delta appended.
    pub fn last_offset_delta(mut self, last_offset_delta: i32) -> Self {
        self.last_offset_delta = self.last_offset_delta.max(last_offset_delta);
        self
    }

    fn set_bit(&mut self, bit: i16, on: bool) {
        if on {
            self.attributes |= bit;
        } else {
            self.attributes &= !bit;
        }
    }

    /// Number of records appended so far.
    pub fn len(&self) -> usize {
        self.records_count as usize
    }

    pub fn is_empty(&self) -> bool {
        self.records_count == 0
    }

    /// Appends a record at the next offset (offset delta = records so far) with an absolute
    /// timestamp. Returns its offset delta.
    pub fn append(
        &mut self,
        timestamp_ms: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: Vec<RecordHeader>,
    ) -> Result<i32, RecordError> {
        let offset_delta = if self.records_count == 0 {
            0
        } else {
            self.last_offset_delta.saturating_add(1)
        };
        let base_timestamp = *self.base_timestamp.get_or_insert(timestamp_ms);
        let record = Record {
            attributes: 0,
            timestamp_delta: timestamp_ms.wrapping_sub(base_timestamp),
            offset_delta,
            key: key.map(Bytes::copy_from_slice),
            value: value.map(Bytes::copy_from_slice),
            headers,
        };
        self.append_record(&record)?;
        Ok(offset_delta)
    }

    /// Appends a record with its own offset and timestamp deltas (relative to this batch's
    /// base offset and base timestamp), as when rewriting a batch during compaction. Offset
    /// deltas must increase. Set [`BatchBuilder::base_timestamp`] first (it defaults to 0).
    pub fn append_record(&mut self, record: &Record) -> Result<(), RecordError> {
        if self.records_count > 0 && record.offset_delta <= self.last_offset_delta {
            return Err(malformed("offset deltas must increase"));
        }
        if record.offset_delta < 0 {
            return Err(malformed("negative offset delta"));
        }
        if self.records_count == i32::MAX {
            return Err(malformed("too many records in one batch"));
        }
        let base_timestamp = *self.base_timestamp.get_or_insert(0);
        let timestamp = base_timestamp.wrapping_add(record.timestamp_delta);
        self.max_timestamp = if self.records_count == 0 {
            timestamp
        } else {
            self.max_timestamp.max(timestamp)
        };
        self.last_offset_delta = record.offset_delta;
        self.records_count += 1;
        record.encode(&mut self.records);
        Ok(())
    }

    /// Compresses the records and writes the finished batch.
    pub fn build(self) -> Result<Vec<u8>, RecordError> {
        let section = compress(self.compression, &self.records)?;
        let total = BATCH_HEADER_LEN + section.len();
        let batch_length =
            i32::try_from(total - LENGTH_FIELD_END).map_err(|_| RecordError::InvalidLength)?;
        let mut batch = Vec::with_capacity(total);
        batch.extend_from_slice(&self.base_offset.to_be_bytes());
        batch.extend_from_slice(&batch_length.to_be_bytes());
        batch.extend_from_slice(&self.partition_leader_epoch.to_be_bytes());
        batch.push(2);
        batch.extend_from_slice(&[0; 4]); // CRC, written last
        batch.extend_from_slice(&self.attributes.to_be_bytes());
        batch.extend_from_slice(&self.last_offset_delta.to_be_bytes());
        batch.extend_from_slice(&self.base_timestamp.unwrap_or(NO_TIMESTAMP).to_be_bytes());
        batch.extend_from_slice(&self.max_timestamp.to_be_bytes());
        batch.extend_from_slice(&self.producer_id.to_be_bytes());
        batch.extend_from_slice(&self.producer_epoch.to_be_bytes());
        batch.extend_from_slice(&self.base_sequence.to_be_bytes());
        batch.extend_from_slice(&self.records_count.to_be_bytes());
        batch.extend_from_slice(&section);
        write_crc(&mut batch);
        Ok(batch)
    }
}

/// The type of a transaction marker, from the control record's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i16)]
pub enum ControlRecordType {
    Abort = 0,
    Commit = 1,
}

impl ControlRecordType {
    /// Reads a control record key: version int16 (any; newer versions only append) then
    /// type int16. Types other than abort/commit (KRaft's) are errors here: they never
    /// appear in partition logs a broker serves.
    pub fn parse_key(key: &[u8]) -> Result<ControlRecordType, RecordError> {
        let [v0, v1, t0, t1, ..] = *key else {
            return Err(malformed("control record key shorter than 4 bytes"));
        };
        if i16::from_be_bytes([v0, v1]) < 0 {
            return Err(malformed("negative control record key version"));
        }
        match i16::from_be_bytes([t0, t1]) {
            0 => Ok(ControlRecordType::Abort),
            1 => Ok(ControlRecordType::Commit),
            _ => Err(malformed("unknown control record type")),
        }
    }

    /// The key written for this type: version 0 then the type.
    pub fn key(self) -> [u8; 4] {
        let t = (self as i16).to_be_bytes();
        [0, 0, t[0], t[1]]
    }
}

/// A transaction marker: the one record of a control batch ending a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndTxnMarker {
    pub control_type: ControlRecordType,
    /// Epoch of the coordinator that wrote the marker, so stale coordinators are fenced.
    pub coordinator_epoch: i32,
}

impl EndTxnMarker {
    /// The record value: version int16 0, then the coordinator epoch.
    pub fn value(&self) -> [u8; 6] {
        let e = self.coordinator_epoch.to_be_bytes();
        [0, 0, e[0], e[1], e[2], e[3]]
    }

    /// Reads a marker from a control record's key and value.
    pub fn parse(record: &Record) -> Result<EndTxnMarker, RecordError> {
        let control_type = ControlRecordType::parse_key(record.key.as_deref().unwrap_or_default())?;
        let value = record
            .value
            .as_deref()
            .ok_or(malformed("null transaction marker value"))?;
        let [v0, v1, e0, e1, e2, e3, ..] = *value else {
            return Err(malformed("transaction marker value shorter than 6 bytes"));
        };
        if i16::from_be_bytes([v0, v1]) < 0 {
            return Err(malformed("negative transaction marker version"));
        }
        Ok(EndTxnMarker {
            control_type,
            coordinator_epoch: i32::from_be_bytes([e0, e1, e2, e3]),
        })
    }

    /// Builds the control batch: transactional and control bits set, uncompressed, base
    /// sequence -1, one record at offset delta 0. The broker patches base offset and leader
    /// epoch on append.
    pub fn build_batch(&self, producer_id: i64, producer_epoch: i16, timestamp_ms: i64) -> Vec<u8> {
        let mut builder = BatchBuilder::new(Compression::None)
            .producer(producer_id, producer_epoch, -1)
            .transactional(true)
            .control(true);
        let record = Record {
            key: Some(Bytes::copy_from_slice(&self.control_type.key())),
            value: Some(Bytes::copy_from_slice(&self.value())),
            ..Record::default()
        };
        builder = builder.base_timestamp(timestamp_ms);
        // Cannot fail: one record at offset delta 0 in an uncompressed batch of ~80 bytes.
        builder
            .append_record(&record)
            .expect("first record of a batch is always accepted");
        builder
            .build()
            .expect("an uncompressed one-record batch always builds")
    }

    /// Reads the marker of a whole control batch (validated first).
    pub fn from_batch(batch: &[u8]) -> Result<EndTxnMarker, RecordError> {
        let header = validate_batch(batch)?;
        if !header.is_control() {
            return Err(malformed("not a control batch"));
        }
        match decode_records(batch)?.as_slice() {
            [record] => EndTxnMarker::parse(record),
            _ => Err(malformed("control batch without exactly one record")),
        }
    }
}

#[cfg(test)]
#[path = "builder_tests.rs"]
mod tests;
