//! Differential tests against an independent codec, the kafka-protocol crate (0.18): for
//! every (message, version) both support, bytes written by strom decode in kafka-protocol
//! and re-encode to the very same bytes, which strom then decodes back to the same value.

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::{ApiKey as TheirApiKey, RequestKind, ResponseKind};
use strom_protocol::arbitrary::Rng;
use strom_protocol::{ApiKey, RequestBody, ResponseBody};

const CASES_PER_VERSION: u64 = 25;

fn their_key(api: ApiKey) -> TheirApiKey {
    TheirApiKey::try_from(api as i16).expect("kafka-protocol knows every key strom has")
}

fn check_request(api: ApiKey, version: i16, seed: u64) {
    let mut rng = Rng::new(seed);
    let ours = RequestBody::arbitrary(&mut rng, api, version);
    let mut buf = BytesMut::new();
    ours.encode(&mut buf, version).expect("strom encodes");
    let ours_bytes = buf.freeze();
    let context = format!("{api:?} request v{version} seed {seed}");

    let mut input = ours_bytes.clone();
    let theirs = RequestKind::decode(their_key(api), &mut input, version)
        .unwrap_or_else(|e| panic!("{context}: kafka-protocol cannot decode strom's bytes: {e}"));
    assert!(
        input.is_empty(),
        "{context}: kafka-protocol left {} bytes",
        input.len()
    );
    let mut buf = BytesMut::new();
    theirs
        .encode(&mut buf, version)
        .unwrap_or_else(|e| panic!("{context}: kafka-protocol encode: {e}"));
    let their_bytes: Bytes = buf.freeze();
    assert_eq!(
        their_bytes, ours_bytes,
        "{context}: re-encoded bytes differ"
    );

    let (rest, back) =
        RequestBody::decode(&their_bytes, &their_bytes, api, version).expect("strom decodes");
    assert!(rest.is_empty());
    assert_eq!(back, ours, "{context}");
}

fn check_response(api: ApiKey, version: i16, seed: u64) {
    let mut rng = Rng::new(seed);
    let ours = ResponseBody::arbitrary(&mut rng, api, version);
    let mut buf = BytesMut::new();
    ours.encode(&mut buf, version).expect("strom encodes");
    let ours_bytes = buf.freeze();
    let context = format!("{api:?} response v{version} seed {seed}");

    let mut input = ours_bytes.clone();
    let theirs = ResponseKind::decode(their_key(api), &mut input, version)
        .unwrap_or_else(|e| panic!("{context}: kafka-protocol cannot decode strom's bytes: {e}"));
    assert!(
        input.is_empty(),
        "{context}: kafka-protocol left {} bytes",
        input.len()
    );
    let mut buf = BytesMut::new();
    theirs
        .encode(&mut buf, version)
        .unwrap_or_else(|e| panic!("{context}: kafka-protocol encode: {e}"));
    let their_bytes: Bytes = buf.freeze();
    assert_eq!(
        their_bytes, ours_bytes,
        "{context}: re-encoded bytes differ"
    );

    let (rest, back) =
        ResponseBody::decode(&their_bytes, &their_bytes, api, version).expect("strom decodes");
    assert!(rest.is_empty());
    assert_eq!(back, ours, "{context}");
}

fn panic_text(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

/// Every (message, version) pair both codecs support agrees byte for byte.
#[test]
fn strom_and_kafka_protocol_agree_byte_for_byte() {
    let mut pairs = 0;
    let mut failures = Vec::new();
    for &api in ApiKey::ALL {
        let theirs = their_key(api).valid_versions();
        for version in api.min_version().max(theirs.min)..=api.max_version().min(theirs.max) {
            pairs += 2;
            for case in 0..CASES_PER_VERSION {
                let seed = (api as u64) << 40 | (version as u64) << 20 | case;
                for check in [check_request, check_response] {
                    if let Err(panic) = std::panic::catch_unwind(|| check(api, version, seed)) {
                        failures.push(panic_text(panic));
                        break;
                    }
                }
            }
        }
    }
    eprintln!(
        "differential: {pairs} (message, version) pairs compared, {CASES_PER_VERSION} cases each"
    );
    assert!(
        failures.is_empty(),
        "{} failures, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
