//! The README's API table is exactly what ApiVersions advertises.

/// Every row of the README table matches an advertised (API, key, versions) and vice versa.
#[test]
fn readme_api_table_matches_api_versions() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("<!-- api-table-start -->")
        .expect("table start marker");
    let end = readme
        .find("<!-- api-table-end -->")
        .expect("table end marker");
    let rows: Vec<String> = readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| API"))
        .map(|l| {
            l.split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let expected: Vec<String> = strom::api::api_versions::advertised()
        .into_iter()
        .map(|(key, min, max)| format!("{} {} {min}-{max}", key.name(), key as i16))
        .collect();
    assert_eq!(rows, expected);
}
