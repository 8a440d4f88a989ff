//! Reads and checks the schema files in `protocol/schema/` into a model the emitter walks.
//!
//! Invariants checked here so the emitter can trust them: version ranges are well formed
//! and clamped to the message's range, every struct a field names exists, tags are unique
//! per struct, and a nullable range only names types that can be null.

use anyhow::{anyhow, bail, Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// An inclusive version range; `None` where a field never exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: i16,
    pub max: i16,
}

impl Range {
    pub fn contains(&self, version: i16) -> bool {
        self.min <= version && version <= self.max
    }

    fn intersect(self, other: Range) -> Option<Range> {
        let min = self.min.max(other.min);
        let max = self.max.min(other.max);
        (min <= max).then_some(Range { min, max })
    }
}

/// Parses `"N+"`, `"N-M"`, `"N"` or `"none"`, clamped to `within`.
pub fn parse_range(text: &str, within: Range) -> Result<Option<Range>> {
    let text = text.trim();
    if text == "none" {
        return Ok(None);
    }
    let parse = |s: &str| {
        s.trim()
            .parse::<i16>()
            .with_context(|| format!("bad version '{s}'"))
    };
    let range = if let Some(min) = text.strip_suffix('+') {
        Range {
            min: parse(min)?,
            max: i16::MAX,
        }
    } else if let Some((min, max)) = text.split_once('-') {
        Range {
            min: parse(min)?,
            max: parse(max)?,
        }
    } else {
        let v = parse(text)?;
        Range { min: v, max: v }
    };
    if range.min > range.max {
        bail!("empty version range '{text}'");
    }
    Ok(range.intersect(within))
}

#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    Bool,
    Int8,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Int64,
    Float64,
    String,
    Bytes,
    Records,
    Uuid,
    Struct(String),
    Array(Box<Type>),
}

impl Type {
    fn parse(text: &str) -> Type {
        if let Some(inner) = text.strip_prefix("[]") {
            return Type::Array(Box::new(Type::parse(inner)));
        }
        match text {
            "bool" => Type::Bool,
            "int8" => Type::Int8,
            "int16" => Type::Int16,
            "uint16" => Type::Uint16,
            "int32" => Type::Int32,
            "uint32" => Type::Uint32,
            "int64" => Type::Int64,
            "float64" => Type::Float64,
            "string" => Type::String,
            "bytes" => Type::Bytes,
            "records" => Type::Records,
            "uuid" => Type::Uuid,
            other => Type::Struct(other.to_string()),
        }
    }

    pub fn can_be_null(&self) -> bool {
        matches!(
            self,
            Type::String | Type::Bytes | Type::Records | Type::Struct(_) | Type::Array(_)
        )
    }
}

/// A field's default as written in the schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Default {
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub ty: Type,
    /// Versions the field exists in (clamped to the message); `None` = never.
    pub versions: Option<Range>,
    /// Versions in which the value may be null.
    pub nullable: Option<Range>,
    pub tag: Option<u32>,
    /// Versions in which a tagged field may appear.
    pub tagged_versions: Option<Range>,
    pub default: Option<Default>,
}

impl Field {
    /// The Rust value may be null in some version.
    pub fn is_option(&self) -> bool {
        self.nullable.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct Message {
    /// E.g. `ProduceRequest`.
    pub name: String,
    /// E.g. `Produce`.
    pub api_name: String,
    pub api_key: i16,
    pub is_request: bool,
    pub versions: Range,
    pub flexible_min: Option<i16>,
    pub fields: Vec<Field>,
    pub structs: BTreeMap<String, Vec<Field>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMessage {
    api_key: i16,
    kind: String,
    versions: String,
    flexible: String,
    fields: Vec<RawField>,
    #[serde(default)]
    structs: BTreeMap<String, RawStruct>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStruct {
    fields: Vec<RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    versions: Option<String>,
    nullable: Option<String>,
    tag: Option<u32>,
    tagged_versions: Option<String>,
    default: Option<toml::Value>,
    #[serde(default)]
    #[allow(dead_code)]
    map_key: bool,
    #[serde(default)]
    #[allow(dead_code)]
    ignorable: bool,
}

pub fn load(path: &Path) -> Result<Message> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| anyhow!("bad file name"))?
        .to_string();
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let raw: RawMessage =
        toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let is_request = match raw.kind.as_str() {
        "request" => true,
        "response" => false,
        other => bail!("{name}: kind must be request or response, not '{other}'"),
    };
    let suffix = if is_request { "Request" } else { "Response" };
    let api_name = name
        .strip_suffix(suffix)
        .ok_or_else(|| anyhow!("{name}: a {} file must be named *{suffix}.toml", raw.kind))?
        .to_string();
    let all = Range {
        min: 0,
        max: i16::MAX,
    };
    let versions =
        parse_range(&raw.versions, all)?.ok_or_else(|| anyhow!("{name}: no versions"))?;
    let flexible_min = parse_range(&raw.flexible, versions)?.map(|r| r.min);
    let convert = |fields: Vec<RawField>, owner: &str| -> Result<Vec<Field>> {
        fields
            .into_iter()
            .map(|f| convert_field(f, versions).with_context(|| format!("{name}: {owner}")))
            .collect()
    };
    let fields = convert(raw.fields, &name)?;
    let mut structs = BTreeMap::new();
    for (struct_name, raw_struct) in raw.structs {
        let converted = convert(raw_struct.fields, &struct_name)?;
        structs.insert(struct_name, converted);
    }
    let message = Message {
        name,
        api_name,
        api_key: raw.api_key,
        is_request,
        versions,
        flexible_min,
        fields,
        structs,
    };
    check(&message)?;
    Ok(message)
}

fn convert_field(raw: RawField, within: Range) -> Result<Field> {
    let versions = match &raw.versions {
        Some(text) => parse_range(text, within)?,
        None => Some(within),
    };
    let nullable = match &raw.nullable {
        Some(text) => parse_range(text, within)?,
        None => None,
    };
    let tagged_versions = match (&raw.tagged_versions, raw.tag) {
        (Some(text), _) => parse_range(text, within)?,
        (None, Some(_)) => versions,
        (None, None) => None,
    };
    let default = raw
        .default
        .map(|value| convert_default(&raw.name, value))
        .transpose()?;
    Ok(Field {
        name: raw.name,
        ty: Type::parse(&raw.ty),
        versions,
        nullable,
        tag: raw.tag,
        tagged_versions,
        default,
    })
}

fn convert_default(field: &str, value: toml::Value) -> Result<Default> {
    Ok(match value {
        toml::Value::Integer(i) => Default::Int(i),
        toml::Value::Float(f) => Default::Float(f),
        toml::Value::Boolean(b) => Default::Bool(b),
        toml::Value::String(s) if s == "null" => Default::Null,
        toml::Value::String(s) if s == "true" || s == "false" => Default::Bool(s == "true"),
        toml::Value::String(s) => match s.parse::<i64>() {
            Ok(i) => Default::Int(i),
            Err(_) => Default::Text(s),
        },
        other => bail!("field {field}: unsupported default {other}"),
    })
}

fn check(message: &Message) -> Result<()> {
    let all_fields = std::iter::once((message.name.as_str(), &message.fields))
        .chain(message.structs.iter().map(|(n, f)| (n.as_str(), f)));
    for (owner, fields) in all_fields {
        let mut tags = std::collections::BTreeSet::new();
        for field in fields {
            let context = format!("{}: {owner}.{}", message.name, field.name);
            if field.nullable.is_some() && !field.ty.can_be_null() {
                bail!("{context}: type {:?} cannot be nullable", field.ty);
            }
            if let Some(tag) = field.tag {
                if !tags.insert(tag) {
                    bail!("{context}: duplicate tag {tag}");
                }
                if message.flexible_min.is_none() {
                    bail!("{context}: tagged field in a message with no flexible versions");
                }
            }
            if matches!(field.default, Some(Default::Null)) && field.nullable.is_none() {
                bail!("{context}: default null on a field that is never nullable");
            }
            let mut ty = &field.ty;
            while let Type::Array(inner) = ty {
                ty = inner;
            }
            if let Type::Struct(name) = ty {
                if !message.structs.contains_key(name) {
                    bail!("{context}: unknown struct {name}");
                }
            }
        }
    }
    Ok(())
}
