//! Compile-time guarantees: every `ui-tests/*/fail/*.rs` must fail to build
//! with the error in its `.stderr` snapshot, and every `ui-tests/*/pass/*.rs`
//! must build and run. The pass cases make trybuild run a full build, so the
//! post-monomorphization errors (inline `const` assertions) are seen too.
//!
//! Snapshots carry rustc 1.95's wording; regenerate them with
//! `TRYBUILD=overwrite cargo test --test ui` and review the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui-tests/*/pass/*.rs");
    t.compile_fail("ui-tests/*/fail/*.rs");
    // The conversions of feature `ndarray` need the crate, which only that
    // feature brings.
    #[cfg(feature = "ndarray")]
    {
        t.pass("ui-tests/features/ndarray/pass/*.rs");
        t.compile_fail("ui-tests/features/ndarray/fail/*.rs");
    }
}
