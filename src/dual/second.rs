//! [`Dual2`]: a value with its gradient and full Hessian, for Hessians in
//! one forward pass.

// The chain rule is written as value/derivative formulas (`*x = *x * b + a * y`):
// `Mul` adds, `Div` subtracts, and `x = x op y` reads as the formula.
#![allow(clippy::assign_op_pattern, clippy::suspicious_arithmetic_impl)]
use core::cmp::Ordering;
use core::fmt;
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use super::elementary;
use super::first::{assign_ops, real_ops};
use super::tangent::Tangent;
use crate::scalar::Scalar;
use crate::shape::Rank0;

/// A second-order dual number: a value `re`, its gradient `grad` and its
/// Hessian `hess` with respect to a tangent of shape `S`.
///
/// This is the fast path of [`crate::ad::hessian`]: one pass gives value,
/// gradient and Hessian, with each elementary function applying its first
/// and second derivative directly (`hess' = f'·hess + f''·grad⊗grad`),
/// instead of nesting two first-order duals. The Hessian is stored in full
/// (`S::Eps<S::Eps<T>>`, an `N × N` array for `S = Rank1<N>`). Up to 8
/// variables each operation computes the upper triangle and copies it
/// below, so the Hessian is symmetric bit for bit; past 8 it computes every
/// entry, which is faster once the loops no longer unroll.
///
/// # Example
///
/// ```
/// use constgrad::dual::Dual2;
/// use constgrad::Rank1;
///
/// // f(x, y) = x²·y at (3, 2).
/// let x: Dual2<f64, Rank1<2>> = Dual2::variable(3.0, 0);
/// let y: Dual2<f64, Rank1<2>> = Dual2::variable(2.0, 1);
/// let f = x * x * y;
/// assert_eq!(f.re, 18.0);
/// assert_eq!(f.grad, [12.0, 9.0]);
/// assert_eq!(f.hess, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
// `repr(C)` for the same reason as `Dual`: value, gradient, Hessian in
// declaration order, so by-pointer arguments are read as they were written.
#[repr(C)]
pub struct Dual2<T: Scalar, S: Tangent = Rank0> {
    /// The value.
    pub re: T,
    /// The gradient: the first partial derivatives.
    pub grad: S::Eps<T>,
    /// The Hessian: `hess[i][j]` is the second partial derivative with
    /// respect to tangent components `i` and `j`.
    pub hess: S::Eps<S::Eps<T>>,
}

impl<T: Scalar, S: Tangent> Clone for Dual2<T, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Scalar, S: Tangent> Copy for Dual2<T, S> {}

impl<T: Scalar, S: Tangent> fmt::Debug for Dual2<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Grad<'a, T: Scalar, S: Tangent>(&'a S::Eps<T>);
        impl<T: Scalar, S: Tangent> fmt::Debug for Grad<'_, T, S> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut l = f.debug_list();
                S::eps_for_each(self.0, |x| {
                    l.entry(&x);
                });
                l.finish()
            }
        }
        struct Hess<'a, T: Scalar, S: Tangent>(&'a S::Eps<S::Eps<T>>);
        impl<T: Scalar, S: Tangent> fmt::Debug for Hess<'_, T, S> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut l = f.debug_list();
                S::eps_for_each(self.0, |row| {
                    l.entry(&Grad::<T, S>(&row));
                });
                l.finish()
            }
        }
        f.debug_struct("Dual2")
            .field("re", &self.re)
            .field("grad", &Grad::<T, S>(&self.grad))
            .field("hess", &Hess::<T, S>(&self.hess))
            .finish()
    }
}

/// Prints the value only, like a plain number.
impl<T: Scalar + fmt::Display, S: Tangent> fmt::Display for Dual2<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.re, f)
    }
}

/// Compares values only.
impl<T: Scalar, S: Tangent> PartialEq for Dual2<T, S> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.re == other.re
    }
}

/// Compares values only.
impl<T: Scalar, S: Tangent> PartialOrd for Dual2<T, S> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.re.partial_cmp(&other.re)
    }
}

/// Tangents up to this length update the Hessian's upper triangle and
/// mirror it; longer ones update the whole matrix. The triangle's counters
/// and the mirror fold away only where the loops unroll: the Rosenbrock
/// Hessian takes 6840 instructions at 8 variables with the triangle against
/// 15244 with the whole matrix, but 90135 against 70676 at 12.
const TRIANGLE_MAX: usize = 8;

/// A Hessian update `f(h[i][j], b[i][j], [u[i], u[j], v[i], v[j]])` from
/// another Hessian `b` and two gradients `u`, `v`. The Hessian is
/// symmetric: up to [`TRIANGLE_MAX`] variables the update is written on and
/// above the diagonal and copied below it ([`mirror`]), about half the
/// arithmetic, and the result is exactly symmetric (the two halves would
/// otherwise add the cross terms in different orders).
#[inline(always)]
fn upper<T: Scalar, S: Tangent>(
    h: &mut S::Eps<S::Eps<T>>,
    b: &S::Eps<S::Eps<T>>,
    u: &S::Eps<T>,
    v: &S::Eps<T>,
    mut f: impl FnMut(&mut T, T, [T; 4]),
) {
    let triangle = S::LEN <= TRIANGLE_MAX;
    let mut i = 0;
    S::eps_zip3_mut(h, b, u, v, |hr, br, ui, vi| {
        let mut j = 0;
        S::eps_zip3_mut(hr, &br, u, v, |x, y, uj, vj| {
            if !triangle || j >= i {
                f(x, y, [ui, uj, vi, vj]);
            }
            j += 1;
        });
        i += 1;
    });
    if triangle {
        mirror::<T, S>(h);
    }
}

/// [`upper`] for an update that reads only the entry it writes.
#[inline(always)]
fn upper_map<T: Scalar, S: Tangent>(h: &mut S::Eps<S::Eps<T>>, mut f: impl FnMut(&mut T)) {
    let triangle = S::LEN <= TRIANGLE_MAX;
    let mut i = 0;
    S::eps_map_mut(h, |row| {
        let mut j = 0;
        S::eps_map_mut(row, |x| {
            if !triangle || j >= i {
                f(x);
            }
            j += 1;
        });
        i += 1;
    });
    if triangle {
        mirror::<T, S>(h);
    }
}

/// Copies the entries above the diagonal to their mirror images below it.
#[inline(always)]
fn mirror<T: Scalar, S: Tangent>(h: &mut S::Eps<S::Eps<T>>) {
    let top = *h;
    let mut i = 0;
    S::eps_map_mut(h, |row| {
        let mut j = 0;
        S::eps_map_mut(row, |x| {
            if j < i {
                // `h[i][j] = top[j][i]`, read without a panic path.
                if let Some(&v) = S::eps_try_ref(&top, j).and_then(|r| S::eps_try_ref(r, i)) {
                    *x = v;
                }
            }
            j += 1;
        });
        i += 1;
    });
}

impl<T: Scalar, S: Tangent> Dual2<T, S> {
    /// A second-order dual number from its parts.
    #[inline(always)]
    #[must_use]
    pub fn new(re: T, grad: S::Eps<T>, hess: S::Eps<S::Eps<T>>) -> Self {
        Self { re, grad, hess }
    }

    /// A constant: zero gradient and Hessian.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual2;
    /// use constgrad::Rank1;
    ///
    /// let c: Dual2<f64, Rank1<2>> = Dual2::constant(1.5);
    /// assert_eq!(c.hess, [[0.0; 2]; 2]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn constant(re: T) -> Self {
        Self {
            re,
            grad: S::eps_from_fn(|_| T::zero()),
            hess: S::eps_from_fn(|_| S::eps_from_fn(|_| T::zero())),
        }
    }

    /// The `i`-th variable: gradient 1 at flat position `i`, zero Hessian.
    #[inline(always)]
    #[must_use]
    pub fn variable(re: T, i: usize) -> Self {
        let mut v = Self::constant(re);
        v.grad = S::eps_from_fn(|k| if k == i { T::one() } else { T::zero() });
        v
    }

    /// The gradient entry at flat position `i`.
    #[inline]
    #[must_use]
    pub fn grad_at(&self, i: usize) -> T {
        S::eps_get(&self.grad, i)
    }

    /// The Hessian entry at flat positions `(i, j)`.
    #[inline]
    #[must_use]
    pub fn hess_at(&self, i: usize, j: usize) -> T {
        S::eps_get(&S::eps_get(&self.hess, i), j)
    }

    /// The chain rule for a unary function with value `f`, first derivative
    /// `d1` and second derivative `d2` at `self.re`:
    /// `grad' = d1·grad`, `hess' = d1·hess + d2·grad⊗grad`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::dual::Dual2;
    ///
    /// // x ↦ x³ at 2: value 8, first derivative 12, second 12.
    /// let x: Dual2<f64> = Dual2::variable(2.0, 0);
    /// let y = x.chain(8.0, 12.0, 12.0);
    /// assert_eq!((y.re, y.grad, y.hess), (8.0, 12.0, 12.0));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn chain(mut self, f: T, d1: T, d2: T) -> Self {
        let g = self.grad;
        let b = self.hess;
        upper::<T, S>(&mut self.hess, &b, &g, &g, |h, _, [ui, uj, _, _]| {
            *h = d1 * *h + d2 * ui * uj;
        });
        S::eps_map_mut(&mut self.grad, |g| *g = *g * d1);
        self.re = f;
        self
    }

    /// The chain rule for a binary function with first partials `g = [fa, fb]`
    /// and second partials `h = [faa, fab, fbb]`. Where one of them is ±∞ or
    /// NaN, zero factors keep their products 0, as JAX's symbolic zeros do
    /// (see [`Dual::chain2`](super::Dual::chain2)).
    #[inline(always)]
    #[must_use]
    pub fn chain2(a: Self, b: Self, f: T, g: [T; 2], h: [T; 3]) -> Self {
        if g.iter().chain(&h).all(Scalar::is_finite) {
            Self::chain2_by(a, b, f, g, h, |e, d| d * e)
        } else {
            Self::chain2_by(a, b, f, g, h, super::times_nonzero)
        }
    }

    /// [`Dual2::chain2`] with the products `e·d` of tangent entries and
    /// derivatives formed by `mul`: one fused pass, the terms added in the
    /// order of the formula.
    #[inline(always)]
    fn chain2_by(
        mut a: Self,
        b: Self,
        f: T,
        g: [T; 2],
        h: [T; 3],
        mul: impl Fn(T, T) -> T,
    ) -> Self {
        let [fa, fb] = g;
        let [faa, fab, fbb] = h;
        let (ga, gb) = (a.grad, b.grad);
        upper::<T, S>(
            &mut a.hess,
            &b.hess,
            &ga,
            &gb,
            |x, y, [gai, gaj, gbi, gbj]| {
                *x = mul(*x, fa)
                    + mul(y, fb)
                    + mul(gaj, mul(gai, faa))
                    + mul(gbj, mul(gai, fab))
                    + mul(gaj, mul(gbi, fab))
                    + mul(gbj, mul(gbi, fbb));
            },
        );
        S::eps_zip_mut(&mut a.grad, &gb, |x, y| *x = mul(*x, fa) + mul(y, fb));
        a.re = f;
        a
    }

    /// `a` with the mean of the derivatives of `a` and `b` (min/max ties).
    #[inline]
    fn tie(a: Self, b: Self) -> Self {
        let half = T::from_f64(0.5);
        let mut r = a;
        r.re = a.re.max(b.re);
        S::eps_zip_mut(&mut r.grad, &b.grad, |x, y| *x = (*x + y) * half);
        let g = r.grad;
        upper::<T, S>(&mut r.hess, &b.hess, &g, &g, |x, y, _| *x = (*x + y) * half);
        r
    }

    /// The NaN among `a` and `b`, with zero derivatives (JAX's tangent of
    /// `maximum`/`minimum` at a NaN).
    #[inline]
    fn nan(a: Self, b: Self) -> Self {
        Self::constant(a.re.max(b.re))
    }

    /// Multiplies every part by a constant.
    #[inline(always)]
    fn scale(self, c: T) -> Self {
        let mut r = self;
        r.re = r.re * c;
        S::eps_map_mut(&mut r.grad, |x| *x = *x * c);
        upper_map::<T, S>(&mut r.hess, |x| *x = *x * c);
        r
    }

    /// Adds a constant to the value.
    #[inline(always)]
    fn shift(mut self, c: T) -> Self {
        self.re = self.re + c;
        self
    }

    /// Divides every part by a constant.
    #[inline(always)]
    fn unscale(self, c: T) -> Self {
        let mut r = self;
        r.re = r.re / c;
        S::eps_map_mut(&mut r.grad, |x| *x = *x / c);
        upper_map::<T, S>(&mut r.hess, |x| *x = *x / c);
        r
    }

    /// `self ± rhs` part by part.
    #[inline(always)]
    fn add_sub(self, rhs: Self, sub: bool) -> Self {
        let mut r = self;
        if sub {
            r.re = r.re - rhs.re;
            S::eps_zip_mut(&mut r.grad, &rhs.grad, |x, y| *x = *x - y);
            upper::<T, S>(&mut r.hess, &rhs.hess, &rhs.grad, &rhs.grad, |x, y, _| {
                *x = *x - y
            });
        } else {
            r.re = r.re + rhs.re;
            S::eps_zip_mut(&mut r.grad, &rhs.grad, |x, y| *x = *x + y);
            upper::<T, S>(&mut r.hess, &rhs.hess, &rhs.grad, &rhs.grad, |x, y, _| {
                *x = *x + y
            });
        }
        r
    }
}

impl<T: Scalar, S: Tangent> Add for Dual2<T, S> {
    type Output = Self;
    #[inline(always)]
    fn add(self, rhs: Self) -> Self {
        self.add_sub(rhs, false)
    }
}

impl<T: Scalar, S: Tangent> Sub for Dual2<T, S> {
    type Output = Self;
    #[inline(always)]
    fn sub(self, rhs: Self) -> Self {
        self.add_sub(rhs, true)
    }
}

impl<T: Scalar, S: Tangent> Mul for Dual2<T, S> {
    type Output = Self;
    #[inline(always)]
    fn mul(mut self, rhs: Self) -> Self {
        let (a, b) = (self.re, rhs.re);
        // (uv)'' = u''v + uv'' + u'⊗v' + v'⊗u', in one fused pass.
        let (ga, gb) = (self.grad, rhs.grad);
        upper::<T, S>(
            &mut self.hess,
            &rhs.hess,
            &ga,
            &gb,
            |x, y, [gai, gaj, gbi, gbj]| {
                *x = *x * b + a * y + gai * gbj + gbi * gaj;
            },
        );
        S::eps_zip_mut(&mut self.grad, &gb, |x, y| *x = *x * b + a * y);
        self.re = a * b;
        self
    }
}

impl<T: Scalar, S: Tangent> Div for Dual2<T, S> {
    type Output = Self;
    #[inline(always)]
    fn div(mut self, rhs: Self) -> Self {
        // q = a / b: q' = (a' - q b') / b, q'' = (a'' - q b'' - q'⊗b' - b'⊗q') / b,
        // the Hessian in one fused pass.
        let r = rhs.re.recip();
        let q = self.re * r;
        let gb = rhs.grad;
        S::eps_zip_mut(&mut self.grad, &gb, |x, y| *x = (*x - q * y) * r);
        let gq = self.grad;
        upper::<T, S>(
            &mut self.hess,
            &rhs.hess,
            &gq,
            &gb,
            |x, y, [gqi, gqj, gbi, gbj]| {
                *x = (*x - q * y - gqi * gbj - gbi * gqj) * r;
            },
        );
        self.re = self.re / rhs.re;
        self
    }
}

impl<T: Scalar, S: Tangent> Neg for Dual2<T, S> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        let mut r = self;
        r.re = -r.re;
        S::eps_map_mut(&mut r.grad, |x| *x = -*x);
        upper_map::<T, S>(&mut r.hess, |x| *x = -*x);
        r
    }
}

assign_ops! { Dual2;
    AddAssign add_assign +; SubAssign sub_assign -; MulAssign mul_assign *; DivAssign div_assign /;
}

real_ops!(Dual2; f32, f64);

/// Writes the unary elementary functions of [`Scalar`] for [`Dual2`] from
/// the table in [`elementary`]: value, first and second derivative.
macro_rules! dual2_unary {
    ($($name:ident |$x:ident, $f:ident, $d:ident| $val:expr, $d1:expr, $d2:expr;)*) => {$(
        #[inline]
        fn $name(self) -> Self {
            let $x = self.re;
            let $f = $val;
            let $d = $d1;
            let d2 = $d2;
            self.chain($f, $d, d2)
        }
    )*};
}

// Not listed in errors: `Scalar`'s message names what is accepted.
#[diagnostic::do_not_recommend]
impl<T: Scalar, S: Tangent> Scalar for Dual2<T, S> {
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

    elementary::for_each_unary!(dual2_unary);

    #[inline]
    fn sin_cos(self) -> (Self, Self) {
        let (s, c) = self.re.sin_cos();
        (self.chain(s, c, -s), self.chain(c, -s, -c))
    }
    #[inline]
    fn powi(self, n: i32) -> Self {
        let (f, d, d2) = elementary::powi(self.re, n, true);
        self.chain(f, d, d2)
    }
    #[inline]
    fn powf(self, n: Self) -> Self {
        let (f, g, h) = elementary::powf(self.re, n.re, true);
        Self::chain2(self, n, f, g, h)
    }
    #[inline]
    fn atan2(self, other: Self) -> Self {
        let (f, g, h) = elementary::atan2(self.re, other.re, true);
        Self::chain2(self, other, f, g, h)
    }
    #[inline]
    fn hypot(self, other: Self) -> Self {
        let (f, g, h) = elementary::hypot(self.re, other.re, true);
        Self::chain2(self, other, f, g, h)
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
    fn tangent_part(mut self) -> Self {
        self.re = self.re.tangent_part();
        self
    }
}
