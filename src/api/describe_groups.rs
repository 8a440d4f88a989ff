//! DescribeGroups: state, protocol and members of each group; member metadata and
//! assignments only when the group is Stable, as Kafka answers. A group that does not
//! exist is "Dead", with GROUP_ID_NOT_FOUND from v6 on (KIP-1043). A group another broker
//! coordinates is answered NOT_COORDINATOR.

use crate::broker::Broker;
use strom_protocol::generated::describe_groups_response::{DescribedGroup, DescribedGroupMember};
use strom_protocol::generated::{DescribeGroupsRequest, DescribeGroupsResponse};
use strom_protocol::ErrorCode;

pub fn handle(
    broker: &Broker,
    request: DescribeGroupsRequest,
    version: i16,
) -> DescribeGroupsResponse {
    let elsewhere: Vec<Option<ErrorCode>> = request
        .groups
        .iter()
        .map(|g| broker.check_coordinator(g).err())
        .collect();
    let manager = broker.groups.lock();
    let groups = request
        .groups
        .into_iter()
        .zip(elsewhere)
        .map(|(group_id, elsewhere)| match elsewhere {
            Some(code) => DescribedGroup {
                error_code: code.0,
                group_id,
                authorized_operations: i32::MIN,
                ..Default::default()
            },
            None => describe(&manager, group_id, version),
        })
        .collect();
    DescribeGroupsResponse {
        groups,
        ..Default::default()
    }
}

fn describe(
    manager: &crate::group::manager::GroupManager,
    group_id: String,
    version: i16,
) -> DescribedGroup {
    match manager.describe(&group_id) {
        Some(d) => DescribedGroup {
            error_code: ErrorCode::NONE.0,
            error_message: None,
            group_id,
            group_state: d.state.name().to_string(),
            protocol_type: d.protocol_type,
            protocol_data: d.protocol_name,
            members: d
                .members
                .into_iter()
                .map(|m| DescribedGroupMember {
                    member_id: m.member_id,
                    group_instance_id: m.group_instance_id,
                    client_id: m.client_id,
                    client_host: m.client_host,
                    member_metadata: m.metadata,
                    member_assignment: m.assignment,
                    ..Default::default()
                })
                .collect(),
            authorized_operations: i32::MIN,
            ..Default::default()
        },
        None => {
            let not_found = version >= 6;
            DescribedGroup {
                error_code: if not_found {
                    ErrorCode::GROUP_ID_NOT_FOUND.0
                } else {
                    ErrorCode::NONE.0
                },
                error_message: not_found.then(|| format!("Group {group_id} not found.")),
                group_id,
                group_state: "Dead".to_string(),
                authorized_operations: i32::MIN,
                ..Default::default()
            }
        }
    }
}
