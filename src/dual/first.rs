//! [`Dual`]: a value and its first derivatives with respect to a whole
//! tangent of static size.

// The chain rule is written as value/derivative formulas (`*x = *x * b + a * y`):
// `Mul` adds, `Div` subtracts, and `x = x op y` reads as the formula.
#![allow(clippy::assign_op_pattern, clippy::suspicious_arithmetic_impl)]
use core::cmp::Ordering;
use core::fmt;
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use super::elementary;
use super::tangent::Tangent;
use crate::scalar::Scalar;
use crate::shape::Rank0;

/// A dual number: a value `re` and its partial derivatives `eps` with respect
/// to every component of a tangent of shape `S` (a rank marker or a tuple of
/// them, see [`Tangent`]).
///
/// With `S = Rank0` (the default) the tangent is one number: a classic dual
/// number `re + eps·ε`. With `S = Rank1<N>` one evaluation gives a whole
/// gradient. `T` is the scalar underneath, `f32`, `f64` or another dual
/// number (nesting gives higher derivatives).
///
/// Arithmetic combines values and tangents by the chain rule; comparisons
/// (`==`, `<`, …) look at the value only.
///
/// # Example
///
/// ```
/// use constgrad::dual::Dual;
/// use constgrad::{Rank1, Scalar};
///
/// // f(x, y) = x·y + sin x at (2, 3), both partial derivatives in one pass.
/// let x: Dual<f64, Rank1<2>> = Dual::new(2.0, [1.0, 0.0]);
/// let y: Dual<f64, Rank1<2>> = Dual::new(3.0, [0.0, 1.0]);
/// let f = x * y + x.sin();
/// assert_eq!(f.re, 6.0 + 2.0_f64.sin());
/// assert_eq!(f.eps, [3.0 + 2.0_f64.cos(), 2.0]);
/// assert_eq!(2.0 * x + 1.0, Dual::new(5.0, [2.0, 0.0]));
/// ```
// `repr(C)`: the value first, then the tangent, in declaration order. With
// the layout rustc picked (tangent first) a function that is not inlined read
// its by-pointer `Tensor<_, Dual<_>>` argument with 16-byte loads straddling
// the caller's 8- and 16-byte stores (a failed store-to-load forward per
// call): 12.3 ns against 5.8 ns per call for a 2-variable Rosenbrock. The
// tangent first and aligned to 16 bytes cost 25-28% more instructions at
// 10 to 32 variables (ARCHITECTURE.md, "Chunked").
#[repr(C)]
pub struct Dual<T: Scalar, S: Tangent = Rank0> {
    /// The value.
    pub re: T,
    /// The partial derivatives, one per tangent component.
    pub eps: S::Eps<T>,
}

impl<T: Scalar, S: Tangent> Clone for Dual<T, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Scalar, S: Tangent> Copy for Dual<T, S> {}

impl<T: Scalar, S: Tangent> fmt::Debug for Dual<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Eps<'a, T: Scalar, S: Tangent>(&'a S::Eps<T>);
        impl<T: Scalar, S: Tangent> fmt::Debug for Eps<'_, T, S> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut l = f.debug_list();
                S::eps_for_each(self.0, |x| {
                    l.entry(&x);
                });
                l.finish()
            }
        }
        f.debug_struct("Dual")
            .field("re", &self.re)
            .field("eps", &Eps::<T, S>(&self.eps))
            .finish()
    }
}

/// Prints the value only, like a plain number.
impl<T: Scalar + fmt::Display, S: Tangent> fmt::Display for Dual<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.re, f)
    }
}

/// Compares values only.
impl<T: Scalar, S: Tangent> PartialEq for Dual<T, S> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.re == other.re
    }
}

/// Compares values only.
impl<T: Scalar, S: Tangent> PartialOrd for Dual<T, S> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.re.partial_cmp(&other.re)
    }
}

impl<T: Scalar, S: Tangent> Dual<T, S> {
    /// A dual number from its value and tangent.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    ///
    /// let x: Dual<f64> = Dual::new(1.5, 1.0);
    /// assert_eq!((x * x).eps, 3.0);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn new(re: T, eps: S::Eps<T>) -> Self {
        Self { re, eps }
    }

    /// A constant: the value with a zero tangent.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    /// use constgrad::Rank1;
    ///
    /// let c: Dual<f64, Rank1<3>> = Dual::constant(2.0);
    /// assert_eq!(c.eps, [0.0; 3]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn constant(re: T) -> Self {
        Self {
            re,
            eps: S::eps_from_fn(|_| T::zero()),
        }
    }

    /// The `i`-th variable of the tangent: the value with a tangent that is 1
    /// at flat position `i` and 0 elsewhere.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    /// use constgrad::Rank1;
    ///
    /// let y: Dual<f64, Rank1<3>> = Dual::variable(5.0, 1);
    /// assert_eq!(y.eps, [0.0, 1.0, 0.0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn variable(re: T, i: usize) -> Self {
        Self {
            re,
            eps: S::eps_from_fn(|k| if k == i { T::one() } else { T::zero() }),
        }
    }

    /// The partial derivative at flat tangent position `i` (panics when
    /// `i >= S::LEN`).
    #[inline]
    #[must_use]
    pub fn eps_at(&self, i: usize) -> T {
        S::eps_get(&self.eps, i)
    }

    /// The chain rule for a unary function: the value `f` of the function and
    /// its derivative `d` at `self.re` give `f + d·eps`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    ///
    /// // A user-defined elementary function: x ↦ x³, derivative 3x².
    /// let x: Dual<f64> = Dual::new(2.0, 1.0);
    /// let y = x.chain(8.0, 12.0);
    /// assert_eq!((y.re, y.eps), (8.0, 12.0));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn chain(self, f: T, d: T) -> Self {
        let mut eps = self.eps;
        S::eps_map_mut(&mut eps, |e| *e = *e * d);
        Self { re: f, eps }
    }

    /// The chain rule for a binary function with partial derivatives `da`
    /// and `db`: `f + da·a.eps + db·b.eps` (zero entries stay 0 under a
    /// partial that is ±∞ or NaN, as JAX's symbolic zeros: `powf` at `x = 0`
    /// has `∂x = ∞` and must not turn the zero `x`-entry of the exponent's
    /// tangent into NaN).
    #[inline(always)]
    #[must_use]
    pub fn chain2(a: Self, b: Self, f: T, da: T, db: T) -> Self {
        let mut eps = a.eps;
        if da.is_finite() && db.is_finite() {
            S::eps_zip_mut(&mut eps, &b.eps, |x, y| *x = da * *x + db * y);
        } else {
            S::eps_zip_mut(&mut eps, &b.eps, |x, y| {
                *x = super::times_nonzero(*x, da) + super::times_nonzero(y, db);
            });
        }
        Self { re: f, eps }
    }

    /// The mean of `a` and `b`, which are equal by value: the minimum or
    /// maximum at a tie. The value goes through `T`'s own tie, so a nested
    /// dual averages its inner tangents too.
    #[inline]
    fn tie(a: Self, b: Self) -> Self {
        let half = T::from_f64(0.5);
        let mut eps = a.eps;
        S::eps_zip_mut(&mut eps, &b.eps, |x, y| *x = (*x + y) * half);
        Self {
            re: a.re.max(b.re),
            eps,
        }
    }

    /// `a` or `b`, whichever is NaN, with a zero tangent: JAX's tangent of
    /// `maximum`/`minimum` when either operand is NaN.
    #[inline]
    fn nan(a: Self, b: Self) -> Self {
        Self::constant(a.re.max(b.re))
    }
}

impl<T: Scalar> Dual<T, Rank0> {
    /// The variable `x` of a one-dimensional derivative: value `re`, tangent 1.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual;
    /// use constgrad::Scalar;
    ///
    /// let d = Dual::var(0.2_f64).tanh();
    /// assert_eq!(d.eps, 1.0 - 0.2_f64.tanh().powi(2));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn var(re: T) -> Self {
        Self { re, eps: T::one() }
    }
}

impl<T: Scalar, S: Tangent> Add for Dual<T, S> {
    type Output = Self;
    #[inline(always)]
    fn add(self, rhs: Self) -> Self {
        let mut eps = self.eps;
        S::eps_zip_mut(&mut eps, &rhs.eps, |x, y| *x = *x + y);
        Self {
            re: self.re + rhs.re,
            eps,
        }
    }
}

impl<T: Scalar, S: Tangent> Sub for Dual<T, S> {
    type Output = Self;
    #[inline(always)]
    fn sub(self, rhs: Self) -> Self {
        let mut eps = self.eps;
        S::eps_zip_mut(&mut eps, &rhs.eps, |x, y| *x = *x - y);
        Self {
            re: self.re - rhs.re,
            eps,
        }
    }
}

impl<T: Scalar, S: Tangent> Mul for Dual<T, S> {
    type Output = Self;
    #[inline(always)]
    fn mul(self, rhs: Self) -> Self {
        let (a, b) = (self.re, rhs.re);
        let mut eps = self.eps;
        S::eps_zip_mut(&mut eps, &rhs.eps, |x, y| *x = *x * b + a * y);
        Self { re: a * b, eps }
    }
}

impl<T: Scalar, S: Tangent> Div for Dual<T, S> {
    type Output = Self;
    #[inline(always)]
    fn div(self, rhs: Self) -> Self {
        let r = rhs.re.recip();
        let f = self.re * r;
        let mut eps = self.eps;
        S::eps_zip_mut(&mut eps, &rhs.eps, |x, y| *x = (*x - f * y) * r);
        Self {
            re: self.re / rhs.re,
            eps,
        }
    }
}

impl<T: Scalar, S: Tangent> Neg for Dual<T, S> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        let mut eps = self.eps;
        S::eps_map_mut(&mut eps, |x| *x = -*x);
        Self { re: -self.re, eps }
    }
}

macro_rules! assign_ops {
    ($ty:ident; $($tr:ident $m:ident $op:tt;)*) => {$(
        impl<T: Scalar, S: Tangent> $tr for $ty<T, S> {
            #[inline(always)]
            fn $m(&mut self, rhs: Self) {
                *self = *self $op rhs;
            }
        }
    )*};
}
pub(crate) use assign_ops;

assign_ops! { Dual;
    AddAssign add_assign +; SubAssign sub_assign -; MulAssign mul_assign *; DivAssign div_assign /;
}

/// Operators with a real constant (`f32` or `f64`) on either side, for a dual
/// type whose underlying real is that float. Tensors of dual numbers get
/// tensor ⊕ constant from these through [`crate::tensor::ops`].
macro_rules! real_ops {
    ($ty:ident; $($r:ty),*) => {$(
        impl<T: Scalar<Real = $r>, S: Tangent> Add<$r> for $ty<T, S> {
            type Output = Self;
            #[inline(always)]
            fn add(self, rhs: $r) -> Self {
                self.shift(T::from_real(rhs))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Sub<$r> for $ty<T, S> {
            type Output = Self;
            #[inline(always)]
            fn sub(self, rhs: $r) -> Self {
                self.shift(-T::from_real(rhs))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Mul<$r> for $ty<T, S> {
            type Output = Self;
            #[inline(always)]
            fn mul(self, rhs: $r) -> Self {
                self.scale(T::from_real(rhs))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Div<$r> for $ty<T, S> {
            type Output = Self;
            #[inline(always)]
            fn div(self, rhs: $r) -> Self {
                self.unscale(T::from_real(rhs))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Add<$ty<T, S>> for $r {
            type Output = $ty<T, S>;
            #[inline(always)]
            fn add(self, rhs: $ty<T, S>) -> $ty<T, S> {
                rhs.shift(T::from_real(self))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Sub<$ty<T, S>> for $r {
            type Output = $ty<T, S>;
            #[inline(always)]
            fn sub(self, rhs: $ty<T, S>) -> $ty<T, S> {
                (-rhs).shift(T::from_real(self))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Mul<$ty<T, S>> for $r {
            type Output = $ty<T, S>;
            #[inline(always)]
            fn mul(self, rhs: $ty<T, S>) -> $ty<T, S> {
                rhs.scale(T::from_real(self))
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> Div<$ty<T, S>> for $r {
            type Output = $ty<T, S>;
            #[inline(always)]
            fn div(self, rhs: $ty<T, S>) -> $ty<T, S> {
                $ty::from_real(self) / rhs
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> AddAssign<$r> for $ty<T, S> {
            #[inline(always)]
            fn add_assign(&mut self, rhs: $r) {
                *self = *self + rhs;
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> SubAssign<$r> for $ty<T, S> {
            #[inline(always)]
            fn sub_assign(&mut self, rhs: $r) {
                *self = *self - rhs;
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> MulAssign<$r> for $ty<T, S> {
            #[inline(always)]
            fn mul_assign(&mut self, rhs: $r) {
                *self = *self * rhs;
            }
        }
        impl<T: Scalar<Real = $r>, S: Tangent> DivAssign<$r> for $ty<T, S> {
            #[inline(always)]
            fn div_assign(&mut self, rhs: $r) {
                *self = *self / rhs;
            }
        }
    )*};
}
pub(crate) use real_ops;

real_ops!(Dual; f32, f64);

impl<T: Scalar, S: Tangent> Dual<T, S> {
    /// Multiplies value and tangent by a constant.
    #[inline(always)]
    fn scale(self, c: T) -> Self {
        self.chain(self.re * c, c)
    }

    /// Adds a constant to the value.
    #[inline(always)]
    fn shift(mut self, c: T) -> Self {
        self.re = self.re + c;
        self
    }

    /// Divides value and tangent by a constant.
    #[inline(always)]
    fn unscale(self, c: T) -> Self {
        let mut eps = self.eps;
        S::eps_map_mut(&mut eps, |e| *e = *e / c);
        Self {
            re: self.re / c,
            eps,
        }
    }
}

/// Writes the unary elementary functions of [`Scalar`] for [`Dual`] from the
/// table in [`elementary`]: value and first derivative.
macro_rules! dual_unary {
    ($($name:ident |$x:ident, $f:ident, $d:ident| $val:expr, $d1:expr, $d2:expr;)*) => {$(
        #[inline]
        fn $name(self) -> Self {
            let $x = self.re;
            let $f = $val;
            let $d = $d1;
            self.chain($f, $d)
        }
    )*};
}

// Not listed in errors: `Scalar`'s message names what is accepted.
#[diagnostic::do_not_recommend]
impl<T: Scalar, S: Tangent> Scalar for Dual<T, S> {
    type Real = T::Real;

    #[inline(always)]
    fn zero() -> Self {
        Self::constant(T::zero())
    }
    #[inline(always)]
    fn one() -> Self {
        Self::constant(T::one())
    }
    #[inline(always)]
    fn from_real(x: Self::Real) -> Self {
        Self::constant(T::from_real(x))
    }
    #[inline(always)]
    fn from_f64(x: f64) -> Self {
        Self::constant(T::from_f64(x))
    }
    #[inline(always)]
    fn re(&self) -> Self::Real {
        self.re.re()
    }

    elementary::for_each_unary!(dual_unary);

    #[inline]
    fn sin_cos(self) -> (Self, Self) {
        let (s, c) = self.re.sin_cos();
        (self.chain(s, c), self.chain(c, -s))
    }
    #[inline]
    fn powi(self, n: i32) -> Self {
        let (f, d, _) = elementary::powi(self.re, n, false);
        self.chain(f, d)
    }
    #[inline]
    fn powf(self, n: Self) -> Self {
        let (f, [da, db], _) = elementary::powf(self.re, n.re, false);
        Self::chain2(self, n, f, da, db)
    }
    #[inline]
    fn atan2(self, other: Self) -> Self {
        let (f, [da, db], _) = elementary::atan2(self.re, other.re, false);
        Self::chain2(self, other, f, da, db)
    }
    #[inline]
    fn hypot(self, other: Self) -> Self {
        let (f, [da, db], _) = elementary::hypot(self.re, other.re, false);
        Self::chain2(self, other, f, da, db)
    }
    #[inline]
    fn mul_add(self, a: Self, b: Self) -> Self {
        let mut r = self * a + b;
        r.re = self.re.mul_add(a.re, b.re);
        r
    }
    #[inline]
    fn min(self, other: Self) -> Self {
        super::min_by_value(self, other, self.re, other.re, Self::tie, Self::nan)
    }
    #[inline]
    fn max(self, other: Self) -> Self {
        super::max_by_value(self, other, self.re, other.re, Self::tie, Self::nan)
    }
    #[inline]
    fn tangent_part(self) -> Self {
        Self {
            re: self.re.tangent_part(),
            eps: self.eps,
        }
    }
}
