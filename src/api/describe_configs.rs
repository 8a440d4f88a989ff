//! DescribeConfigs: every config of a topic or of this broker with its value, source,
//! read-only and sensitive flags, synonyms and documentation when asked.

use crate::broker::configs::{self, Described};
use crate::broker::Broker;
use strom_protocol::generated::describe_configs_response::{
    DescribeConfigsResourceResult, DescribeConfigsResult, DescribeConfigsSynonym,
};
use strom_protocol::generated::{DescribeConfigsRequest, DescribeConfigsResponse};
use strom_protocol::ErrorCode;

/// Kafka's resource types.
pub const TOPIC: i8 = 2;
pub const BROKER: i8 = 4;

pub fn handle(broker: &Broker, request: DescribeConfigsRequest) -> DescribeConfigsResponse {
    let results = request
        .resources
        .iter()
        .map(|resource| {
            let mut result = DescribeConfigsResult {
                resource_type: resource.resource_type,
                resource_name: resource.resource_name.clone(),
                ..Default::default()
            };
            let keys = resource.configuration_keys.as_deref();
            match describe(
                broker,
                resource.resource_type,
                &resource.resource_name,
                keys,
            ) {
                Ok(described) => {
                    result.configs = described
                        .into_iter()
                        .map(|d| {
                            to_result(d, request.include_synonyms, request.include_documentation)
                        })
                        .collect()
                }
                Err((code, message)) => {
                    result.error_code = code.0;
                    result.error_message = Some(message);
                }
            }
            result
        })
        .collect();
    DescribeConfigsResponse {
        results,
        ..Default::default()
    }
}

/// The configs of one resource, or the error Kafka answers for it.
pub fn describe(
    broker: &Broker,
    resource_type: i8,
    name: &str,
    keys: Option<&[String]>,
) -> Result<Vec<Described>, (ErrorCode, String)> {
    match resource_type {
        TOPIC => {
            crate::broker::validate_topic_name(name).map_err(|e| (e.code, e.message))?;
            let topic = broker.topic(name).ok_or_else(|| {
                (
                    ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                    format!("Topic '{name}' does not exist."),
                )
            })?;
            Ok(configs::describe_topic(
                &broker.config,
                &topic.overrides,
                keys,
            ))
        }
        BROKER => {
            check_broker_name(broker, name)?;
            if name.is_empty() {
                // The cluster-wide dynamic defaults: strom has none.
                return Ok(Vec::new());
            }
            Ok(configs::describe_broker(&broker.config, keys))
        }
        other => Err((
            ErrorCode::INVALID_REQUEST,
            format!("strom describes topic (2) and broker (4) configs, not resource type {other}"),
        )),
    }
}

/// A broker resource names this broker's node id, or is empty (the cluster default).
pub fn check_broker_name(broker: &Broker, name: &str) -> Result<(), (ErrorCode, String)> {
    if name.is_empty() || name.parse::<i32>().ok() == Some(broker.config.node_id) {
        Ok(())
    } else {
        Err((
            ErrorCode::INVALID_REQUEST,
            format!(
                "Unexpected broker id, expected {} but received {name}",
                broker.config.node_id
            ),
        ))
    }
}

fn to_result(d: Described, synonyms: bool, documentation: bool) -> DescribeConfigsResourceResult {
    DescribeConfigsResourceResult {
        name: d.name,
        value: d.value,
        read_only: d.read_only,
        config_source: d.source as i8,
        is_sensitive: false,
        synonyms: if synonyms {
            d.synonyms
                .into_iter()
                .map(|(name, value, source)| DescribeConfigsSynonym {
                    name,
                    value,
                    source: source as i8,
                    ..Default::default()
                })
                .collect()
        } else {
            Vec::new()
        },
        config_type: d.kind as i8,
        documentation: documentation.then(|| d.doc.to_string()),
        ..Default::default()
    }
}
