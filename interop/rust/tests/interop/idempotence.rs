//! The idempotent producer (`enable.idempotence=true`): InitProducerId, then batches with a
//! producer id and sequence numbers. Skipped only with STROM_IDEMPOTENCE=0 (for a broker
//! under comparison that lacks InitProducerId; interop/rust/run.sh passes `--skip`).

use crate::support::{consume, create_topic, produce, topic_name, Outgoing};

#[test]
fn idempotent_producer_stores_each_record_once_in_order() {
    // 1,000 records from an idempotent producer are each stored exactly once, at offsets
    // 0..1000 in production order.
    let topic = topic_name("idempotent");
    create_topic(&topic, 1);
    let records: Vec<Outgoing> = (0..1000)
        .map(|i| Outgoing::keyed("k", i.to_string()))
        .collect();
    let delivered = produce(
        &topic,
        &records,
        &[("enable.idempotence", "true"), ("acks", "all")],
    );
    assert_eq!(delivered, (0..1000).map(|o| (0, o)).collect::<Vec<_>>());
    let got = consume(&topic, 0, 0, 1000);
    let values: Vec<(i64, Option<Vec<u8>>)> =
        got.into_iter().map(|r| (r.offset, r.value)).collect();
    assert_eq!(
        values,
        (0..1000)
            .map(|i| (i, Some(i.to_string().into_bytes())))
            .collect::<Vec<_>>()
    );
}
