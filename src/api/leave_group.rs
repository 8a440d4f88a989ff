//! LeaveGroup: v0-2 name one member (its error is the top-level error); v3+ name a batch
//! of members by member id and/or group instance id, each answered on its own.

use crate::broker::Broker;
use crate::group::LogStore;
use strom_protocol::generated::leave_group_response::MemberResponse;
use strom_protocol::generated::{LeaveGroupRequest, LeaveGroupResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: LeaveGroupRequest, version: i16) -> LeaveGroupResponse {
    if let Err(code) = broker.check_coordinator(&request.group_id) {
        return LeaveGroupResponse {
            error_code: code.0,
            ..Default::default()
        };
    }
    let leaving: Vec<(String, Option<String>)> = if version >= 3 {
        request
            .members
            .into_iter()
            .map(|m| (m.member_id, m.group_instance_id))
            .collect()
    } else {
        vec![(request.member_id, None)]
    };
    let codes = {
        let mut store = LogStore { broker };
        broker.groups.lock().leave(
            &mut store,
            crate::api::now_ms(),
            &request.group_id,
            &leaving,
        )
    };
    if version < 3 {
        return LeaveGroupResponse {
            error_code: codes.first().copied().unwrap_or(ErrorCode::NONE).0,
            ..Default::default()
        };
    }
    LeaveGroupResponse {
        error_code: ErrorCode::NONE.0,
        members: leaving
            .into_iter()
            .zip(codes)
            .map(|((member_id, group_instance_id), code)| MemberResponse {
                member_id,
                group_instance_id,
                error_code: code.0,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}
