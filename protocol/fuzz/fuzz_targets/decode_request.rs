//! Request decoding, header and body, for every API key and version: never panics, and a
//! request that decodes encodes to bytes that decode and encode to the same bytes again.
//!
//! The first input byte picks the mode. Odd: the rest is a raw frame (the header is fuzzed
//! too, so any key/version, including unknown ones, is reachable). Even: the next two bytes
//! pick an API and one of its versions and the rest is the body behind a valid header, so
//! the fuzzer spends its time inside the bodies.
#![no_main]

use bytes::{BufMut, Bytes, BytesMut};
use libfuzzer_sys::fuzz_target;
use strom_protocol::{decode_request, encode_request, ApiKey};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let frame = if mode & 1 == 1 {
        Bytes::copy_from_slice(rest)
    } else {
        let [pick_api, pick_version, body @ ..] = rest else {
            return;
        };
        let api_key = ApiKey::ALL[usize::from(*pick_api) % ApiKey::ALL.len()];
        let span = (api_key.max_version() - api_key.min_version() + 1) as u8;
        let version = api_key.min_version() + i16::from(*pick_version % span);
        let mut frame = BytesMut::new();
        frame.put_i16(api_key as i16);
        frame.put_i16(version);
        frame.put_i32(7);
        frame.put_i16(4);
        frame.put_slice(b"fuzz");
        if api_key.request_header_version(version) >= 2 {
            frame.put_u8(0);
        }
        frame.put_slice(body);
        frame.freeze()
    };
    let Ok(request) = decode_request(&frame) else {
        return;
    };
    let mut first = BytesMut::new();
    if encode_request(&mut first, &request.header, &request.body).is_err() {
        return;
    }
    let first = first.freeze();
    let again = decode_request(&first.slice(4..)).expect("an encoded request decodes");
    let mut second = BytesMut::new();
    encode_request(&mut second, &again.header, &again.body).expect("encodes again");
    assert_eq!(first, second.freeze(), "encoding is not stable");
});
