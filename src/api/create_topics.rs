//! CreateTopics: creates each topic with its partitions (defaults from the broker config),
//! honouring `validate_only`; errors per topic as Kafka reports them.

use crate::broker::{configs, Broker};
use strom_protocol::generated::create_topics_response::{
    CreatableTopicConfigs, CreatableTopicResult,
};
use strom_protocol::generated::{CreateTopicsRequest, CreateTopicsResponse};
use strom_protocol::ErrorCode;

pub fn handle(
    broker: &Broker,
    request: CreateTopicsRequest,
    _version: i16,
) -> CreateTopicsResponse {
    let mut results = Vec::with_capacity(request.topics.len());
    for topic in &request.topics {
        let duplicate = request
            .topics
            .iter()
            .filter(|t| t.name == topic.name)
            .count()
            > 1;
        let partitions = if topic.num_partitions == -1 {
            broker.config.num_partitions
        } else {
            topic.num_partitions
        };
        let replication = if topic.replication_factor == -1 {
            broker.config.default_replication_factor
        } else {
            topic.replication_factor
        };
        let configs: std::collections::BTreeMap<String, String> = topic
            .configs
            .iter()
            .filter_map(|c| c.value.clone().map(|v| (c.name.clone(), v)))
            .collect();
        let mut result = CreatableTopicResult {
            name: topic.name.clone(),
            num_partitions: -1,
            replication_factor: -1,
            // Never null: the Java AdminClient (3.9) dereferences it on success.
            configs: Some(Vec::new()),
            error_message: None,
            ..Default::default()
        };
        let outcome = if duplicate {
            Err(crate::broker::TopicError {
                code: ErrorCode::INVALID_REQUEST,
                message: format!(
                    "Create topics request contains topic '{}' more than once.",
                    topic.name
                ),
            })
        } else if !topic.assignments.is_empty() {
            validate_assignments(topic).and_then(|replicas| {
                broker.validate_new_topic(&topic.name, replicas.len() as i32, 1, &configs)?;
                broker.check_assignments(&replicas)?;
                create_assigned(
                    broker,
                    &topic.name,
                    replicas,
                    &configs,
                    request.validate_only,
                )
            })
        } else {
            broker
                .validate_new_topic(&topic.name, partitions, replication, &configs)
                .and_then(|()| {
                    create(
                        broker,
                        &topic.name,
                        partitions,
                        replication,
                        &configs,
                        request.validate_only,
                    )
                })
        };
        match outcome {
            Ok((id, count, factor)) => {
                result.topic_id = id;
                result.num_partitions = count;
                result.replication_factor = factor;
                // v5+: the topic's effective configs, as DescribeConfigs would show them.
                result.configs = Some(
                    configs::describe_topic(&broker.config, &configs, None)
                        .into_iter()
                        .map(|d| CreatableTopicConfigs {
                            name: d.name,
                            value: d.value,
                            read_only: d.read_only,
                            config_source: d.source as i8,
                            is_sensitive: false,
                            ..Default::default()
                        })
                        .collect(),
                );
            }
            Err(e) => {
                result.error_code = e.code.0;
                result.error_message = Some(e.message);
            }
        }
        results.push(result);
    }
    CreateTopicsResponse {
        topics: results,
        ..Default::default()
    }
}

/// The topic id (zero when only validated), partition count and replication factor.
type Created = (strom_protocol::Uuid, i32, i16);

fn create(
    broker: &Broker,
    name: &str,
    partitions: i32,
    replication: i16,
    configs: &std::collections::BTreeMap<String, String>,
    validate_only: bool,
) -> Result<Created, crate::broker::TopicError> {
    if validate_only {
        return Ok((strom_protocol::Uuid::ZERO, partitions, replication));
    }
    let topic = broker.create_topic(name, partitions, replication, configs)?;
    Ok((topic.id, partitions, replication))
}

fn create_assigned(
    broker: &Broker,
    name: &str,
    replicas: Vec<Vec<i32>>,
    configs: &std::collections::BTreeMap<String, String>,
    validate_only: bool,
) -> Result<Created, crate::broker::TopicError> {
    let count = replicas.len() as i32;
    let factor = replicas.first().map_or(0, |r| r.len() as i16);
    if validate_only {
        return Ok((strom_protocol::Uuid::ZERO, count, factor));
    }
    let topic = broker.create_topic_assigned(name, replicas, configs)?;
    Ok((topic.id, count, factor))
}

/// Manual assignments must name partitions 0..n exactly once; the replica lists, in
/// partition order, are checked against the registered brokers by the broker.
fn validate_assignments(
    topic: &strom_protocol::generated::create_topics_request::CreatableTopic,
) -> Result<Vec<Vec<i32>>, crate::broker::TopicError> {
    let invalid = |message: String| crate::broker::TopicError {
        code: ErrorCode::INVALID_REPLICA_ASSIGNMENT,
        message,
    };
    if topic.num_partitions != -1 || topic.replication_factor != -1 {
        return Err(crate::broker::TopicError {
            code: ErrorCode::INVALID_REQUEST,
            message: "Both numPartitions or replicationFactor and replicasAssignments were set."
                .into(),
        });
    }
    let count = topic.assignments.len() as i32;
    let mut seen = vec![false; topic.assignments.len()];
    for assignment in &topic.assignments {
        let index = assignment.partition_index;
        if index < 0 || index >= count || std::mem::replace(&mut seen[index as usize], true) {
            return Err(invalid(format!(
                "Partitions must be numbered 0 to {} exactly once.",
                count - 1
            )));
        }
    }
    let mut replicas = vec![Vec::new(); topic.assignments.len()];
    for assignment in &topic.assignments {
        replicas[assignment.partition_index as usize] = assignment.broker_ids.clone();
    }
    Ok(replicas)
}
