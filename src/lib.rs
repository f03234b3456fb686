#![no_std]
#![deny(missing_docs)]
// Without `nalgebra` no unsafe code at all. With it, simba's `SimdValue`
// requires two `unsafe fn`s, implemented (in `dual::nalgebra`) without any
// unsafe operation; they are the only items allowed.
#![cfg_attr(not(feature = "nalgebra"), forbid(unsafe_code))]
#![cfg_attr(feature = "nalgebra", deny(unsafe_code))]
//! # constgrad
//!
//! Tensors whose shapes are types, forward-mode automatic differentiation,
//! a vmap combinator and numpy-exact stencil gradients, for `no_std` and
//! real-time Rust: no heap, no panics on valid input, and shape mistakes
//! rejected by the compiler.
//!
//! ```
//! use constgrad::{Rank2, Tensor};
//!
//! let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
//! let i: Tensor<Rank2<2, 2>> = Tensor::identity();
//! assert_eq!(a + i, Tensor::from([[2.0, 2.0], [3.0, 5.0]]));
//! ```

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod ad;
mod approx_eq;
pub mod dual;
pub mod error;
pub mod fmt;
#[cfg(feature = "alloc")]
pub mod heap;
#[cfg(feature = "nalgebra")]
mod interop_nalgebra;
pub mod linalg;
pub mod ops;
pub mod reduce;
pub mod scalar;
pub mod shape;
pub mod stencil;
pub mod tensor;
pub mod vmap;

pub use ad::{grad, hessian, jacobian, value_and_grad};
pub use dual::{Dual, Dual2, RealArith, Tangent};
pub use error::ShapeError;
#[cfg(feature = "alloc")]
pub use heap::HeapTensor;
pub use linalg::{Axes, Axes1, Axes2, Axes3, Axes4, Axes5, Axes6, MatMulRhs, PermuteAxes};
pub use scalar::{Element, Real, Scalar};
pub use shape::{
    AxisOfLen, Concat, HasAxis, Prepend, Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape,
};
pub use tensor::Tensor;
pub use vmap::{vmap, vmap2, vmap3, Batched, Broadcast, Mapped, VmapArg};

/// The README's examples, compiled and run as doctests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
