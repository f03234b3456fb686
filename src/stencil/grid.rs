//! Grid spacing: [`Unit`], [`Step`] and [`Coords`], the run-time checks of
//! their checked constructors ([`GridError`]), and the compile-time tables
//! that match spacings to axes and to the samples' scalar ([`AxisSpacing`],
//! [`Spacings`]): a spacing is written in the samples' real type, or in
//! their own dual type to differentiate with respect to it.

use core::fmt;

use super::plan::{first_non_finite_of, Planned};
use crate::dual::{Dual, Dual2, Tangent};
use crate::scalar::{Real, Scalar};

/// Unit spacing along an axis: numpy's default when no spacing is given.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Unit, EDGE1};
/// use constgrad::Tensor;
///
/// let f = Tensor::from([1.0, 2.0, 4.0, 7.0]);
/// let [g] = f.gradient(Unit, EDGE1);
/// assert_eq!(g, Tensor::from([1.0, 1.5, 2.5, 3.0]));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unit;

/// A checked uniform step: finite, non-zero, and with finite stencil
/// coefficients (`2 / h` and `2 h` do not overflow); negative steps are
/// allowed, as in numpy.
///
/// This is the checked path. A plain `f64` (or `f32`) is accepted as a step
/// too, **unchecked**, exactly as numpy takes it: a zero or subnormal step
/// then gives numpy's `inf` and `NaN`.
///
/// The step may be a dual number ([`Dual`], [`Dual2`]) when the samples are
/// dual numbers of the same type: the gradient then carries its derivative
/// with respect to the step (see [`Coords`] for how to lift plain samples);
/// the checks read its value.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{GridError, Step};
///
/// assert_eq!(Step::new(0.5).unwrap().get(), 0.5);
/// assert_eq!(Step::new(0.0), Err(GridError::ZeroStep));
/// assert_eq!(Step::new(f64::NAN), Err(GridError::NonFiniteStep));
/// assert_eq!(Step::new(5e-324), Err(GridError::StepOutOfRange));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step<R: Scalar>(R);

impl<R: Scalar> Step<R> {
    /// Checks that `h` is finite and non-zero, and that the largest
    /// coefficient of the edge-order-2 stencils, `2 / h`, and the interior
    /// denominator `2 h` are finite.
    ///
    /// # Errors
    ///
    /// [`GridError::NonFiniteStep`], [`GridError::ZeroStep`] or
    /// [`GridError::StepOutOfRange`].
    pub fn new(h: R) -> Result<Self, GridError> {
        let v = h.re();
        let two = R::Real::from_f64(2.0);
        if !v.is_finite_real() {
            Err(GridError::NonFiniteStep)
        } else if v == R::Real::zero() {
            Err(GridError::ZeroStep)
        } else if !(two / v).is_finite_real() || !(two * v).is_finite_real() {
            Err(GridError::StepOutOfRange)
        } else {
            Ok(Step(h))
        }
    }

    /// The step.
    #[inline]
    #[must_use]
    pub fn get(self) -> R {
        self.0
    }
}

/// Checked coordinates of the `N` points along one axis (a non-uniform grid):
/// finite, strictly monotonic (increasing or decreasing), and with finite
/// stencil coefficients. `N` must equal the length of the axis they are used
/// for, which the compiler checks.
///
/// [`Coords::new`] is the checked path; [`Coords::unchecked`] takes any
/// coordinates, as numpy does, and gives numpy's numbers (`inf`, `NaN`
/// included). For a grid used many times, build a
/// `CoordsPlan` once (feature `alloc`).
///
/// When all the differences between neighbours are exactly equal, the
/// gradient treats the grid as uniform with step `x[1] - x[0]`, as numpy does
/// (real coordinates only; see below).
///
/// # Derivatives with respect to the coordinates
///
/// Coordinates of dual numbers (the variables of [`grad`](crate::ad::grad),
/// or anything computed from them) give gradients that carry their
/// derivatives with respect to the coordinates, as `jax.grad` through
/// `jnp.gradient` does. The samples must then be dual numbers of the same
/// type: bring plain samples in with [`constant`](crate::ad::constant). The
/// checks read the coordinates' values. Dual coordinates are never treated
/// as a uniform step (their tangents can differ where their values are
/// equally spaced), so on an exactly uniform grid their value part is
/// numpy's non-uniform formula, not its uniform one (JAX does the same).
///
/// ```
/// use constgrad::ad::{constant, grad};
/// use constgrad::stencil::{Coords, EDGE2};
/// use constgrad::{Rank1, Tensor};
///
/// let x = Tensor::<Rank1<6>>::from([0.0, 0.4, 1.1, 1.5, 2.3, 3.0]); // sample positions
/// let y = Tensor::<Rank1<6>>::from([0.0, 0.16, 1.21, 2.25, 5.29, 9.0]); // x² sampled
/// // ∂/∂x of Σ (dy/dx)², with dy/dx from numpy's edge-order-2 stencils.
/// let g = grad(
///     |x| {
///         let c = Coords::new(x.into_array()).unwrap();
///         let [dy] = constant(y).gradient(c, EDGE2);
///         (dy * dy).sum()
///     },
///     x,
/// );
/// // Moving the last point right flattens the last slope estimate.
/// assert!(g[[5]] < 0.0);
/// ```
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Coords, GridError, EDGE1};
/// use constgrad::Tensor;
///
/// let x = Coords::new([0.0, 1.0, 1.5, 3.5]).unwrap();
/// let f = Tensor::from([0.0, 1.0, 2.25, 12.25]); // x²
/// let [g] = f.gradient(x, EDGE1);
/// assert_eq!(g.as_slice()[1], 2.0);
///
/// let e = Coords::new([0.0, 1.0, 1.0, 2.0]).unwrap_err();
/// assert_eq!(e, GridError::NotStrictlyMonotonic { index: 2 });
/// assert_eq!(e.to_string(), "coordinates are not strictly monotonic at index 2 (x[2] vs x[1])");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coords<R: Scalar, const N: usize>([R; N]);

impl<R: Scalar, const N: usize> Coords<R, N> {
    /// Checks that every coordinate is finite, that they are strictly
    /// increasing or strictly decreasing, and that every coefficient (and
    /// intermediate) of numpy's stencils, for either edge order, is finite.
    ///
    /// # Errors
    ///
    /// [`GridError::NonFiniteCoordinate`],
    /// [`GridError::NotStrictlyMonotonic`] or
    /// [`GridError::NonFiniteCoefficients`], with the index of the first
    /// offending coordinate.
    pub fn new(x: [R; N]) -> Result<Self, GridError> {
        check_coords(&x)?;
        Ok(Coords(x))
    }

    /// Any coordinates, unchecked, as numpy takes them: the gradient is
    /// numpy's, `inf` and `NaN` included.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Coords, GridError, EDGE1};
    /// use constgrad::Tensor;
    ///
    /// let x = [0.0, 1e-320, 3e-320]; // differences whose products underflow
    /// assert_eq!(Coords::new(x), Err(GridError::NonFiniteCoefficients { index: 0 }));
    /// let [g] = Tensor::from([0.0, 1.0, 2.0]).gradient(Coords::unchecked(x), EDGE1);
    /// assert_eq!(g[[0]], 1.0 / 1e-320); // numpy's number
    /// ```
    #[must_use]
    pub fn unchecked(x: [R; N]) -> Self {
        Coords(x)
    }

    /// The coordinates.
    #[inline]
    #[must_use]
    pub fn get(&self) -> &[R; N] {
        &self.0
    }
}

impl<R: Scalar, const N: usize> Coords<R, N> {
    /// Copies coordinates from a slice (a `Vec`, a file's column) and checks
    /// them as [`Coords::new`] does; a slice of the wrong length is an
    /// error, not a panic.
    ///
    /// # Errors
    ///
    /// [`GridError::Length`] with the axis length `N` and the slice's, or
    /// the errors of [`Coords::new`].
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Coords, GridError};
    ///
    /// let xs = vec![0.0, 0.5, 2.0];
    /// let x: Coords<f64, 3> = Coords::try_from_slice(&xs).unwrap();
    /// assert_eq!(x.get(), &[0.0, 0.5, 2.0]);
    /// let e = Coords::<f64, 4>::try_from_slice(&xs).unwrap_err();
    /// assert_eq!(e, GridError::Length { expected: 4, found: 3 });
    /// assert_eq!(e.to_string(), "4 coordinates expected (the axis length), 3 given");
    /// ```
    pub fn try_from_slice(x: &[R]) -> Result<Self, GridError> {
        let x: [R; N] = x.try_into().map_err(|_| GridError::Length {
            expected: N,
            found: x.len(),
        })?;
        Self::new(x)
    }

    /// Converts integer (or narrower float) coordinates to `R`, as numpy
    /// casts an integer coordinate array to float, and checks them as
    /// [`Coords::new`] does. The conversion is `From`, so it is exact.
    ///
    /// # Errors
    ///
    /// The errors of [`Coords::new`].
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Coords, EDGE1};
    /// use constgrad::Tensor;
    ///
    /// let x = Coords::cast([0, 1, 3, 6]).unwrap();
    /// let f = Tensor::from([0.0, 1.0, 9.0, 36.0]); // x²
    /// let [g] = f.gradient(x, EDGE1);
    /// assert_eq!(g.as_slice()[1], 2.0);
    /// ```
    pub fn cast<X: Copy + Into<R>>(x: [X; N]) -> Result<Self, GridError> {
        Self::new(x.map(Into::into))
    }
}

/// Checked coordinates borrowed from an array that lives elsewhere (on the
/// heap for a large grid): the same checks and rules as [`Coords`] (dual
/// coordinates included), without copying `N` values onto the stack.
///
/// # Example
///
/// With feature `alloc` (for `HeapTensor`):
///
#[cfg_attr(feature = "alloc", doc = "```")]
#[cfg_attr(not(feature = "alloc"), doc = "```ignore")]
/// use constgrad::stencil::{CoordsRef, EDGE1};
/// use constgrad::{HeapTensor, Rank1};
///
/// const N: usize = 100_000;
/// let x: Box<[f64; N]> = (0..N).map(|i| (i as f64).sqrt()).collect::<Vec<_>>()
///     .into_boxed_slice().try_into().unwrap();
/// let x = CoordsRef::new(&x).unwrap();
/// let f = HeapTensor::<Rank1<N>>::from_fn(|[i]| 2.0 * (i as f64).sqrt());
/// let g = f.gradient_along::<0>(x, EDGE1);
/// assert!(g.as_slice().iter().all(|&v| (v - 2.0).abs() < 1e-9));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoordsRef<'a, R: Scalar, const N: usize>(&'a [R; N]);

impl<'a, R: Scalar, const N: usize> CoordsRef<'a, R, N> {
    /// The checks of [`Coords::new`].
    ///
    /// # Errors
    ///
    /// [`GridError::NonFiniteCoordinate`],
    /// [`GridError::NotStrictlyMonotonic`] or
    /// [`GridError::NonFiniteCoefficients`], with the index.
    pub fn new(x: &'a [R; N]) -> Result<Self, GridError> {
        check_coords(x)?;
        Ok(CoordsRef(x))
    }

    /// Any coordinates, unchecked, as numpy takes them (see
    /// [`Coords::unchecked`]).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{CoordsRef, EDGE1};
    /// use constgrad::Tensor;
    ///
    /// let x = [0.0, 1e-320, 3e-320];
    /// let [g] = Tensor::from([0.0, 1.0, 2.0]).gradient(CoordsRef::unchecked(&x), EDGE1);
    /// assert_eq!(g[[0]], 1.0 / 1e-320);
    /// ```
    #[must_use]
    pub fn unchecked(x: &'a [R; N]) -> Self {
        CoordsRef(x)
    }

    /// The coordinates.
    #[inline]
    #[must_use]
    pub fn get(&self) -> &'a [R; N] {
        self.0
    }
}

/// The checks of [`Coords::new`] on a slice (on the values of dual numbers).
pub(crate) fn check_coords<R: Scalar>(x: &[R]) -> Result<(), GridError> {
    check_order(x)?;
    match first_non_finite_of(x) {
        Some(index) => Err(GridError::NonFiniteCoefficients { index }),
        None => Ok(()),
    }
}

/// Finite and strictly monotonic coordinates (comparisons of dual numbers
/// read their values).
pub(crate) fn check_order<R: Scalar>(x: &[R]) -> Result<(), GridError> {
    for (index, v) in x.iter().enumerate() {
        if !v.is_finite() {
            return Err(GridError::NonFiniteCoordinate { index });
        }
    }
    if x.len() >= 2 {
        let increasing = x[1] > x[0];
        for index in 1..x.len() {
            let ok = if increasing {
                x[index] > x[index - 1]
            } else {
                x[index] < x[index - 1]
            };
            if !ok {
                return Err(GridError::NotStrictlyMonotonic { index });
            }
        }
    }
    Ok(())
}

/// What a checked spacing constructor rejected.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Coords, GridError};
///
/// let e = Coords::new([0.0, f64::INFINITY, 2.0]).unwrap_err();
/// assert_eq!(e, GridError::NonFiniteCoordinate { index: 1 });
/// assert_eq!(e.to_string(), "coordinate x[1] is not finite");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridError {
    /// A coordinate is infinite or NaN.
    NonFiniteCoordinate {
        /// Its position along the axis.
        index: usize,
    },
    /// `x[index]` does not continue the strict increase (or decrease) set by
    /// `x[0]` and `x[1]`; a repeated coordinate is reported here too.
    NotStrictlyMonotonic {
        /// The position of the first coordinate out of order.
        index: usize,
    },
    /// A slice of coordinates does not have one entry per point of its axis.
    Length {
        /// The axis length.
        expected: usize,
        /// The slice's length.
        found: usize,
    },
    /// The stencil centred at `x[index]` (for edge order 1 or 2) has a
    /// coefficient, or an intermediate of numpy's formula, that is infinite
    /// or NaN: the spacings there are too small (their products underflow)
    /// or too large (their sums overflow).
    NonFiniteCoefficients {
        /// The centre of the first such stencil (0 and `N - 1` for the edges).
        index: usize,
    },
    /// A step is infinite or NaN.
    NonFiniteStep,
    /// A step is zero.
    ZeroStep,
    /// A step so small that `2 / h` overflows, or so large that `2 h` does.
    StepOutOfRange,
}

impl fmt::Display for GridError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            GridError::NonFiniteCoordinate { index } => {
                write!(f, "coordinate x[{index}] is not finite")
            }
            GridError::NotStrictlyMonotonic { index } => {
                write!(f, "coordinates are not strictly monotonic at index {index}")?;
                // A user can build index 0, which has no predecessor.
                match index.checked_sub(1) {
                    Some(prev) => write!(f, " (x[{index}] vs x[{prev}])"),
                    None => Ok(()),
                }
            }
            GridError::NonFiniteCoefficients { index } => write!(
                f,
                "the stencil coefficients at x[{index}] are not finite (the spacings overflow or underflow)"
            ),
            GridError::Length { expected, found } => write!(
                f,
                "{expected} coordinates expected (the axis length), {found} given"
            ),
            GridError::NonFiniteStep => write!(f, "the step is not finite"),
            GridError::ZeroStep => write!(f, "the step is zero"),
            GridError::StepOutOfRange => write!(
                f,
                "the step is too small or too large: its stencil coefficients are not finite"
            ),
        }
    }
}

impl core::error::Error for GridError {}

/// The spacing of one axis as the kernels see it, in the scalar `R` its
/// stencil coefficients are computed in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Grid<'a, R> {
    /// A uniform step `h`.
    Uniform(R),
    /// The coordinates of every point along the axis.
    Coords(&'a [R]),
    /// Coefficients computed once by a `CoordsPlan` (feature `alloc`).
    Planned(Planned<'a, R>),
}

/// The spacing of one axis for samples whose gradient is computed in `E`:
/// either in `E`'s real type, so that the stencil coefficients are
/// constants, or in `E` itself (dual numbers), so that they carry
/// derivatives with respect to the spacing.
///
/// # Example
///
/// ```
/// use constgrad::dual::Dual;
/// use constgrad::stencil::{AxisGrid, AxisSpacing, Coords, Grid, Step};
///
/// // Real coordinates, for f64 samples or dual ones alike.
/// let x = Coords::new([0.0, 1.0, 3.0]).unwrap();
/// let g = AxisSpacing::<Dual<f64>, [Dual<f64>; 3]>::grid(&x);
/// assert_eq!(g, AxisGrid::Real(Grid::Coords(&[0.0, 1.0, 3.0])));
/// // A dual step, for samples of the same dual type.
/// let h = Step::new(Dual::<f64>::var(0.5)).unwrap();
/// let g = AxisSpacing::<Dual<f64>, [Dual<f64>; 3]>::grid(&h);
/// assert!(matches!(g, AxisGrid::Same(Grid::Uniform(h)) if h.eps == 1.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AxisGrid<'a, E: Scalar> {
    /// Steps or coordinates in the samples' real type (`f32`, `f64`).
    Real(Grid<'a, E::Real>),
    /// Steps or coordinates in the samples' own scalar (dual numbers).
    Same(Grid<'a, E>),
}

/// A spacing usable for an axis whose coordinate array has type `C`
/// (`[R; LEN]`, see [`crate::HasAxis::Coords`]), for samples computed in `R`:
/// [`Unit`], a [`Step`], a plain step, or [`Coords`] / [`CoordsRef`] of
/// exactly the axis's length, written in `R`'s real type (`f32`, `f64`) or,
/// when `R` is a dual number ([`Dual`], [`Dual2`]), in `R` itself.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{AxisSpacing, Coords, Step, Unit};
///
/// fn fits<C, Sp: AxisSpacing<f64, C>>(_: Sp) {}
/// fits::<[f64; 3], _>(Unit);
/// fits::<[f64; 3], _>(Step::new(0.1).unwrap());
/// fits::<[f64; 3], _>(Coords::new([0.0, 1.0, 3.0]).unwrap());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a spacing for an axis with coordinates `{C}`",
    label = "this axis needs a spacing of `{R}` and, for coordinates, exactly one per point: `{C}`",
    note = "use `Unit`, a `Step`, or `Coords`/`CoordsRef` with as many coordinates as the axis has points, in the samples' float type (or, to differentiate with respect to them, in the samples' own dual type)",
    note = "with `gradient_axes`, the spacings come in the order of the axes named"
)]
pub trait AxisSpacing<R: Scalar, C> {
    /// The spacing as the kernels see it.
    fn grid(&self) -> AxisGrid<'_, R>;
}

#[diagnostic::do_not_recommend]
impl<R: Scalar, C> AxisSpacing<R, C> for Unit {
    #[inline]
    fn grid(&self) -> AxisGrid<'_, R> {
        AxisGrid::Real(Grid::Uniform(R::Real::one()))
    }
}

#[diagnostic::do_not_recommend]
impl<R: Scalar, C, Sp: AxisSpacing<R, C>> AxisSpacing<R, C> for &Sp {
    #[inline]
    fn grid(&self) -> AxisGrid<'_, R> {
        (**self).grid()
    }
}

/// The spacings of the differentiated axes, whose coordinate arrays have the
/// types in the tuple `L` (for instance `([f64; 3], [f64; 4])`): either one
/// uniform spacing for every axis, or a tuple with one spacing per axis
/// (mixed freely), as numpy's `*varargs`.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Coords, Step, Unit, EDGE1};
/// use constgrad::Tensor;
///
/// let f = Tensor::from([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]);
/// let [_, _] = f.gradient(Unit, EDGE1);
/// let [_, _] = f.gradient(2.0, EDGE1);
/// let [_, _] = f.gradient((Step::new(2.0).unwrap(), Coords::new([0.0, 1.0, 1.5]).unwrap()), EDGE1);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a spacing for `{R}` samples along axes with coordinates `{L}`",
    label = "give one uniform spacing, or a tuple with exactly one spacing per differentiated axis, in `{R}`",
    note = "one tuple entry per axis of `{L}`, in that order",
    note = "the spacing's float type must be the samples' (`{R}`): write `0.5_f32` for `f32` samples, or convert them with `.cast::<f64>()`",
    note = "a spacing of dual numbers needs samples of the same dual type: lift plain samples with `constant(samples)`"
)]
pub trait Spacings<R: Scalar, L> {
    /// The spacing of the `k`-th differentiated axis.
    fn grid(&self, k: usize) -> AxisGrid<'_, R>;
}

macro_rules! spacings_tuple {
    ($($c:ident $x:ident $k:tt),+) => {
        impl<R: Scalar, $($c,)+ $($x: AxisSpacing<R, $c>),+> Spacings<R, ($($c,)+)> for ($($x,)+) {
            #[inline]
            fn grid(&self, k: usize) -> AxisGrid<'_, R> {
                match k {
                    $($k => self.$k.grid(),)+
                    _ => unreachable!(),
                }
            }
        }
    };
}

spacings_tuple!(C0 X0 0);
spacings_tuple!(C0 X0 0, C1 X1 1);
spacings_tuple!(C0 X0 0, C1 X1 1, C2 X2 2);
spacings_tuple!(C0 X0 0, C1 X1 1, C2 X2 2, C3 X3 3);
spacings_tuple!(C0 X0 0, C1 X1 1, C2 X2 2, C3 X3 3, C4 X4 4);
spacings_tuple!(C0 X0 0, C1 X1 1, C2 X2 2, C3 X3 3, C4 X4 4, C5 X5 5);

/// One uniform spacing for every axis: [`Unit`] (numpy's default).
macro_rules! spacings_unit {
    ($($c:ident),+) => {
        #[diagnostic::do_not_recommend]
        impl<R: Scalar, $($c),+> Spacings<R, ($($c,)+)> for Unit {
            #[inline]
            fn grid(&self, _k: usize) -> AxisGrid<'_, R> {
                AxisGrid::Real(Grid::Uniform(R::Real::one()))
            }
        }
    };
}

spacings_unit!(C0);
spacings_unit!(C0, C1);
spacings_unit!(C0, C1, C2);
spacings_unit!(C0, C1, C2, C3);
spacings_unit!(C0, C1, C2, C3, C4);
spacings_unit!(C0, C1, C2, C3, C4, C5);

/// The spacings written in the scalar `$x`, for samples computed in `$e`
/// (with the generic parameters `$g`), as the kernels see them
/// (`AxisGrid::$v`): a [`Step`], a plain number (an unchecked step, numpy's
/// scalar `dx`), [`Coords`] and [`CoordsRef`], for one axis
/// ([`AxisSpacing`]) and, bare, for every axis at once or for the one axis
/// of 1-D data ([`Spacings`]).
///
/// Each coordinate type gets its own impls, rather than one impl over a
/// trait relating coordinates to samples: an impl whose header names the
/// coordinate type lets the compiler infer it from the samples'
/// (`Coords::cast([0, 1, 3])` on `f64` samples is `Coords<f64, _>`).
macro_rules! spacing_impls {
    ($([$($g:tt)*] $e:ty, $x:ty => $v:ident;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<C, $($g)*> AxisSpacing<$e, C> for Step<$x> {
            #[inline]
            fn grid(&self) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Uniform(self.0))
            }
        }

        #[diagnostic::do_not_recommend]
        impl<C, $($g)*> AxisSpacing<$e, C> for $x {
            #[inline]
            fn grid(&self) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Uniform(*self))
            }
        }

        #[diagnostic::do_not_recommend]
        impl<$($g)* const N: usize> AxisSpacing<$e, [$e; N]> for Coords<$x, N> {
            #[inline]
            fn grid(&self) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Coords(&self.0))
            }
        }

        #[diagnostic::do_not_recommend]
        impl<$($g)* const N: usize> AxisSpacing<$e, [$e; N]> for CoordsRef<'_, $x, N> {
            #[inline]
            fn grid(&self) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Coords(self.0))
            }
        }

        /// One axis: its coordinates, bare (numpy's `gradient(f, x)` on 1-D data).
        #[diagnostic::do_not_recommend]
        impl<$($g)* const N: usize> Spacings<$e, ([$e; N],)> for Coords<$x, N> {
            #[inline]
            fn grid(&self, _k: usize) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Coords(&self.0))
            }
        }

        /// One axis: its borrowed coordinates, bare.
        #[diagnostic::do_not_recommend]
        impl<$($g)* const N: usize> Spacings<$e, ([$e; N],)> for CoordsRef<'_, $x, N> {
            #[inline]
            fn grid(&self, _k: usize) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Coords(self.0))
            }
        }

        spacings_uniform!([$($g)*] $e, $x => $v; C0);
        spacings_uniform!([$($g)*] $e, $x => $v; C0, C1);
        spacings_uniform!([$($g)*] $e, $x => $v; C0, C1, C2);
        spacings_uniform!([$($g)*] $e, $x => $v; C0, C1, C2, C3);
        spacings_uniform!([$($g)*] $e, $x => $v; C0, C1, C2, C3, C4);
        spacings_uniform!([$($g)*] $e, $x => $v; C0, C1, C2, C3, C4, C5);
    )*};
}

/// One uniform spacing for every axis, a [`Step`] or a plain number in `$x`.
macro_rules! spacings_uniform {
    ([$($g:tt)*] $e:ty, $x:ty => $v:ident; $($c:ident),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($c,)+ $($g)*> Spacings<$e, ($($c,)+)> for Step<$x> {
            #[inline]
            fn grid(&self, _k: usize) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Uniform(self.0))
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$($c,)+ $($g)*> Spacings<$e, ($($c,)+)> for $x {
            #[inline]
            fn grid(&self, _k: usize) -> AxisGrid<'_, $e> {
                AxisGrid::$v(Grid::Uniform(*self))
            }
        }
    };
}

spacing_impls! {
    // Real spacings, for samples of that real or of any scalar over it.
    [E: Scalar<Real = f64>,] E, f64 => Real;
    [E: Scalar<Real = f32>,] E, f32 => Real;
    // Dual spacings, for samples of the same dual type.
    [T: Scalar, S: Tangent,] Dual<T, S>, Dual<T, S> => Same;
    [T: Scalar, S: Tangent,] Dual2<T, S>, Dual2<T, S> => Same;
}
