//! CreatePartitions: grows topics (never shrinks), honouring `validate_only`; the new
//! partitions are usable as soon as the answer is sent.

use crate::broker::Broker;
use strom_protocol::generated::create_partitions_response::CreatePartitionsTopicResult;
use strom_protocol::generated::{CreatePartitionsRequest, CreatePartitionsResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: CreatePartitionsRequest) -> CreatePartitionsResponse {
    let results = request
        .topics
        .iter()
        .map(|topic| {
            let duplicate = request
                .topics
                .iter()
                .filter(|t| t.name == topic.name)
                .count()
                > 1;
            let outcome = if duplicate {
                Err((
                    ErrorCode::INVALID_REQUEST,
                    "Duplicate topic in request.".to_string(),
                ))
            } else {
                check_assignments(
                    broker,
                    topic.count,
                    topic.assignments.as_deref(),
                    &topic.name,
                )
                .and_then(|()| {
                    let assigned = topic
                        .assignments
                        .as_ref()
                        .map(|a| a.iter().map(|a| a.broker_ids.clone()).collect());
                    broker
                        .create_partitions(
                            &topic.name,
                            topic.count,
                            assigned,
                            request.validate_only,
                        )
                        .map_err(|e| (e.code, e.message))
                })
            };
            let (error_code, error_message) = match outcome {
                Ok(()) => (ErrorCode::NONE.0, None),
                Err((code, message)) => (code.0, Some(message)),
            };
            CreatePartitionsTopicResult {
                name: topic.name.clone(),
                error_code,
                error_message,
                ..Default::default()
            }
        })
        .collect();
    CreatePartitionsResponse {
        results,
        ..Default::default()
    }
}

/// Manual assignments must give each new partition a replica list (the broker checks the
/// lists themselves against the registered brokers).
fn check_assignments(
    broker: &Broker,
    count: i32,
    assignments: Option<
        &[strom_protocol::generated::create_partitions_request::CreatePartitionsAssignment],
    >,
    name: &str,
) -> Result<(), (ErrorCode, String)> {
    let Some(assignments) = assignments else {
        return Ok(());
    };
    let current = broker
        .topic(name)
        .map(|t| t.partitions.len() as i32)
        .unwrap_or(0);
    if assignments.len() as i32 != count - current {
        return Err((
            ErrorCode::INVALID_REPLICA_ASSIGNMENT,
            format!(
                "Increasing the number of partitions by {} but {} assignments provided.",
                count - current,
                assignments.len()
            ),
        ));
    }
    Ok(())
}
