//! Beyond numpy: first and second derivatives with stencils of accuracy
//! order 2, 4, 6 or 8, central inside and one-sided of the same order at the
//! edges, on uniform and non-uniform grids (weights from
//! [`super::fornberg`]), and the Laplacian of fields of rank 1 to 3.

use super::axes::{shortest_axis, AllAxes, AxisSelection, Checked};
use super::fornberg::{weights, MAX_POINTS};
use super::grid::{AxisGrid, AxisSpacing, Grid, Spacings};
use super::numpy::{collapse, parallel, parts, Coefs, InReal, InSample, Re, PARTS};
use super::sample::Sample;
use crate::const_msg::Msg;
use crate::scalar::Scalar;
use crate::shape::{axis_split, HasAxis, Rank1, Rank2, Rank3, Shape};
use crate::tensor::{Storage, Tensor};

/// The accuracy order `P` of a stencil: the error falls as `hᴾ`. `P` is 2,
/// 4, 6 or 8 (checked at compile time).
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Accuracy, Unit};
/// use constgrad::Tensor;
///
/// // x³ on 0..8: order 4 is exact for cubics, even at the edges.
/// let f = Tensor::<constgrad::Rank1<8>>::from_fn(|[i]| (i * i * i) as f64);
/// let g = f.diff_along::<0>(Unit, Accuracy::<4>);
/// for (i, g) in g.iter().enumerate() {
///     assert!((g - 3.0 * (i * i) as f64).abs() < 1e-9);
/// }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy<const P: usize>;

/// The order carried by an [`Accuracy`] marker.
pub trait AccuracyOrder: Copy {
    /// The accuracy order.
    const P: usize;
}

impl<const P: usize> AccuracyOrder for Accuracy<P> {
    const P: usize = P;
}

/// The compile-time check of a higher-order stencil: `P` is 2, 4, 6 or 8,
/// and every differentiated axis has at least `P + D` points (the one-sided
/// stencil of derivative `D` at the edges).
pub struct AccuracyFits<S, Sel, A, const D: usize>(core::marker::PhantomData<(S, Sel, A)>);

impl<S: Shape, Sel: AxisSelection<S>, A: AccuracyOrder, const D: usize> AccuracyFits<S, Sel, A, D> {
    /// Evaluating this fails to compile when the order is not 2, 4, 6 or 8.
    pub const ORDER_OK: () = order_fits(A::P);
    /// Evaluating this fails to compile when an axis is too short.
    pub const LEN_OK: () = len_fits(S::DIMS, Sel::AXES, A::P, D);
}

/// Fails the constant evaluation when the accuracy order is not 2, 4, 6 or 8.
#[track_caller]
const fn order_fits(p: usize) {
    if !(p == 2 || p == 4 || p == 6 || p == 8) {
        Msg::new()
            .s("accuracy order ")
            .n(p)
            .s(" is not one of 2, 4, 6 or 8")
            .fail();
    }
}

/// Fails the constant evaluation when a selected axis has fewer than
/// `p + deriv` points (the one-sided stencil at the edges).
#[track_caller]
const fn len_fits(dims: &[usize], axes: &[usize], p: usize, deriv: usize) {
    let ax = shortest_axis(dims, axes);
    if dims[ax] < p + deriv {
        Msg::new()
            .s("axis ")
            .n(ax)
            .s(" of ")
            .shape(dims)
            .s(" has ")
            .n(dims[ax])
            .s(" points, too few for an order-")
            .n(p)
            .s(" stencil of derivative ")
            .n(deriv)
            .s(" (it needs at least order + derivative = ")
            .n(p + deriv)
            .s(")")
            .fail();
    }
}

/// The checks of a higher-order stencil, evaluated in a `const { }` block of
/// the method the user calls so that the error points at that call.
#[track_caller]
const fn accuracy_fits(dims: &[usize], axes: &[usize], p: usize, deriv: usize) {
    order_fits(p);
    len_fits(dims, axes, p, deriv);
}

impl<A: AccuracyOrder> Checked<A> {
    /// The checks of [`accuracy_fits`] for accuracy order `A` and derivative
    /// `deriv`.
    #[track_caller]
    const fn accuracy(dims: &[usize], axes: &[usize], deriv: usize) -> Self {
        accuracy_fits(dims, axes, A::P, deriv);
        Checked::new(A::P)
    }
}

/// The stencil at position `i` of an axis of `n` points: its first point
/// and its number of points.
#[inline]
fn window(i: usize, n: usize, half: usize, one_sided: usize) -> (usize, usize) {
    if i >= half && i + half < n {
        (i - half, 2 * half + 1)
    } else if i < half {
        (0, one_sided)
    } else {
        (n - one_sided, one_sided)
    }
}

/// Weights on a uniform grid of step `h` for offsets `start - i ..`.
#[inline(always)]
fn uniform_weights<R: Scalar>(
    i: usize,
    start: usize,
    m: usize,
    h: R,
    deriv: usize,
) -> [R; MAX_POINTS] {
    let mut x = [R::zero(); MAX_POINTS];
    for (j, x) in x[..m].iter_mut().enumerate() {
        *x = R::from_f64((start + j) as f64 - i as f64);
    }
    let w = weights(R::zero(), &x[..m], deriv).unwrap_or([R::zero(); MAX_POINTS]);
    let scale = if deriv == 1 { h } else { h * h };
    w.map(|w| w / scale)
}

/// `d[k] (+)= Σ_j w[j]·s[(start + j)·inner + k]` for one position.
#[inline]
fn apply<I: Sample, C: Coefs<I::Out>>(
    s: &[I],
    d: &mut [I::Out],
    inner: usize,
    start: usize,
    w: &[C::X],
    add: bool,
) {
    if !add {
        d.iter_mut().for_each(|d| *d = I::Out::zero());
    }
    for (j, &w) in w.iter().enumerate() {
        let w = C::lift(w);
        let row = &s[(start + j) * inner..(start + j + 1) * inner];
        for (d, r) in d.iter_mut().zip(row) {
            *d += w * r.to_scalar();
        }
    }
}

/// What [`diff_axis`] computes: derivative `deriv` (1 or 2) with accuracy
/// order `acc`, written (or added when `add`) into the output.
#[derive(Clone, Copy)]
pub(crate) struct Op {
    pub(crate) deriv: usize,
    pub(crate) acc: usize,
    pub(crate) add: bool,
}

/// The `D`-th derivative (1 or 2) along `AX` of `src` into `dst`, both of
/// shape `S`, with accuracy order `acc` that the caller has checked: the one
/// body behind `diff_along` and `diff2_along` on inline and heap tensors.
#[inline]
pub(crate) fn diff_along_into<S: HasAxis<AX>, const AX: usize, const D: usize, I: Sample>(
    src: &[I],
    dst: &mut [I::Out],
    grid: AxisGrid<'_, I::Out>,
    acc: usize,
) {
    let op = Op {
        deriv: D,
        acc,
        add: false,
    };
    diff_axis(src, dst, S::DIMS, AX, grid, op);
}

/// The `deriv`-th derivative (1 or 2) of accuracy order `acc` along `axis`;
/// added to `dst` when `add`. The caller guarantees `dims[axis] ≥ acc + deriv`.
///
/// With feature `rayon`, a large field is split over threads as
/// [`gradient_axis`](super::numpy::gradient_axis) splits it, bit-identical.
#[inline(always)]
pub(crate) fn diff_axis<I: Sample>(
    src: &[I],
    dst: &mut [I::Out],
    dims: &[usize],
    axis: usize,
    grid: AxisGrid<'_, I::Out>,
    op: Op,
) {
    // Inlined, as `gradient_axis` is: a real spacing leaves no dead dual kernel.
    match grid {
        AxisGrid::Real(g) => diff_axis_real(src, dst, dims, axis, g, op),
        // Never collapsed: equally spaced values can carry different tangents.
        AxisGrid::Same(g) => diff_axis_in::<I, InSample>(src, dst, dims, axis, g, op),
    }
}

/// Real steps and coordinates.
fn diff_axis_real<I: Sample>(
    src: &[I],
    dst: &mut [I::Out],
    dims: &[usize],
    axis: usize,
    grid: Grid<'_, Re<I>>,
    op: Op,
) {
    diff_axis_in::<I, InReal>(src, dst, dims, axis, collapse(grid), op);
}

/// [`diff_axis`] with weights computed in `C::X`.
fn diff_axis_in<I: Sample, C: Coefs<I::Out>>(
    src: &[I],
    dst: &mut [I::Out],
    dims: &[usize],
    axis: usize,
    grid: Grid<'_, C::X>,
    op: Op,
) {
    let (outer, n, inner) = axis_split(dims, axis);
    if src.is_empty() {
        // A zero-length axis that is not differentiated: nothing to write
        // (and `n * inner` is 0, which `chunks_exact` refuses).
        return;
    }
    let grid = match grid {
        // The plan holds numpy's three-point coefficients, not Fornberg's.
        Grid::Planned(p) => Grid::Coords(p.x),
        g => g,
    };
    let w = Stencils::new(grid, n, op);
    let block = n * inner;
    let par = parallel(src.len());
    if par && outer < PARTS {
        // Few blocks: split each along the axis.
        for (s, d) in src.chunks_exact(block).zip(dst.chunks_exact_mut(block)) {
            parts(d, inner, n, true, |p0, d| {
                w.rows::<I, C>(s, d, n, inner, p0)
            });
        }
    } else {
        parts(dst, block, outer, par, |b0, d| {
            w.rows::<I, C>(&src[b0 * block..b0 * block + d.len()], d, n, inner, 0);
        });
    }
}

/// A uniform grid's stencils: the central one, and `half` (at most 4) at
/// each end.
type UniformWeights<R> = ([R; MAX_POINTS], [[R; MAX_POINTS]; 4], [[R; MAX_POINTS]; 4]);

/// The weights of every position along one axis: tables for a uniform
/// grid, Fornberg's algorithm per position for coordinates.
struct Stencils<'a, R> {
    op: Op,
    half: usize,
    one_sided: usize,
    /// Uniform grid: the central stencil and `half` edge stencils per end.
    uniform: Option<UniformWeights<R>>,
    x: &'a [R],
}

impl<'a, R: Scalar> Stencils<'a, R> {
    #[inline(always)]
    fn new(grid: Grid<'a, R>, n: usize, op: Op) -> Self {
        let (half, one_sided) = (op.acc / 2, op.acc + op.deriv);
        let (uniform, x) = match grid {
            Grid::Uniform(h) => {
                let central = uniform_weights(half, 0, 2 * half + 1, h, op.deriv);
                let mut left = [[R::zero(); MAX_POINTS]; 4];
                let mut right = [[R::zero(); MAX_POINTS]; 4];
                for e in 0..half {
                    left[e] = uniform_weights(e, 0, one_sided, h, op.deriv);
                    let i = n - 1 - e;
                    right[e] = uniform_weights(i, n - one_sided, one_sided, h, op.deriv);
                }
                (Some((central, left, right)), &[][..])
            }
            Grid::Coords(x) | Grid::Planned(super::plan::Planned { x, .. }) => (None, x),
        };
        Stencils {
            op,
            half,
            one_sided,
            uniform,
            x,
        }
    }

    /// Fornberg's weights at position `i` of `n` on the coordinates.
    #[inline]
    fn fornberg_at(&self, i: usize, n: usize) -> [R; MAX_POINTS] {
        let (start, m) = window(i, n, self.half, self.one_sided);
        let mut nodes = [R::zero(); MAX_POINTS];
        for (j, node) in nodes[..m].iter_mut().enumerate() {
            *node = self.x[start + j] - self.x[i];
        }
        weights(R::zero(), &nodes[..m], self.op.deriv).unwrap_or([R::zero(); MAX_POINTS])
    }

    /// Rows of positions `p0..` of whole blocks: `s` holds the blocks, `d`
    /// the same positions' rows of each block, one run per block.
    fn rows<I: Sample, C: Coefs<I::Out, X = R>>(
        &self,
        s: &[I],
        d: &mut [I::Out],
        n: usize,
        inner: usize,
        p0: usize,
    ) {
        let blocks = s.len() / (n * inner);
        let run = d.len() / blocks;
        let p1 = p0 + run / inner;
        let blocks = s.chunks_exact(n * inner).zip(d.chunks_exact_mut(run));
        let row = |i: usize| (i - p0) * inner..(i - p0 + 1) * inner;
        match &self.uniform {
            // The weights are a lookup: one pass per block.
            Some((central, left, right)) => {
                for (s, d) in blocks {
                    for i in p0..p1 {
                        let (start, m) = window(i, n, self.half, self.one_sided);
                        let w = if i < self.half {
                            &left[i]
                        } else if i + self.half >= n {
                            &right[n - 1 - i]
                        } else {
                            central
                        };
                        let r = row(i);
                        apply::<I, C>(s, &mut d[r], inner, start, &w[..m], self.op.add);
                    }
                }
            }
            // Fornberg's weights once per position, applied to every block.
            None => {
                for i in p0..p1 {
                    let (start, m) = window(i, n, self.half, self.one_sided);
                    let w = self.fornberg_at(i, n);
                    for (s, d) in s.chunks_exact(n * inner).zip(d.chunks_exact_mut(run)) {
                        let r = row(i);
                        apply::<I, C>(s, &mut d[r], inner, start, &w[..m], self.op.add);
                    }
                }
            }
        }
    }
}

/// Shapes whose Laplacian is offered: rank 1 to 3.
#[diagnostic::on_unimplemented(
    message = "the Laplacian is offered for fields of rank 1 to 3, not `{Self}`",
    note = "differentiate twice along each axis with `diff2_along` for higher ranks"
)]
pub trait Laplacian: Shape {}
impl<const A: usize> Laplacian for Rank1<A> {}
impl<const A: usize, const B: usize> Laplacian for Rank2<A, B> {}
impl<const A: usize, const B: usize, const C: usize> Laplacian for Rank3<A, B, C> {}

impl<S: Shape, I: Sample, D: Storage> Tensor<S, I, D> {
    /// The first derivative along axis `AX` with a stencil of accuracy order
    /// `P` (2, 4, 6 or 8): `P + 1` points centred inside, `P + 1` one-sided
    /// points at the edges. The axis needs at least `P + 1` points (a compile
    /// error otherwise).
    ///
    /// The accuracy-order check (2, 4, 6 or 8, and at least `order +
    /// derivative` points along the axis) runs when the program is built:
    /// `cargo build` and `cargo test` report it, `cargo check` (and so
    /// rust-analyzer) does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Accuracy, Coords};
    /// use constgrad::Tensor;
    ///
    /// // A non-uniform grid: order 6 is exact for x⁵ up to rounding.
    /// let xs = [0.0, 0.1, 0.3, 0.4, 0.7, 0.8, 1.0, 1.3, 1.4];
    /// let f = Tensor::from(xs.map(|x: f64| x.powi(5)));
    /// let g = f.diff_along::<0>(Coords::new(xs).unwrap(), Accuracy::<6>);
    /// for (g, x) in g.iter().zip(xs) {
    ///     assert!((g - 5.0 * x.powi(4)).abs() < 1e-9);
    /// }
    /// ```
    #[must_use]
    pub fn diff_along<const AX: usize>(
        &self,
        spacing: impl AxisSpacing<I::Out, <S as HasAxis<AX>>::Coords<I::Out>>,
        order: impl AccuracyOrder,
    ) -> Tensor<S, I::Out, D>
    where
        S: HasAxis<AX>,
    {
        let acc = const { Checked::accuracy(S::DIMS, &[AX], 1) }.order(&order);
        let mut out = Tensor::zeros();
        diff_along_into::<S, AX, 1, I>(self.as_slice(), out.as_mut_slice(), spacing.grid(), acc);
        out
    }

    /// The second derivative along axis `AX` with a stencil of accuracy
    /// order `P` (2, 4, 6 or 8): `P + 1` points centred inside, `P + 2`
    /// one-sided points at the edges, which the axis must have.
    ///
    /// The accuracy-order check (2, 4, 6 or 8, and at least `order +
    /// derivative` points along the axis) runs when the program is built:
    /// `cargo build` and `cargo test` report it, `cargo check` (and so
    /// rust-analyzer) does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Accuracy, Step};
    /// use constgrad::Tensor;
    ///
    /// let h = 0.5;
    /// let f = Tensor::<constgrad::Rank1<6>>::from_fn(|[i]| (h * i as f64).powi(2));
    /// let g = f.diff2_along::<0>(Step::new(h).unwrap(), Accuracy::<2>);
    /// assert!(g.iter().all(|g| (g - 2.0).abs() < 1e-12));
    /// ```
    #[must_use]
    pub fn diff2_along<const AX: usize>(
        &self,
        spacing: impl AxisSpacing<I::Out, <S as HasAxis<AX>>::Coords<I::Out>>,
        order: impl AccuracyOrder,
    ) -> Tensor<S, I::Out, D>
    where
        S: HasAxis<AX>,
    {
        let acc = const { Checked::accuracy(S::DIMS, &[AX], 2) }.order(&order);
        let mut out = Tensor::zeros();
        diff_along_into::<S, AX, 2, I>(self.as_slice(), out.as_mut_slice(), spacing.grid(), acc);
        out
    }

    /// The Laplacian `Σ ∂²f/∂xₖ²` of a field of rank 1 to 3, each second
    /// derivative with a stencil of accuracy order `P`; `spacing` is one
    /// uniform spacing or one per axis, as for [`Tensor::gradient`].
    ///
    /// The accuracy-order check (2, 4, 6 or 8, and at least `order +
    /// derivative` points along the axis) runs when the program is built:
    /// `cargo build` and `cargo test` report it, `cargo check` (and so
    /// rust-analyzer) does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Accuracy, Step};
    /// use constgrad::{Rank2, Tensor};
    ///
    /// // f = x² + 3y²: the Laplacian is 8 everywhere.
    /// let h = 0.25;
    /// let f = Tensor::<Rank2<6, 7>>::from_fn(|[i, j]| {
    ///     let (x, y) = (h * i as f64, h * j as f64);
    ///     x * x + 3.0 * y * y
    /// });
    /// let l = f.laplacian(Step::new(h).unwrap(), Accuracy::<2>);
    /// assert!(l.iter().all(|v| (v - 8.0).abs() < 1e-11));
    /// ```
    #[must_use]
    pub fn laplacian<Sp, A: AccuracyOrder>(&self, spacing: Sp, order: A) -> Tensor<S, I::Out, D>
    where
        S: Laplacian,
        AllAxes: AxisSelection<S>,
        Sp: Spacings<I::Out, <AllAxes as AxisSelection<S>>::Lens<I::Out>>,
    {
        let _ = order; // its type is the accuracy order
        const { accuracy_fits(S::DIMS, <AllAxes as AxisSelection<S>>::AXES, A::P, 2) };
        let p = A::P;
        let mut out = Tensor::zeros();
        for (k, &axis) in <AllAxes as AxisSelection<S>>::AXES.iter().enumerate() {
            diff_axis(
                self.as_slice(),
                out.as_mut_slice(),
                S::DIMS,
                axis,
                spacing.grid(k),
                Op {
                    deriv: 2,
                    acc: p,
                    add: k > 0,
                },
            );
        }
        out
    }
}
