//! Run-time errors: the few shape and value problems the compiler cannot see.

use core::fmt;

/// A run-time buffer or array does not fit the tensor's shape: a flat
/// buffer of the wrong length, or (feature `ndarray`) an array of other
/// dimensions.
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
    /// An array of dimensions `found` where the tensor's `expected` were
    /// needed (the conversions from ndarray's arrays).
    Dims {
        /// The tensor's dimensions, outermost first.
        expected: &'static [usize],
        /// The dimensions given.
        found: Dims,
    },
}

/// The dimensions of a run-time array (rank 0 to 6), kept without
/// allocating so that [`ShapeError`] stays `Copy`.
///
/// # Example
///
/// ```
/// use constgrad::tensor::error::Dims;
///
/// let d = Dims::new(&[3, 2]).unwrap();
/// assert_eq!(d.as_slice(), &[3, 2]);
/// assert!(Dims::new(&[1; 7]).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Dims {
    len: usize,
    dims: [usize; 6],
}

impl Dims {
    /// The dimensions of `dims`, or `None` beyond rank 6.
    #[must_use]
    pub fn new(dims: &[usize]) -> Option<Self> {
        let mut d = Self {
            len: dims.len(),
            dims: [0; 6],
        };
        d.dims.get_mut(..dims.len())?.copy_from_slice(dims);
        Some(d)
    }

    /// The dimensions, outermost first.
    #[must_use]
    pub fn as_slice(&self) -> &[usize] {
        &self.dims[..self.len]
    }
}

impl fmt::Debug for Dims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ShapeError::Length { expected, found } => {
                write!(f, "expected {expected} elements, found {found}")
            }
            ShapeError::Dims { expected, found } => {
                write!(
                    f,
                    "expected an array of shape {expected:?}, found shape {found:?}"
                )
            }
        }
    }
}

impl core::error::Error for ShapeError {}
