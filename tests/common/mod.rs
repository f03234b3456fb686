//! Helpers shared by the integration tests: golden-file loading and a
//! per-thread allocation counter. Each test binary uses what it needs.
#![allow(dead_code)]

use std::path::PathBuf;

/// The parsed golden file `../shared/golden/<name>`; panics (fails the test)
/// when it is missing, never skips.
pub fn golden(name: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/golden")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden file {} is required: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A JSON array of numbers as `Vec<f64>` (exact: serde_json is built with
/// `float_roundtrip`, and the files hold shortest round-trip reprs).
pub fn f64s(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, found {v}"))
        .iter()
        .map(|x| {
            x.as_f64()
                .unwrap_or_else(|| panic!("expected a number, found {x}"))
        })
        .collect()
}

/// The record of `jax_derivatives.json`'s `functions` list named `name`.
pub fn golden_function(name: &str) -> serde_json::Value {
    let file = golden("jax_derivatives.json");
    file["functions"]
        .as_array()
        .expect("`functions` is an array")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("golden case {name} is missing"))
        .clone()
}

/// Asserts `found` equals `expected` entry by entry to `tol`, relative
/// (absolute below magnitude 1).
pub fn assert_close(found: &[f64], expected: &[f64], tol: f64) {
    assert_eq!(found.len(), expected.len());
    for (k, (f, e)) in found.iter().zip(expected).enumerate() {
        assert!(
            (f - e).abs() <= tol * e.abs().max(1.0),
            "entry {k}: found {f}, expected {e}"
        );
    }
}

pub mod counting {
    //! A global allocator that counts the allocations of the current thread,
    //! so tests running in parallel do not see each other's.
    //!
    //! A test binary opts in with
    //! `#[global_allocator] static A: common::counting::Counting = common::counting::Counting;`.
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        static COUNT: Cell<usize> = const { Cell::new(0) };
    }

    /// Counts every allocation and reallocation made by this thread.
    pub struct Counting;

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let _ = COUNT.try_with(|c| c.set(c.get() + 1));
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let _ = COUNT.try_with(|c| c.set(c.get() + 1));
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// Runs `f` and returns its result with the number of allocations it made
    /// on this thread.
    pub fn allocations<R>(f: impl FnOnce() -> R) -> (R, usize) {
        let before = COUNT.with(Cell::get);
        let r = std::hint::black_box(f());
        (r, COUNT.with(Cell::get) - before)
    }
}
