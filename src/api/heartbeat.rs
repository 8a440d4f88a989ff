//! Heartbeat: keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin.

use crate::broker::Broker;
use strom_protocol::generated::{HeartbeatRequest, HeartbeatResponse};

pub fn handle(broker: &Broker, request: HeartbeatRequest) -> HeartbeatResponse {
    let code = match broker.check_coordinator(&request.group_id) {
        Err(code) => code,
        Ok(()) => broker.groups.lock().heartbeat(
            crate::api::now_ms(),
            &request.group_id,
            &request.member_id,
            request.group_instance_id.as_deref(),
            request.generation_id,
        ),
    };
    HeartbeatResponse {
        error_code: code.0,
        ..Default::default()
    }
}
