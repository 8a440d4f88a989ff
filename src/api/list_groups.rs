//! ListGroups: every group with its protocol type; v4+ filter by state (case-insensitive,
//! as Kafka parses them) and v5+ by type (all of strom's groups are "classic").

use crate::broker::Broker;
use strom_protocol::generated::list_groups_response::ListedGroup;
use strom_protocol::generated::{ListGroupsRequest, ListGroupsResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: ListGroupsRequest) -> ListGroupsResponse {
    let states: Vec<String> = request
        .states_filter
        .iter()
        .map(|s| s.to_ascii_lowercase())
        .collect();
    let types: Vec<String> = request
        .types_filter
        .iter()
        .map(|s| s.to_ascii_lowercase())
        .collect();
    let groups = broker
        .groups
        .lock()
        .list()
        .into_iter()
        .filter(|(_, _, state)| {
            states.is_empty() || states.contains(&state.name().to_ascii_lowercase())
        })
        .filter(|_| types.is_empty() || types.iter().any(|t| t == "classic"))
        .map(|(group_id, protocol_type, state)| ListedGroup {
            group_id,
            protocol_type,
            group_state: state.name().to_string(),
            group_type: "classic".to_string(),
            ..Default::default()
        })
        .collect();
    ListGroupsResponse {
        error_code: ErrorCode::NONE.0,
        groups,
        ..Default::default()
    }
}
