//! Run-time errors: the few shape and value problems the compiler cannot see.

use core::fmt;

/// A flat buffer's length does not match the tensor's element count.
///
/// # Example
///
/// ```
/// use constgrad::{Rank1, ShapeError, Tensor};
///
/// let e = Tensor::<Rank1<3>>::try_from_slice(&[1.0]).unwrap_err();
/// assert_eq!(e.to_string(), "expected 3 elements, found 1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeError {
    /// A slice or buffer held `found` elements where `expected` were needed.
    Length {
        /// The tensor's element count.
        expected: usize,
        /// The length given.
        found: usize,
    },
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ShapeError::Length { expected, found } => {
                write!(f, "expected {expected} elements, found {found}")
            }
        }
    }
}

impl core::error::Error for ShapeError {}
