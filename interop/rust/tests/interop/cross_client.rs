//! Across clients: every codec written by rdkafka (current librdkafka, built here) is read
//! by kcat (Debian's librdkafka 2.0.2), and every codec written by kcat is read by rdkafka.

use rdkafka::message::Timestamp;

use crate::support::{
    consume, create_topic, kcat, produce, topic_name, Outgoing, BASE_TIMESTAMP_MS, CODECS,
};

const PER_CODEC: i64 = 10;

#[test]
fn rdkafka_writes_every_codec_and_kcat_reads_it() {
    // Ten compressible keyed records with a header and an explicit timestamp per codec, all
    // in one partition; kcat prints exactly these offsets, keys, values, timestamps and
    // headers in order.
    let topic = topic_name("to-kcat");
    create_topic(&topic, 1);
    let mut want = String::new();
    for (c, codec) in (0..).zip(CODECS) {
        let records: Vec<Outgoing> = (0..PER_CODEC)
            .map(|i| {
                let offset = c * PER_CODEC + i;
                let value = format!("{codec}-{i}-{}", "abc".repeat(100));
                let timestamp_ms = BASE_TIMESTAMP_MS + offset;
                want.push_str(&format!(
                    "{offset}|k-{codec}-{i}|{value}|{timestamp_ms}|codec={codec}\n"
                ));
                Outgoing {
                    headers: vec![("codec".to_string(), Some(codec.as_bytes().to_vec()))],
                    timestamp_ms: Some(timestamp_ms),
                    ..Outgoing::keyed(format!("k-{codec}-{i}"), value)
                }
            })
            .collect();
        let delivered = produce(
            &topic,
            &records,
            &[("compression.codec", codec), ("linger.ms", "50")],
        );
        assert_eq!(
            delivered,
            (0..PER_CODEC)
                .map(|i| (0, c * PER_CODEC + i))
                .collect::<Vec<_>>()
        );
    }
    let got = kcat(
        &[
            "-C",
            "-t",
            &topic,
            "-p",
            "0",
            "-o",
            "beginning",
            "-e",
            "-q",
            "-f",
            "%o|%k|%s|%T|%h\\n",
        ],
        b"",
    );
    assert_eq!(got, want);
}

#[test]
fn kcat_writes_every_codec_and_rdkafka_reads_it() {
    // kcat produces ten keyed records with a header per codec into one partition; rdkafka
    // reads exactly these records, in order, with CreateTime timestamps from kcat's clock.
    let topic = topic_name("from-kcat");
    create_topic(&topic, 1);
    let mut want = Vec::new();
    for codec in CODECS {
        let mut lines = String::new();
        for i in 0..PER_CODEC {
            let (key, value) = (
                format!("k-{codec}-{i}"),
                format!("{codec}-{i}-{}", "xyz".repeat(100)),
            );
            lines.push_str(&format!("{key}:{value}\n"));
            want.push((key.into_bytes(), value.into_bytes()));
        }
        let codec_setting = format!("compression.codec={codec}");
        let header = format!("codec={codec}");
        let args = [
            "-P",
            "-t",
            &topic,
            "-p",
            "0",
            "-K:",
            "-H",
            &header,
            "-X",
            &codec_setting,
            "-X",
            "linger.ms=50",
        ];
        kcat(&args, lines.as_bytes());
    }
    let got = consume(&topic, 0, 0, want.len());
    for ((offset, record), (key, value)) in (0..).zip(&got).zip(&want) {
        let codec = &CODECS[usize::try_from(offset / PER_CODEC).expect("small")];
        assert_eq!(record.offset, offset);
        assert_eq!(
            (record.key.as_ref(), record.value.as_ref()),
            (Some(key), Some(value)),
            "offset {offset}"
        );
        assert_eq!(
            record.headers,
            vec![("codec".to_string(), Some(codec.as_bytes().to_vec()))]
        );
        assert!(
            matches!(record.timestamp, Timestamp::CreateTime(t) if t > BASE_TIMESTAMP_MS),
            "offset {offset}: {:?}",
            record.timestamp
        );
    }
}
