//! The security and quota admin APIs strom decodes but does not implement: ACLs
//! (DescribeAcls, CreateAcls, DeleteAcls), client quotas (DescribeClientQuotas,
//! AlterClientQuotas) and SCRAM credentials (DescribeUserScramCredentials,
//! AlterUserScramCredentials). They are not advertised in ApiVersions; a client that sends
//! one anyway gets an honest UNSUPPORTED_VERSION in every error field the answer has — at
//! the top level and for each resource it asked about — rather than an empty success that
//! would claim an ACL, quota or credential was stored, or a dropped connection.

use std::collections::BTreeSet;
use strom_protocol::generated::{
    alter_client_quotas_response as alter_quotas,
    alter_user_scram_credentials_response as alter_scram, create_acls_response,
    delete_acls_response, describe_user_scram_credentials_response as describe_scram,
};
use strom_protocol::generated::{
    AlterClientQuotasResponse, AlterUserScramCredentialsResponse, CreateAclsResponse,
    DeleteAclsResponse, DescribeAclsResponse, DescribeClientQuotasResponse,
    DescribeUserScramCredentialsResponse,
};
use strom_protocol::{ErrorCode, RequestBody, ResponseBody};

const CODE: i16 = ErrorCode::UNSUPPORTED_VERSION.0;

fn message(what: &str) -> Option<String> {
    Some(format!("strom does not support {what}"))
}

/// The refusal of one of these requests; `None` for any other request.
pub fn refuse(request: &RequestBody) -> Option<ResponseBody> {
    let acls = || message("ACLs");
    let quotas = || message("client quotas");
    let scram = || message("SCRAM credentials");
    let response = match request {
        RequestBody::DescribeAcls(_) => ResponseBody::DescribeAcls(DescribeAclsResponse {
            error_code: CODE,
            error_message: acls(),
            ..Default::default()
        }),
        RequestBody::CreateAcls(r) => ResponseBody::CreateAcls(CreateAclsResponse {
            results: r
                .creations
                .iter()
                .map(|_| create_acls_response::AclCreationResult {
                    error_code: CODE,
                    error_message: acls(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }),
        RequestBody::DeleteAcls(r) => ResponseBody::DeleteAcls(DeleteAclsResponse {
            filter_results: r
                .filters
                .iter()
                .map(|_| delete_acls_response::DeleteAclsFilterResult {
                    error_code: CODE,
                    error_message: acls(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }),
        RequestBody::DescribeClientQuotas(_) => {
            ResponseBody::DescribeClientQuotas(DescribeClientQuotasResponse {
                error_code: CODE,
                error_message: quotas(),
                entries: None,
                ..Default::default()
            })
        }
        RequestBody::AlterClientQuotas(r) => {
            ResponseBody::AlterClientQuotas(AlterClientQuotasResponse {
                entries: r
                    .entries
                    .iter()
                    .map(|entry| alter_quotas::EntryData {
                        error_code: CODE,
                        error_message: quotas(),
                        entity: entry
                            .entity
                            .iter()
                            .map(|e| alter_quotas::EntityData {
                                entity_type: e.entity_type.clone(),
                                entity_name: e.entity_name.clone(),
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
        }
        RequestBody::DescribeUserScramCredentials(r) => {
            let users = r.users.iter().flatten().map(|u| u.name.clone());
            ResponseBody::DescribeUserScramCredentials(DescribeUserScramCredentialsResponse {
                error_code: CODE,
                error_message: scram(),
                results: users
                    .map(|user| describe_scram::DescribeUserScramCredentialsResult {
                        user,
                        error_code: CODE,
                        error_message: scram(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
        }
        RequestBody::AlterUserScramCredentials(r) => {
            // One result per user, however many of its mechanisms the request names.
            let users: BTreeSet<&str> = r
                .deletions
                .iter()
                .map(|d| d.name.as_str())
                .chain(r.upsertions.iter().map(|u| u.name.as_str()))
                .collect();
            ResponseBody::AlterUserScramCredentials(AlterUserScramCredentialsResponse {
                results: users
                    .into_iter()
                    .map(|user| alter_scram::AlterUserScramCredentialsResult {
                        user: user.to_string(),
                        error_code: CODE,
                        error_message: scram(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
        }
        _ => return None,
    };
    Some(response)
}
