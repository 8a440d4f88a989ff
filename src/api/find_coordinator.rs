//! FindCoordinator: this broker coordinates every group (key type 0), and the first
//! lookup creates `__consumer_offsets`, as Kafka does. v4+ answers a batch of keys.
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
        0 => crate::group::LogStore::offsets_topic(broker).map(|_| ()),
        1 => Ok(()),
        _ => Err(ErrorCode::INVALID_REQUEST),
    };
    match result {
        Ok(()) => {
            let advertised = broker.config.advertised();
            Coordinator {
                key,
                node_id: broker.config.node_id,
                host: advertised.host.clone(),
                port: i32::from(advertised.port),
                error_code: ErrorCode::NONE.0,
                error_message: None,
                ..Default::default()
            }
        }
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
