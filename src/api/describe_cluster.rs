//! DescribeCluster: the cluster id, the controller (see `api::controller_id`) and the
//! registered brokers (a controller-only node is not one) with their racks, as the broker
//! endpoint answers it.
//! A request for the controller endpoints gets MISMATCHED_ENDPOINT_TYPE and an unknown
//! endpoint type UNSUPPORTED_ENDPOINT_TYPE (INVALID_REQUEST at v0), as Kafka's brokers do.

use super::CLUSTER_AUTHORIZED_OPERATIONS;
use crate::broker::Broker;
use strom_protocol::generated::describe_cluster_response::DescribeClusterBroker;
use strom_protocol::generated::{DescribeClusterRequest, DescribeClusterResponse};
use strom_protocol::ErrorCode;

/// `endpoint_type` values (KIP-919).
const ENDPOINT_BROKER: i8 = 1;
const ENDPOINT_CONTROLLER: i8 = 2;

pub fn handle(
    broker: &Broker,
    request: DescribeClusterRequest,
    version: i16,
) -> DescribeClusterResponse {
    let refuse = |code: ErrorCode, message: String| DescribeClusterResponse {
        // Kafka's v0 has no endpoint types of its own to complain about.
        error_code: if version == 0 {
            ErrorCode::INVALID_REQUEST.0
        } else {
            code.0
        },
        error_message: Some(message),
        ..Default::default()
    };
    match request.endpoint_type {
        ENDPOINT_BROKER => {}
        ENDPOINT_CONTROLLER => {
            return refuse(
                ErrorCode::MISMATCHED_ENDPOINT_TYPE,
                "The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER".into(),
            )
        }
        other => {
            return refuse(
                ErrorCode::UNSUPPORTED_ENDPOINT_TYPE,
                format!("Unsupported endpoint type {other}"),
            )
        }
    }
    let brokers = broker
        .metadata
        .image()
        .brokers
        .values()
        // v2+ (KIP-1073) may ask for fenced brokers too; otherwise only live ones.
        .filter(|b| !b.fenced || request.include_fenced_brokers)
        .map(|b| DescribeClusterBroker {
            broker_id: b.node_id,
            host: b.host.clone(),
            port: i32::from(b.port),
            rack: b.rack.clone(),
            is_fenced: b.fenced,
            ..Default::default()
        })
        .collect();
    DescribeClusterResponse {
        endpoint_type: ENDPOINT_BROKER,
        cluster_id: broker.cluster_id.clone(),
        controller_id: super::controller_id(broker),
        brokers,
        cluster_authorized_operations: if request.include_cluster_authorized_operations {
            CLUSTER_AUTHORIZED_OPERATIONS
        } else {
            i32::MIN
        },
        ..Default::default()
    }
}
