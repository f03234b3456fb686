//! [`Sample`]: the element types a stencil reads (every [`Scalar`], and the
//! primitive integers, which give `f64` gradients as in numpy).

use crate::scalar::Scalar;

/// A sampled value: a [`Scalar`] (`f32`, `f64`, a dual number), read as is,
/// or a primitive integer, read as `f64` (numpy converts integer samples to
/// `float64` before differencing, and so do we; `as f64` rounds to nearest
/// as numpy's `astype` does).
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Unit, EDGE1};
/// use constgrad::Tensor;
///
/// let f = Tensor::from([1_i32, 4, 9, 16]);
/// let [g] = f.gradient(Unit, EDGE1);
/// assert_eq!(g, Tensor::from([3.0, 4.0, 6.0, 7.0]));
/// ```
pub trait Sample: Copy + Send + Sync + 'static {
    /// The scalar the gradient is computed in.
    type Out: Scalar;
    /// Converts one sample.
    fn to_scalar(self) -> Self::Out;
}

impl<T: Scalar> Sample for T {
    type Out = T;
    #[inline(always)]
    fn to_scalar(self) -> T {
        self
    }
}

macro_rules! int_sample {
    ($($t:ty),*) => {$(
        impl Sample for $t {
            type Out = f64;
            #[inline(always)]
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn to_scalar(self) -> f64 {
                self as f64
            }
        }
    )*};
}
int_sample!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);
