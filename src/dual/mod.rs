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
//! Where a function is not differentiable the derivative is chosen as JAX
//! chooses it:
//!
//! | function | at | derivative used |
//! |---|---|---|
//! | `abs` | 0 | 0 (`signum(0) = 0`, the mean of −1 and 1) |
//! | `sqrt` | 0 | `+∞` (so the tangent is `±∞` or `NaN`) |
//! | `min`, `max` | a tie | the mean of the two operands' tangents |
//! | `clamp` | `x` at a bound | the tangent of `x` (the value is `x`'s) |
//! | `floor`, `ceil`, `round`, `signum` | everywhere | 0 |
//! | `hypot` | the origin | 0 |
//! | `powf(x, y)` | `x ≤ 0` | `∂/∂y = 0` (the exponent is treated as a constant); `∂/∂x = 0` when `y = 0` |
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

/// The smaller of `a` and `b` by their values `ra`, `rb`; at a tie `tie(a, b)`
/// (the averaged tangent); with a NaN, `a`, as the `f64` methods of this crate do.
#[inline(always)]
pub(crate) fn min_by_value<D, R: PartialOrd>(
    a: D,
    b: D,
    ra: R,
    rb: R,
    tie: impl FnOnce(D, D) -> D,
) -> D {
    if rb < ra {
        b
    } else if ra < rb {
        a
    } else if ra == rb {
        tie(a, b)
    } else {
        a
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
) -> D {
    min_by_value(a, b, Reverse(ra), Reverse(rb), tie)
}

/// `x` clamped to `[lo, hi]` by value: the chosen operand, tangent included.
#[inline(always)]
pub(crate) fn clamp_by_value<D, R: PartialOrd>(x: D, lo: D, hi: D, [rx, rlo, rhi]: [R; 3]) -> D {
    if rx < rlo {
        lo
    } else if rx > rhi {
        hi
    } else {
        x
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
