//! JoinGroup: hands the request to the group coordinator and waits (without holding any
//! lock) for the join phase to complete. Only this connection waits, as in Kafka, which
//! handles one request per connection at a time.

use crate::broker::Broker;
use crate::group::{manager::JoinRequest, LogStore};
use strom_protocol::generated::{JoinGroupRequest, JoinGroupResponse};
use strom_protocol::ErrorCode;

pub async fn handle(
    broker: &Broker,
    request: JoinGroupRequest,
    version: i16,
    client_id: String,
    client_host: String,
) -> JoinGroupResponse {
    let member_id = request.member_id.clone();
    if let Err(code) = broker.check_coordinator(&request.group_id) {
        return JoinGroupResponse {
            error_code: code.0,
            generation_id: -1,
            member_id,
            protocol_name: (version < 7).then(String::new),
            ..Default::default()
        };
    }
    let join = JoinRequest {
        group_id: request.group_id,
        member_id: request.member_id,
        group_instance_id: request.group_instance_id,
        client_id,
        client_host,
        session_timeout_ms: request.session_timeout_ms,
        // v0 has no rebalance timeout: the session timeout is used, as in Kafka.
        rebalance_timeout_ms: if version >= 1 {
            request.rebalance_timeout_ms
        } else {
            request.session_timeout_ms
        },
        protocol_type: request.protocol_type,
        protocols: request
            .protocols
            .into_iter()
            .map(|p| (p.name, p.metadata))
            .collect(),
        require_known_member_id: version >= 4,
        supports_skip_assignment: version >= 9,
    };
    let answer = {
        let mut store = LogStore { broker };
        broker
            .groups
            .lock()
            .join(&mut store, crate::api::now_ms(), join)
    };
    let mut response = answer.await.unwrap_or_else(|_| JoinGroupResponse {
        error_code: ErrorCode::COORDINATOR_NOT_AVAILABLE.0,
        generation_id: -1,
        member_id,
        ..Default::default()
    });
    // Before v7 the protocol name is not nullable.
    if version < 7 && response.protocol_name.is_none() {
        response.protocol_name = Some(String::new());
    }
    response
}
