//! `cargo run -p strom-codegen`: regenerates `protocol/src/generated/` from the schema files.

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let protocol = strom_codegen::protocol_dir();
    let out_dir = protocol.join("src/generated");
    let files = strom_codegen::generate(&protocol)?;
    std::fs::create_dir_all(&out_dir).context("creating protocol/src/generated")?;
    // Remove files of messages whose schema was deleted.
    for entry in std::fs::read_dir(&out_dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name.ends_with(".rs") && !files.iter().any(|(f, _)| *f == name) {
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    for (name, contents) in &files {
        std::fs::write(out_dir.join(name), contents).with_context(|| format!("writing {name}"))?;
    }
    println!("generated {} files in {}", files.len(), out_dir.display());
    Ok(())
}
