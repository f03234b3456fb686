//! Dual numbers for forward-mode automatic differentiation.
//!
//! - [`Dual<T, S>`](Dual): a value and its first partial derivatives with
//!   respect to a tangent of shape `S`, so one evaluation gives a whole
//!   gradient or Jacobian. `Dual<T>` (`S = Rank0`) is the classic
//!   one-direction dual number.
//! - [`Dual2<T, S>`](Dual2): a value, its gradient and its full Hessian, the
//!   fast path for second derivatives.
//! - [`Tangent`]: the static-size tangent shapes (every rank marker, tuples of
//!   them, and `()`).
//!
//! Both dual types implement [`Scalar`], so one generic
//! function `fn f<T: Scalar>(…) -> T` is evaluated plainly, differentiated
//! once, or differentiated twice (also by nesting: `Dual<Dual<f64, S>, S>`).
//! The entry points (`grad`, `jacobian`, `hessian`, …) are in [`crate::ad`].
//!
//! # Elementary functions and their non-smooth points
//!
//! Each elementary function is written once, as its value and its first and
//! second derivatives, and every dual type's chain rule consumes that table.
//! Where a function is not differentiable, or its derivative is infinite,
//! constgrad gives JAX's number (JAX 0.10.2, `jax.grad` and `jax.hessian`)
//! unless the last column says otherwise. `tests/nonsmooth.rs` checks every
//! row against JAX's own output, bit for bit.
//!
//! | function | at | derivative | unlike JAX |
//! |---|---|---|---|
//! | `abs` | ±0 | 1 (so `abs(x)²` has Hessian 2 at 0) | |
//! | `floor`, `ceil`, `round`, `signum` | everywhere | 0 | `round` rounds half away from 0 (`round(0.5) = 1`), `jnp.round` half to even |
//! | `min`, `max` | a tie | each operand's tangent halved | |
//! | `min`, `max` | a NaN operand | value NaN, tangent 0 | |
//! | `clamp(x, lo, hi)`, computed as `jnp.clip`: `min(max(x, lo), hi)` | `x` at a bound | ½ to `x`, ½ to the bound (¼, ¼, ½ to `x`, `lo`, `hi` when all three are equal) | |
//! | `Tensor::max`, `min`, `max_axis`, `min_axis` | tied elements (also ±∞) | the mean of their tangents | |
//! | the same | a NaN element | value and gradient NaN | Hessian NaN (JAX 0) |
//! | `hypot` | the origin | gradient (½, ½), Hessian 0 | |
//! | `sqrt`, `cbrt`, `ln`, `ln_1p`, `acosh`, `asin`, `acos`, `recip`, `powi(-1)`, `powi(-2)`, `exp` | domain edges, 0, overflow (`exp(800)`) | first derivative ±∞ | the ±∞ meets the zero entries of the dense tangent and Hessian: the second derivative is NaN (JAX ±∞), and so are the gradient entries of other variables (`sqrt(x) + y` at `x = 0`: `∂y` NaN, JAX 1). JAX's zeros are symbolic; testing for them in the unary chain rule cost up to 38 % more instructions |
//! | `powf`, `atan2`, `hypot` | a partial that is ±∞ or NaN | zero tangent entries stay 0, as JAX's symbolic zeros | |
//! | `x * y`, `x / y` | an infinite value or quotient (`ln(x) * y` at `x = 0`, `x / y` at `y = 0`) | as the chain rule gives | NaN where ∞ meets a zero tangent entry (JAX ±∞): `*` and `/` are the hot path and do not test for zeros |
//! | `powf(x, y)` | `x = 0` | `∂y = 0` (`ln 0` taken as 0) | |
//! | `powf(x, y)` | `x < 0` | `∂y` NaN (`xʸ` is real only at integer `y`); a constant exponent still gives finite derivatives (its zero tangent is skipped) | `∂xx = y(y−1)xʸ⁻²`, where JAX's Hessian is NaN |
//! | `powf(x, y)` | `(0, 0)` | `∂x = 0` (`x⁰ = 1`), `∂xx = ∂yy = 0`, `∂xy` NaN (`hessian_nested`: 0) | JAX: `∂x` and the Hessian NaN |
//! | `powf(x, y)` | `x = 0`, `0 < y < 1` | `∂x = ∞`, `∂xx = −∞`, `∂xy` NaN, `∂yy = 0` | JAX's Hessian is NaN |
//!
//! Comparisons (`==`, `<`, `min`, …) look at the value only.
//!
//! # Example
//!
//! ```
//! use constgrad::dual::Dual;
//! use constgrad::Scalar;
//!
//! fn f<T: Scalar>(x: T) -> T {
//!     x.sin() * (-x / T::from_f64(4.0)).exp()
//! }
//! let y = f(Dual::var(1.0_f64));
//! let exact = 1.0_f64.cos() * (-0.25_f64).exp() - 0.25 * 1.0_f64.sin() * (-0.25_f64).exp();
//! assert!((y.eps - exact).abs() < 1e-15);
//! ```

mod captured;
mod elementary;
mod first;
mod mixed;
#[cfg(feature = "nalgebra")]
pub mod nalgebra;
mod second;
mod tangent;

use core::ops::{Add, Div, Mul, Sub};

use crate::scalar::Scalar;

pub use first::Dual;
pub use mixed::DualOperand;
pub use second::Dual2;
pub use tangent::Tangent;

/// A [`Scalar`] whose underlying real is `R` and that does arithmetic with a
/// plain `R` on the right (`x * 2.0`, `x - 1.0`): `f64`, `f32`, and every
/// dual number over them. Implemented automatically.
///
/// Generic code over `T: Scalar` must write constants as `T::from_f64(2.0)`,
/// which on a dual number is a full dual operation with a zero tangent.
/// Asking for `T: RealArith<f64>` instead lets the same code write
/// `x * 2.0`, which scales the tangent directly (faster, and easier to read).
///
/// # Example
///
/// ```
/// use constgrad::ad::grad;
/// use constgrad::dual::RealArith;
/// use constgrad::{Rank1, Tensor};
///
/// fn rosenbrock<T: RealArith<f64>>(x: Tensor<Rank1<2>, T>) -> T {
///     let [a, b] = x.into_array();
///     (b - a * a) * (b - a * a) * 100.0 + (a - 1.0) * (a - 1.0)
/// }
/// assert_eq!(rosenbrock(Tensor::from([1.0, 1.0])), 0.0);
/// assert_eq!(grad(rosenbrock, Tensor::from([1.0, 1.0])), Tensor::from([0.0, 0.0]));
/// ```
///
/// A literal on the left (`2.0 * x`) needs `f64: Mul<T, Output = T>`, which
/// Rust does not carry from a trait to its users (only bounds on `Self` are
/// implied), and `T: Scalar` alone cannot offer `x * 0.5` at all: `f32`
/// cannot be multiplied by an `f64`. Put the literal on the right, or add
/// the bound where the function needs it:
///
/// ```
/// use constgrad::ad::derivative;
/// use constgrad::dual::RealArith;
/// use core::ops::Mul;
///
/// fn twice_plus_half<T: RealArith<f64>>(x: T) -> T
/// where
///     f64: Mul<T, Output = T>,
/// {
///     2.0 * x + x * 0.5
/// }
/// assert_eq!(twice_plus_half(2.0), 5.0);
/// assert_eq!(derivative(twice_plus_half, 2.0), 2.5);
/// ```
pub trait RealArith<R>:
    Scalar<Real = R>
    + Add<R, Output = Self>
    + Sub<R, Output = Self>
    + Mul<R, Output = Self>
    + Div<R, Output = Self>
{
}

impl<R, T> RealArith<R> for T where
    T: Scalar<Real = R>
        + Add<R, Output = T>
        + Sub<R, Output = T>
        + Mul<R, Output = T>
        + Div<R, Output = T>
{
}

/// The smaller of `a` and `b` by their values `ra`, `rb`: at a tie
/// `tie(a, b)` (the averaged tangent), and `nan(a, b)` when either value is
/// NaN (the NaN with a zero tangent, as JAX's `minimum`).
#[inline(always)]
pub(crate) fn min_by_value<D, R: PartialOrd>(
    a: D,
    b: D,
    ra: R,
    rb: R,
    tie: impl FnOnce(D, D) -> D,
    nan: impl FnOnce(D, D) -> D,
) -> D {
    match ra.partial_cmp(&rb) {
        Some(core::cmp::Ordering::Less) => a,
        Some(core::cmp::Ordering::Greater) => b,
        Some(core::cmp::Ordering::Equal) => tie(a, b),
        None => nan(a, b),
    }
}

/// The larger of `a` and `b` by value, as [`min_by_value`].
#[inline(always)]
pub(crate) fn max_by_value<D, R: PartialOrd>(
    a: D,
    b: D,
    ra: R,
    rb: R,
    tie: impl FnOnce(D, D) -> D,
    nan: impl FnOnce(D, D) -> D,
) -> D {
    min_by_value(a, b, Reverse(ra), Reverse(rb), tie, nan)
}

/// `e · d` for a tangent entry `e` and a derivative `d`, but 0 where `e` is
/// 0: the product for derivatives that are ±∞ or NaN, where a dense zero
/// entry would otherwise turn into `∞ · 0 = NaN` (JAX never forms that
/// product, its zero tangents are symbolic). Only the chain rules of the
/// binary elementary functions (`powf`, `atan2`, `hypot`) take this path,
/// and only for such partials. In the unary chain rules the test alone cost
/// up to 38 % more instructions (callgrind: a 4-variable gradient of
/// `Σ sin(x)·exp(-x/4)`, where LLVM stopped merging `sin` and `cos` into one
/// `sincos`; +12 % on a 4-variable Rosenbrock Hessian, where `powi` stopped
/// being inlined), so those keep `∞ · 0 = NaN`.
#[inline(always)]
pub(crate) fn times_nonzero<T: Scalar>(e: T, d: T) -> T {
    if e == T::zero() {
        T::zero()
    } else {
        e * d
    }
}

/// Reverses the order of a `PartialOrd` value (`core::cmp::Reverse` is only
/// for `Ord`-like use in `max_by_value`; this keeps `partial_cmp` semantics).
#[derive(PartialEq)]
struct Reverse<R>(R);

impl<R: PartialOrd> PartialOrd for Reverse<R> {
    #[inline(always)]
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        other.0.partial_cmp(&self.0)
    }
}
