//! nalgebra's scalar traits for the dual numbers (feature `nalgebra`):
//! simba's `RealField` and `ComplexField` and everything they require
//! (`SimdValue`, `Field`, `SubsetOf`, `num_traits`' `Num`, `Signed`,
//! `FromPrimitive`, `approx`'s comparisons, `%`), so that nalgebra's
//! algorithms (inverses, decompositions, solvers) can be differentiated.
//!
//! Implemented for [`Dual<T, S>`] and [`Dual2<T, S>`] over `T = f32` or
//! `f64`. Every function delegates to the [`Scalar`] implementation, so the
//! derivatives and the non-smooth conventions are the same (see
//! [`crate::dual`]). Comparisons, `approx` included, look at the value only.
//! Not differentiable, with zero tangent: `trunc`, `floor`, `ceil`, `round`,
//! `signum`; `x % y` has the tangent of `x - y·trunc(x/y)`.
//!
//! `SimdValue` requires two `unsafe fn`s (`extract_unchecked`,
//! `replace_unchecked`); they are implemented without any unsafe operation
//! (a dual number has one lane), and they are the only `unsafe` items of the
//! crate: with this feature the crate denies `unsafe_code` and allows it on
//! those two methods alone; without it the crate forbids it.
//!
//! # Example
//!
//! ```
//! use constgrad::dual::Dual;
//! use nalgebra::Matrix2;
//!
//! // d/dt det([[t, 2], [3, t]]) = 2t at t = 5.
//! let t: Dual<f64> = Dual::var(5.0);
//! let two: Dual<f64> = Dual::constant(2.0);
//! let three: Dual<f64> = Dual::constant(3.0);
//! let m = Matrix2::new(t, two, three, t);
//! assert_eq!(m.determinant().eps, 10.0);
//! ```

//! # Generic code over `Scalar` and `RealField` together
//!
//! A bound `T: Scalar + RealField` names two traits that both have `zero`,
//! `from_f64`, `sin`, `sqrt`, … so `x.sin()` and `T::zero()` are ambiguous
//! (E0034). Stable Rust cannot let one trait hide the other's items (that is
//! supertrait item shadowing, RFC 3624, not stable in Rust 1.95: a subtrait
//! of both that redefines `sin` is still E0034), so no combined bound can
//! remove the ambiguity. Two ways work:
//!
//! - write the function against `RealField` alone when it only needs
//!   nalgebra's algebra: the dual numbers implement it, so `grad` and
//!   `jacobian` differentiate it;
//! - with both bounds, name the trait at the ambiguous calls:
//!   `Scalar::sin(x)`, `<T as Scalar>::from_f64(0.5)`.
//!
//! ```
//! use constgrad::dual::Dual;
//! use constgrad::Scalar;
//! use nalgebra::{Matrix2, RealField};
//!
//! fn det<T: RealField + Copy>(m: Matrix2<T>) -> T {
//!     m.determinant()
//! }
//! fn damped<T: Scalar + RealField>(m: Matrix2<T>) -> T {
//!     det(m) * Scalar::exp(-<T as Scalar>::from_f64(0.5) * m[(0, 0)])
//! }
//! let t: Dual<f64> = Dual::var(5.0);
//! let c = |v: f64| Dual::<f64>::constant(v);
//! assert_eq!(det(Matrix2::new(t, c(2.0), c(3.0), t)).eps, 10.0);
//! let d = damped(Matrix2::new(t, c(2.0), c(3.0), t));
//! let exact = 10.0 * (-2.5_f64).exp() - 0.5 * 19.0 * (-2.5_f64).exp();
//! assert!((d.eps - exact).abs() < 1e-14);
//! ```

use core::ops::{Rem, RemAssign};

use simba::scalar::{ComplexField, Field, RealField, SubsetOf};
use simba::simd::SimdValue;

use super::{Dual, Dual2, Tangent};
use crate::scalar::{Real, Scalar};

/// The reals a nalgebra-ready dual number is built on: `f32` and `f64`.
pub trait NalgebraReal: Real + RealField + num_traits::Float {}
impl NalgebraReal for f32 {}
impl NalgebraReal for f64 {}

macro_rules! nalgebra_impls {
    ($ty:ident) => {
        /// `x % y = x - y·trunc(x/y)`: the value is the real remainder, the
        /// tangent that of the formula.
        impl<T: NalgebraReal, S: Tangent> Rem for $ty<T, S> {
            type Output = Self;
            #[inline]
            fn rem(self, rhs: Self) -> Self {
                let q = num_traits::Float::trunc(self.re / rhs.re);
                let mut r = self - rhs * $ty::constant(q);
                r.re = self.re % rhs.re;
                r
            }
        }

        impl<T: NalgebraReal, S: Tangent> RemAssign for $ty<T, S> {
            #[inline]
            fn rem_assign(&mut self, rhs: Self) {
                *self = *self % rhs;
            }
        }

        impl<T: NalgebraReal, S: Tangent> num_traits::Zero for $ty<T, S> {
            #[inline]
            fn zero() -> Self {
                <Self as Scalar>::zero()
            }
            #[inline]
            fn is_zero(&self) -> bool {
                self.re == <T as Scalar>::zero()
            }
        }

        impl<T: NalgebraReal, S: Tangent> num_traits::One for $ty<T, S> {
            #[inline]
            fn one() -> Self {
                <Self as Scalar>::one()
            }
        }

        impl<T: NalgebraReal, S: Tangent> num_traits::Num for $ty<T, S> {
            type FromStrRadixErr = <T as num_traits::Num>::FromStrRadixErr;
            /// Parses a constant.
            fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
                <T as num_traits::Num>::from_str_radix(s, radix).map($ty::constant)
            }
        }

        impl<T: NalgebraReal, S: Tangent> num_traits::Signed for $ty<T, S> {
            #[inline]
            fn abs(&self) -> Self {
                Scalar::abs(*self)
            }
            #[inline]
            fn abs_sub(&self, other: &Self) -> Self {
                if self.re <= other.re {
                    <Self as Scalar>::zero()
                } else {
                    *self - *other
                }
            }
            #[inline]
            fn signum(&self) -> Self {
                Scalar::signum(*self)
            }
            #[inline]
            fn is_positive(&self) -> bool {
                self.re > <T as Scalar>::zero()
            }
            #[inline]
            fn is_negative(&self) -> bool {
                self.re < <T as Scalar>::zero()
            }
        }

        impl<T: NalgebraReal, S: Tangent> num_traits::FromPrimitive for $ty<T, S> {
            #[inline]
            fn from_i64(n: i64) -> Option<Self> {
                <T as num_traits::FromPrimitive>::from_i64(n).map($ty::constant)
            }
            #[inline]
            fn from_u64(n: u64) -> Option<Self> {
                <T as num_traits::FromPrimitive>::from_u64(n).map($ty::constant)
            }
            #[inline]
            fn from_f64(n: f64) -> Option<Self> {
                Some(<Self as Scalar>::from_f64(n))
            }
            #[inline]
            fn from_f32(n: f32) -> Option<Self> {
                Some(<Self as Scalar>::from_f64(f64::from(n)))
            }
        }

        /// Compares values only; the epsilon's value is the tolerance.
        impl<T: NalgebraReal, S: Tangent> approx::AbsDiffEq for $ty<T, S> {
            type Epsilon = Self;
            #[inline]
            fn default_epsilon() -> Self {
                $ty::constant(<T as approx::AbsDiffEq>::default_epsilon())
            }
            #[inline]
            fn abs_diff_eq(&self, other: &Self, epsilon: Self) -> bool {
                self.re.abs_diff_eq(&other.re, epsilon.re)
            }
        }

        /// Compares values only.
        impl<T: NalgebraReal, S: Tangent> approx::RelativeEq for $ty<T, S> {
            #[inline]
            fn default_max_relative() -> Self {
                $ty::constant(<T as approx::RelativeEq>::default_max_relative())
            }
            #[inline]
            fn relative_eq(&self, other: &Self, epsilon: Self, max_relative: Self) -> bool {
                self.re.relative_eq(&other.re, epsilon.re, max_relative.re)
            }
        }

        /// Compares values only.
        impl<T: NalgebraReal, S: Tangent> approx::UlpsEq for $ty<T, S> {
            #[inline]
            fn default_max_ulps() -> u32 {
                <T as approx::UlpsEq>::default_max_ulps()
            }
            #[inline]
            fn ulps_eq(&self, other: &Self, epsilon: Self, max_ulps: u32) -> bool {
                self.re.ulps_eq(&other.re, epsilon.re, max_ulps)
            }
        }

        /// One lane: a dual number is its own SIMD element.
        impl<T: NalgebraReal, S: Tangent> SimdValue for $ty<T, S> {
            const LANES: usize = 1;
            type Element = Self;
            type SimdBool = bool;
            #[inline(always)]
            fn splat(val: Self) -> Self {
                val
            }
            #[inline(always)]
            fn extract(&self, _: usize) -> Self {
                *self
            }
            /// Safe in fact: there is one lane and no unchecked access.
            #[inline(always)]
            #[allow(unsafe_code)]
            unsafe fn extract_unchecked(&self, _: usize) -> Self {
                *self
            }
            #[inline(always)]
            fn replace(&mut self, _: usize, val: Self) {
                *self = val;
            }
            /// Safe in fact: there is one lane and no unchecked access.
            #[inline(always)]
            #[allow(unsafe_code)]
            unsafe fn replace_unchecked(&mut self, _: usize, val: Self) {
                *self = val;
            }
            #[inline(always)]
            fn select(self, cond: bool, other: Self) -> Self {
                if cond {
                    self
                } else {
                    other
                }
            }
        }

        impl<T: NalgebraReal, S: Tangent> Field for $ty<T, S> {}

        impl<T: NalgebraReal, S: Tangent> SubsetOf<$ty<T, S>> for $ty<T, S> {
            #[inline]
            fn to_superset(&self) -> Self {
                *self
            }
            #[inline]
            fn from_superset_unchecked(element: &Self) -> Self {
                *element
            }
            #[inline]
            fn is_in_subset(_: &Self) -> bool {
                true
            }
        }

        /// A plain real is a constant dual number; going back keeps the value.
        impl<T: NalgebraReal, S: Tangent> SubsetOf<$ty<T, S>> for f64 {
            #[inline]
            fn to_superset(&self) -> $ty<T, S> {
                <$ty<T, S> as Scalar>::from_f64(*self)
            }
            #[inline]
            fn from_superset_unchecked(element: &$ty<T, S>) -> f64 {
                element.re.to_f64()
            }
            #[inline]
            fn is_in_subset(_: &$ty<T, S>) -> bool {
                true
            }
        }

        /// A plain real is a constant dual number; going back keeps the value.
        impl<T: NalgebraReal, S: Tangent> SubsetOf<$ty<T, S>> for f32 {
            #[inline]
            fn to_superset(&self) -> $ty<T, S> {
                <$ty<T, S> as Scalar>::from_f64(f64::from(*self))
            }
            #[inline]
            #[allow(clippy::cast_possible_truncation)]
            fn from_superset_unchecked(element: &$ty<T, S>) -> f32 {
                element.re.to_f64() as f32
            }
            #[inline]
            fn is_in_subset(_: &$ty<T, S>) -> bool {
                true
            }
        }

        impl<T: NalgebraReal, S: Tangent> ComplexField for $ty<T, S> {
            type RealField = Self;

            #[inline]
            fn from_real(re: Self) -> Self {
                re
            }
            #[inline]
            fn real(self) -> Self {
                self
            }
            #[inline]
            fn imaginary(self) -> Self {
                <Self as Scalar>::zero()
            }
            #[inline]
            fn modulus(self) -> Self {
                Scalar::abs(self)
            }
            #[inline]
            fn modulus_squared(self) -> Self {
                self * self
            }
            #[inline]
            fn argument(self) -> Self {
                if self.re >= <T as Scalar>::zero() {
                    <Self as Scalar>::zero()
                } else {
                    $ty::constant(<T as RealField>::pi())
                }
            }
            #[inline]
            fn norm1(self) -> Self {
                Scalar::abs(self)
            }
            #[inline]
            fn scale(self, factor: Self) -> Self {
                self * factor
            }
            #[inline]
            fn unscale(self, factor: Self) -> Self {
                self / factor
            }
            #[inline]
            fn floor(self) -> Self {
                Scalar::floor(self)
            }
            #[inline]
            fn ceil(self) -> Self {
                Scalar::ceil(self)
            }
            #[inline]
            fn round(self) -> Self {
                Scalar::round(self)
            }
            #[inline]
            fn trunc(self) -> Self {
                $ty::constant(num_traits::Float::trunc(self.re))
            }
            #[inline]
            fn fract(self) -> Self {
                self - $ty::constant(num_traits::Float::trunc(self.re))
            }
            #[inline]
            fn mul_add(self, a: Self, b: Self) -> Self {
                Scalar::mul_add(self, a, b)
            }
            #[inline]
            fn abs(self) -> Self {
                Scalar::abs(self)
            }
            #[inline]
            fn hypot(self, other: Self) -> Self {
                Scalar::hypot(self, other)
            }
            #[inline]
            fn recip(self) -> Self {
                Scalar::recip(self)
            }
            #[inline]
            fn conjugate(self) -> Self {
                self
            }
            #[inline]
            fn sin(self) -> Self {
                Scalar::sin(self)
            }
            #[inline]
            fn cos(self) -> Self {
                Scalar::cos(self)
            }
            #[inline]
            fn sin_cos(self) -> (Self, Self) {
                Scalar::sin_cos(self)
            }
            #[inline]
            fn tan(self) -> Self {
                Scalar::tan(self)
            }
            #[inline]
            fn asin(self) -> Self {
                Scalar::asin(self)
            }
            #[inline]
            fn acos(self) -> Self {
                Scalar::acos(self)
            }
            #[inline]
            fn atan(self) -> Self {
                Scalar::atan(self)
            }
            #[inline]
            fn sinh(self) -> Self {
                Scalar::sinh(self)
            }
            #[inline]
            fn cosh(self) -> Self {
                Scalar::cosh(self)
            }
            #[inline]
            fn tanh(self) -> Self {
                Scalar::tanh(self)
            }
            #[inline]
            fn asinh(self) -> Self {
                Scalar::asinh(self)
            }
            #[inline]
            fn acosh(self) -> Self {
                Scalar::acosh(self)
            }
            #[inline]
            fn atanh(self) -> Self {
                Scalar::atanh(self)
            }
            #[inline]
            fn log(self, base: Self) -> Self {
                Scalar::ln(self) / Scalar::ln(base)
            }
            #[inline]
            fn log2(self) -> Self {
                Scalar::log2(self)
            }
            #[inline]
            fn log10(self) -> Self {
                Scalar::log10(self)
            }
            #[inline]
            fn ln(self) -> Self {
                Scalar::ln(self)
            }
            #[inline]
            fn ln_1p(self) -> Self {
                Scalar::ln_1p(self)
            }
            #[inline]
            fn sqrt(self) -> Self {
                Scalar::sqrt(self)
            }
            #[inline]
            fn exp(self) -> Self {
                Scalar::exp(self)
            }
            #[inline]
            fn exp2(self) -> Self {
                Scalar::exp2(self)
            }
            #[inline]
            fn exp_m1(self) -> Self {
                Scalar::exp_m1(self)
            }
            #[inline]
            fn powi(self, n: i32) -> Self {
                Scalar::powi(self, n)
            }
            #[inline]
            fn powf(self, n: Self) -> Self {
                Scalar::powf(self, n)
            }
            #[inline]
            fn powc(self, n: Self) -> Self {
                Scalar::powf(self, n)
            }
            #[inline]
            fn cbrt(self) -> Self {
                Scalar::cbrt(self)
            }
            #[inline]
            fn is_finite(&self) -> bool {
                Scalar::is_finite(self)
            }
            #[inline]
            fn try_sqrt(self) -> Option<Self> {
                if self.re >= <T as Scalar>::zero() {
                    Some(Scalar::sqrt(self))
                } else {
                    None
                }
            }
            #[inline]
            fn signum(self) -> Self {
                Scalar::signum(self)
            }
        }

        impl<T: NalgebraReal, S: Tangent> RealField for $ty<T, S> {
            #[inline]
            fn is_sign_positive(&self) -> bool {
                num_traits::Float::is_sign_positive(self.re)
            }
            #[inline]
            fn is_sign_negative(&self) -> bool {
                num_traits::Float::is_sign_negative(self.re)
            }
            #[inline]
            fn copysign(self, sign: Self) -> Self {
                let a = Scalar::abs(self);
                if num_traits::Float::is_sign_negative(sign.re) {
                    -a
                } else {
                    a
                }
            }
            #[inline]
            fn max(self, other: Self) -> Self {
                Scalar::max(self, other)
            }
            #[inline]
            fn min(self, other: Self) -> Self {
                Scalar::min(self, other)
            }
            #[inline]
            fn clamp(self, min: Self, max: Self) -> Self {
                Scalar::clamp(self, min, max)
            }
            #[inline]
            fn atan2(self, other: Self) -> Self {
                Scalar::atan2(self, other)
            }
            #[inline]
            fn min_value() -> Option<Self> {
                <T as RealField>::min_value().map($ty::constant)
            }
            #[inline]
            fn max_value() -> Option<Self> {
                <T as RealField>::max_value().map($ty::constant)
            }
            #[inline]
            fn pi() -> Self {
                $ty::constant(<T as RealField>::pi())
            }
            #[inline]
            fn two_pi() -> Self {
                $ty::constant(<T as RealField>::two_pi())
            }
            #[inline]
            fn frac_pi_2() -> Self {
                $ty::constant(<T as RealField>::frac_pi_2())
            }
            #[inline]
            fn frac_pi_3() -> Self {
                $ty::constant(<T as RealField>::frac_pi_3())
            }
            #[inline]
            fn frac_pi_4() -> Self {
                $ty::constant(<T as RealField>::frac_pi_4())
            }
            #[inline]
            fn frac_pi_6() -> Self {
                $ty::constant(<T as RealField>::frac_pi_6())
            }
            #[inline]
            fn frac_pi_8() -> Self {
                $ty::constant(<T as RealField>::frac_pi_8())
            }
            #[inline]
            fn frac_1_pi() -> Self {
                $ty::constant(<T as RealField>::frac_1_pi())
            }
            #[inline]
            fn frac_2_pi() -> Self {
                $ty::constant(<T as RealField>::frac_2_pi())
            }
            #[inline]
            fn frac_2_sqrt_pi() -> Self {
                $ty::constant(<T as RealField>::frac_2_sqrt_pi())
            }
            #[inline]
            fn e() -> Self {
                $ty::constant(<T as RealField>::e())
            }
            #[inline]
            fn log2_e() -> Self {
                $ty::constant(<T as RealField>::log2_e())
            }
            #[inline]
            fn log10_e() -> Self {
                $ty::constant(<T as RealField>::log10_e())
            }
            #[inline]
            fn ln_2() -> Self {
                $ty::constant(<T as RealField>::ln_2())
            }
            #[inline]
            fn ln_10() -> Self {
                $ty::constant(<T as RealField>::ln_10())
            }
        }
    };
}

nalgebra_impls!(Dual);
nalgebra_impls!(Dual2);
