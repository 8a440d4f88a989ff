//! SyncGroup: the leader's assignments go to the coordinator; every member waits (without
//! holding any lock) until the leader's arrive, then gets its own, possibly empty,
//! assignment.

use crate::broker::Broker;
use crate::group::{manager::SyncRequest, LogStore};
use strom_protocol::generated::{SyncGroupRequest, SyncGroupResponse};
use strom_protocol::ErrorCode;

pub async fn handle(broker: &Broker, request: SyncGroupRequest) -> SyncGroupResponse {
    if let Err(code) = broker.check_coordinator(&request.group_id) {
        return SyncGroupResponse {
            error_code: code.0,
            ..Default::default()
        };
    }
    let sync = SyncRequest {
        group_id: request.group_id,
        generation_id: request.generation_id,
        member_id: request.member_id,
        group_instance_id: request.group_instance_id,
        protocol_type: request.protocol_type,
        protocol_name: request.protocol_name,
        assignments: request
            .assignments
            .into_iter()
            .map(|a| (a.member_id, a.assignment))
            .collect(),
    };
    let answer = {
        let mut store = LogStore { broker };
        broker
            .groups
            .lock()
            .sync(&mut store, crate::api::now_ms(), sync)
    };
    answer.await.unwrap_or_else(|_| SyncGroupResponse {
        error_code: ErrorCode::COORDINATOR_NOT_AVAILABLE.0,
        ..Default::default()
    })
}
