//! The checked-in generated code is exactly what the schema files produce.

/// Regenerating from the schema changes nothing; otherwise run `cargo run -p strom-codegen`.
#[test]
fn generated_code_is_fresh() {
    let protocol = strom_codegen::protocol_dir();
    let files = strom_codegen::generate(&protocol).expect("schema files are valid");
    let out_dir = protocol.join("src/generated");
    let mut stale = Vec::new();
    for (name, contents) in &files {
        let on_disk = std::fs::read_to_string(out_dir.join(name)).unwrap_or_default();
        if on_disk != *contents {
            stale.push(name.clone());
        }
    }
    let extra: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("generated dir exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".rs") && !files.iter().any(|(f, _)| f == n))
        .collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "stale generated files: {stale:?}, files without a schema: {extra:?}"
    );
}
