//! Per-partition order: 10,000 keyed records over several partitions land where Kafka's
//! murmur2 partitioner puts each key, at contiguous offsets from 0, and every partition
//! returns them in production order.

use std::collections::BTreeMap;

use crate::support::{
    assign, consumer, create_topic, murmur2_partition, poll_exactly, produce, topic_name, Outgoing,
};

const PARTITIONS: i32 = 4;
const RECORDS: usize = 10_000;
const KEYS: usize = 50;

/// partition -> [(offset, key, value)].
type Layout = BTreeMap<i32, Vec<(i64, Vec<u8>, Vec<u8>)>>;

#[test]
fn ten_thousand_keyed_records_keep_per_partition_order() {
    // Each key always goes to one partition (the one murmur2 names); offsets in each
    // partition run 0, 1, 2, ... in production order; reading all partitions at once returns
    // every record exactly once, each partition in order.
    let topic = topic_name("order");
    create_topic(&topic, PARTITIONS);
    let records: Vec<Outgoing> = (0..RECORDS)
        .map(|i| Outgoing::keyed(format!("key-{}", i % KEYS), i.to_string()))
        .collect();
    let delivered = produce(
        &topic,
        &records,
        &[("partitioner", "murmur2_random"), ("acks", "all")],
    );

    // What the broker must hold.
    let mut layout = Layout::new();
    let mut want_delivered = Vec::with_capacity(RECORDS);
    for record in &records {
        let key = record.key.clone().expect("keyed");
        let partition = murmur2_partition(&key, PARTITIONS);
        let rows = layout.entry(partition).or_default();
        let offset = i64::try_from(rows.len()).expect("offset fits i64");
        want_delivered.push((partition, offset));
        rows.push((offset, key, record.value.clone().expect("valued")));
    }
    assert_eq!(
        layout.len(),
        PARTITIONS as usize,
        "the keys must spread over every partition"
    );
    assert_eq!(
        delivered, want_delivered,
        "delivery reports: murmur2 partition, next offset"
    );

    let consumer = consumer(&[]);
    let partitions: Vec<i32> = (0..PARTITIONS).collect();
    let from_start: Vec<(i32, i64)> = partitions.iter().map(|&p| (p, 0)).collect();
    assign(&consumer, &topic, &from_start);
    let got = poll_exactly(&consumer, &partitions, RECORDS);
    let mut by_partition = Layout::new();
    for record in got {
        let row = (
            record.offset,
            record.key.unwrap_or_default(),
            record.value.unwrap_or_default(),
        );
        by_partition.entry(record.partition).or_default().push(row);
    }
    for (partition, want) in &layout {
        let got = by_partition.remove(partition).unwrap_or_default();
        assert_eq!(got.len(), want.len(), "partition {partition} record count");
        assert!(
            &got == want,
            "partition {partition}: records differ from the expected layout"
        );
    }
    assert!(
        by_partition.is_empty(),
        "records from unexpected partitions: {:?}",
        by_partition.keys()
    );
}
