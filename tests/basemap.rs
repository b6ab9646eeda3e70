//! `public/basemap.txt` (what the app embeds) is the compact form of `public/basemap.json`
//! (what `scripts/basemap/build.sh` writes). After rebuilding the JSON, write the compact
//! form with `STEPPE_WRITE_BASEMAP=1 cargo test --test basemap`.
#![cfg(not(target_arch = "wasm32"))]

use steppe::core::geo::basemap::{parse, to_compact, EMBEDDED};

#[test]
fn the_compact_base_map_is_up_to_date() {
    let root = env!("CARGO_MANIFEST_DIR");
    let json = std::fs::read_to_string(format!("{root}/public/basemap.json")).unwrap();
    let compact = to_compact(&parse(&json).unwrap()).unwrap();
    if std::env::var_os("STEPPE_WRITE_BASEMAP").is_some() {
        std::fs::write(format!("{root}/public/basemap.txt"), &compact).unwrap();
        return;
    }
    assert!(
        EMBEDDED == compact,
        "public/basemap.txt is stale: run STEPPE_WRITE_BASEMAP=1 cargo test --test basemap"
    );
}
