// Generated from protocol/schema/*.toml by strom-codegen. Do not edit: run `cargo run -p strom-codegen`.
//! Every Kafka message strom speaks, generated from the schema files, plus the table of
//! supported APIs that ApiVersions advertises.

#![allow(clippy::all)]

use crate::codec::{Codec, EncodeError, PResult};
use bytes::{BufMut, Bytes};

pub mod add_offsets_to_txn_request;
pub mod add_offsets_to_txn_response;
pub mod add_partitions_to_txn_request;
pub mod add_partitions_to_txn_response;
pub mod alter_client_quotas_request;
pub mod alter_client_quotas_response;
pub mod alter_configs_request;
pub mod alter_configs_response;
pub mod alter_user_scram_credentials_request;
pub mod alter_user_scram_credentials_response;
pub mod api_versions_request;
pub mod api_versions_response;
pub mod consumer_group_describe_request;
pub mod consumer_group_describe_response;
pub mod consumer_group_heartbeat_request;
pub mod consumer_group_heartbeat_response;
pub mod create_acls_request;
pub mod create_acls_response;
pub mod create_partitions_request;
pub mod create_partitions_response;
pub mod create_topics_request;
pub mod create_topics_response;
pub mod delete_acls_request;
pub mod delete_acls_response;
pub mod delete_groups_request;
pub mod delete_groups_response;
pub mod delete_records_request;
pub mod delete_records_response;
pub mod delete_topics_request;
pub mod delete_topics_response;
pub mod describe_acls_request;
pub mod describe_acls_response;
pub mod describe_client_quotas_request;
pub mod describe_client_quotas_response;
pub mod describe_cluster_request;
pub mod describe_cluster_response;
pub mod describe_configs_request;
pub mod describe_configs_response;
pub mod describe_groups_request;
pub mod describe_groups_response;
pub mod describe_log_dirs_request;
pub mod describe_log_dirs_response;
pub mod describe_producers_request;
pub mod describe_producers_response;
pub mod describe_quorum_request;
pub mod describe_quorum_response;
pub mod describe_topic_partitions_request;
pub mod describe_topic_partitions_response;
pub mod describe_transactions_request;
pub mod describe_transactions_response;
pub mod describe_user_scram_credentials_request;
pub mod describe_user_scram_credentials_response;
pub mod elect_leaders_request;
pub mod elect_leaders_response;
pub mod end_txn_request;
pub mod end_txn_response;
pub mod fetch_request;
pub mod fetch_response;
pub mod find_coordinator_request;
pub mod find_coordinator_response;
pub mod heartbeat_request;
pub mod heartbeat_response;
pub mod incremental_alter_configs_request;
pub mod incremental_alter_configs_response;
pub mod init_producer_id_request;
pub mod init_producer_id_response;
pub mod join_group_request;
pub mod join_group_response;
pub mod leave_group_request;
pub mod leave_group_response;
pub mod list_groups_request;
pub mod list_groups_response;
pub mod list_offsets_request;
pub mod list_offsets_response;
pub mod list_transactions_request;
pub mod list_transactions_response;
pub mod metadata_request;
pub mod metadata_response;
pub mod offset_commit_request;
pub mod offset_commit_response;
pub mod offset_delete_request;
pub mod offset_delete_response;
pub mod offset_fetch_request;
pub mod offset_fetch_response;
pub mod offset_for_leader_epoch_request;
pub mod offset_for_leader_epoch_response;
pub mod produce_request;
pub mod produce_response;
pub mod sasl_authenticate_request;
pub mod sasl_authenticate_response;
pub mod sasl_handshake_request;
pub mod sasl_handshake_response;
pub mod sync_group_request;
pub mod sync_group_response;
pub mod txn_offset_commit_request;
pub mod txn_offset_commit_response;
pub mod write_txn_markers_request;
pub mod write_txn_markers_response;

pub use add_offsets_to_txn_request::AddOffsetsToTxnRequest;
pub use add_offsets_to_txn_response::AddOffsetsToTxnResponse;
pub use add_partitions_to_txn_request::AddPartitionsToTxnRequest;
pub use add_partitions_to_txn_response::AddPartitionsToTxnResponse;
pub use alter_client_quotas_request::AlterClientQuotasRequest;
pub use alter_client_quotas_response::AlterClientQuotasResponse;
pub use alter_configs_request::AlterConfigsRequest;
pub use alter_configs_response::AlterConfigsResponse;
pub use alter_user_scram_credentials_request::AlterUserScramCredentialsRequest;
pub use alter_user_scram_credentials_response::AlterUserScramCredentialsResponse;
pub use api_versions_request::ApiVersionsRequest;
pub use api_versions_response::ApiVersionsResponse;
pub use consumer_group_describe_request::ConsumerGroupDescribeRequest;
pub use consumer_group_describe_response::ConsumerGroupDescribeResponse;
pub use consumer_group_heartbeat_request::ConsumerGroupHeartbeatRequest;
pub use consumer_group_heartbeat_response::ConsumerGroupHeartbeatResponse;
pub use create_acls_request::CreateAclsRequest;
pub use create_acls_response::CreateAclsResponse;
pub use create_partitions_request::CreatePartitionsRequest;
pub use create_partitions_response::CreatePartitionsResponse;
pub use create_topics_request::CreateTopicsRequest;
pub use create_topics_response::CreateTopicsResponse;
pub use delete_acls_request::DeleteAclsRequest;
pub use delete_acls_response::DeleteAclsResponse;
pub use delete_groups_request::DeleteGroupsRequest;
pub use delete_groups_response::DeleteGroupsResponse;
pub use delete_records_request::DeleteRecordsRequest;
pub use delete_records_response::DeleteRecordsResponse;
pub use delete_topics_request::DeleteTopicsRequest;
pub use delete_topics_response::DeleteTopicsResponse;
pub use describe_acls_request::DescribeAclsRequest;
pub use describe_acls_response::DescribeAclsResponse;
pub use describe_client_quotas_request::DescribeClientQuotasRequest;
pub use describe_client_quotas_response::DescribeClientQuotasResponse;
pub use describe_cluster_request::DescribeClusterRequest;
pub use describe_cluster_response::DescribeClusterResponse;
pub use describe_configs_request::DescribeConfigsRequest;
pub use describe_configs_response::DescribeConfigsResponse;
pub use describe_groups_request::DescribeGroupsRequest;
pub use describe_groups_response::DescribeGroupsResponse;
pub use describe_log_dirs_request::DescribeLogDirsRequest;
pub use describe_log_dirs_response::DescribeLogDirsResponse;
pub use describe_producers_request::DescribeProducersRequest;
pub use describe_producers_response::DescribeProducersResponse;
pub use describe_quorum_request::DescribeQuorumRequest;
pub use describe_quorum_response::DescribeQuorumResponse;
pub use describe_topic_partitions_request::DescribeTopicPartitionsRequest;
pub use describe_topic_partitions_response::DescribeTopicPartitionsResponse;
pub use describe_transactions_request::DescribeTransactionsRequest;
pub use describe_transactions_response::DescribeTransactionsResponse;
pub use describe_user_scram_credentials_request::DescribeUserScramCredentialsRequest;
pub use describe_user_scram_credentials_response::DescribeUserScramCredentialsResponse;
pub use elect_leaders_request::ElectLeadersRequest;
pub use elect_leaders_response::ElectLeadersResponse;
pub use end_txn_request::EndTxnRequest;
pub use end_txn_response::EndTxnResponse;
pub use fetch_request::FetchRequest;
pub use fetch_response::FetchResponse;
pub use find_coordinator_request::FindCoordinatorRequest;
pub use find_coordinator_response::FindCoordinatorResponse;
pub use heartbeat_request::HeartbeatRequest;
pub use heartbeat_response::HeartbeatResponse;
pub use incremental_alter_configs_request::IncrementalAlterConfigsRequest;
pub use incremental_alter_configs_response::IncrementalAlterConfigsResponse;
pub use init_producer_id_request::InitProducerIdRequest;
pub use init_producer_id_response::InitProducerIdResponse;
pub use join_group_request::JoinGroupRequest;
pub use join_group_response::JoinGroupResponse;
pub use leave_group_request::LeaveGroupRequest;
pub use leave_group_response::LeaveGroupResponse;
pub use list_groups_request::ListGroupsRequest;
pub use list_groups_response::ListGroupsResponse;
pub use list_offsets_request::ListOffsetsRequest;
pub use list_offsets_response::ListOffsetsResponse;
pub use list_transactions_request::ListTransactionsRequest;
pub use list_transactions_response::ListTransactionsResponse;
pub use metadata_request::MetadataRequest;
pub use metadata_response::MetadataResponse;
pub use offset_commit_request::OffsetCommitRequest;
pub use offset_commit_response::OffsetCommitResponse;
pub use offset_delete_request::OffsetDeleteRequest;
pub use offset_delete_response::OffsetDeleteResponse;
pub use offset_fetch_request::OffsetFetchRequest;
pub use offset_fetch_response::OffsetFetchResponse;
pub use offset_for_leader_epoch_request::OffsetForLeaderEpochRequest;
pub use offset_for_leader_epoch_response::OffsetForLeaderEpochResponse;
pub use produce_request::ProduceRequest;
pub use produce_response::ProduceResponse;
pub use sasl_authenticate_request::SaslAuthenticateRequest;
pub use sasl_authenticate_response::SaslAuthenticateResponse;
pub use sasl_handshake_request::SaslHandshakeRequest;
pub use sasl_handshake_response::SaslHandshakeResponse;
pub use sync_group_request::SyncGroupRequest;
pub use sync_group_response::SyncGroupResponse;
pub use txn_offset_commit_request::TxnOffsetCommitRequest;
pub use txn_offset_commit_response::TxnOffsetCommitResponse;
pub use write_txn_markers_request::WriteTxnMarkersRequest;
pub use write_txn_markers_response::WriteTxnMarkersResponse;

/// A Kafka API strom implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i16)]
pub enum ApiKey {
    Produce = 0,
    Fetch = 1,
    ListOffsets = 2,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    JoinGroup = 11,
    Heartbeat = 12,
    LeaveGroup = 13,
    SyncGroup = 14,
    DescribeGroups = 15,
    ListGroups = 16,
    SaslHandshake = 17,
    ApiVersions = 18,
    CreateTopics = 19,
    DeleteTopics = 20,
    DeleteRecords = 21,
    InitProducerId = 22,
    OffsetForLeaderEpoch = 23,
    AddPartitionsToTxn = 24,
    AddOffsetsToTxn = 25,
    EndTxn = 26,
    WriteTxnMarkers = 27,
    TxnOffsetCommit = 28,
    DescribeAcls = 29,
    CreateAcls = 30,
    DeleteAcls = 31,
    DescribeConfigs = 32,
    AlterConfigs = 33,
    DescribeLogDirs = 35,
    SaslAuthenticate = 36,
    CreatePartitions = 37,
    DeleteGroups = 42,
    ElectLeaders = 43,
    IncrementalAlterConfigs = 44,
    OffsetDelete = 47,
    DescribeClientQuotas = 48,
    AlterClientQuotas = 49,
    DescribeUserScramCredentials = 50,
    AlterUserScramCredentials = 51,
    DescribeQuorum = 55,
    DescribeCluster = 60,
    DescribeProducers = 61,
    DescribeTransactions = 65,
    ListTransactions = 66,
    ConsumerGroupHeartbeat = 68,
    ConsumerGroupDescribe = 69,
    DescribeTopicPartitions = 75,
}

impl ApiKey {
    /// Every API, in key order.
    pub const ALL: &'static [ApiKey] = &[
        ApiKey::Produce,
        ApiKey::Fetch,
        ApiKey::ListOffsets,
        ApiKey::Metadata,
        ApiKey::OffsetCommit,
        ApiKey::OffsetFetch,
        ApiKey::FindCoordinator,
        ApiKey::JoinGroup,
        ApiKey::Heartbeat,
        ApiKey::LeaveGroup,
        ApiKey::SyncGroup,
        ApiKey::DescribeGroups,
        ApiKey::ListGroups,
        ApiKey::SaslHandshake,
        ApiKey::ApiVersions,
        ApiKey::CreateTopics,
        ApiKey::DeleteTopics,
        ApiKey::DeleteRecords,
        ApiKey::InitProducerId,
        ApiKey::OffsetForLeaderEpoch,
        ApiKey::AddPartitionsToTxn,
        ApiKey::AddOffsetsToTxn,
        ApiKey::EndTxn,
        ApiKey::WriteTxnMarkers,
        ApiKey::TxnOffsetCommit,
        ApiKey::DescribeAcls,
        ApiKey::CreateAcls,
        ApiKey::DeleteAcls,
        ApiKey::DescribeConfigs,
        ApiKey::AlterConfigs,
        ApiKey::DescribeLogDirs,
        ApiKey::SaslAuthenticate,
        ApiKey::CreatePartitions,
        ApiKey::DeleteGroups,
        ApiKey::ElectLeaders,
        ApiKey::IncrementalAlterConfigs,
        ApiKey::OffsetDelete,
        ApiKey::DescribeClientQuotas,
        ApiKey::AlterClientQuotas,
        ApiKey::DescribeUserScramCredentials,
        ApiKey::AlterUserScramCredentials,
        ApiKey::DescribeQuorum,
        ApiKey::DescribeCluster,
        ApiKey::DescribeProducers,
        ApiKey::DescribeTransactions,
        ApiKey::ListTransactions,
        ApiKey::ConsumerGroupHeartbeat,
        ApiKey::ConsumerGroupDescribe,
        ApiKey::DescribeTopicPartitions,
    ];

    pub fn from_i16(key: i16) -> Option<ApiKey> {
        match key {
            0 => Some(ApiKey::Produce),
            1 => Some(ApiKey::Fetch),
            2 => Some(ApiKey::ListOffsets),
            3 => Some(ApiKey::Metadata),
            8 => Some(ApiKey::OffsetCommit),
            9 => Some(ApiKey::OffsetFetch),
            10 => Some(ApiKey::FindCoordinator),
            11 => Some(ApiKey::JoinGroup),
            12 => Some(ApiKey::Heartbeat),
            13 => Some(ApiKey::LeaveGroup),
            14 => Some(ApiKey::SyncGroup),
            15 => Some(ApiKey::DescribeGroups),
            16 => Some(ApiKey::ListGroups),
            17 => Some(ApiKey::SaslHandshake),
            18 => Some(ApiKey::ApiVersions),
            19 => Some(ApiKey::CreateTopics),
            20 => Some(ApiKey::DeleteTopics),
            21 => Some(ApiKey::DeleteRecords),
            22 => Some(ApiKey::InitProducerId),
            23 => Some(ApiKey::OffsetForLeaderEpoch),
            24 => Some(ApiKey::AddPartitionsToTxn),
            25 => Some(ApiKey::AddOffsetsToTxn),
            26 => Some(ApiKey::EndTxn),
            27 => Some(ApiKey::WriteTxnMarkers),
            28 => Some(ApiKey::TxnOffsetCommit),
            29 => Some(ApiKey::DescribeAcls),
            30 => Some(ApiKey::CreateAcls),
            31 => Some(ApiKey::DeleteAcls),
            32 => Some(ApiKey::DescribeConfigs),
            33 => Some(ApiKey::AlterConfigs),
            35 => Some(ApiKey::DescribeLogDirs),
            36 => Some(ApiKey::SaslAuthenticate),
            37 => Some(ApiKey::CreatePartitions),
            42 => Some(ApiKey::DeleteGroups),
            43 => Some(ApiKey::ElectLeaders),
            44 => Some(ApiKey::IncrementalAlterConfigs),
            47 => Some(ApiKey::OffsetDelete),
            48 => Some(ApiKey::DescribeClientQuotas),
            49 => Some(ApiKey::AlterClientQuotas),
            50 => Some(ApiKey::DescribeUserScramCredentials),
            51 => Some(ApiKey::AlterUserScramCredentials),
            55 => Some(ApiKey::DescribeQuorum),
            60 => Some(ApiKey::DescribeCluster),
            61 => Some(ApiKey::DescribeProducers),
            65 => Some(ApiKey::DescribeTransactions),
            66 => Some(ApiKey::ListTransactions),
            68 => Some(ApiKey::ConsumerGroupHeartbeat),
            69 => Some(ApiKey::ConsumerGroupDescribe),
            75 => Some(ApiKey::DescribeTopicPartitions),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ApiKey::Produce => "Produce",
            ApiKey::Fetch => "Fetch",
            ApiKey::ListOffsets => "ListOffsets",
            ApiKey::Metadata => "Metadata",
            ApiKey::OffsetCommit => "OffsetCommit",
            ApiKey::OffsetFetch => "OffsetFetch",
            ApiKey::FindCoordinator => "FindCoordinator",
            ApiKey::JoinGroup => "JoinGroup",
            ApiKey::Heartbeat => "Heartbeat",
            ApiKey::LeaveGroup => "LeaveGroup",
            ApiKey::SyncGroup => "SyncGroup",
            ApiKey::DescribeGroups => "DescribeGroups",
            ApiKey::ListGroups => "ListGroups",
            ApiKey::SaslHandshake => "SaslHandshake",
            ApiKey::ApiVersions => "ApiVersions",
            ApiKey::CreateTopics => "CreateTopics",
            ApiKey::DeleteTopics => "DeleteTopics",
            ApiKey::DeleteRecords => "DeleteRecords",
            ApiKey::InitProducerId => "InitProducerId",
            ApiKey::OffsetForLeaderEpoch => "OffsetForLeaderEpoch",
            ApiKey::AddPartitionsToTxn => "AddPartitionsToTxn",
            ApiKey::AddOffsetsToTxn => "AddOffsetsToTxn",
            ApiKey::EndTxn => "EndTxn",
            ApiKey::WriteTxnMarkers => "WriteTxnMarkers",
            ApiKey::TxnOffsetCommit => "TxnOffsetCommit",
            ApiKey::DescribeAcls => "DescribeAcls",
            ApiKey::CreateAcls => "CreateAcls",
            ApiKey::DeleteAcls => "DeleteAcls",
            ApiKey::DescribeConfigs => "DescribeConfigs",
            ApiKey::AlterConfigs => "AlterConfigs",
            ApiKey::DescribeLogDirs => "DescribeLogDirs",
            ApiKey::SaslAuthenticate => "SaslAuthenticate",
            ApiKey::CreatePartitions => "CreatePartitions",
            ApiKey::DeleteGroups => "DeleteGroups",
            ApiKey::ElectLeaders => "ElectLeaders",
            ApiKey::IncrementalAlterConfigs => "IncrementalAlterConfigs",
            ApiKey::OffsetDelete => "OffsetDelete",
            ApiKey::DescribeClientQuotas => "DescribeClientQuotas",
            ApiKey::AlterClientQuotas => "AlterClientQuotas",
            ApiKey::DescribeUserScramCredentials => "DescribeUserScramCredentials",
            ApiKey::AlterUserScramCredentials => "AlterUserScramCredentials",
            ApiKey::DescribeQuorum => "DescribeQuorum",
            ApiKey::DescribeCluster => "DescribeCluster",
            ApiKey::DescribeProducers => "DescribeProducers",
            ApiKey::DescribeTransactions => "DescribeTransactions",
            ApiKey::ListTransactions => "ListTransactions",
            ApiKey::ConsumerGroupHeartbeat => "ConsumerGroupHeartbeat",
            ApiKey::ConsumerGroupDescribe => "ConsumerGroupDescribe",
            ApiKey::DescribeTopicPartitions => "DescribeTopicPartitions",
        }
    }

    /// The oldest version the codec reads and writes.
    pub fn min_version(self) -> i16 {
        match self {
            ApiKey::Produce => 3,
            ApiKey::Fetch => 4,
            ApiKey::ListOffsets => 1,
            ApiKey::Metadata => 0,
            ApiKey::OffsetCommit => 2,
            ApiKey::OffsetFetch => 1,
            ApiKey::FindCoordinator => 0,
            ApiKey::JoinGroup => 0,
            ApiKey::Heartbeat => 0,
            ApiKey::LeaveGroup => 0,
            ApiKey::SyncGroup => 0,
            ApiKey::DescribeGroups => 0,
            ApiKey::ListGroups => 0,
            ApiKey::SaslHandshake => 0,
            ApiKey::ApiVersions => 0,
            ApiKey::CreateTopics => 2,
            ApiKey::DeleteTopics => 1,
            ApiKey::DeleteRecords => 0,
            ApiKey::InitProducerId => 0,
            ApiKey::OffsetForLeaderEpoch => 2,
            ApiKey::AddPartitionsToTxn => 0,
            ApiKey::AddOffsetsToTxn => 0,
            ApiKey::EndTxn => 0,
            ApiKey::WriteTxnMarkers => 1,
            ApiKey::TxnOffsetCommit => 0,
            ApiKey::DescribeAcls => 1,
            ApiKey::CreateAcls => 1,
            ApiKey::DeleteAcls => 1,
            ApiKey::DescribeConfigs => 1,
            ApiKey::AlterConfigs => 0,
            ApiKey::DescribeLogDirs => 1,
            ApiKey::SaslAuthenticate => 0,
            ApiKey::CreatePartitions => 0,
            ApiKey::DeleteGroups => 0,
            ApiKey::ElectLeaders => 0,
            ApiKey::IncrementalAlterConfigs => 0,
            ApiKey::OffsetDelete => 0,
            ApiKey::DescribeClientQuotas => 0,
            ApiKey::AlterClientQuotas => 0,
            ApiKey::DescribeUserScramCredentials => 0,
            ApiKey::AlterUserScramCredentials => 0,
            ApiKey::DescribeQuorum => 0,
            ApiKey::DescribeCluster => 0,
            ApiKey::DescribeProducers => 0,
            ApiKey::DescribeTransactions => 0,
            ApiKey::ListTransactions => 0,
            ApiKey::ConsumerGroupHeartbeat => 0,
            ApiKey::ConsumerGroupDescribe => 0,
            ApiKey::DescribeTopicPartitions => 0,
        }
    }

    /// The newest version the codec reads and writes.
    pub fn max_version(self) -> i16 {
        match self {
            ApiKey::Produce => 13,
            ApiKey::Fetch => 18,
            ApiKey::ListOffsets => 10,
            ApiKey::Metadata => 13,
            ApiKey::OffsetCommit => 9,
            ApiKey::OffsetFetch => 9,
            ApiKey::FindCoordinator => 6,
            ApiKey::JoinGroup => 9,
            ApiKey::Heartbeat => 4,
            ApiKey::LeaveGroup => 5,
            ApiKey::SyncGroup => 5,
            ApiKey::DescribeGroups => 6,
            ApiKey::ListGroups => 5,
            ApiKey::SaslHandshake => 1,
            ApiKey::ApiVersions => 4,
            ApiKey::CreateTopics => 7,
            ApiKey::DeleteTopics => 6,
            ApiKey::DeleteRecords => 2,
            ApiKey::InitProducerId => 5,
            ApiKey::OffsetForLeaderEpoch => 4,
            ApiKey::AddPartitionsToTxn => 5,
            ApiKey::AddOffsetsToTxn => 4,
            ApiKey::EndTxn => 5,
            ApiKey::WriteTxnMarkers => 1,
            ApiKey::TxnOffsetCommit => 5,
            ApiKey::DescribeAcls => 3,
            ApiKey::CreateAcls => 3,
            ApiKey::DeleteAcls => 3,
            ApiKey::DescribeConfigs => 4,
            ApiKey::AlterConfigs => 2,
            ApiKey::DescribeLogDirs => 4,
            ApiKey::SaslAuthenticate => 2,
            ApiKey::CreatePartitions => 3,
            ApiKey::DeleteGroups => 2,
            ApiKey::ElectLeaders => 2,
            ApiKey::IncrementalAlterConfigs => 1,
            ApiKey::OffsetDelete => 0,
            ApiKey::DescribeClientQuotas => 1,
            ApiKey::AlterClientQuotas => 1,
            ApiKey::DescribeUserScramCredentials => 0,
            ApiKey::AlterUserScramCredentials => 0,
            ApiKey::DescribeQuorum => 2,
            ApiKey::DescribeCluster => 2,
            ApiKey::DescribeProducers => 0,
            ApiKey::DescribeTransactions => 0,
            ApiKey::ListTransactions => 2,
            ApiKey::ConsumerGroupHeartbeat => 1,
            ApiKey::ConsumerGroupDescribe => 1,
            ApiKey::DescribeTopicPartitions => 0,
        }
    }

    /// Whether `version` uses the flexible (compact, tagged-field) encoding.
    pub fn is_flexible(self, version: i16) -> bool {
        match self {
            ApiKey::Produce => version >= produce_request::FLEXIBLE_MIN,
            ApiKey::Fetch => version >= fetch_request::FLEXIBLE_MIN,
            ApiKey::ListOffsets => version >= list_offsets_request::FLEXIBLE_MIN,
            ApiKey::Metadata => version >= metadata_request::FLEXIBLE_MIN,
            ApiKey::OffsetCommit => version >= offset_commit_request::FLEXIBLE_MIN,
            ApiKey::OffsetFetch => version >= offset_fetch_request::FLEXIBLE_MIN,
            ApiKey::FindCoordinator => version >= find_coordinator_request::FLEXIBLE_MIN,
            ApiKey::JoinGroup => version >= join_group_request::FLEXIBLE_MIN,
            ApiKey::Heartbeat => version >= heartbeat_request::FLEXIBLE_MIN,
            ApiKey::LeaveGroup => version >= leave_group_request::FLEXIBLE_MIN,
            ApiKey::SyncGroup => version >= sync_group_request::FLEXIBLE_MIN,
            ApiKey::DescribeGroups => version >= describe_groups_request::FLEXIBLE_MIN,
            ApiKey::ListGroups => version >= list_groups_request::FLEXIBLE_MIN,
            ApiKey::SaslHandshake => version >= sasl_handshake_request::FLEXIBLE_MIN,
            ApiKey::ApiVersions => version >= api_versions_request::FLEXIBLE_MIN,
            ApiKey::CreateTopics => version >= create_topics_request::FLEXIBLE_MIN,
            ApiKey::DeleteTopics => version >= delete_topics_request::FLEXIBLE_MIN,
            ApiKey::DeleteRecords => version >= delete_records_request::FLEXIBLE_MIN,
            ApiKey::InitProducerId => version >= init_producer_id_request::FLEXIBLE_MIN,
            ApiKey::OffsetForLeaderEpoch => version >= offset_for_leader_epoch_request::FLEXIBLE_MIN,
            ApiKey::AddPartitionsToTxn => version >= add_partitions_to_txn_request::FLEXIBLE_MIN,
            ApiKey::AddOffsetsToTxn => version >= add_offsets_to_txn_request::FLEXIBLE_MIN,
            ApiKey::EndTxn => version >= end_txn_request::FLEXIBLE_MIN,
            ApiKey::WriteTxnMarkers => version >= write_txn_markers_request::FLEXIBLE_MIN,
            ApiKey::TxnOffsetCommit => version >= txn_offset_commit_request::FLEXIBLE_MIN,
            ApiKey::DescribeAcls => version >= describe_acls_request::FLEXIBLE_MIN,
            ApiKey::CreateAcls => version >= create_acls_request::FLEXIBLE_MIN,
            ApiKey::DeleteAcls => version >= delete_acls_request::FLEXIBLE_MIN,
            ApiKey::DescribeConfigs => version >= describe_configs_request::FLEXIBLE_MIN,
            ApiKey::AlterConfigs => version >= alter_configs_request::FLEXIBLE_MIN,
            ApiKey::DescribeLogDirs => version >= describe_log_dirs_request::FLEXIBLE_MIN,
            ApiKey::SaslAuthenticate => version >= sasl_authenticate_request::FLEXIBLE_MIN,
            ApiKey::CreatePartitions => version >= create_partitions_request::FLEXIBLE_MIN,
            ApiKey::DeleteGroups => version >= delete_groups_request::FLEXIBLE_MIN,
            ApiKey::ElectLeaders => version >= elect_leaders_request::FLEXIBLE_MIN,
            ApiKey::IncrementalAlterConfigs => version >= incremental_alter_configs_request::FLEXIBLE_MIN,
            ApiKey::OffsetDelete => version >= offset_delete_request::FLEXIBLE_MIN,
            ApiKey::DescribeClientQuotas => version >= describe_client_quotas_request::FLEXIBLE_MIN,
            ApiKey::AlterClientQuotas => version >= alter_client_quotas_request::FLEXIBLE_MIN,
            ApiKey::DescribeUserScramCredentials => version >= describe_user_scram_credentials_request::FLEXIBLE_MIN,
            ApiKey::AlterUserScramCredentials => version >= alter_user_scram_credentials_request::FLEXIBLE_MIN,
            ApiKey::DescribeQuorum => version >= describe_quorum_request::FLEXIBLE_MIN,
            ApiKey::DescribeCluster => version >= describe_cluster_request::FLEXIBLE_MIN,
            ApiKey::DescribeProducers => version >= describe_producers_request::FLEXIBLE_MIN,
            ApiKey::DescribeTransactions => version >= describe_transactions_request::FLEXIBLE_MIN,
            ApiKey::ListTransactions => version >= list_transactions_request::FLEXIBLE_MIN,
            ApiKey::ConsumerGroupHeartbeat => version >= consumer_group_heartbeat_request::FLEXIBLE_MIN,
            ApiKey::ConsumerGroupDescribe => version >= consumer_group_describe_request::FLEXIBLE_MIN,
            ApiKey::DescribeTopicPartitions => version >= describe_topic_partitions_request::FLEXIBLE_MIN,
        }
    }

    /// Request header version: 2 for flexible versions, else 1.
    pub fn request_header_version(self, version: i16) -> i16 {
        if self.is_flexible(version) { 2 } else { 1 }
    }

    /// Response header version: 1 for flexible versions, else 0; ApiVersions always 0.
    pub fn response_header_version(self, version: i16) -> i16 {
        if self != ApiKey::ApiVersions && self.is_flexible(version) { 1 } else { 0 }
    }
}

/// Any request body, tagged by API.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestBody {
    Produce(ProduceRequest),
    Fetch(FetchRequest),
    ListOffsets(ListOffsetsRequest),
    Metadata(MetadataRequest),
    OffsetCommit(OffsetCommitRequest),
    OffsetFetch(OffsetFetchRequest),
    FindCoordinator(FindCoordinatorRequest),
    JoinGroup(JoinGroupRequest),
    Heartbeat(HeartbeatRequest),
    LeaveGroup(LeaveGroupRequest),
    SyncGroup(SyncGroupRequest),
    DescribeGroups(DescribeGroupsRequest),
    ListGroups(ListGroupsRequest),
    SaslHandshake(SaslHandshakeRequest),
    ApiVersions(ApiVersionsRequest),
    CreateTopics(CreateTopicsRequest),
    DeleteTopics(DeleteTopicsRequest),
    DeleteRecords(DeleteRecordsRequest),
    InitProducerId(InitProducerIdRequest),
    OffsetForLeaderEpoch(OffsetForLeaderEpochRequest),
    AddPartitionsToTxn(AddPartitionsToTxnRequest),
    AddOffsetsToTxn(AddOffsetsToTxnRequest),
    EndTxn(EndTxnRequest),
    WriteTxnMarkers(WriteTxnMarkersRequest),
    TxnOffsetCommit(TxnOffsetCommitRequest),
    DescribeAcls(DescribeAclsRequest),
    CreateAcls(CreateAclsRequest),
    DeleteAcls(DeleteAclsRequest),
    DescribeConfigs(DescribeConfigsRequest),
    AlterConfigs(AlterConfigsRequest),
    DescribeLogDirs(DescribeLogDirsRequest),
    SaslAuthenticate(SaslAuthenticateRequest),
    CreatePartitions(CreatePartitionsRequest),
    DeleteGroups(DeleteGroupsRequest),
    ElectLeaders(ElectLeadersRequest),
    IncrementalAlterConfigs(IncrementalAlterConfigsRequest),
    OffsetDelete(OffsetDeleteRequest),
    DescribeClientQuotas(DescribeClientQuotasRequest),
    AlterClientQuotas(AlterClientQuotasRequest),
    DescribeUserScramCredentials(DescribeUserScramCredentialsRequest),
    AlterUserScramCredentials(AlterUserScramCredentialsRequest),
    DescribeQuorum(DescribeQuorumRequest),
    DescribeCluster(DescribeClusterRequest),
    DescribeProducers(DescribeProducersRequest),
    DescribeTransactions(DescribeTransactionsRequest),
    ListTransactions(ListTransactionsRequest),
    ConsumerGroupHeartbeat(ConsumerGroupHeartbeatRequest),
    ConsumerGroupDescribe(ConsumerGroupDescribeRequest),
    DescribeTopicPartitions(DescribeTopicPartitionsRequest),
}

impl RequestBody {
    pub fn api_key(&self) -> ApiKey {
        match self {
            RequestBody::Produce(_) => ApiKey::Produce,
            RequestBody::Fetch(_) => ApiKey::Fetch,
            RequestBody::ListOffsets(_) => ApiKey::ListOffsets,
            RequestBody::Metadata(_) => ApiKey::Metadata,
            RequestBody::OffsetCommit(_) => ApiKey::OffsetCommit,
            RequestBody::OffsetFetch(_) => ApiKey::OffsetFetch,
            RequestBody::FindCoordinator(_) => ApiKey::FindCoordinator,
            RequestBody::JoinGroup(_) => ApiKey::JoinGroup,
            RequestBody::Heartbeat(_) => ApiKey::Heartbeat,
            RequestBody::LeaveGroup(_) => ApiKey::LeaveGroup,
            RequestBody::SyncGroup(_) => ApiKey::SyncGroup,
            RequestBody::DescribeGroups(_) => ApiKey::DescribeGroups,
            RequestBody::ListGroups(_) => ApiKey::ListGroups,
            RequestBody::SaslHandshake(_) => ApiKey::SaslHandshake,
            RequestBody::ApiVersions(_) => ApiKey::ApiVersions,
            RequestBody::CreateTopics(_) => ApiKey::CreateTopics,
            RequestBody::DeleteTopics(_) => ApiKey::DeleteTopics,
            RequestBody::DeleteRecords(_) => ApiKey::DeleteRecords,
            RequestBody::InitProducerId(_) => ApiKey::InitProducerId,
            RequestBody::OffsetForLeaderEpoch(_) => ApiKey::OffsetForLeaderEpoch,
            RequestBody::AddPartitionsToTxn(_) => ApiKey::AddPartitionsToTxn,
            RequestBody::AddOffsetsToTxn(_) => ApiKey::AddOffsetsToTxn,
            RequestBody::EndTxn(_) => ApiKey::EndTxn,
            RequestBody::WriteTxnMarkers(_) => ApiKey::WriteTxnMarkers,
            RequestBody::TxnOffsetCommit(_) => ApiKey::TxnOffsetCommit,
            RequestBody::DescribeAcls(_) => ApiKey::DescribeAcls,
            RequestBody::CreateAcls(_) => ApiKey::CreateAcls,
            RequestBody::DeleteAcls(_) => ApiKey::DeleteAcls,
            RequestBody::DescribeConfigs(_) => ApiKey::DescribeConfigs,
            RequestBody::AlterConfigs(_) => ApiKey::AlterConfigs,
            RequestBody::DescribeLogDirs(_) => ApiKey::DescribeLogDirs,
            RequestBody::SaslAuthenticate(_) => ApiKey::SaslAuthenticate,
            RequestBody::CreatePartitions(_) => ApiKey::CreatePartitions,
            RequestBody::DeleteGroups(_) => ApiKey::DeleteGroups,
            RequestBody::ElectLeaders(_) => ApiKey::ElectLeaders,
            RequestBody::IncrementalAlterConfigs(_) => ApiKey::IncrementalAlterConfigs,
            RequestBody::OffsetDelete(_) => ApiKey::OffsetDelete,
            RequestBody::DescribeClientQuotas(_) => ApiKey::DescribeClientQuotas,
            RequestBody::AlterClientQuotas(_) => ApiKey::AlterClientQuotas,
            RequestBody::DescribeUserScramCredentials(_) => ApiKey::DescribeUserScramCredentials,
            RequestBody::AlterUserScramCredentials(_) => ApiKey::AlterUserScramCredentials,
            RequestBody::DescribeQuorum(_) => ApiKey::DescribeQuorum,
            RequestBody::DescribeCluster(_) => ApiKey::DescribeCluster,
            RequestBody::DescribeProducers(_) => ApiKey::DescribeProducers,
            RequestBody::DescribeTransactions(_) => ApiKey::DescribeTransactions,
            RequestBody::ListTransactions(_) => ApiKey::ListTransactions,
            RequestBody::ConsumerGroupHeartbeat(_) => ApiKey::ConsumerGroupHeartbeat,
            RequestBody::ConsumerGroupDescribe(_) => ApiKey::ConsumerGroupDescribe,
            RequestBody::DescribeTopicPartitions(_) => ApiKey::DescribeTopicPartitions,
        }
    }

    /// Decodes the body of `api_key` at `version`; `input` must be a sub-slice of `src`.
    pub fn decode<'a>(src: &Bytes, input: &'a [u8], api_key: ApiKey, version: i16) -> PResult<'a, Self> {
        match api_key {
            ApiKey::Produce => ProduceRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::Produce(body))),
            ApiKey::Fetch => FetchRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::Fetch(body))),
            ApiKey::ListOffsets => ListOffsetsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ListOffsets(body))),
            ApiKey::Metadata => MetadataRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::Metadata(body))),
            ApiKey::OffsetCommit => OffsetCommitRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::OffsetCommit(body))),
            ApiKey::OffsetFetch => OffsetFetchRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::OffsetFetch(body))),
            ApiKey::FindCoordinator => FindCoordinatorRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::FindCoordinator(body))),
            ApiKey::JoinGroup => JoinGroupRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::JoinGroup(body))),
            ApiKey::Heartbeat => HeartbeatRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::Heartbeat(body))),
            ApiKey::LeaveGroup => LeaveGroupRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::LeaveGroup(body))),
            ApiKey::SyncGroup => SyncGroupRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::SyncGroup(body))),
            ApiKey::DescribeGroups => DescribeGroupsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeGroups(body))),
            ApiKey::ListGroups => ListGroupsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ListGroups(body))),
            ApiKey::SaslHandshake => SaslHandshakeRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::SaslHandshake(body))),
            ApiKey::ApiVersions => ApiVersionsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ApiVersions(body))),
            ApiKey::CreateTopics => CreateTopicsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::CreateTopics(body))),
            ApiKey::DeleteTopics => DeleteTopicsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DeleteTopics(body))),
            ApiKey::DeleteRecords => DeleteRecordsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DeleteRecords(body))),
            ApiKey::InitProducerId => InitProducerIdRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::InitProducerId(body))),
            ApiKey::OffsetForLeaderEpoch => OffsetForLeaderEpochRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::OffsetForLeaderEpoch(body))),
            ApiKey::AddPartitionsToTxn => AddPartitionsToTxnRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::AddPartitionsToTxn(body))),
            ApiKey::AddOffsetsToTxn => AddOffsetsToTxnRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::AddOffsetsToTxn(body))),
            ApiKey::EndTxn => EndTxnRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::EndTxn(body))),
            ApiKey::WriteTxnMarkers => WriteTxnMarkersRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::WriteTxnMarkers(body))),
            ApiKey::TxnOffsetCommit => TxnOffsetCommitRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::TxnOffsetCommit(body))),
            ApiKey::DescribeAcls => DescribeAclsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeAcls(body))),
            ApiKey::CreateAcls => CreateAclsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::CreateAcls(body))),
            ApiKey::DeleteAcls => DeleteAclsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DeleteAcls(body))),
            ApiKey::DescribeConfigs => DescribeConfigsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeConfigs(body))),
            ApiKey::AlterConfigs => AlterConfigsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::AlterConfigs(body))),
            ApiKey::DescribeLogDirs => DescribeLogDirsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeLogDirs(body))),
            ApiKey::SaslAuthenticate => SaslAuthenticateRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::SaslAuthenticate(body))),
            ApiKey::CreatePartitions => CreatePartitionsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::CreatePartitions(body))),
            ApiKey::DeleteGroups => DeleteGroupsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DeleteGroups(body))),
            ApiKey::ElectLeaders => ElectLeadersRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ElectLeaders(body))),
            ApiKey::IncrementalAlterConfigs => IncrementalAlterConfigsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::IncrementalAlterConfigs(body))),
            ApiKey::OffsetDelete => OffsetDeleteRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::OffsetDelete(body))),
            ApiKey::DescribeClientQuotas => DescribeClientQuotasRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeClientQuotas(body))),
            ApiKey::AlterClientQuotas => AlterClientQuotasRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::AlterClientQuotas(body))),
            ApiKey::DescribeUserScramCredentials => DescribeUserScramCredentialsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeUserScramCredentials(body))),
            ApiKey::AlterUserScramCredentials => AlterUserScramCredentialsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::AlterUserScramCredentials(body))),
            ApiKey::DescribeQuorum => DescribeQuorumRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeQuorum(body))),
            ApiKey::DescribeCluster => DescribeClusterRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeCluster(body))),
            ApiKey::DescribeProducers => DescribeProducersRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeProducers(body))),
            ApiKey::DescribeTransactions => DescribeTransactionsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeTransactions(body))),
            ApiKey::ListTransactions => ListTransactionsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ListTransactions(body))),
            ApiKey::ConsumerGroupHeartbeat => ConsumerGroupHeartbeatRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ConsumerGroupHeartbeat(body))),
            ApiKey::ConsumerGroupDescribe => ConsumerGroupDescribeRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::ConsumerGroupDescribe(body))),
            ApiKey::DescribeTopicPartitions => DescribeTopicPartitionsRequest::decode(src, input, version).map(|(rest, body)| (rest, RequestBody::DescribeTopicPartitions(body))),
        }
    }

    pub fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        match self {
            RequestBody::Produce(body) => body.encode(buf, version),
            RequestBody::Fetch(body) => body.encode(buf, version),
            RequestBody::ListOffsets(body) => body.encode(buf, version),
            RequestBody::Metadata(body) => body.encode(buf, version),
            RequestBody::OffsetCommit(body) => body.encode(buf, version),
            RequestBody::OffsetFetch(body) => body.encode(buf, version),
            RequestBody::FindCoordinator(body) => body.encode(buf, version),
            RequestBody::JoinGroup(body) => body.encode(buf, version),
            RequestBody::Heartbeat(body) => body.encode(buf, version),
            RequestBody::LeaveGroup(body) => body.encode(buf, version),
            RequestBody::SyncGroup(body) => body.encode(buf, version),
            RequestBody::DescribeGroups(body) => body.encode(buf, version),
            RequestBody::ListGroups(body) => body.encode(buf, version),
            RequestBody::SaslHandshake(body) => body.encode(buf, version),
            RequestBody::ApiVersions(body) => body.encode(buf, version),
            RequestBody::CreateTopics(body) => body.encode(buf, version),
            RequestBody::DeleteTopics(body) => body.encode(buf, version),
            RequestBody::DeleteRecords(body) => body.encode(buf, version),
            RequestBody::InitProducerId(body) => body.encode(buf, version),
            RequestBody::OffsetForLeaderEpoch(body) => body.encode(buf, version),
            RequestBody::AddPartitionsToTxn(body) => body.encode(buf, version),
            RequestBody::AddOffsetsToTxn(body) => body.encode(buf, version),
            RequestBody::EndTxn(body) => body.encode(buf, version),
            RequestBody::WriteTxnMarkers(body) => body.encode(buf, version),
            RequestBody::TxnOffsetCommit(body) => body.encode(buf, version),
            RequestBody::DescribeAcls(body) => body.encode(buf, version),
            RequestBody::CreateAcls(body) => body.encode(buf, version),
            RequestBody::DeleteAcls(body) => body.encode(buf, version),
            RequestBody::DescribeConfigs(body) => body.encode(buf, version),
            RequestBody::AlterConfigs(body) => body.encode(buf, version),
            RequestBody::DescribeLogDirs(body) => body.encode(buf, version),
            RequestBody::SaslAuthenticate(body) => body.encode(buf, version),
            RequestBody::CreatePartitions(body) => body.encode(buf, version),
            RequestBody::DeleteGroups(body) => body.encode(buf, version),
            RequestBody::ElectLeaders(body) => body.encode(buf, version),
            RequestBody::IncrementalAlterConfigs(body) => body.encode(buf, version),
            RequestBody::OffsetDelete(body) => body.encode(buf, version),
            RequestBody::DescribeClientQuotas(body) => body.encode(buf, version),
            RequestBody::AlterClientQuotas(body) => body.encode(buf, version),
            RequestBody::DescribeUserScramCredentials(body) => body.encode(buf, version),
            RequestBody::AlterUserScramCredentials(body) => body.encode(buf, version),
            RequestBody::DescribeQuorum(body) => body.encode(buf, version),
            RequestBody::DescribeCluster(body) => body.encode(buf, version),
            RequestBody::DescribeProducers(body) => body.encode(buf, version),
            RequestBody::DescribeTransactions(body) => body.encode(buf, version),
            RequestBody::ListTransactions(body) => body.encode(buf, version),
            RequestBody::ConsumerGroupHeartbeat(body) => body.encode(buf, version),
            RequestBody::ConsumerGroupDescribe(body) => body.encode(buf, version),
            RequestBody::DescribeTopicPartitions(body) => body.encode(buf, version),
        }
    }

    pub fn encoded_len(&self, version: i16) -> usize {
        match self {
            RequestBody::Produce(body) => body.encoded_len(version),
            RequestBody::Fetch(body) => body.encoded_len(version),
            RequestBody::ListOffsets(body) => body.encoded_len(version),
            RequestBody::Metadata(body) => body.encoded_len(version),
            RequestBody::OffsetCommit(body) => body.encoded_len(version),
            RequestBody::OffsetFetch(body) => body.encoded_len(version),
            RequestBody::FindCoordinator(body) => body.encoded_len(version),
            RequestBody::JoinGroup(body) => body.encoded_len(version),
            RequestBody::Heartbeat(body) => body.encoded_len(version),
            RequestBody::LeaveGroup(body) => body.encoded_len(version),
            RequestBody::SyncGroup(body) => body.encoded_len(version),
            RequestBody::DescribeGroups(body) => body.encoded_len(version),
            RequestBody::ListGroups(body) => body.encoded_len(version),
            RequestBody::SaslHandshake(body) => body.encoded_len(version),
            RequestBody::ApiVersions(body) => body.encoded_len(version),
            RequestBody::CreateTopics(body) => body.encoded_len(version),
            RequestBody::DeleteTopics(body) => body.encoded_len(version),
            RequestBody::DeleteRecords(body) => body.encoded_len(version),
            RequestBody::InitProducerId(body) => body.encoded_len(version),
            RequestBody::OffsetForLeaderEpoch(body) => body.encoded_len(version),
            RequestBody::AddPartitionsToTxn(body) => body.encoded_len(version),
            RequestBody::AddOffsetsToTxn(body) => body.encoded_len(version),
            RequestBody::EndTxn(body) => body.encoded_len(version),
            RequestBody::WriteTxnMarkers(body) => body.encoded_len(version),
            RequestBody::TxnOffsetCommit(body) => body.encoded_len(version),
            RequestBody::DescribeAcls(body) => body.encoded_len(version),
            RequestBody::CreateAcls(body) => body.encoded_len(version),
            RequestBody::DeleteAcls(body) => body.encoded_len(version),
            RequestBody::DescribeConfigs(body) => body.encoded_len(version),
            RequestBody::AlterConfigs(body) => body.encoded_len(version),
            RequestBody::DescribeLogDirs(body) => body.encoded_len(version),
            RequestBody::SaslAuthenticate(body) => body.encoded_len(version),
            RequestBody::CreatePartitions(body) => body.encoded_len(version),
            RequestBody::DeleteGroups(body) => body.encoded_len(version),
            RequestBody::ElectLeaders(body) => body.encoded_len(version),
            RequestBody::IncrementalAlterConfigs(body) => body.encoded_len(version),
            RequestBody::OffsetDelete(body) => body.encoded_len(version),
            RequestBody::DescribeClientQuotas(body) => body.encoded_len(version),
            RequestBody::AlterClientQuotas(body) => body.encoded_len(version),
            RequestBody::DescribeUserScramCredentials(body) => body.encoded_len(version),
            RequestBody::AlterUserScramCredentials(body) => body.encoded_len(version),
            RequestBody::DescribeQuorum(body) => body.encoded_len(version),
            RequestBody::DescribeCluster(body) => body.encoded_len(version),
            RequestBody::DescribeProducers(body) => body.encoded_len(version),
            RequestBody::DescribeTransactions(body) => body.encoded_len(version),
            RequestBody::ListTransactions(body) => body.encoded_len(version),
            RequestBody::ConsumerGroupHeartbeat(body) => body.encoded_len(version),
            RequestBody::ConsumerGroupDescribe(body) => body.encoded_len(version),
            RequestBody::DescribeTopicPartitions(body) => body.encoded_len(version),
        }
    }

    /// A random body of `api_key` at `version`, for property tests.
    #[cfg(feature = "arbitrary")]
    pub fn arbitrary(rng: &mut crate::arbitrary::Rng, api_key: ApiKey, version: i16) -> Self {
        use crate::arbitrary::Arbitrary;
        match api_key {
            ApiKey::Produce => RequestBody::Produce(ProduceRequest::arbitrary(rng, version)),
            ApiKey::Fetch => RequestBody::Fetch(FetchRequest::arbitrary(rng, version)),
            ApiKey::ListOffsets => RequestBody::ListOffsets(ListOffsetsRequest::arbitrary(rng, version)),
            ApiKey::Metadata => RequestBody::Metadata(MetadataRequest::arbitrary(rng, version)),
            ApiKey::OffsetCommit => RequestBody::OffsetCommit(OffsetCommitRequest::arbitrary(rng, version)),
            ApiKey::OffsetFetch => RequestBody::OffsetFetch(OffsetFetchRequest::arbitrary(rng, version)),
            ApiKey::FindCoordinator => RequestBody::FindCoordinator(FindCoordinatorRequest::arbitrary(rng, version)),
            ApiKey::JoinGroup => RequestBody::JoinGroup(JoinGroupRequest::arbitrary(rng, version)),
            ApiKey::Heartbeat => RequestBody::Heartbeat(HeartbeatRequest::arbitrary(rng, version)),
            ApiKey::LeaveGroup => RequestBody::LeaveGroup(LeaveGroupRequest::arbitrary(rng, version)),
            ApiKey::SyncGroup => RequestBody::SyncGroup(SyncGroupRequest::arbitrary(rng, version)),
            ApiKey::DescribeGroups => RequestBody::DescribeGroups(DescribeGroupsRequest::arbitrary(rng, version)),
            ApiKey::ListGroups => RequestBody::ListGroups(ListGroupsRequest::arbitrary(rng, version)),
            ApiKey::SaslHandshake => RequestBody::SaslHandshake(SaslHandshakeRequest::arbitrary(rng, version)),
            ApiKey::ApiVersions => RequestBody::ApiVersions(ApiVersionsRequest::arbitrary(rng, version)),
            ApiKey::CreateTopics => RequestBody::CreateTopics(CreateTopicsRequest::arbitrary(rng, version)),
            ApiKey::DeleteTopics => RequestBody::DeleteTopics(DeleteTopicsRequest::arbitrary(rng, version)),
            ApiKey::DeleteRecords => RequestBody::DeleteRecords(DeleteRecordsRequest::arbitrary(rng, version)),
            ApiKey::InitProducerId => RequestBody::InitProducerId(InitProducerIdRequest::arbitrary(rng, version)),
            ApiKey::OffsetForLeaderEpoch => RequestBody::OffsetForLeaderEpoch(OffsetForLeaderEpochRequest::arbitrary(rng, version)),
            ApiKey::AddPartitionsToTxn => RequestBody::AddPartitionsToTxn(AddPartitionsToTxnRequest::arbitrary(rng, version)),
            ApiKey::AddOffsetsToTxn => RequestBody::AddOffsetsToTxn(AddOffsetsToTxnRequest::arbitrary(rng, version)),
            ApiKey::EndTxn => RequestBody::EndTxn(EndTxnRequest::arbitrary(rng, version)),
            ApiKey::WriteTxnMarkers => RequestBody::WriteTxnMarkers(WriteTxnMarkersRequest::arbitrary(rng, version)),
            ApiKey::TxnOffsetCommit => RequestBody::TxnOffsetCommit(TxnOffsetCommitRequest::arbitrary(rng, version)),
            ApiKey::DescribeAcls => RequestBody::DescribeAcls(DescribeAclsRequest::arbitrary(rng, version)),
            ApiKey::CreateAcls => RequestBody::CreateAcls(CreateAclsRequest::arbitrary(rng, version)),
            ApiKey::DeleteAcls => RequestBody::DeleteAcls(DeleteAclsRequest::arbitrary(rng, version)),
            ApiKey::DescribeConfigs => RequestBody::DescribeConfigs(DescribeConfigsRequest::arbitrary(rng, version)),
            ApiKey::AlterConfigs => RequestBody::AlterConfigs(AlterConfigsRequest::arbitrary(rng, version)),
            ApiKey::DescribeLogDirs => RequestBody::DescribeLogDirs(DescribeLogDirsRequest::arbitrary(rng, version)),
            ApiKey::SaslAuthenticate => RequestBody::SaslAuthenticate(SaslAuthenticateRequest::arbitrary(rng, version)),
            ApiKey::CreatePartitions => RequestBody::CreatePartitions(CreatePartitionsRequest::arbitrary(rng, version)),
            ApiKey::DeleteGroups => RequestBody::DeleteGroups(DeleteGroupsRequest::arbitrary(rng, version)),
            ApiKey::ElectLeaders => RequestBody::ElectLeaders(ElectLeadersRequest::arbitrary(rng, version)),
            ApiKey::IncrementalAlterConfigs => RequestBody::IncrementalAlterConfigs(IncrementalAlterConfigsRequest::arbitrary(rng, version)),
            ApiKey::OffsetDelete => RequestBody::OffsetDelete(OffsetDeleteRequest::arbitrary(rng, version)),
            ApiKey::DescribeClientQuotas => RequestBody::DescribeClientQuotas(DescribeClientQuotasRequest::arbitrary(rng, version)),
            ApiKey::AlterClientQuotas => RequestBody::AlterClientQuotas(AlterClientQuotasRequest::arbitrary(rng, version)),
            ApiKey::DescribeUserScramCredentials => RequestBody::DescribeUserScramCredentials(DescribeUserScramCredentialsRequest::arbitrary(rng, version)),
            ApiKey::AlterUserScramCredentials => RequestBody::AlterUserScramCredentials(AlterUserScramCredentialsRequest::arbitrary(rng, version)),
            ApiKey::DescribeQuorum => RequestBody::DescribeQuorum(DescribeQuorumRequest::arbitrary(rng, version)),
            ApiKey::DescribeCluster => RequestBody::DescribeCluster(DescribeClusterRequest::arbitrary(rng, version)),
            ApiKey::DescribeProducers => RequestBody::DescribeProducers(DescribeProducersRequest::arbitrary(rng, version)),
            ApiKey::DescribeTransactions => RequestBody::DescribeTransactions(DescribeTransactionsRequest::arbitrary(rng, version)),
            ApiKey::ListTransactions => RequestBody::ListTransactions(ListTransactionsRequest::arbitrary(rng, version)),
            ApiKey::ConsumerGroupHeartbeat => RequestBody::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatRequest::arbitrary(rng, version)),
            ApiKey::ConsumerGroupDescribe => RequestBody::ConsumerGroupDescribe(ConsumerGroupDescribeRequest::arbitrary(rng, version)),
            ApiKey::DescribeTopicPartitions => RequestBody::DescribeTopicPartitions(DescribeTopicPartitionsRequest::arbitrary(rng, version)),
        }
    }
}

/// Any response body, tagged by API.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    Produce(ProduceResponse),
    Fetch(FetchResponse),
    ListOffsets(ListOffsetsResponse),
    Metadata(MetadataResponse),
    OffsetCommit(OffsetCommitResponse),
    OffsetFetch(OffsetFetchResponse),
    FindCoordinator(FindCoordinatorResponse),
    JoinGroup(JoinGroupResponse),
    Heartbeat(HeartbeatResponse),
    LeaveGroup(LeaveGroupResponse),
    SyncGroup(SyncGroupResponse),
    DescribeGroups(DescribeGroupsResponse),
    ListGroups(ListGroupsResponse),
    SaslHandshake(SaslHandshakeResponse),
    ApiVersions(ApiVersionsResponse),
    CreateTopics(CreateTopicsResponse),
    DeleteTopics(DeleteTopicsResponse),
    DeleteRecords(DeleteRecordsResponse),
    InitProducerId(InitProducerIdResponse),
    OffsetForLeaderEpoch(OffsetForLeaderEpochResponse),
    AddPartitionsToTxn(AddPartitionsToTxnResponse),
    AddOffsetsToTxn(AddOffsetsToTxnResponse),
    EndTxn(EndTxnResponse),
    WriteTxnMarkers(WriteTxnMarkersResponse),
    TxnOffsetCommit(TxnOffsetCommitResponse),
    DescribeAcls(DescribeAclsResponse),
    CreateAcls(CreateAclsResponse),
    DeleteAcls(DeleteAclsResponse),
    DescribeConfigs(DescribeConfigsResponse),
    AlterConfigs(AlterConfigsResponse),
    DescribeLogDirs(DescribeLogDirsResponse),
    SaslAuthenticate(SaslAuthenticateResponse),
    CreatePartitions(CreatePartitionsResponse),
    DeleteGroups(DeleteGroupsResponse),
    ElectLeaders(ElectLeadersResponse),
    IncrementalAlterConfigs(IncrementalAlterConfigsResponse),
    OffsetDelete(OffsetDeleteResponse),
    DescribeClientQuotas(DescribeClientQuotasResponse),
    AlterClientQuotas(AlterClientQuotasResponse),
    DescribeUserScramCredentials(DescribeUserScramCredentialsResponse),
    AlterUserScramCredentials(AlterUserScramCredentialsResponse),
    DescribeQuorum(DescribeQuorumResponse),
    DescribeCluster(DescribeClusterResponse),
    DescribeProducers(DescribeProducersResponse),
    DescribeTransactions(DescribeTransactionsResponse),
    ListTransactions(ListTransactionsResponse),
    ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse),
    ConsumerGroupDescribe(ConsumerGroupDescribeResponse),
    DescribeTopicPartitions(DescribeTopicPartitionsResponse),
}

impl ResponseBody {
    pub fn api_key(&self) -> ApiKey {
        match self {
            ResponseBody::Produce(_) => ApiKey::Produce,
            ResponseBody::Fetch(_) => ApiKey::Fetch,
            ResponseBody::ListOffsets(_) => ApiKey::ListOffsets,
            ResponseBody::Metadata(_) => ApiKey::Metadata,
            ResponseBody::OffsetCommit(_) => ApiKey::OffsetCommit,
            ResponseBody::OffsetFetch(_) => ApiKey::OffsetFetch,
            ResponseBody::FindCoordinator(_) => ApiKey::FindCoordinator,
            ResponseBody::JoinGroup(_) => ApiKey::JoinGroup,
            ResponseBody::Heartbeat(_) => ApiKey::Heartbeat,
            ResponseBody::LeaveGroup(_) => ApiKey::LeaveGroup,
            ResponseBody::SyncGroup(_) => ApiKey::SyncGroup,
            ResponseBody::DescribeGroups(_) => ApiKey::DescribeGroups,
            ResponseBody::ListGroups(_) => ApiKey::ListGroups,
            ResponseBody::SaslHandshake(_) => ApiKey::SaslHandshake,
            ResponseBody::ApiVersions(_) => ApiKey::ApiVersions,
            ResponseBody::CreateTopics(_) => ApiKey::CreateTopics,
            ResponseBody::DeleteTopics(_) => ApiKey::DeleteTopics,
            ResponseBody::DeleteRecords(_) => ApiKey::DeleteRecords,
            ResponseBody::InitProducerId(_) => ApiKey::InitProducerId,
            ResponseBody::OffsetForLeaderEpoch(_) => ApiKey::OffsetForLeaderEpoch,
            ResponseBody::AddPartitionsToTxn(_) => ApiKey::AddPartitionsToTxn,
            ResponseBody::AddOffsetsToTxn(_) => ApiKey::AddOffsetsToTxn,
            ResponseBody::EndTxn(_) => ApiKey::EndTxn,
            ResponseBody::WriteTxnMarkers(_) => ApiKey::WriteTxnMarkers,
            ResponseBody::TxnOffsetCommit(_) => ApiKey::TxnOffsetCommit,
            ResponseBody::DescribeAcls(_) => ApiKey::DescribeAcls,
            ResponseBody::CreateAcls(_) => ApiKey::CreateAcls,
            ResponseBody::DeleteAcls(_) => ApiKey::DeleteAcls,
            ResponseBody::DescribeConfigs(_) => ApiKey::DescribeConfigs,
            ResponseBody::AlterConfigs(_) => ApiKey::AlterConfigs,
            ResponseBody::DescribeLogDirs(_) => ApiKey::DescribeLogDirs,
            ResponseBody::SaslAuthenticate(_) => ApiKey::SaslAuthenticate,
            ResponseBody::CreatePartitions(_) => ApiKey::CreatePartitions,
            ResponseBody::DeleteGroups(_) => ApiKey::DeleteGroups,
            ResponseBody::ElectLeaders(_) => ApiKey::ElectLeaders,
            ResponseBody::IncrementalAlterConfigs(_) => ApiKey::IncrementalAlterConfigs,
            ResponseBody::OffsetDelete(_) => ApiKey::OffsetDelete,
            ResponseBody::DescribeClientQuotas(_) => ApiKey::DescribeClientQuotas,
            ResponseBody::AlterClientQuotas(_) => ApiKey::AlterClientQuotas,
            ResponseBody::DescribeUserScramCredentials(_) => ApiKey::DescribeUserScramCredentials,
            ResponseBody::AlterUserScramCredentials(_) => ApiKey::AlterUserScramCredentials,
            ResponseBody::DescribeQuorum(_) => ApiKey::DescribeQuorum,
            ResponseBody::DescribeCluster(_) => ApiKey::DescribeCluster,
            ResponseBody::DescribeProducers(_) => ApiKey::DescribeProducers,
            ResponseBody::DescribeTransactions(_) => ApiKey::DescribeTransactions,
            ResponseBody::ListTransactions(_) => ApiKey::ListTransactions,
            ResponseBody::ConsumerGroupHeartbeat(_) => ApiKey::ConsumerGroupHeartbeat,
            ResponseBody::ConsumerGroupDescribe(_) => ApiKey::ConsumerGroupDescribe,
            ResponseBody::DescribeTopicPartitions(_) => ApiKey::DescribeTopicPartitions,
        }
    }

    /// Decodes the body of `api_key` at `version`; `input` must be a sub-slice of `src`.
    pub fn decode<'a>(src: &Bytes, input: &'a [u8], api_key: ApiKey, version: i16) -> PResult<'a, Self> {
        match api_key {
            ApiKey::Produce => ProduceResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::Produce(body))),
            ApiKey::Fetch => FetchResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::Fetch(body))),
            ApiKey::ListOffsets => ListOffsetsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ListOffsets(body))),
            ApiKey::Metadata => MetadataResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::Metadata(body))),
            ApiKey::OffsetCommit => OffsetCommitResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::OffsetCommit(body))),
            ApiKey::OffsetFetch => OffsetFetchResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::OffsetFetch(body))),
            ApiKey::FindCoordinator => FindCoordinatorResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::FindCoordinator(body))),
            ApiKey::JoinGroup => JoinGroupResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::JoinGroup(body))),
            ApiKey::Heartbeat => HeartbeatResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::Heartbeat(body))),
            ApiKey::LeaveGroup => LeaveGroupResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::LeaveGroup(body))),
            ApiKey::SyncGroup => SyncGroupResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::SyncGroup(body))),
            ApiKey::DescribeGroups => DescribeGroupsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeGroups(body))),
            ApiKey::ListGroups => ListGroupsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ListGroups(body))),
            ApiKey::SaslHandshake => SaslHandshakeResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::SaslHandshake(body))),
            ApiKey::ApiVersions => ApiVersionsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ApiVersions(body))),
            ApiKey::CreateTopics => CreateTopicsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::CreateTopics(body))),
            ApiKey::DeleteTopics => DeleteTopicsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DeleteTopics(body))),
            ApiKey::DeleteRecords => DeleteRecordsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DeleteRecords(body))),
            ApiKey::InitProducerId => InitProducerIdResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::InitProducerId(body))),
            ApiKey::OffsetForLeaderEpoch => OffsetForLeaderEpochResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::OffsetForLeaderEpoch(body))),
            ApiKey::AddPartitionsToTxn => AddPartitionsToTxnResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::AddPartitionsToTxn(body))),
            ApiKey::AddOffsetsToTxn => AddOffsetsToTxnResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::AddOffsetsToTxn(body))),
            ApiKey::EndTxn => EndTxnResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::EndTxn(body))),
            ApiKey::WriteTxnMarkers => WriteTxnMarkersResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::WriteTxnMarkers(body))),
            ApiKey::TxnOffsetCommit => TxnOffsetCommitResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::TxnOffsetCommit(body))),
            ApiKey::DescribeAcls => DescribeAclsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeAcls(body))),
            ApiKey::CreateAcls => CreateAclsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::CreateAcls(body))),
            ApiKey::DeleteAcls => DeleteAclsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DeleteAcls(body))),
            ApiKey::DescribeConfigs => DescribeConfigsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeConfigs(body))),
            ApiKey::AlterConfigs => AlterConfigsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::AlterConfigs(body))),
            ApiKey::DescribeLogDirs => DescribeLogDirsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeLogDirs(body))),
            ApiKey::SaslAuthenticate => SaslAuthenticateResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::SaslAuthenticate(body))),
            ApiKey::CreatePartitions => CreatePartitionsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::CreatePartitions(body))),
            ApiKey::DeleteGroups => DeleteGroupsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DeleteGroups(body))),
            ApiKey::ElectLeaders => ElectLeadersResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ElectLeaders(body))),
            ApiKey::IncrementalAlterConfigs => IncrementalAlterConfigsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::IncrementalAlterConfigs(body))),
            ApiKey::OffsetDelete => OffsetDeleteResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::OffsetDelete(body))),
            ApiKey::DescribeClientQuotas => DescribeClientQuotasResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeClientQuotas(body))),
            ApiKey::AlterClientQuotas => AlterClientQuotasResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::AlterClientQuotas(body))),
            ApiKey::DescribeUserScramCredentials => DescribeUserScramCredentialsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeUserScramCredentials(body))),
            ApiKey::AlterUserScramCredentials => AlterUserScramCredentialsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::AlterUserScramCredentials(body))),
            ApiKey::DescribeQuorum => DescribeQuorumResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeQuorum(body))),
            ApiKey::DescribeCluster => DescribeClusterResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeCluster(body))),
            ApiKey::DescribeProducers => DescribeProducersResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeProducers(body))),
            ApiKey::DescribeTransactions => DescribeTransactionsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeTransactions(body))),
            ApiKey::ListTransactions => ListTransactionsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ListTransactions(body))),
            ApiKey::ConsumerGroupHeartbeat => ConsumerGroupHeartbeatResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ConsumerGroupHeartbeat(body))),
            ApiKey::ConsumerGroupDescribe => ConsumerGroupDescribeResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::ConsumerGroupDescribe(body))),
            ApiKey::DescribeTopicPartitions => DescribeTopicPartitionsResponse::decode(src, input, version).map(|(rest, body)| (rest, ResponseBody::DescribeTopicPartitions(body))),
        }
    }

    pub fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        match self {
            ResponseBody::Produce(body) => body.encode(buf, version),
            ResponseBody::Fetch(body) => body.encode(buf, version),
            ResponseBody::ListOffsets(body) => body.encode(buf, version),
            ResponseBody::Metadata(body) => body.encode(buf, version),
            ResponseBody::OffsetCommit(body) => body.encode(buf, version),
            ResponseBody::OffsetFetch(body) => body.encode(buf, version),
            ResponseBody::FindCoordinator(body) => body.encode(buf, version),
            ResponseBody::JoinGroup(body) => body.encode(buf, version),
            ResponseBody::Heartbeat(body) => body.encode(buf, version),
            ResponseBody::LeaveGroup(body) => body.encode(buf, version),
            ResponseBody::SyncGroup(body) => body.encode(buf, version),
            ResponseBody::DescribeGroups(body) => body.encode(buf, version),
            ResponseBody::ListGroups(body) => body.encode(buf, version),
            ResponseBody::SaslHandshake(body) => body.encode(buf, version),
            ResponseBody::ApiVersions(body) => body.encode(buf, version),
            ResponseBody::CreateTopics(body) => body.encode(buf, version),
            ResponseBody::DeleteTopics(body) => body.encode(buf, version),
            ResponseBody::DeleteRecords(body) => body.encode(buf, version),
            ResponseBody::InitProducerId(body) => body.encode(buf, version),
            ResponseBody::OffsetForLeaderEpoch(body) => body.encode(buf, version),
            ResponseBody::AddPartitionsToTxn(body) => body.encode(buf, version),
            ResponseBody::AddOffsetsToTxn(body) => body.encode(buf, version),
            ResponseBody::EndTxn(body) => body.encode(buf, version),
            ResponseBody::WriteTxnMarkers(body) => body.encode(buf, version),
            ResponseBody::TxnOffsetCommit(body) => body.encode(buf, version),
            ResponseBody::DescribeAcls(body) => body.encode(buf, version),
            ResponseBody::CreateAcls(body) => body.encode(buf, version),
            ResponseBody::DeleteAcls(body) => body.encode(buf, version),
            ResponseBody::DescribeConfigs(body) => body.encode(buf, version),
            ResponseBody::AlterConfigs(body) => body.encode(buf, version),
            ResponseBody::DescribeLogDirs(body) => body.encode(buf, version),
            ResponseBody::SaslAuthenticate(body) => body.encode(buf, version),
            ResponseBody::CreatePartitions(body) => body.encode(buf, version),
            ResponseBody::DeleteGroups(body) => body.encode(buf, version),
            ResponseBody::ElectLeaders(body) => body.encode(buf, version),
            ResponseBody::IncrementalAlterConfigs(body) => body.encode(buf, version),
            ResponseBody::OffsetDelete(body) => body.encode(buf, version),
            ResponseBody::DescribeClientQuotas(body) => body.encode(buf, version),
            ResponseBody::AlterClientQuotas(body) => body.encode(buf, version),
            ResponseBody::DescribeUserScramCredentials(body) => body.encode(buf, version),
            ResponseBody::AlterUserScramCredentials(body) => body.encode(buf, version),
            ResponseBody::DescribeQuorum(body) => body.encode(buf, version),
            ResponseBody::DescribeCluster(body) => body.encode(buf, version),
            ResponseBody::DescribeProducers(body) => body.encode(buf, version),
            ResponseBody::DescribeTransactions(body) => body.encode(buf, version),
            ResponseBody::ListTransactions(body) => body.encode(buf, version),
            ResponseBody::ConsumerGroupHeartbeat(body) => body.encode(buf, version),
            ResponseBody::ConsumerGroupDescribe(body) => body.encode(buf, version),
            ResponseBody::DescribeTopicPartitions(body) => body.encode(buf, version),
        }
    }

    pub fn encoded_len(&self, version: i16) -> usize {
        match self {
            ResponseBody::Produce(body) => body.encoded_len(version),
            ResponseBody::Fetch(body) => body.encoded_len(version),
            ResponseBody::ListOffsets(body) => body.encoded_len(version),
            ResponseBody::Metadata(body) => body.encoded_len(version),
            ResponseBody::OffsetCommit(body) => body.encoded_len(version),
            ResponseBody::OffsetFetch(body) => body.encoded_len(version),
            ResponseBody::FindCoordinator(body) => body.encoded_len(version),
            ResponseBody::JoinGroup(body) => body.encoded_len(version),
            ResponseBody::Heartbeat(body) => body.encoded_len(version),
            ResponseBody::LeaveGroup(body) => body.encoded_len(version),
            ResponseBody::SyncGroup(body) => body.encoded_len(version),
            ResponseBody::DescribeGroups(body) => body.encoded_len(version),
            ResponseBody::ListGroups(body) => body.encoded_len(version),
            ResponseBody::SaslHandshake(body) => body.encoded_len(version),
            ResponseBody::ApiVersions(body) => body.encoded_len(version),
            ResponseBody::CreateTopics(body) => body.encoded_len(version),
            ResponseBody::DeleteTopics(body) => body.encoded_len(version),
            ResponseBody::DeleteRecords(body) => body.encoded_len(version),
            ResponseBody::InitProducerId(body) => body.encoded_len(version),
            ResponseBody::OffsetForLeaderEpoch(body) => body.encoded_len(version),
            ResponseBody::AddPartitionsToTxn(body) => body.encoded_len(version),
            ResponseBody::AddOffsetsToTxn(body) => body.encoded_len(version),
            ResponseBody::EndTxn(body) => body.encoded_len(version),
            ResponseBody::WriteTxnMarkers(body) => body.encoded_len(version),
            ResponseBody::TxnOffsetCommit(body) => body.encoded_len(version),
            ResponseBody::DescribeAcls(body) => body.encoded_len(version),
            ResponseBody::CreateAcls(body) => body.encoded_len(version),
            ResponseBody::DeleteAcls(body) => body.encoded_len(version),
            ResponseBody::DescribeConfigs(body) => body.encoded_len(version),
            ResponseBody::AlterConfigs(body) => body.encoded_len(version),
            ResponseBody::DescribeLogDirs(body) => body.encoded_len(version),
            ResponseBody::SaslAuthenticate(body) => body.encoded_len(version),
            ResponseBody::CreatePartitions(body) => body.encoded_len(version),
            ResponseBody::DeleteGroups(body) => body.encoded_len(version),
            ResponseBody::ElectLeaders(body) => body.encoded_len(version),
            ResponseBody::IncrementalAlterConfigs(body) => body.encoded_len(version),
            ResponseBody::OffsetDelete(body) => body.encoded_len(version),
            ResponseBody::DescribeClientQuotas(body) => body.encoded_len(version),
            ResponseBody::AlterClientQuotas(body) => body.encoded_len(version),
            ResponseBody::DescribeUserScramCredentials(body) => body.encoded_len(version),
            ResponseBody::AlterUserScramCredentials(body) => body.encoded_len(version),
            ResponseBody::DescribeQuorum(body) => body.encoded_len(version),
            ResponseBody::DescribeCluster(body) => body.encoded_len(version),
            ResponseBody::DescribeProducers(body) => body.encoded_len(version),
            ResponseBody::DescribeTransactions(body) => body.encoded_len(version),
            ResponseBody::ListTransactions(body) => body.encoded_len(version),
            ResponseBody::ConsumerGroupHeartbeat(body) => body.encoded_len(version),
            ResponseBody::ConsumerGroupDescribe(body) => body.encoded_len(version),
            ResponseBody::DescribeTopicPartitions(body) => body.encoded_len(version),
        }
    }

    /// A random body of `api_key` at `version`, for property tests.
    #[cfg(feature = "arbitrary")]
    pub fn arbitrary(rng: &mut crate::arbitrary::Rng, api_key: ApiKey, version: i16) -> Self {
        use crate::arbitrary::Arbitrary;
        match api_key {
            ApiKey::Produce => ResponseBody::Produce(ProduceResponse::arbitrary(rng, version)),
            ApiKey::Fetch => ResponseBody::Fetch(FetchResponse::arbitrary(rng, version)),
            ApiKey::ListOffsets => ResponseBody::ListOffsets(ListOffsetsResponse::arbitrary(rng, version)),
            ApiKey::Metadata => ResponseBody::Metadata(MetadataResponse::arbitrary(rng, version)),
            ApiKey::OffsetCommit => ResponseBody::OffsetCommit(OffsetCommitResponse::arbitrary(rng, version)),
            ApiKey::OffsetFetch => ResponseBody::OffsetFetch(OffsetFetchResponse::arbitrary(rng, version)),
            ApiKey::FindCoordinator => ResponseBody::FindCoordinator(FindCoordinatorResponse::arbitrary(rng, version)),
            ApiKey::JoinGroup => ResponseBody::JoinGroup(JoinGroupResponse::arbitrary(rng, version)),
            ApiKey::Heartbeat => ResponseBody::Heartbeat(HeartbeatResponse::arbitrary(rng, version)),
            ApiKey::LeaveGroup => ResponseBody::LeaveGroup(LeaveGroupResponse::arbitrary(rng, version)),
            ApiKey::SyncGroup => ResponseBody::SyncGroup(SyncGroupResponse::arbitrary(rng, version)),
            ApiKey::DescribeGroups => ResponseBody::DescribeGroups(DescribeGroupsResponse::arbitrary(rng, version)),
            ApiKey::ListGroups => ResponseBody::ListGroups(ListGroupsResponse::arbitrary(rng, version)),
            ApiKey::SaslHandshake => ResponseBody::SaslHandshake(SaslHandshakeResponse::arbitrary(rng, version)),
            ApiKey::ApiVersions => ResponseBody::ApiVersions(ApiVersionsResponse::arbitrary(rng, version)),
            ApiKey::CreateTopics => ResponseBody::CreateTopics(CreateTopicsResponse::arbitrary(rng, version)),
            ApiKey::DeleteTopics => ResponseBody::DeleteTopics(DeleteTopicsResponse::arbitrary(rng, version)),
            ApiKey::DeleteRecords => ResponseBody::DeleteRecords(DeleteRecordsResponse::arbitrary(rng, version)),
            ApiKey::InitProducerId => ResponseBody::InitProducerId(InitProducerIdResponse::arbitrary(rng, version)),
            ApiKey::OffsetForLeaderEpoch => ResponseBody::OffsetForLeaderEpoch(OffsetForLeaderEpochResponse::arbitrary(rng, version)),
            ApiKey::AddPartitionsToTxn => ResponseBody::AddPartitionsToTxn(AddPartitionsToTxnResponse::arbitrary(rng, version)),
            ApiKey::AddOffsetsToTxn => ResponseBody::AddOffsetsToTxn(AddOffsetsToTxnResponse::arbitrary(rng, version)),
            ApiKey::EndTxn => ResponseBody::EndTxn(EndTxnResponse::arbitrary(rng, version)),
            ApiKey::WriteTxnMarkers => ResponseBody::WriteTxnMarkers(WriteTxnMarkersResponse::arbitrary(rng, version)),
            ApiKey::TxnOffsetCommit => ResponseBody::TxnOffsetCommit(TxnOffsetCommitResponse::arbitrary(rng, version)),
            ApiKey::DescribeAcls => ResponseBody::DescribeAcls(DescribeAclsResponse::arbitrary(rng, version)),
            ApiKey::CreateAcls => ResponseBody::CreateAcls(CreateAclsResponse::arbitrary(rng, version)),
            ApiKey::DeleteAcls => ResponseBody::DeleteAcls(DeleteAclsResponse::arbitrary(rng, version)),
            ApiKey::DescribeConfigs => ResponseBody::DescribeConfigs(DescribeConfigsResponse::arbitrary(rng, version)),
            ApiKey::AlterConfigs => ResponseBody::AlterConfigs(AlterConfigsResponse::arbitrary(rng, version)),
            ApiKey::DescribeLogDirs => ResponseBody::DescribeLogDirs(DescribeLogDirsResponse::arbitrary(rng, version)),
            ApiKey::SaslAuthenticate => ResponseBody::SaslAuthenticate(SaslAuthenticateResponse::arbitrary(rng, version)),
            ApiKey::CreatePartitions => ResponseBody::CreatePartitions(CreatePartitionsResponse::arbitrary(rng, version)),
            ApiKey::DeleteGroups => ResponseBody::DeleteGroups(DeleteGroupsResponse::arbitrary(rng, version)),
            ApiKey::ElectLeaders => ResponseBody::ElectLeaders(ElectLeadersResponse::arbitrary(rng, version)),
            ApiKey::IncrementalAlterConfigs => ResponseBody::IncrementalAlterConfigs(IncrementalAlterConfigsResponse::arbitrary(rng, version)),
            ApiKey::OffsetDelete => ResponseBody::OffsetDelete(OffsetDeleteResponse::arbitrary(rng, version)),
            ApiKey::DescribeClientQuotas => ResponseBody::DescribeClientQuotas(DescribeClientQuotasResponse::arbitrary(rng, version)),
            ApiKey::AlterClientQuotas => ResponseBody::AlterClientQuotas(AlterClientQuotasResponse::arbitrary(rng, version)),
            ApiKey::DescribeUserScramCredentials => ResponseBody::DescribeUserScramCredentials(DescribeUserScramCredentialsResponse::arbitrary(rng, version)),
            ApiKey::AlterUserScramCredentials => ResponseBody::AlterUserScramCredentials(AlterUserScramCredentialsResponse::arbitrary(rng, version)),
            ApiKey::DescribeQuorum => ResponseBody::DescribeQuorum(DescribeQuorumResponse::arbitrary(rng, version)),
            ApiKey::DescribeCluster => ResponseBody::DescribeCluster(DescribeClusterResponse::arbitrary(rng, version)),
            ApiKey::DescribeProducers => ResponseBody::DescribeProducers(DescribeProducersResponse::arbitrary(rng, version)),
            ApiKey::DescribeTransactions => ResponseBody::DescribeTransactions(DescribeTransactionsResponse::arbitrary(rng, version)),
            ApiKey::ListTransactions => ResponseBody::ListTransactions(ListTransactionsResponse::arbitrary(rng, version)),
            ApiKey::ConsumerGroupHeartbeat => ResponseBody::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse::arbitrary(rng, version)),
            ApiKey::ConsumerGroupDescribe => ResponseBody::ConsumerGroupDescribe(ConsumerGroupDescribeResponse::arbitrary(rng, version)),
            ApiKey::DescribeTopicPartitions => ResponseBody::DescribeTopicPartitions(DescribeTopicPartitionsResponse::arbitrary(rng, version)),
        }
    }
}

