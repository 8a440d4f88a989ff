//! ApiVersions: advertises exactly the APIs strom implements, each with the version range
//! the generated codec supports, so the answer cannot claim more than the code does.

use bytes::{BufMut, BytesMut};
use strom_protocol::generated::api_versions_response::ApiVersion;
use strom_protocol::generated::{ApiVersionsRequest, ApiVersionsResponse};
use strom_protocol::{ApiKey, ErrorCode};

/// The APIs with a handler in `crate::api`. Everything else decodes but is not advertised;
/// a request for it closes the connection as Kafka does for unknown requests, except the
/// ACL, quota and SCRAM APIs, answered UNSUPPORTED_VERSION (see `unsupported.rs`).
pub const IMPLEMENTED: &[ApiKey] = &[
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
    ApiKey::ApiVersions,
    ApiKey::CreateTopics,
    ApiKey::DeleteTopics,
    ApiKey::DeleteRecords,
    ApiKey::InitProducerId,
    ApiKey::DeleteGroups,
    ApiKey::OffsetDelete,
    ApiKey::DescribeConfigs,
    ApiKey::AlterConfigs,
    ApiKey::IncrementalAlterConfigs,
    ApiKey::CreatePartitions,
    ApiKey::DescribeLogDirs,
    ApiKey::ElectLeaders,
    ApiKey::DescribeCluster,
    ApiKey::DescribeProducers,
    ApiKey::DescribeQuorum,
    ApiKey::DescribeTopicPartitions,
];

/// (api key, min version, max version) for every advertised API.
pub fn advertised() -> Vec<(ApiKey, i16, i16)> {
    IMPLEMENTED
        .iter()
        .map(|&key| (key, key.min_version(), key.max_version()))
        .collect()
}

pub fn handle(_request: ApiVersionsRequest) -> ApiVersionsResponse {
    ApiVersionsResponse {
        error_code: ErrorCode::NONE.0,
        api_keys: advertised()
            .into_iter()
            .map(|(key, min, max)| ApiVersion {
                api_key: key as i16,
                min_version: min,
                max_version: max,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// The answer to an ApiVersions request of a version strom does not know: error
/// UNSUPPORTED_VERSION with the supported ranges, in the v0 body format (header v0), which
/// every client can read before retrying with a version from the list.
pub fn unsupported_version_fallback(correlation_id: i32, output: &mut BytesMut) {
    let apis = advertised();
    let body_len = 2 + 4 + apis.len() * 6;
    output.put_i32((4 + body_len) as i32);
    output.put_i32(correlation_id);
    output.put_i16(ErrorCode::UNSUPPORTED_VERSION.0);
    output.put_i32(apis.len() as i32);
    for (key, min, max) in apis {
        output.put_i16(key as i16);
        output.put_i16(min);
        output.put_i16(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    /// The fallback frame is exactly a v0 ApiVersions response with error 35 and every
    /// advertised range, readable by the generated v0 decoder.
    #[test]
    fn fallback_is_a_valid_v0_response() {
        let mut out = BytesMut::new();
        unsupported_version_fallback(77, &mut out);
        let frame = Bytes::from(out.split_off(4));
        let (header, body) =
            strom_protocol::decode_response(&frame, ApiKey::ApiVersions, 0).expect("decodes as v0");
        assert_eq!(header.correlation_id, 77);
        let strom_protocol::ResponseBody::ApiVersions(body) = body else {
            panic!("wrong body")
        };
        assert_eq!(body.error_code, 35);
        assert_eq!(body.api_keys.len(), IMPLEMENTED.len());
        assert_eq!(body.api_keys[0].api_key, 0);
        assert_eq!(body.api_keys[0].min_version, ApiKey::Produce.min_version());
    }
}
