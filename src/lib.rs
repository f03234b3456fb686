#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
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

pub mod error;
pub mod fmt;
#[cfg(feature = "alloc")]
pub mod heap;
pub mod ops;
pub mod reduce;
pub mod scalar;
pub mod shape;
pub mod stencil;
pub mod tensor;

pub use error::ShapeError;
#[cfg(feature = "alloc")]
pub use heap::HeapTensor;
pub use scalar::{Element, Real, Scalar};
pub use shape::{
    AxisOfLen, Concat, HasAxis, Prepend, Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape,
};
pub use tensor::Tensor;
