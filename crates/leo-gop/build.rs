//! Builds the vendored PocketSphinx (C, BSD licence) as a static library. The source list is
//! read from its own `src/CMakeLists.txt`, and the two configuration headers CMake would write
//! are written here, so no CMake run is needed.

use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../vendor/pocketsphinx");
    let src = root.join("src");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = out.join("include");
    std::fs::create_dir_all(generated.join("pocketsphinx")).expect("OUT_DIR is writable");
    std::fs::write(generated.join("config.h"), CONFIG_H).expect("OUT_DIR is writable");
    std::fs::write(
        generated.join("pocketsphinx/sphinx_config.h"),
        SPHINX_CONFIG_H,
    )
    .expect("OUT_DIR is writable");

    let list = std::fs::read_to_string(src.join("CMakeLists.txt"))
        .expect("vendor/pocketsphinx/src/CMakeLists.txt lists the sources");
    let sources: Vec<PathBuf> = list
        .split_whitespace()
        // The list names each source once; the parser generator's outputs are named again
        // through CMake variables, which are skipped.
        .filter(|w| w.ends_with(".c") && !w.contains('$'))
        .map(|w| src.join(w))
        .collect();
    assert!(
        sources.len() > 50,
        "no C sources found in {}",
        src.display()
    );

    cc::Build::new()
        .files(&sources)
        .include(&generated)
        .include(&src)
        .include(root.join("include"))
        .define("HAVE_CONFIG_H", None)
        .define("POCKETSPHINX_EXPORTS", None)
        .define("SPHINXBASE_EXPORTS", None)
        .warnings(false)
        .opt_level(2)
        .compile("pocketsphinx");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        println!("cargo:rustc-link-lib=m");
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!(
        "cargo:rerun-if-changed={}",
        src.join("CMakeLists.txt").display()
    );
}

const CONFIG_H: &str = "\
#define DEFAULT_RADIX 12
#define PS_USE_THREAD_LOCAL_RNG 1
#define HAVE_LONG_LONG 1
#define HAVE_SNPRINTF 1
#define HAVE_STDINT_H 1
#define SIZEOF_LONG_LONG 8
#if defined(_WIN32)
#define SIZEOF_LONG 4
#else
#define HAVE_POPEN 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define SIZEOF_LONG 8
#endif
#if defined __BIG_ENDIAN__
#define WORDS_BIGENDIAN
#endif
#define PACKAGE_NAME \"PocketSphinx\"
#define PACKAGE_VERSION \"5.1.1\"
#define PACKAGE_STRING \"PocketSphinx 5.1.1\"
#define PACKAGE_TARNAME \"pocketsphinx-5.1.1\"
";

const SPHINX_CONFIG_H: &str = "\
#define DEFAULT_RADIX 12
#ifndef HAVE_STDINT_H
#define HAVE_STDINT_H
#endif
#ifndef HAVE_LONG_LONG
#define HAVE_LONG_LONG
#endif
#define SIZEOF_LONG_LONG 8
#if defined(_WIN32)
#define SIZEOF_LONG 4
#else
#define SIZEOF_LONG 8
#endif
";
