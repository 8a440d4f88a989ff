//! strom-codegen: generates `strom-protocol`'s message code from `protocol/schema/*.toml`.
//!
//! Why checked-in generated code rather than build.rs: the generated Rust is reviewable in
//! diffs, `cargo doc` and IDEs see it without a build step, and the protocol crate keeps
//! its dependency list to bytes, nom and the codecs. The test `generated_code_is_fresh`
//! fails when the checked-in files differ from what the schema produces.

pub mod emit;
pub mod schema;

use anyhow::{bail, Context, Result};
use schema::Message;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The protocol crate's directory, found from this crate's manifest directory.
pub fn protocol_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen lives in protocol/")
        .to_path_buf()
}

/// Every generated file as (path relative to `protocol/src/generated/`, contents).
pub fn generate(protocol: &Path) -> Result<Vec<(String, String)>> {
    let schema_dir = protocol.join("schema");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&schema_dir)
        .with_context(|| format!("listing {}", schema_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut messages = Vec::new();
    let mut files = Vec::new();
    for path in &paths {
        let message = schema::load(path)?;
        let source = format!(
            "protocol/schema/{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        files.push((
            format!("{}.rs", snake(&message.name)),
            emit::emit_message(&message, &source),
        ));
        messages.push(message);
    }
    files.push(("mod.rs".to_string(), emit_mod(&messages)?));
    Ok(files)
}

/// `ProduceRequest` -> `produce_request`.
pub fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

struct Api<'a> {
    request: &'a Message,
    response: &'a Message,
}

fn pair_apis(messages: &[Message]) -> Result<Vec<Api<'_>>> {
    let mut apis = Vec::new();
    for request in messages.iter().filter(|m| m.is_request) {
        let Some(response) = messages
            .iter()
            .find(|m| !m.is_request && m.api_name == request.api_name)
        else {
            bail!("{} has no response schema", request.name);
        };
        if response.api_key != request.api_key || response.versions != request.versions {
            bail!(
                "{} and {} disagree on api key or versions",
                request.name,
                response.name
            );
        }
        apis.push(Api { request, response });
    }
    if messages.iter().filter(|m| !m.is_request).count() != apis.len() {
        bail!("a response schema has no request schema");
    }
    apis.sort_by_key(|a| a.request.api_key);
    Ok(apis)
}

fn emit_mod(messages: &[Message]) -> Result<String> {
    let apis = pair_apis(messages)?;
    let mut out = String::new();
    out.push_str("// Generated from protocol/schema/*.toml by strom-codegen. Do not edit: run `cargo run -p strom-codegen`.\n");
    out.push_str("//! Every Kafka message strom speaks, generated from the schema files, plus the table of\n//! supported APIs that ApiVersions advertises.\n\n");
    out.push_str("#![allow(clippy::all)]\n\nuse crate::codec::{Codec, EncodeError, PResult};\nuse bytes::{BufMut, Bytes};\n\n");
    for m in messages {
        let _ = writeln!(out, "pub mod {};", snake(&m.name));
    }
    out.push('\n');
    for m in messages {
        let _ = writeln!(out, "pub use {}::{};", snake(&m.name), m.name);
    }
    out.push_str("\n/// A Kafka API strom implements.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[repr(i16)]\npub enum ApiKey {\n");
    for api in &apis {
        let _ = writeln!(
            out,
            "    {} = {},",
            api.request.api_name, api.request.api_key
        );
    }
    out.push_str("}\n\nimpl ApiKey {\n    /// Every API, in key order.\n    pub const ALL: &'static [ApiKey] = &[\n");
    for api in &apis {
        let _ = writeln!(out, "        ApiKey::{},", api.request.api_name);
    }
    out.push_str(
        "    ];\n\n    pub fn from_i16(key: i16) -> Option<ApiKey> {\n        match key {\n",
    );
    for api in &apis {
        let _ = writeln!(
            out,
            "            {} => Some(ApiKey::{}),",
            api.request.api_key, api.request.api_name
        );
    }
    out.push_str("            _ => None,\n        }\n    }\n\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for api in &apis {
        let _ = writeln!(
            out,
            "            ApiKey::{0} => \"{0}\",",
            api.request.api_name
        );
    }
    out.push_str("        }\n    }\n\n    /// The oldest version the codec reads and writes.\n    pub fn min_version(self) -> i16 {\n        match self {\n");
    for api in &apis {
        let _ = writeln!(
            out,
            "            ApiKey::{} => {},",
            api.request.api_name, api.request.versions.min
        );
    }
    out.push_str("        }\n    }\n\n    /// The newest version the codec reads and writes.\n    pub fn max_version(self) -> i16 {\n        match self {\n");
    for api in &apis {
        let _ = writeln!(
            out,
            "            ApiKey::{} => {},",
            api.request.api_name, api.request.versions.max
        );
    }
    out.push_str("        }\n    }\n\n    /// Whether `version` uses the flexible (compact, tagged-field) encoding.\n    pub fn is_flexible(self, version: i16) -> bool {\n        match self {\n");
    for api in &apis {
        let _ = writeln!(
            out,
            "            ApiKey::{} => version >= {}::FLEXIBLE_MIN,",
            api.request.api_name,
            snake(&api.request.name)
        );
    }
    out.push_str("        }\n    }\n\n    /// Request header version: 2 for flexible versions, else 1.\n    pub fn request_header_version(self, version: i16) -> i16 {\n        if self.is_flexible(version) { 2 } else { 1 }\n    }\n\n");
    out.push_str("    /// Response header version: 1 for flexible versions, else 0; ApiVersions always 0.\n    pub fn response_header_version(self, version: i16) -> i16 {\n        if self != ApiKey::ApiVersions && self.is_flexible(version) { 1 } else { 0 }\n    }\n}\n\n");
    for (kind, suffix) in [("RequestBody", "Request"), ("ResponseBody", "Response")] {
        emit_body_enum(&mut out, &apis, kind, suffix);
    }
    Ok(out)
}

fn emit_body_enum(out: &mut String, apis: &[Api<'_>], kind: &str, suffix: &str) {
    let pick = |api: &Api<'_>| {
        if suffix == "Request" {
            api.request.name.clone()
        } else {
            api.response.name.clone()
        }
    };
    let _ = writeln!(
        out,
        "/// Any {} body, tagged by API.\n#[derive(Debug, Clone, PartialEq)]\npub enum {kind} {{",
        suffix.to_lowercase()
    );
    for api in apis {
        let _ = writeln!(out, "    {}({}),", api.request.api_name, pick(api));
    }
    let _ = writeln!(
        out,
        "}}\n\nimpl {kind} {{\n    pub fn api_key(&self) -> ApiKey {{\n        match self {{"
    );
    for api in apis {
        let _ = writeln!(
            out,
            "            {kind}::{0}(_) => ApiKey::{0},",
            api.request.api_name
        );
    }
    out.push_str("        }\n    }\n\n    /// Decodes the body of `api_key` at `version`; `input` must be a sub-slice of `src`.\n");
    out.push_str("    pub fn decode<'a>(src: &Bytes, input: &'a [u8], api_key: ApiKey, version: i16) -> PResult<'a, Self> {\n        match api_key {\n");
    for api in apis {
        let _ = writeln!(
            out,
            "            ApiKey::{0} => {1}::decode(src, input, version).map(|(rest, body)| (rest, {kind}::{0}(body))),",
            api.request.api_name,
            pick(api)
        );
    }
    out.push_str("        }\n    }\n\n    pub fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {\n        match self {\n");
    for api in apis {
        let _ = writeln!(
            out,
            "            {kind}::{}(body) => body.encode(buf, version),",
            api.request.api_name
        );
    }
    out.push_str("        }\n    }\n\n    pub fn encoded_len(&self, version: i16) -> usize {\n        match self {\n");
    for api in apis {
        let _ = writeln!(
            out,
            "            {kind}::{}(body) => body.encoded_len(version),",
            api.request.api_name
        );
    }
    out.push_str("        }\n    }\n\n    /// A random body of `api_key` at `version`, for property tests.\n    #[cfg(feature = \"arbitrary\")]\n");
    out.push_str("    pub fn arbitrary(rng: &mut crate::arbitrary::Rng, api_key: ApiKey, version: i16) -> Self {\n        use crate::arbitrary::Arbitrary;\n        match api_key {\n");
    for api in apis {
        let _ = writeln!(
            out,
            "            ApiKey::{0} => {kind}::{0}({1}::arbitrary(rng, version)),",
            api.request.api_name,
            pick(api)
        );
    }
    out.push_str("        }\n    }\n}\n\n");
}
