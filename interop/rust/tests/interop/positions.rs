//! Positions: assigning a partition at an explicit offset, seeking while consuming,
//! the watermarks, and offsets by timestamp (ListOffsets) with exact expected offsets.

use rdkafka::consumer::Consumer;
use rdkafka::{Offset, TopicPartitionList};

use crate::support::{
    assign, consume, consumer, create_topic, poll_exactly, produce, topic_name, Outgoing,
    BASE_TIMESTAMP_MS, WAIT,
};

/// 20 records m0..m19 with create timestamps BASE, BASE+10, ..., BASE+190.
fn twenty_timestamped_records(topic: &str) {
    create_topic(topic, 1);
    let records: Vec<Outgoing> = (0..20)
        .map(|i| Outgoing {
            value: Some(format!("m{i}").into_bytes()),
            timestamp_ms: Some(BASE_TIMESTAMP_MS + 10 * i),
            ..Outgoing::default()
        })
        .collect();
    let delivered = produce(topic, &records, &[("acks", "all")]);
    assert_eq!(delivered, (0..20).map(|o| (0, o)).collect::<Vec<_>>());
}

fn values_from(records: &[crate::support::Incoming]) -> Vec<(i64, String)> {
    records
        .iter()
        .map(|r| {
            (
                r.offset,
                String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into_owned(),
            )
        })
        .collect()
}

fn expected(range: std::ops::Range<i64>) -> Vec<(i64, String)> {
    range.map(|o| (o, format!("m{o}"))).collect()
}

#[test]
fn assign_at_an_offset_and_seek() {
    // A partition assigned at offset 13 yields exactly offsets 13..20; seek() to offset 5
    // on the same consumer yields exactly 5..20 again.
    let topic = topic_name("seek");
    twenty_timestamped_records(&topic);
    assert_eq!(values_from(&consume(&topic, 0, 13, 7)), expected(13..20));

    let consumer = consumer(&[]);
    assign(&consumer, &topic, &[(0, 0)]);
    assert_eq!(
        values_from(&poll_exactly(&consumer, &[0], 20)),
        expected(0..20)
    );
    consumer
        .seek(&topic, 0, Offset::Offset(5), WAIT)
        .expect("seek to offset 5");
    assert_eq!(
        values_from(&poll_exactly(&consumer, &[0], 15)),
        expected(5..20)
    );
}

#[test]
fn watermarks_and_offsets_for_times() {
    // The watermarks are (0, 20); offsets_for_times returns the first offset whose
    // timestamp is at or after the one asked for, and the end for a timestamp after every
    // record.
    let topic = topic_name("times");
    twenty_timestamped_records(&topic);
    let consumer = consumer(&[]);
    assert_eq!(
        consumer
            .fetch_watermarks(&topic, 0, WAIT)
            .expect("watermarks"),
        (0, 20)
    );
    let cases = [
        (BASE_TIMESTAMP_MS - 1, Offset::Offset(0)),
        (BASE_TIMESTAMP_MS, Offset::Offset(0)),
        (BASE_TIMESTAMP_MS + 55, Offset::Offset(6)),
        (BASE_TIMESTAMP_MS + 60, Offset::Offset(6)),
        (BASE_TIMESTAMP_MS + 190, Offset::Offset(19)),
        (BASE_TIMESTAMP_MS + 191, Offset::End),
    ];
    for (timestamp_ms, want) in cases {
        let mut asked = TopicPartitionList::new();
        asked
            .add_partition_offset(&topic, 0, Offset::Offset(timestamp_ms))
            .expect("add partition");
        let found = consumer
            .offsets_for_times(asked, WAIT)
            .expect("offsets_for_times");
        let element = found
            .find_partition(&topic, 0)
            .expect("partition 0 in the answer");
        assert_eq!(
            element.error(),
            Ok(()),
            "error for timestamp {timestamp_ms}"
        );
        assert_eq!(
            element.offset(),
            want,
            "offset for timestamp {timestamp_ms}"
        );
    }
}
