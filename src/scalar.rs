//! The element types tensors hold and user functions are written against:
//! [`Scalar`] (`f32`, `f64`, and the dual numbers of [`crate::dual`]) and
//! [`Real`] (`f32` and `f64` only).
//!
//! One generic function body `fn f<T: Scalar>(x: T) -> T` serves the plain
//! evaluation, the gradient and the Hessian: the caller picks `T`.
//!
//! Math comes from the inherent float methods with the `std` feature, and
//! from the `libm` crate without it (or with the `libm` feature, which makes
//! results bit-identical on every target). `erf` always comes from `libm`.
//!
//! # Example
//!
//! ```
//! use constgrad::Scalar;
//!
//! fn sigmoid<T: Scalar>(x: T) -> T {
//!     T::one() / (T::one() + (-x).exp())
//! }
//! assert_eq!(sigmoid(0.0_f64), 0.5);
//! assert_eq!(sigmoid(0.0_f32), 0.5);
//! ```

use core::fmt::Debug;
use core::iter::{Product, Sum};
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, Sub, SubAssign};

/// A number that tensors hold and that differentiable functions are written
/// against: `f32`, `f64`, or a dual number over one of them.
///
/// Comparisons (`PartialOrd`, [`Scalar::min`], [`Scalar::max`], …) look at
/// the value only. Every elementary function is here so that generic code
/// can call it on any scalar; on a dual number each one also carries its
/// derivative (see [`crate::dual`] for the behaviour at non-smooth points).
///
/// # Example
///
/// ```
/// use constgrad::Scalar;
///
/// fn norm<T: Scalar>(x: T, y: T) -> T {
///     (x * x + y * y).sqrt()
/// }
/// assert_eq!(norm(3.0_f64, 4.0), 5.0);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number constgrad computes or differentiates with: it needs `f32` or `f64` (or a dual number over them)",
    label = "`{Self}` here, where `f32` or `f64` is needed",
    note = "integer samples are data: convert them with `.cast::<f64>()`, or write the literals as floats (`1.0`, not `1`)"
)]
pub trait Scalar:
    Copy
    + Debug
    + PartialEq
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
    + Send
    + Sync
    + 'static
{
    /// The underlying real type (`f32` or `f64`), also for nested duals.
    type Real: Real;

    /// Additive identity.
    fn zero() -> Self;
    /// Multiplicative identity.
    fn one() -> Self;
    /// A constant (zero derivative) from a real of the underlying type.
    fn from_real(x: Self::Real) -> Self;
    /// A constant (zero derivative) from an `f64`, rounded to the underlying type.
    fn from_f64(x: f64) -> Self;
    /// The value, without derivatives.
    fn re(&self) -> Self::Real;

    /// `|x|`. On a dual number the derivative at ±0 is 1, as JAX's.
    fn abs(self) -> Self;
    /// `-1`, `0` or `1` by the sign of the value (zero tangent); `NaN` for `NaN`.
    fn signum(self) -> Self;
    /// Largest integer ≤ x (zero tangent).
    fn floor(self) -> Self;
    /// Smallest integer ≥ x (zero tangent).
    fn ceil(self) -> Self;
    /// Nearest integer, half away from zero (zero tangent).
    fn round(self) -> Self;
    /// Square root.
    fn sqrt(self) -> Self;
    /// Cube root.
    fn cbrt(self) -> Self;
    /// `1 / x`.
    fn recip(self) -> Self;
    /// `eˣ`.
    fn exp(self) -> Self;
    /// `2ˣ`.
    fn exp2(self) -> Self;
    /// `eˣ - 1`, accurate near 0.
    fn exp_m1(self) -> Self;
    /// Natural logarithm.
    fn ln(self) -> Self;
    /// Base-2 logarithm.
    fn log2(self) -> Self;
    /// Base-10 logarithm.
    fn log10(self) -> Self;
    /// `ln(1 + x)`, accurate near 0.
    fn ln_1p(self) -> Self;
    /// Sine.
    fn sin(self) -> Self;
    /// Cosine.
    fn cos(self) -> Self;
    /// Tangent.
    fn tan(self) -> Self;
    /// Sine and cosine together.
    fn sin_cos(self) -> (Self, Self);
    /// Arcsine.
    fn asin(self) -> Self;
    /// Arccosine.
    fn acos(self) -> Self;
    /// Arctangent.
    fn atan(self) -> Self;
    /// Four-quadrant arctangent of `self / other` (`self` is y).
    fn atan2(self, other: Self) -> Self;
    /// Hyperbolic sine.
    fn sinh(self) -> Self;
    /// Hyperbolic cosine.
    fn cosh(self) -> Self;
    /// Hyperbolic tangent.
    fn tanh(self) -> Self;
    /// Inverse hyperbolic sine.
    fn asinh(self) -> Self;
    /// Inverse hyperbolic cosine.
    fn acosh(self) -> Self;
    /// Inverse hyperbolic tangent.
    fn atanh(self) -> Self;
    /// `xⁿ` for an integer `n`.
    fn powi(self, n: i32) -> Self;
    /// `xʸ`; on dual numbers both the base and the exponent carry tangents.
    fn powf(self, n: Self) -> Self;
    /// `√(x² + y²)` without undue overflow.
    fn hypot(self, other: Self) -> Self;
    /// The error function.
    fn erf(self) -> Self;
    /// `self * a + b`. Rounded once for reals (a fused multiply-add).
    fn mul_add(self, a: Self, b: Self) -> Self;
    /// The smaller value, NaN if either is NaN (as `jnp.minimum`). On a dual
    /// number the tangent is the smaller operand's, the mean of both at a
    /// tie, and 0 with a NaN (as JAX).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Scalar;
    ///
    /// assert_eq!(Scalar::min(1.0, 2.0), 1.0);
    /// assert!(Scalar::min(1.0, f64::NAN).is_nan());
    /// ```
    fn min(self, other: Self) -> Self;
    /// The larger value, NaN if either is NaN (as `jnp.maximum`); tangents as
    /// for [`Scalar::min`].
    fn max(self, other: Self) -> Self;
    /// `self` clamped to `[lo, hi]`, computed as `jnp.clip` is:
    /// `min(max(self, lo), hi)`. So a NaN anywhere gives NaN, `hi` wins when
    /// `lo > hi`, and at a bound a dual's tangent is shared with the bound
    /// (½ each at one bound; ¼, ¼, ½ for `self`, `lo`, `hi` when all three tie).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    /// use constgrad::Scalar;
    ///
    /// assert_eq!(Scalar::clamp(5.0, 0.0, 1.0), 1.0);
    /// let x: Dual<f64> = Dual::var(1.0);
    /// assert_eq!(x.clamp(Dual::constant(0.0), Dual::constant(1.0)).eps, 0.5);
    /// ```
    #[inline]
    fn clamp(self, lo: Self, hi: Self) -> Self {
        self.max(lo).min(hi)
    }
    /// `self` with its value set to 0 and its derivatives kept: `self -
    /// self.re()` without the subtraction, so also for an infinite value
    /// (where `∞ - ∞` would make the value NaN). 0 for a real.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    /// use constgrad::Scalar;
    ///
    /// let x: Dual<f64> = Dual::new(f64::INFINITY, 3.0);
    /// assert_eq!((x.tangent_part().re, x.tangent_part().eps), (0.0, 3.0));
    /// assert_eq!(2.5_f64.tangent_part(), 0.0);
    /// ```
    #[inline]
    #[must_use]
    fn tangent_part(self) -> Self {
        self - Self::from_real(self.re())
    }
    /// Whether the value is neither infinite nor `NaN`.
    fn is_finite(&self) -> bool {
        self.re().is_finite_real()
    }

    /// The logarithm in base `base`: `ln(self) / ln(base)`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Scalar;
    ///
    /// assert_eq!(Scalar::log(8.0_f64, 2.0), 3.0);
    /// ```
    #[inline]
    fn log(self, base: Self) -> Self {
        self.ln() / base.ln()
    }

    /// The logistic sigmoid `1 / (1 + e⁻ˣ)`, written so that neither branch
    /// overflows (`eˣ / (1 + eˣ)` for negative `x`).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Scalar;
    ///
    /// assert_eq!(Scalar::sigmoid(0.0_f64), 0.5);
    /// assert_eq!(Scalar::sigmoid(-1000.0_f64), 0.0);
    /// assert_eq!(Scalar::sigmoid(1000.0_f64), 1.0);
    /// ```
    #[inline]
    fn sigmoid(self) -> Self {
        if self.re() >= Self::Real::zero() {
            Self::one() / (Self::one() + (-self).exp())
        } else {
            let e = self.exp();
            e / (Self::one() + e)
        }
    }

    /// `ln(1 + eˣ)`, as `x + ln_1p(e⁻ˣ)` for positive `x` and `ln_1p(eˣ)`
    /// otherwise, so that it neither overflows for large `x` nor rounds to
    /// 0 for very negative `x`. A branch on the value rather than `abs` and
    /// `max` keeps the derivative [`Scalar::sigmoid`] at 0 too (½), whatever
    /// tangent those two pick at their kinks.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Scalar;
    ///
    /// assert_eq!(Scalar::softplus(0.0_f64), 2.0_f64.ln());
    /// assert_eq!(Scalar::softplus(1000.0_f64), 1000.0);
    /// assert_eq!(Scalar::softplus(-800.0_f64), 0.0);
    /// ```
    #[inline]
    fn softplus(self) -> Self {
        if self.re() > Self::Real::zero() {
            self + (-self).exp().ln_1p()
        } else {
            self.exp().ln_1p()
        }
    }
}

/// A type a tensor can be built from a nested array of: every [`Scalar`],
/// the primitive integers and `bool`.
///
/// It exists so that `Tensor::from([[1.0, 2.0], [3.0, 4.0]])` infers its
/// shape: an array of arrays is never an element, so the nested array can only
/// be a rank-2 storage. Integer samples are accepted (numpy's `gradient`
/// takes them) and converted with [`crate::Tensor::cast`].
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
///
/// let t = Tensor::from([[1_i32, 2], [3, 4]]);
/// assert_eq!(t.dims(), &[2, 2]);
/// ```
pub trait Element: Copy + PartialEq + Debug + Send + Sync + 'static {}

impl<T: Scalar> Element for T {}

macro_rules! plain_element {
    ($($t:ty),*) => { $(impl Element for $t {})* };
}
plain_element!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, bool);

/// `f32` or `f64`: the scalars with no derivative part.
///
/// # Example
///
/// ```
/// use constgrad::Real;
///
/// assert_eq!(<f32 as Real>::to_f64(0.5), 0.5);
/// ```
pub trait Real:
    Scalar<Real = Self>
    + Default
    + Rem<Output = Self>
    + Sum
    + Product
    + core::fmt::Display
    + core::fmt::LowerExp
    + approx::AbsDiffEq<Epsilon = Self>
    + approx::RelativeEq
    + approx::UlpsEq
{
    /// Machine epsilon.
    const EPSILON: Self;
    /// Positive infinity.
    const INFINITY: Self;
    /// Not a number.
    const NAN: Self;
    /// Converts to `f64` exactly.
    fn to_f64(self) -> f64;
    /// Whether this real is neither infinite nor `NaN`.
    fn is_finite_real(self) -> bool;
}

/// Binds the elementary functions of one float type to either the inherent
/// methods (with `std`) or to `libm` (without `std`, or with feature `libm`).
macro_rules! real_impl {
    ($t:ty, $libm:ident { $($name:ident => $lib:ident),* $(,)? }, $erf:ident, $fma:ident, $pow:ident, $atan2:ident, $hypot:ident) => {
        // Not listed in errors: the trait's own message names f32 and f64.
        #[diagnostic::do_not_recommend]
        impl Scalar for $t {
            type Real = $t;

            #[inline]
            fn zero() -> Self {
                0.0
            }
            #[inline]
            fn one() -> Self {
                1.0
            }
            #[inline]
            fn from_real(x: Self) -> Self {
                x
            }
            #[inline]
            #[allow(clippy::cast_possible_truncation, trivial_numeric_casts)]
            fn from_f64(x: f64) -> Self {
                x as $t
            }
            #[inline]
            fn re(&self) -> Self {
                *self
            }
            #[inline]
            fn signum(self) -> Self {
                if self.is_nan() {
                    self
                } else if self > 0.0 {
                    1.0
                } else if self < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            $(
                #[inline]
                fn $name(self) -> Self {
                    #[cfg(all(feature = "std", not(feature = "libm")))]
                    {
                        <$t>::$name(self)
                    }
                    #[cfg(not(all(feature = "std", not(feature = "libm"))))]
                    {
                        libm::$lib(self)
                    }
                }
            )*
            #[inline]
            fn recip(self) -> Self {
                1.0 / self
            }
            #[inline]
            fn sin_cos(self) -> (Self, Self) {
                (Scalar::sin(self), Scalar::cos(self))
            }
            #[inline]
            fn powi(self, n: i32) -> Self {
                #[cfg(all(feature = "std", not(feature = "libm")))]
                {
                    <$t>::powi(self, n)
                }
                // Through f64: `n as f32` would round odd exponents above 2²⁴
                // to even ones ((-1)^16777217 = 1). Every i32 is exact in f64.
                #[cfg(not(all(feature = "std", not(feature = "libm"))))]
                #[allow(clippy::cast_possible_truncation, trivial_numeric_casts)]
                {
                    libm::pow(f64::from(self), f64::from(n)) as $t
                }
            }
            #[inline]
            fn powf(self, n: Self) -> Self {
                #[cfg(all(feature = "std", not(feature = "libm")))]
                {
                    <$t>::powf(self, n)
                }
                #[cfg(not(all(feature = "std", not(feature = "libm"))))]
                {
                    libm::$pow(self, n)
                }
            }
            #[inline]
            fn atan2(self, other: Self) -> Self {
                #[cfg(all(feature = "std", not(feature = "libm")))]
                {
                    <$t>::atan2(self, other)
                }
                #[cfg(not(all(feature = "std", not(feature = "libm"))))]
                {
                    libm::$atan2(self, other)
                }
            }
            #[inline]
            fn hypot(self, other: Self) -> Self {
                #[cfg(all(feature = "std", not(feature = "libm")))]
                {
                    <$t>::hypot(self, other)
                }
                #[cfg(not(all(feature = "std", not(feature = "libm"))))]
                {
                    libm::$hypot(self, other)
                }
            }
            #[inline]
            fn erf(self) -> Self {
                libm::$erf(self)
            }
            #[inline]
            fn mul_add(self, a: Self, b: Self) -> Self {
                #[cfg(all(feature = "std", not(feature = "libm")))]
                {
                    <$t>::mul_add(self, a, b)
                }
                #[cfg(not(all(feature = "std", not(feature = "libm"))))]
                {
                    libm::$fma(self, a, b)
                }
            }
            #[inline]
            fn min(self, other: Self) -> Self {
                // `<$t>::min` would return the number, not the NaN.
                if other < self || other.is_nan() { other } else { self }
            }
            #[inline]
            fn max(self, other: Self) -> Self {
                if other > self || other.is_nan() { other } else { self }
            }
            #[inline]
            fn tangent_part(self) -> Self {
                0.0
            }
        }

        impl Real for $t {
            const EPSILON: Self = <$t>::EPSILON;
            const INFINITY: Self = <$t>::INFINITY;
            const NAN: Self = <$t>::NAN;
            #[inline]
            #[allow(trivial_numeric_casts)]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline]
            fn is_finite_real(self) -> bool {
                <$t>::is_finite(self)
            }
        }
    };
}

real_impl!(f64, libm {
    abs => fabs, floor => floor, ceil => ceil, round => round, sqrt => sqrt, cbrt => cbrt,
    exp => exp, exp2 => exp2, exp_m1 => expm1, ln => log, log2 => log2, log10 => log10,
    ln_1p => log1p, sin => sin, cos => cos, tan => tan, asin => asin, acos => acos,
    atan => atan, sinh => sinh, cosh => cosh, tanh => tanh, asinh => asinh,
    acosh => acosh, atanh => atanh,
}, erf, fma, pow, atan2, hypot);

real_impl!(f32, libm {
    abs => fabsf, floor => floorf, ceil => ceilf, round => roundf, sqrt => sqrtf, cbrt => cbrtf,
    exp => expf, exp2 => exp2f, exp_m1 => expm1f, ln => logf, log2 => log2f, log10 => log10f,
    ln_1p => log1pf, sin => sinf, cos => cosf, tan => tanf, asin => asinf, acos => acosf,
    atan => atanf, sinh => sinhf, cosh => coshf, tanh => tanhf, asinh => asinhf,
    acosh => acoshf, atanh => atanhf,
}, erff, fmaf, powf, atan2f, hypotf);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elementary_values_match_the_float_methods() {
        let x = 0.3_f64;
        assert_eq!(Scalar::sin(x), libm::sin(x));
        assert_eq!(Scalar::powi(2.0_f64, 10), 1024.0);
        assert_eq!(Scalar::signum(-0.0_f64), 0.0);
        assert!(Scalar::signum(f64::NAN).is_nan());
        assert_eq!(Scalar::clamp(5.0_f32, 0.0, 1.0), 1.0);
        // jnp.clip: `hi` wins over `lo` when they cross, NaN anywhere is NaN.
        assert_eq!(Scalar::clamp(0.5_f64, 1.0, 0.0), 0.0);
        assert!(Scalar::clamp(0.5_f64, 0.0, f64::NAN).is_nan());
        assert!(Scalar::clamp(f64::NAN, 0.0, 1.0).is_nan());
        assert_eq!(Scalar::erf(0.0_f64), 0.0);
        assert_eq!(<f64 as Scalar>::from_f64(0.25), 0.25);
    }
}
