//! Binary elementary functions of a dual number with a plain-float second
//! operand: `x.powf(4.2)`, `y.atan2(1.0)`, `x.hypot(3.0)`, `x.log(10.0)`.
//!
//! [`Scalar`]'s methods take `Self` for both operands, which is what
//! generic code needs, but on a concrete dual number a user writes the
//! constant as a literal. These inherent methods take either a dual of the
//! same type or a float of its underlying real ([`DualOperand`]); inherent
//! methods are found before trait methods, so the literal form works
//! without an import and without a hint from rustc towards nalgebra's
//! traits.
//!
//! # Example
//!
//! ```
//! use constgrad::dual::Dual;
//!
//! let x = Dual::var(2.0_f64);
//! let y = x.powf(3.0);
//! assert_eq!((y.re, y.eps), (8.0, 12.0));
//! assert_eq!(x.hypot(1.5).re, 2.5);
//! assert_eq!(x.log(2.0).re, 1.0);
//! ```

use super::first::Dual;
use super::second::Dual2;
use super::tangent::Tangent;
use crate::scalar::Scalar;

/// A second operand for a dual number's binary functions: a dual number of
/// the same type, or an `f32`/`f64` of its underlying real (a constant).
///
/// # Example
///
/// ```
/// use constgrad::dual::{Dual, DualOperand};
///
/// let c: Dual<f64> = 2.0.into_dual();
/// assert_eq!((c.re, c.eps), (2.0, 0.0));
/// ```
pub trait DualOperand<D>: Copy {
    /// The operand as a dual number (a constant for a plain float).
    fn into_dual(self) -> D;
}

macro_rules! mixed_methods {
    ($($ty:ident),*) => {$(
        impl<T: Scalar, S: Tangent> DualOperand<$ty<T, S>> for $ty<T, S> {
            #[inline(always)]
            fn into_dual(self) -> Self {
                self
            }
        }

        impl<T: Scalar<Real = f64>, S: Tangent> DualOperand<$ty<T, S>> for f64 {
            #[inline(always)]
            fn into_dual(self) -> $ty<T, S> {
                <$ty<T, S> as Scalar>::from_real(self)
            }
        }

        impl<T: Scalar<Real = f32>, S: Tangent> DualOperand<$ty<T, S>> for f32 {
            #[inline(always)]
            fn into_dual(self) -> $ty<T, S> {
                <$ty<T, S> as Scalar>::from_real(self)
            }
        }

        impl<T: Scalar, S: Tangent> $ty<T, S> {
            /// `selfⁿ`, with `n` a dual number or a plain float.
            #[inline]
            #[must_use]
            pub fn powf(self, n: impl DualOperand<Self>) -> Self {
                Scalar::powf(self, n.into_dual())
            }

            /// Four-quadrant arctangent of `self / x` (`self` is y), with `x`
            /// a dual number or a plain float.
            #[inline]
            #[must_use]
            pub fn atan2(self, x: impl DualOperand<Self>) -> Self {
                Scalar::atan2(self, x.into_dual())
            }

            /// `√(self² + other²)`, with `other` a dual number or a plain float.
            #[inline]
            #[must_use]
            pub fn hypot(self, other: impl DualOperand<Self>) -> Self {
                Scalar::hypot(self, other.into_dual())
            }

            /// The logarithm in base `base` (a dual number or a plain float).
            #[inline]
            #[must_use]
            pub fn log(self, base: impl DualOperand<Self>) -> Self {
                Scalar::log(self, base.into_dual())
            }
        }
    )*};
}

mixed_methods!(Dual, Dual2);

#[cfg(test)]
mod tests {
    use crate::dual::{Dual, Dual2};
    use crate::Scalar;

    #[test]
    fn a_float_operand_is_a_constant() {
        let x = Dual::var(0.7_f64);
        let c = Dual::constant(4.2);
        assert_eq!(x.powf(4.2), Scalar::powf(x, c));
        assert_eq!(x.atan2(1.0), Scalar::atan2(x, Dual::constant(1.0)));
        assert_eq!(x.hypot(3.0), Scalar::hypot(x, Dual::constant(3.0)));
        // d/dx x^4.2 = 4.2 x^3.2
        assert!((x.powf(4.2).eps - 4.2 * 0.7_f64.powf(3.2)).abs() < 1e-15);
        // d/dy atan2(y, 1) = 1 / (1 + y²)
        assert!((x.atan2(1.0).eps - 1.0 / (1.0 + 0.49)).abs() < 1e-15);
        let y: Dual2<f32> = Dual2::variable(9.0, 0);
        assert_eq!(y.powf(0.5_f32).re, 3.0);
    }

    #[test]
    fn log_with_a_base() {
        let x = Dual::var(8.0_f64);
        let l = x.log(2.0);
        assert_eq!(l.re, 8.0_f64.ln() / 2.0_f64.ln());
        // d/dx log_b x = 1 / (x ln b)
        assert_eq!(l.eps, 1.0 / 8.0 / 2.0_f64.ln());
    }
}
