//! numpy's non-uniform stencil coefficients: the formulas (one copy, generic
//! over the scalar they are computed in — a real, or a dual number for
//! derivatives with respect to the coordinates — used by the kernel, by the
//! checks of the checked constructors and by the plan), the check that they
//! are finite, and [`CoordsPlan`] (feature `alloc`), which computes them
//! once per grid so that every later gradient on that grid multiplies
//! instead of dividing.

use crate::scalar::{Real, Scalar};

/// Three stencil coefficients `(a, b, c)`.
pub(crate) type Abc<R> = (R, R, R);

/// Interior coefficients from the spacings `dx1 = x[i] - x[i-1]` and
/// `dx2 = x[i+1] - x[i]` (numpy's `a`, `b`, `c`, operation for operation).
#[inline(always)]
pub(crate) fn interior<R: Scalar>(dx1: R, dx2: R) -> Abc<R> {
    let a = -(dx2) / (dx1 * (dx1 + dx2));
    let b = (dx2 - dx1) / (dx1 * dx2);
    let c = dx1 / (dx2 * (dx1 + dx2));
    (a, b, c)
}

/// Edge-order-2 coefficients of the left end, applied to `f[0], f[1], f[2]`.
#[inline]
pub(crate) fn edge2_left<R: Scalar>(dx1: R, dx2: R) -> Abc<R> {
    let two = R::from_f64(2.0);
    (
        -(two * dx1 + dx2) / (dx1 * (dx1 + dx2)),
        (dx1 + dx2) / (dx1 * dx2),
        -dx1 / (dx2 * (dx1 + dx2)),
    )
}

/// Edge-order-2 coefficients of the right end, applied to
/// `f[n-3], f[n-2], f[n-1]`.
#[inline]
pub(crate) fn edge2_right<R: Scalar>(dx1: R, dx2: R) -> Abc<R> {
    let two = R::from_f64(2.0);
    (
        (dx2) / (dx1 * (dx1 + dx2)),
        -(dx2 + dx1) / (dx1 * dx2),
        (two * dx2 + dx1) / (dx2 * (dx1 + dx2)),
    )
}

/// Whether the intermediates of numpy's three-point formulas for the
/// spacings `dx1`, `dx2` are finite: the differences, their sum and
/// products (an overflow there turns a coefficient into a wrong 0, an
/// underflow to 0 into an infinity), and the coefficients `abc`.
#[inline(always)]
fn finite_with<R: Real>(dx1: R, dx2: R, (a, b, c): Abc<R>) -> bool {
    let s = dx1 + dx2;
    let fin = |v: R| v.is_finite_real();
    // `&`, not `&&`: no branch per value, so the checking pass vectorizes.
    fin(dx1)
        & fin(dx2)
        & fin(s)
        & fin(dx1 * s)
        & fin(dx2 * s)
        & fin(dx1 * dx2)
        & fin(a)
        & fin(b)
        & fin(c)
}

/// The first position of `x` (finite, strictly monotonic) whose stencil,
/// for either edge order, has a coefficient or an intermediate that is not
/// finite: the edges are positions 0 and `n - 1`, the interior stencil at
/// `i` spans `x[i-1]..=x[i+1]`. `inner` yields the interior coefficients of
/// positions `1..n-1` in order (computed, or read from a plan that already
/// holds them). Dual coordinates are checked on their values.
pub(crate) fn first_non_finite<X: Scalar>(
    x: &[X],
    inner: impl Iterator<Item = Abc<X::Real>>,
) -> Option<usize> {
    let n = x.len();
    let v = |i: usize| x[i].re();
    if n == 2 {
        // Edge order 1 only: one difference, its reciprocal.
        let dx = v(1) - v(0);
        let ok = dx.is_finite_real() && (X::Real::one() / dx).is_finite_real();
        return (!ok).then_some(0);
    }
    if n < 3 {
        return None;
    }
    let (l1, l2) = (v(1) - v(0), v(2) - v(1));
    let (r1, r2) = (v(n - 2) - v(n - 3), v(n - 1) - v(n - 2));
    if !finite_with(l1, l2, edge2_left(l1, l2)) {
        return Some(0);
    }
    // Straight over the slices, without an early exit, so it vectorizes;
    // the position is searched for only when something failed.
    let mut first = None;
    for (i, (((x0, x1), x2), abc)) in triples(x).zip(inner).enumerate() {
        let (x0, x1, x2) = (x0.re(), x1.re(), x2.re());
        if !finite_with(x1 - x0, x2 - x1, abc) && first.is_none() {
            first = Some(i + 1);
        }
    }
    first.or_else(|| (!finite_with(r1, r2, edge2_right(r1, r2))).then_some(n - 1))
}

/// `(x[i-1], x[i], x[i+1])` for the interior positions `i` of `x`.
#[inline(always)]
pub(crate) fn triples<R: Copy>(x: &[R]) -> impl Iterator<Item = ((R, R), R)> + '_ {
    x.iter()
        .zip(x.iter().skip(1))
        .zip(x.iter().skip(2))
        .map(|((a, b), c)| ((*a, *b), *c))
}

/// [`first_non_finite`] with the interior coefficients computed (from the
/// values of dual coordinates).
#[inline]
pub(crate) fn first_non_finite_of<X: Scalar>(x: &[X]) -> Option<usize> {
    first_non_finite(
        x,
        triples(x).map(|((x0, x1), x2)| interior(x1.re() - x0.re(), x2.re() - x1.re())),
    )
}

/// The coefficients of a `CoordsPlan` (feature `alloc`) as the kernels read them.
///
/// Built only by a plan; it appears in [`Grid::Planned`](super::Grid::Planned).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Planned<'a, R> {
    /// The coordinates (for the stencils the plan does not hold: the
    /// higher orders of [`diff_along`](crate::Tensor::diff_along)).
    pub(crate) x: &'a [R],
    /// Interior coefficients of positions `1..n-1`, one slice per letter.
    pub(crate) a: &'a [R],
    pub(crate) b: &'a [R],
    pub(crate) c: &'a [R],
    /// The end differences `x[1] - x[0]` and `x[n-1] - x[n-2]` (edge order 1).
    pub(crate) dx0: R,
    pub(crate) dxn: R,
    /// Edge-order-2 coefficients at each end (zeros below three points,
    /// where edge order 2 is a compile error).
    pub(crate) left: Abc<R>,
    pub(crate) right: Abc<R>,
}

#[cfg(feature = "alloc")]
pub use owned::CoordsPlan;

#[cfg(feature = "alloc")]
mod owned {
    use alloc::boxed::Box;
    use alloc::vec;

    use super::super::grid::{check_order, AxisGrid, AxisSpacing, Grid, GridError, Spacings};
    use super::super::grid::{Coords, CoordsRef};
    use super::{edge2_left, edge2_right, interior, Abc, Planned};
    use crate::scalar::{Real, Scalar};

    /// numpy's stencil coefficients for the coordinates of one axis of `N`
    /// points, computed once (feature `alloc`): pass the plan (or a
    /// reference to it) wherever [`Coords`] or [`CoordsRef`] is accepted,
    /// and each gradient on that grid reads three coefficients per point
    /// instead of computing them with three divisions. The results are
    /// bit-identical to the unplanned ones, and to numpy's.
    ///
    /// The plan holds `4 N` reals on the heap (the coordinates and the
    /// coefficients); build it once per grid,
    /// outside the loop that differentiates fields on that grid.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{CoordsPlan, CoordsRef, EDGE2};
    /// use constgrad::{HeapTensor, Rank1};
    ///
    /// const N: usize = 10_000;
    /// let x: Box<[f64; N]> = (0..N).map(|i| (i as f64).powf(1.5)).collect::<Vec<_>>()
    ///     .into_boxed_slice().try_into().unwrap();
    /// let plan = CoordsPlan::new(&x).unwrap();
    /// let f = HeapTensor::<Rank1<N>>::from_fn(|[i]| 3.0 * x[i]);
    /// let g = f.gradient_along::<0>(&plan, EDGE2);
    /// let unplanned = f.gradient_along::<0>(CoordsRef::new(&x).unwrap(), EDGE2);
    /// assert_eq!(g.as_slice(), unplanned.as_slice());
    /// assert!(g.as_slice().iter().all(|v| (v - 3.0).abs() < 1e-9));
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    pub struct CoordsPlan<R: Real, const N: usize> {
        /// Set when every difference equals `x[1] - x[0]` (numpy then uses
        /// the uniform formulas).
        uniform: Option<R>,
        x: Box<[R]>,
        a: Box<[R]>,
        b: Box<[R]>,
        c: Box<[R]>,
        dx0: R,
        dxn: R,
        left: Abc<R>,
        right: Abc<R>,
    }

    impl<R: Real, const N: usize> CoordsPlan<R, N> {
        /// The plan of checked coordinates: the checks of [`Coords::new`].
        ///
        /// # Errors
        ///
        /// [`GridError::NonFiniteCoordinate`],
        /// [`GridError::NotStrictlyMonotonic`] or
        /// [`GridError::NonFiniteCoefficients`], with the index.
        pub fn new(x: &[R; N]) -> Result<Self, GridError> {
            check_order(x)?;
            let plan = Self::unchecked(x);
            // The interior coefficients are the plan's: no second division.
            let at = plan.a.iter().zip(&*plan.b).zip(&*plan.c);
            match super::first_non_finite(x, at.map(|((a, b), c)| (*a, *b, *c))) {
                Some(index) => Err(GridError::NonFiniteCoefficients { index }),
                None => Ok(plan),
            }
        }

        /// The plan of any coordinates, as numpy takes them (no checks:
        /// coefficients may be infinite or `NaN`, exactly numpy's).
        ///
        /// # Example
        ///
        /// ```
        /// use constgrad::stencil::{CoordsPlan, EDGE1};
        /// use constgrad::Tensor;
        ///
        /// let plan = CoordsPlan::unchecked(&[0.0, 1e-320, 3e-320]);
        /// let [g] = Tensor::from([0.0, 1.0, 2.0]).gradient(&plan, EDGE1);
        /// assert_eq!(g[[0]], 1.0 / 1e-320);
        /// ```
        #[must_use]
        pub fn unchecked(x: &[R; N]) -> Self {
            let zero = (R::zero(), R::zero(), R::zero());
            let uniform = match super::super::numpy::collapse(Grid::Coords(x)) {
                Grid::Uniform(h) => Some(h),
                _ => None,
            };
            // Straight-line loops over slices, so the divisions vectorize.
            let m = N.saturating_sub(2);
            let (mut a, mut b, mut c) =
                (vec![R::zero(); m], vec![R::zero(); m], vec![R::zero(); m]);
            let abc = a.iter_mut().zip(&mut b).zip(&mut c);
            for (((a, b), c), ((x0, x1), x2)) in abc.zip(super::triples(x)) {
                (*a, *b, *c) = interior(x1 - x0, x2 - x1);
            }
            let (dx0, dxn) = if N >= 2 {
                (x[1] - x[0], x[N - 1] - x[N - 2])
            } else {
                (R::zero(), R::zero())
            };
            let (left, right) = if N >= 3 {
                (
                    edge2_left(x[1] - x[0], x[2] - x[1]),
                    edge2_right(x[N - 2] - x[N - 3], x[N - 1] - x[N - 2]),
                )
            } else {
                (zero, zero)
            };
            CoordsPlan {
                uniform,
                x: x.as_slice().into(),
                a: a.into_boxed_slice(),
                b: b.into_boxed_slice(),
                c: c.into_boxed_slice(),
                dx0,
                dxn,
                left,
                right,
            }
        }

        /// The spacing as the kernels see it.
        fn view(&self) -> Grid<'_, R> {
            match self.uniform {
                Some(h) => Grid::Uniform(h),
                None => Grid::Planned(Planned {
                    x: &self.x,
                    a: &self.a,
                    b: &self.b,
                    c: &self.c,
                    dx0: self.dx0,
                    dxn: self.dxn,
                    left: self.left,
                    right: self.right,
                }),
            }
        }
    }

    /// Already checked: no second check.
    impl<R: Real, const N: usize> From<CoordsRef<'_, R, N>> for CoordsPlan<R, N> {
        fn from(x: CoordsRef<'_, R, N>) -> Self {
            Self::unchecked(x.get())
        }
    }

    /// Already checked: no second check.
    impl<R: Real, const N: usize> From<&Coords<R, N>> for CoordsPlan<R, N> {
        fn from(x: &Coords<R, N>) -> Self {
            Self::unchecked(x.get())
        }
    }

    /// Real coordinates: for samples of `R` or of dual numbers over `R`.
    #[diagnostic::do_not_recommend]
    impl<R: Real, E: Scalar<Real = R>, const N: usize> AxisSpacing<E, [E; N]> for CoordsPlan<R, N> {
        #[inline]
        fn grid(&self) -> AxisGrid<'_, E> {
            AxisGrid::Real(self.view())
        }
    }

    /// One axis: its plan, bare.
    #[diagnostic::do_not_recommend]
    impl<R: Real, E: Scalar<Real = R>, const N: usize> Spacings<E, ([E; N],)> for CoordsPlan<R, N> {
        #[inline]
        fn grid(&self, _k: usize) -> AxisGrid<'_, E> {
            AxisGrid::Real(self.view())
        }
    }

    /// One axis: a borrowed plan, bare.
    #[diagnostic::do_not_recommend]
    impl<R: Real, E: Scalar<Real = R>, const N: usize> Spacings<E, ([E; N],)> for &CoordsPlan<R, N> {
        #[inline]
        fn grid(&self, _k: usize) -> AxisGrid<'_, E> {
            AxisGrid::Real(self.view())
        }
    }
}
