//! DeleteGroups: removes Empty groups with their offsets; NON_EMPTY_GROUP while members
//! remain, GROUP_ID_NOT_FOUND for groups that do not exist, NOT_COORDINATOR for groups
//! another broker coordinates.

use crate::broker::Broker;
use crate::group::LogStore;
use strom_protocol::generated::delete_groups_response::DeletableGroupResult;
use strom_protocol::generated::{DeleteGroupsRequest, DeleteGroupsResponse};

pub fn handle(broker: &Broker, request: DeleteGroupsRequest) -> DeleteGroupsResponse {
    let elsewhere: Vec<Option<strom_protocol::ErrorCode>> = request
        .groups_names
        .iter()
        .map(|g| broker.check_coordinator(g).err())
        .collect();
    let mut store = LogStore { broker };
    let mut manager = broker.groups.lock();
    DeleteGroupsResponse {
        results: request
            .groups_names
            .into_iter()
            .zip(elsewhere)
            .map(|(group_id, elsewhere)| {
                let code = match elsewhere {
                    Some(code) => code,
                    None => manager.delete_group(&mut store, &group_id),
                };
                DeletableGroupResult {
                    group_id,
                    error_code: code.0,
                    ..Default::default()
                }
            })
            .collect(),
        ..Default::default()
    }
}
