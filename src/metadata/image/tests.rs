//! Tests of the metadata image: records applied and refused, broker fencing and
//! leadership, snapshots rebuilt from records, old records.

use super::*;

fn create(name: &str, id: u8, partitions: i32) -> MetadataRecord {
    MetadataRecord::CreateTopic {
        name: name.into(),
        id: Uuid([id; 16]).to_string(),
        partitions,
        configs: BTreeMap::new(),
        replicas: vec![vec![1]; partitions.max(0) as usize],
        states: Vec::new(),
    }
}

/// Topic `name` (id all `id` bytes) with these replicas and, when given, states.
fn placed(
    name: &str,
    id: u8,
    replicas: Vec<Vec<i32>>,
    states: Vec<PartitionState>,
) -> MetadataRecord {
    MetadataRecord::CreateTopic {
        name: name.into(),
        id: Uuid([id; 16]).to_string(),
        partitions: replicas.len() as i32,
        configs: BTreeMap::new(),
        replicas,
        states,
    }
}

fn register(node_id: i32, incarnation: &str) -> MetadataRecord {
    MetadataRecord::RegisterBroker {
        node_id,
        host: "h".into(),
        port: 9000 + node_id as u16,
        rack: None,
        incarnation: incarnation.into(),
        epoch: None,
        fenced: false,
    }
}

fn state(leader: i32, leader_epoch: i32, isr: &[i32]) -> PartitionState {
    PartitionState {
        leader,
        leader_epoch,
        isr: isr.to_vec(),
    }
}

fn apply_all(mut image: Image, records: &[MetadataRecord]) -> Image {
    for record in records {
        image = image.apply(image.offset + 1, record).unwrap();
    }
    image
}

/// A fenced broker's partitions lose it as leader (to a live in-sync replica, or to
/// none); unfencing or a new registration gives back the leaderless ones; every
/// change of leader raises the leader epoch; stale fencing is refused.
#[test]
fn fencing_moves_leadership_and_registration_restores_it() {
    let image = apply_all(
        Image::default(),
        &[
            register(1, "a"),
            register(2, "b"),
            register(3, "c"),
            placed("t", 1, vec![vec![1, 2], vec![2, 3], vec![3, 1]], Vec::new()),
        ],
    );
    let states = |image: &Image| image.topics["t"].states.clone();
    assert_eq!(
        states(&image),
        [state(1, 0, &[1]), state(2, 0, &[2]), state(3, 0, &[3])]
    );
    let epochs: Vec<i64> = image.brokers.values().map(|b| b.epoch).collect();
    assert_eq!(epochs, [1, 1, 1]);

    let fenced = apply_all(
        image.clone(),
        &[MetadataRecord::FenceBroker {
            node_id: 1,
            epoch: 1,
        }],
    );
    assert!(fenced.brokers[&1].fenced);
    assert_eq!(
        fenced.live_brokers().map(|b| b.node_id).collect::<Vec<_>>(),
        [2, 3]
    );
    assert_eq!(
        states(&fenced),
        [state(-1, 1, &[1]), state(2, 0, &[2]), state(3, 0, &[3])]
    );
    assert_eq!(fenced.topics["t"].leader(0), -1);
    for stale in [
        MetadataRecord::FenceBroker {
            node_id: 1,
            epoch: 0,
        },
        MetadataRecord::UnfenceBroker {
            node_id: 1,
            epoch: 2,
        },
        MetadataRecord::FenceBroker {
            node_id: 9,
            epoch: 1,
        },
    ] {
        assert!(fenced.apply(99, &stale).is_err(), "{stale:?}");
    }

    // A topic created while broker 1 is fenced is led by its first live replica.
    let created = apply_all(
        fenced.clone(),
        &[placed("u", 2, vec![vec![1, 2], vec![1]], Vec::new())],
    );
    assert_eq!(
        created.topics["u"].states,
        [state(2, 0, &[2]), state(-1, 0, &[1])]
    );

    let unfenced = apply_all(
        created,
        &[MetadataRecord::UnfenceBroker {
            node_id: 1,
            epoch: 1,
        }],
    );
    assert_eq!(
        states(&unfenced),
        [state(1, 2, &[1]), state(2, 0, &[2]), state(3, 0, &[3])]
    );
    assert_eq!(
        unfenced.topics["u"].states,
        [state(2, 0, &[2]), state(1, 1, &[1])]
    );

    // A restarted broker registers anew: a new epoch, and it leads again.
    let restarted = apply_all(fenced, &[register(1, "a2")]);
    assert_eq!(
        (restarted.brokers[&1].epoch, restarted.brokers[&1].fenced),
        (2, false)
    );
    assert_eq!(states(&restarted)[0], state(1, 2, &[1]));
    // The same registration applied twice (a retried proposal) changes nothing.
    assert_eq!(
        apply_all(restarted.clone(), &[register(1, "a2")]).brokers,
        restarted.brokers
    );
    assert!(restarted
        .apply(
            9,
            &MetadataRecord::FenceBroker {
                node_id: 1,
                epoch: 1
            }
        )
        .is_err());
}

/// With more than one in-sync replica, a fenced leader hands over to a live one and
/// leaves the ISR.
#[test]
fn fenced_leader_hands_over_to_an_in_sync_replica() {
    let image = apply_all(
        Image::default(),
        &[
            register(1, "a"),
            register(2, "b"),
            register(3, "c"),
            placed(
                "t",
                1,
                vec![vec![1, 2, 3], vec![2, 1]],
                vec![state(1, 4, &[1, 2, 3]), state(2, 0, &[2, 1])],
            ),
            MetadataRecord::FenceBroker {
                node_id: 2,
                epoch: 1,
            },
            MetadataRecord::FenceBroker {
                node_id: 1,
                epoch: 1,
            },
        ],
    );
    assert_eq!(
        image.topics["t"].states,
        [state(3, 5, &[3]), state(-1, 2, &[1])]
    );
}

/// Records already applied are recognised as such (a retried proposal whose first
/// answer was lost), and records that are not are not.
#[test]
fn already_holds_tells_applied_from_not() {
    let topic = placed("t", 1, vec![vec![1]], Vec::new());
    let config = |value: &str| MetadataRecord::Config {
        resource: ConfigResource::Topic("t".into()),
        key: "retention.ms".into(),
        value: Some(value.into()),
    };
    let before = apply_all(Image::default(), &[register(1, "a")]);
    let after = apply_all(before.clone(), &[topic.clone(), config("5")]);
    assert!(!before.already_holds(std::slice::from_ref(&topic)));
    assert!(after.already_holds(&[topic.clone(), config("5")]));
    assert!(!after.already_holds(&[topic.clone(), config("6")]));
    let same_name_other_id =
        apply_all(before.clone(), &[placed("t", 2, vec![vec![1]], Vec::new())]);
    assert!(!same_name_other_id.already_holds(&[topic]));
    assert!(after.already_holds(&[register(1, "a")]));
    assert!(!after.already_holds(&[register(1, "b")]));
    let delete = MetadataRecord::DeleteTopic {
        id: Uuid([1; 16]).to_string(),
    };
    assert!(!after.already_holds(std::slice::from_ref(&delete)));
    assert!(apply_all(after.clone(), std::slice::from_ref(&delete)).already_holds(&[delete]));
    let block = MetadataRecord::ProducerIdBlock {
        start: Some(0),
        end: 1000,
    };
    assert!(!apply_all(after, std::slice::from_ref(&block)).already_holds(&[block]));
}

/// A producer id block reservation applies only where the last block ended, so two
/// brokers reserving at once never share a block.
#[test]
fn producer_id_blocks_do_not_overlap() {
    let block = |start: i64| MetadataRecord::ProducerIdBlock {
        start: Some(start),
        end: start + 1000,
    };
    let image = apply_all(Image::default(), &[block(0)]);
    assert_eq!(image.producer_id_block_end, 1000);
    assert!(image.apply(1, &block(0)).is_err());
    assert!(image.apply(1, &block(2000)).is_err());
    assert_eq!(apply_all(image, &[block(1000)]).producer_id_block_end, 2000);
}

/// Records build the image; records that do not fit are refused and change nothing.
#[test]
fn apply_and_refuse() {
    let mut image = Image::default();
    for (i, record) in [
        MetadataRecord::ClusterId { id: "c1".into() },
        create("a", 1, 2),
        MetadataRecord::AddPartitions {
            id: Uuid([1; 16]).to_string(),
            partitions: 5,
            replicas: vec![vec![1]; 3],
        },
        MetadataRecord::Config {
            resource: ConfigResource::Topic("a".into()),
            key: "retention.ms".into(),
            value: Some("100".into()),
        },
        MetadataRecord::ProducerIdBlock {
            start: None,
            end: 1000,
        },
    ]
    .iter()
    .enumerate()
    {
        image = image.apply(i as i64, record).unwrap();
    }
    assert_eq!(image.offset, 4);
    let a = &image.topics["a"];
    assert_eq!(
        (a.partitions, a.configs["retention.ms"].as_str()),
        (5, "100")
    );
    for bad in [
        create("a", 2, 1),
        create("b", 1, 1),
        create("b", 2, 0),
        MetadataRecord::AddPartitions {
            id: Uuid([1; 16]).to_string(),
            partitions: 5,
            replicas: vec![vec![1]; 3],
        },
        MetadataRecord::DeleteTopic {
            id: Uuid([9; 16]).to_string(),
        },
        MetadataRecord::Config {
            resource: ConfigResource::Topic("zz".into()),
            key: "retention.ms".into(),
            value: None,
        },
        MetadataRecord::ProducerIdBlock {
            start: None,
            end: 999,
        },
        MetadataRecord::ClusterId { id: "c2".into() },
    ] {
        assert!(image.apply(9, &bad).is_err(), "{bad:?}");
    }
    let gone = image
        .apply(
            5,
            &MetadataRecord::DeleteTopic {
                id: Uuid([1; 16]).to_string(),
            },
        )
        .unwrap();
    assert!(gone.topics.is_empty());
    assert_eq!(image.topics.len(), 1, "the old image is unchanged");
}

/// An image rebuilt from its own records is the same image.
#[test]
fn records_rebuild_the_image() {
    let mut image = Image::default();
    let records = [
        MetadataRecord::ClusterId { id: "c1".into() },
        register(1, "a"),
        register(2, "b"),
        create("a", 1, 3),
        MetadataRecord::FenceBroker {
            node_id: 1,
            epoch: 1,
        },
        MetadataRecord::Config {
            resource: ConfigResource::Broker(String::new()),
            key: "log.retention.ms".into(),
            value: Some("5".into()),
        },
        MetadataRecord::ProducerIdBlock {
            start: None,
            end: 3000,
        },
    ];
    for (i, r) in records.iter().enumerate() {
        image = image.apply(i as i64, r).unwrap();
    }
    let mut rebuilt = Image::default();
    for r in image.to_records() {
        rebuilt.apply_in_place(&r).unwrap();
    }
    rebuilt.offset = image.offset;
    assert_eq!(rebuilt, image);
    assert!(rebuilt.brokers[&1].fenced);
    assert_eq!(rebuilt.topics["a"].states[0], state(-1, 1, &[1]));
}

/// Records written before placement (no `replicas`) still parse, and their partitions
/// belong to the broker registered when they apply, or to the first one to register.
#[test]
fn old_records_without_replicas() {
    let old: Vec<MetadataRecord> = serde_json::from_str(&format!(
        r#"[{{"type":"cluster_id","id":"c"}},
           {{"type":"create_topic","name":"a","id":"{a}","partitions":2,"configs":{{}}}},
           {{"type":"register_broker","node_id":7,"host":"h","port":1,"rack":null}},
           {{"type":"register_broker","node_id":3,"host":"h","port":2,"rack":null}},
           {{"type":"create_topic","name":"b","id":"{b}","partitions":1,"configs":{{}}}},
           {{"type":"add_partitions","id":"{a}","partitions":3}}]"#,
        a = Uuid([1; 16]),
        b = Uuid([2; 16]),
    ))
    .unwrap();
    let mut image = Image::default();
    for (i, record) in old.iter().enumerate() {
        image = image.apply(i as i64, record).unwrap();
    }
    assert_eq!(image.topics["a"].replicas, [[7], [7], [3]]);
    assert_eq!(image.topics["b"].replicas, [[3]]);
    assert_eq!(
        (image.topics["a"].leader(2), image.topics["a"].leader(3)),
        (3, -1)
    );
    let written = serde_json::to_string(&image.to_records()[4]).unwrap();
    assert!(written.contains(r#""replicas":[[3]]"#), "{written}");
}
