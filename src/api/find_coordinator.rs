//! FindCoordinator: a group (key type 0) is coordinated by the broker leading its
//! partition of `__consumer_offsets` (Kafka's hash of the group id), and the first lookup
//! creates that topic, as Kafka does. v4+ answers a batch of keys.
//!
//! Transaction keys (type 1) are answered with this broker too: strom has no transaction
//! coordinator, and a transactional producer then gets the clear, final INVALID_REQUEST from
//! InitProducerId instead of retrying a retriable COORDINATOR_NOT_AVAILABLE until its
//! `max.block.ms` runs out. Other key types are INVALID_REQUEST.

use crate::broker::Broker;
use strom_protocol::generated::find_coordinator_response::Coordinator;
use strom_protocol::generated::{FindCoordinatorRequest, FindCoordinatorResponse};
use strom_protocol::ErrorCode;

pub fn handle(
    broker: &Broker,
    request: FindCoordinatorRequest,
    version: i16,
) -> FindCoordinatorResponse {
    let keys = if version >= 4 {
        request.coordinator_keys
    } else {
        vec![request.key]
    };
    let mut coordinators: Vec<Coordinator> = keys
        .into_iter()
        .map(|key| lookup(broker, key, request.key_type))
        .collect();
    if version >= 4 {
        return FindCoordinatorResponse {
            coordinators,
            ..Default::default()
        };
    }
    let single = coordinators.pop().unwrap_or_default();
    FindCoordinatorResponse {
        error_code: single.error_code,
        error_message: single.error_message,
        node_id: single.node_id,
        host: single.host,
        port: single.port,
        ..Default::default()
    }
}

fn lookup(broker: &Broker, key: String, key_type: i8) -> Coordinator {
    let result = match key_type {
        0 => broker
            .coordinator_of(&key)
            .and_then(|node_id| endpoint(broker, node_id)),
        1 => endpoint(broker, broker.config.node_id),
        _ => Err(ErrorCode::INVALID_REQUEST),
    };
    match result {
        Ok((node_id, host, port)) => Coordinator {
            key,
            node_id,
            host,
            port,
            error_code: ErrorCode::NONE.0,
            error_message: None,
            ..Default::default()
        },
        Err(code) => Coordinator {
            key,
            node_id: -1,
            host: String::new(),
            port: -1,
            error_code: code.0,
            error_message: Some(format!("key type {key_type}: {code:?}")),
            ..Default::default()
        },
    }
}

/// A broker's advertised endpoint: this broker's as configured, another's as registered.
fn endpoint(broker: &Broker, node_id: i32) -> Result<(i32, String, i32), ErrorCode> {
    if node_id == broker.config.node_id {
        let advertised = broker.config.advertised();
        return Ok((node_id, advertised.host.clone(), i32::from(advertised.port)));
    }
    let image = broker.metadata.image();
    let registered = image
        .brokers
        .get(&node_id)
        .ok_or(ErrorCode::COORDINATOR_NOT_AVAILABLE)?;
    Ok((node_id, registered.host.clone(), i32::from(registered.port)))
}
