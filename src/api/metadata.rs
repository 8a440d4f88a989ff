//! Metadata: the brokers registered on the metadata log (a controller-only node is not
//! one), the cluster id, the controller (see `api::controller_id`) and the requested topics with ids and partitions, auto-creating unknown topics
//! when both the request and `auto.create.topics.enable` allow it. Each partition is reported
//! with its leader, leader epoch, replicas and in-sync replicas as the metadata image records
//! them; a partition without a leader (its in-sync replicas are fenced) answers
//! LEADER_NOT_AVAILABLE, and replicas on fenced or unknown brokers are listed offline. Only
//! live (unfenced) brokers are listed. Authorized operations (v8+, when asked) are what Kafka
//! allows without an authorizer.

use crate::broker::{validate_topic_name, Broker, Topic};
use crate::metadata::Image;
use strom_protocol::generated::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use strom_protocol::generated::{MetadataRequest, MetadataResponse};
use strom_protocol::{ErrorCode, Uuid};

pub fn handle(broker: &Broker, request: MetadataRequest, _version: i16) -> MetadataResponse {
    let mut topics: Vec<MetadataResponseTopic> = match &request.topics {
        // Null asks for every topic.
        None => {
            let image = broker.metadata.image();
            broker
                .topics()
                .iter()
                .map(|t| describe(t, &image))
                .collect()
        }
        Some(requested) => requested
            .iter()
            .map(|wanted| {
                lookup(
                    broker,
                    wanted.name.as_deref(),
                    wanted.topic_id,
                    request.allow_auto_topic_creation,
                )
            })
            .collect(),
    };
    if request.include_topic_authorized_operations {
        // Kafka fills it for every topic it answers, unknown ones included.
        for topic in &mut topics {
            topic.topic_authorized_operations = super::TOPIC_AUTHORIZED_OPERATIONS;
        }
    }
    MetadataResponse {
        cluster_authorized_operations: if request.include_cluster_authorized_operations {
            super::CLUSTER_AUTHORIZED_OPERATIONS
        } else {
            i32::MIN
        },
        brokers: brokers(broker),
        cluster_id: Some(broker.cluster_id.clone()),
        controller_id: super::controller_id(broker),
        topics,
        ..Default::default()
    }
}

/// Every live broker registered on the metadata log (this one as configured, the others
/// as they registered), with the racks they registered, as DescribeCluster shows them.
fn brokers(broker: &Broker) -> Vec<MetadataResponseBroker> {
    let node_id = broker.config.node_id;
    let advertised = broker.config.advertised();
    let image = broker.metadata.image();
    let this = MetadataResponseBroker {
        node_id,
        host: advertised.host.clone(),
        port: i32::from(advertised.port),
        rack: image.brokers.get(&node_id).and_then(|b| b.rack.clone()),
        ..Default::default()
    };
    let mut brokers = vec![this];
    brokers.extend(
        image
            .brokers
            .values()
            .filter(|b| b.node_id != node_id && !b.fenced)
            .map(|b| MetadataResponseBroker {
                node_id: b.node_id,
                host: b.host.clone(),
                port: i32::from(b.port),
                rack: b.rack.clone(),
                ..Default::default()
            }),
    );
    brokers.sort_by_key(|b| b.node_id);
    brokers
}

fn lookup(
    broker: &Broker,
    name: Option<&str>,
    id: Uuid,
    allow_auto_create: bool,
) -> MetadataResponseTopic {
    let Some(name) = name else {
        return match broker.topic_by_id(&id) {
            Some(topic) => describe(&topic, &broker.metadata.image()),
            None => error_topic(None, id, ErrorCode::UNKNOWN_TOPIC_ID),
        };
    };
    if let Some(topic) = broker.topic(name) {
        return describe(&topic, &broker.metadata.image());
    }
    if let Err(e) = validate_topic_name(name) {
        return error_topic(Some(name), Uuid::ZERO, e.code);
    }
    if !(allow_auto_create && broker.config.auto_create_topics_enable) {
        return error_topic(
            Some(name),
            Uuid::ZERO,
            ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
        );
    }
    if name == crate::group::OFFSETS_TOPIC {
        // Created as the coordinator creates it (compacted, offsets.topic.num.partitions),
        // never as an ordinary auto-created topic.
        return match crate::group::LogStore::offsets_topic(broker) {
            Ok(topic) => describe(&topic, &broker.metadata.image()),
            Err(code) => error_topic(Some(name), Uuid::ZERO, code),
        };
    }
    let partitions = broker.config.num_partitions;
    match broker.create_topic(
        name,
        partitions,
        broker.config.default_replication_factor,
        &Default::default(),
    ) {
        Ok(topic) => describe(&topic, &broker.metadata.image()),
        // Another request created it first.
        Err(e) if e.code == ErrorCode::TOPIC_ALREADY_EXISTS => match broker.existing_topic(name) {
            Some(topic) => describe(&topic, &broker.metadata.image()),
            None => error_topic(Some(name), Uuid::ZERO, ErrorCode::LEADER_NOT_AVAILABLE),
        },
        Err(e) => error_topic(Some(name), Uuid::ZERO, e.code),
    }
}

fn describe(topic: &Topic, image: &Image) -> MetadataResponseTopic {
    // Leadership as the image read for the broker list has it, so one answer is consistent
    // (the topic registry follows the image a moment later); the registry's when the image
    // does not hold this topic (it was just created here, or is being deleted).
    let (replicas, states) = match image.topics.get(&topic.name) {
        Some(t) if t.id == topic.id && t.states.len() == t.replicas.len() => {
            (&t.replicas, &t.states)
        }
        _ => (&topic.replicas, &topic.states),
    };
    MetadataResponseTopic {
        name: Some(topic.name.clone()),
        topic_id: topic.id,
        // Kafka's internal topics are the ones its coordinators own, not any "__" name.
        is_internal: topic.name == crate::group::OFFSETS_TOPIC,
        partitions: replicas
            .iter()
            .zip(states)
            .enumerate()
            .map(|(index, (replicas, state))| MetadataResponsePartition {
                error_code: if state.leader < 0 {
                    ErrorCode::LEADER_NOT_AVAILABLE.0
                } else {
                    ErrorCode::NONE.0
                },
                partition_index: index as i32,
                leader_id: state.leader,
                leader_epoch: state.leader_epoch,
                replica_nodes: replicas.clone(),
                isr_nodes: state.isr.clone(),
                offline_replicas: super::offline_replicas(image, replicas),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn error_topic(name: Option<&str>, id: Uuid, code: ErrorCode) -> MetadataResponseTopic {
    MetadataResponseTopic {
        name: name.map(str::to_string),
        topic_id: id,
        error_code: code.0,
        ..Default::default()
    }
}
