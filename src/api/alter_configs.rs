//! AlterConfigs (replace a topic's overrides) and IncrementalAlterConfigs (SET, DELETE,
//! APPEND, SUBTRACT per key), both honouring `validate_only`. Changes are recorded on the
//! metadata log and take effect at once. Broker configs are static in strom: changing one
//! is refused with INVALID_REQUEST naming the keys.

use super::describe_configs::{check_broker_name, BROKER, TOPIC};
use crate::broker::configs::{self, AlterError, Op};
use crate::broker::Broker;
use std::collections::BTreeMap;
use strom_protocol::generated::{
    alter_configs_response, incremental_alter_configs_response, AlterConfigsRequest,
    AlterConfigsResponse, IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse,
};
use strom_protocol::ErrorCode;

type Outcome = Result<(), AlterError>;

fn error(code: ErrorCode, message: String) -> AlterError {
    AlterError { code, message }
}

pub fn handle(broker: &Broker, request: AlterConfigsRequest) -> AlterConfigsResponse {
    let responses = request
        .resources
        .iter()
        .map(|resource| {
            let changes: Vec<(String, Option<String>)> = resource
                .configs
                .iter()
                .map(|c| (c.name.clone(), c.value.clone()))
                .collect();
            let outcome = alter(
                broker,
                resource.resource_type,
                &resource.resource_name,
                changes.iter().map(|(k, _)| k.as_str()),
                request.validate_only,
                |_current| {
                    let mut out = BTreeMap::new();
                    for (i, (name, value)) in changes.iter().enumerate() {
                        if changes[..i].iter().any(|(n, _)| n == name) {
                            return Err(error(
                                ErrorCode::INVALID_REQUEST,
                                format!("Error due to duplicate config keys: {name}"),
                            ));
                        }
                        if let Some(value) = value {
                            out.insert(name.clone(), value.clone());
                        }
                    }
                    Ok(out)
                },
            );
            let (error_code, error_message) = split(outcome);
            alter_configs_response::AlterConfigsResourceResponse {
                error_code,
                error_message,
                resource_type: resource.resource_type,
                resource_name: resource.resource_name.clone(),
                ..Default::default()
            }
        })
        .collect();
    AlterConfigsResponse {
        responses,
        ..Default::default()
    }
}

pub fn handle_incremental(
    broker: &Broker,
    request: IncrementalAlterConfigsRequest,
) -> IncrementalAlterConfigsResponse {
    let responses = request
        .resources
        .iter()
        .map(|resource| {
            let ops: Result<Vec<(String, Op, Option<String>)>, AlterError> = resource
                .configs
                .iter()
                .map(|c| {
                    Op::from_code(c.config_operation)
                        .map(|op| (c.name.clone(), op, c.value.clone()))
                        .ok_or_else(|| {
                            error(
                                ErrorCode::INVALID_REQUEST,
                                format!("Unknown config operation {}", c.config_operation),
                            )
                        })
                })
                .collect();
            let outcome = ops.and_then(|ops| {
                alter(
                    broker,
                    resource.resource_type,
                    &resource.resource_name,
                    ops.iter().map(|(k, ..)| k.as_str()),
                    request.validate_only,
                    |current| configs::incremental(&broker.config, current, &ops),
                )
            });
            let (error_code, error_message) = split(outcome);
            incremental_alter_configs_response::AlterConfigsResourceResponse {
                error_code,
                error_message,
                resource_type: resource.resource_type,
                resource_name: resource.resource_name.clone(),
                ..Default::default()
            }
        })
        .collect();
    IncrementalAlterConfigsResponse {
        responses,
        ..Default::default()
    }
}

fn split(outcome: Outcome) -> (i16, Option<String>) {
    match outcome {
        Ok(()) => (ErrorCode::NONE.0, None),
        Err(e) => (e.code.0, Some(e.message)),
    }
}

/// Applies `overrides_after(current overrides)` to a topic, or refuses a broker change.
fn alter<'a>(
    broker: &Broker,
    resource_type: i8,
    name: &str,
    keys: impl Iterator<Item = &'a str>,
    validate_only: bool,
    overrides_after: impl FnOnce(
        &BTreeMap<String, String>,
    ) -> Result<BTreeMap<String, String>, AlterError>,
) -> Outcome {
    match resource_type {
        TOPIC => {
            crate::broker::validate_topic_name(name).map_err(|e| error(e.code, e.message))?;
            let topic = broker.topic(name).ok_or_else(|| {
                error(
                    ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                    format!("Topic '{name}' does not exist."),
                )
            })?;
            let overrides = overrides_after(&topic.overrides)?;
            broker
                .alter_topic_configs(name, overrides, validate_only)
                .map_err(|e| error(e.code, e.message))
        }
        BROKER => {
            check_broker_name(broker, name).map_err(|(code, message)| error(code, message))?;
            let keys: Vec<&str> = keys.collect();
            Err(error(
                ErrorCode::INVALID_REQUEST,
                format!(
                    "Cannot update these configs dynamically: {}; strom reads broker configs at startup (set them in the config file or with --override)",
                    keys.join(", ")
                ),
            ))
        }
        other => Err(error(
            ErrorCode::INVALID_REQUEST,
            format!("strom alters topic (2) configs, not resource type {other}"),
        )),
    }
}
