//! The `numpy.gradient` kernel: one axis of a flat row-major buffer, walked
//! as `outer × len × inner`, with numpy's formulas applied operation for
//! operation (no fused multiply-add, no reassociation), so `f64` results are
//! numpy's bit for bit.
//!
//! The kernel is generic only over the sample type and the scalar its
//! coefficients are computed in ([`Coefs`]); shapes, axes and edge orders
//! arrive as plain numbers, so every tensor shape shares one copy.

use super::grid::{AxisGrid, Grid};
use super::plan::{edge2_left, edge2_right, interior, Abc};
use super::sample::Sample;
use crate::scalar::{Real, Scalar};
use crate::shape::axis_split;

/// The real type behind the gradient of samples `I`.
pub(crate) type Re<I> = <<I as Sample>::Out as Scalar>::Real;

/// The scalar a kernel computes its stencil coefficients in, for outputs of
/// type `E`, and how a coefficient enters the outputs' arithmetic.
pub(crate) trait Coefs<E: Scalar> {
    /// The coefficients' scalar.
    type X: Scalar<Real = E::Real>;
    /// A coefficient as an output scalar.
    fn lift(c: Self::X) -> E;
    /// Hands `apply` the interior coefficients of positions `lo..hi` of
    /// coordinates `x`, in blocks `i0..i1` given as slices `(a, b, c)`.
    fn interior_blocks(
        x: &[Self::X],
        lo: usize,
        hi: usize,
        apply: impl FnMut(usize, usize, Abc<&[Self::X]>),
    );
}

/// Coefficients in the samples' real type: constants (real steps and
/// coordinates, numpy's path).
pub(crate) struct InReal;

impl<E: Scalar> Coefs<E> for InReal {
    type X = E::Real;
    #[inline(always)]
    fn lift(c: E::Real) -> E {
        E::from_real(c)
    }
    #[inline(always)]
    fn interior_blocks(
        x: &[E::Real],
        lo: usize,
        hi: usize,
        apply: impl FnMut(usize, usize, Abc<&[E::Real]>),
    ) {
        coord_blocks(x, lo, hi, apply);
    }
}

/// Coefficients in the samples' own scalar (dual coordinates): they carry
/// derivatives with respect to the spacing.
pub(crate) struct InSample;

impl<E: Scalar> Coefs<E> for InSample {
    type X = E;
    #[inline(always)]
    fn lift(c: E) -> E {
        c
    }
    /// One position at a time: a block of dual numbers on the stack would
    /// grow with their tangent, and their arithmetic, not the divisions'
    /// latency, is what costs here.
    #[inline(always)]
    fn interior_blocks(
        x: &[E],
        lo: usize,
        hi: usize,
        mut apply: impl FnMut(usize, usize, Abc<&[E]>),
    ) {
        for i in lo..hi {
            let (a, b, c) = interior_coefs(x, i);
            apply(i, i + 1, (&[a], &[b], &[c]));
        }
    }
}

/// Positions whose interior coefficients are computed at once, on the stack,
/// when differentiating along the contiguous axis of a non-uniform grid.
const BLOCK: usize = 64;

/// numpy's reduction of coordinates whose differences are all exactly equal
/// to the uniform step `x[1] - x[0]`.
#[inline]
pub(crate) fn collapse<R: Scalar>(grid: Grid<'_, R>) -> Grid<'_, R> {
    if let Grid::Coords(x) = grid {
        if x.len() >= 2 {
            let d0 = x[1] - x[0];
            if x.windows(2).all(|w| w[1] - w[0] == d0) {
                return Grid::Uniform(d0);
            }
        }
    }
    grid
}

/// Interior coefficients at position `i` of coordinates `x` (numpy's `a`, `b`, `c`).
#[inline(always)]
fn interior_coefs<R: Scalar>(x: &[R], i: usize) -> Abc<R> {
    interior(x[i] - x[i - 1], x[i + 1] - x[i])
}

/// The left and right edge-order-2 coefficients, each `(a, b, c)` applied to
/// `f[0], f[1], f[2]` and to `f[n-3], f[n-2], f[n-1]`.
#[inline(always)]
fn edge2_coefs<R: Scalar>(grid: Grid<'_, R>, n: usize) -> (Abc<R>, Abc<R>) {
    match grid {
        Grid::Uniform(h) => (
            (
                R::from_f64(-1.5) / h,
                R::from_f64(2.0) / h,
                R::from_f64(-0.5) / h,
            ),
            (
                R::from_f64(0.5) / h,
                R::from_f64(-2.0) / h,
                R::from_f64(1.5) / h,
            ),
        ),
        Grid::Coords(x) => (
            edge2_left(x[1] - x[0], x[2] - x[1]),
            edge2_right(x[n - 2] - x[n - 3], x[n - 1] - x[n - 2]),
        ),
        Grid::Planned(p) => (p.left, p.right),
    }
}

/// The edge stencils of one axis, computed once per call.
#[derive(Clone, Copy)]
enum Edges<R> {
    /// `(f[1] - f[0]) / dx0` and `(f[n-1] - f[n-2]) / dxn`.
    First(Den<R>, Den<R>),
    /// Three-point combinations at each end.
    Second(Abc<R>, Abc<R>),
}

impl<R: Scalar> Edges<R> {
    #[inline(always)]
    fn new(grid: Grid<'_, R>, n: usize, edge: usize) -> Self {
        if edge == 2 {
            let (l, r) = edge2_coefs(grid, n);
            Edges::Second(l, r)
        } else {
            let (dx0, dxn) = match grid {
                Grid::Uniform(h) => (h, h),
                Grid::Coords(x) => (x[1] - x[0], x[n - 1] - x[n - 2]),
                Grid::Planned(p) => (p.dx0, p.dxn),
            };
            Edges::First(Den::new(dx0), Den::new(dxn))
        }
    }
}

/// `d[k] = a·p[k] + b·q[k] + c·r[k]`, left to right.
#[inline(always)]
fn comb3<I: Sample, C: Coefs<I::Out>>(
    d: &mut [I::Out],
    p: &[I],
    q: &[I],
    r: &[I],
    (a, b, c): Abc<C::X>,
) {
    let (a, b, c) = (C::lift(a), C::lift(b), C::lift(c));
    for (((d, p), q), r) in d.iter_mut().zip(p).zip(q).zip(r) {
        *d = a * p.to_scalar() + b * q.to_scalar() + c * r.to_scalar();
    }
}

/// A divisor, held as its reciprocal when that changes no bit: for a power
/// of two `h` whose reciprocal is finite in `R`, `1 / h` is exact, so
/// `x * (1 / h)` and `x / h` are the same correctly rounded number, and a
/// multiplication is several times cheaper.
#[derive(Clone, Copy)]
enum Den<R> {
    Div(R),
    Mul(R),
}

impl<R: Scalar> Den<R> {
    /// For a dual step the test reads its value: the value part is then the
    /// real path's, bit for bit.
    #[inline]
    fn new(h: R) -> Self {
        // The f64 bits tell a power of two (`to_f64` is exact, and an f32
        // subnormal is an f64 normal); whether its reciprocal exists must be
        // asked in `R` itself: 1 / 2^-140 is inf in f32.
        let bits = h.re().to_f64().to_bits();
        let exp = (bits >> 52) & 0x7ff;
        let inv = R::one() / h;
        if bits & ((1_u64 << 52) - 1) == 0 && exp != 0 && exp != 0x7ff && inv.re().is_finite_real()
        {
            Den::Mul(inv)
        } else {
            Den::Div(h)
        }
    }

    /// `x / h`.
    #[inline(always)]
    fn apply<E: Scalar, C: Coefs<E, X = R>>(self, x: E) -> E {
        match self {
            Den::Div(h) => x / C::lift(h),
            Den::Mul(inv) => x * C::lift(inv),
        }
    }
}

/// `d[k] = (r[k] - p[k]) / h`.
#[inline(always)]
fn diff2<I: Sample, C: Coefs<I::Out>>(d: &mut [I::Out], p: &[I], r: &[I], h: Den<C::X>) {
    match h {
        Den::Div(h) => {
            let h = C::lift(h);
            for ((d, p), r) in d.iter_mut().zip(p).zip(r) {
                *d = (r.to_scalar() - p.to_scalar()) / h;
            }
        }
        Den::Mul(inv) => {
            let inv = C::lift(inv);
            for ((d, p), r) in d.iter_mut().zip(p).zip(r) {
                *d = (r.to_scalar() - p.to_scalar()) * inv;
            }
        }
    }
}

/// The gradient of `src` (row-major, dimensions `dims`) along `axis` into
/// `dst`, exactly as `numpy.gradient(src, spacing, axis=axis,
/// edge_order=edge)` computes it. The caller guarantees
/// `src.len() == dst.len() == product(dims)` and `dims[axis] > edge ≥ 1`
/// (and coordinates of length `dims[axis]`).
///
/// With feature `rayon`, a large field is split over threads: whole blocks
/// (or lines) when there are enough of them, else ranges of positions along
/// the axis. Every output element is computed by the same expression as
/// serially, so the result is bit-identical.
///
/// Inlined into the caller, where the spacing's variant is known, so that a
/// real spacing compiles to a call of [`gradient_axis_real`] alone: the dual
/// kernel, never reached for real samples, then leaves no dead copy behind
/// (one measured up to 3 % more instructions on the real path), and the
/// real kernel is compiled as it was before dual spacings existed.
#[inline(always)]
pub(crate) fn gradient_axis<I: Sample>(
    src: &[I],
    dst: &mut [I::Out],
    dims: &[usize],
    axis: usize,
    grid: AxisGrid<'_, I::Out>,
    edge: usize,
) {
    match grid {
        AxisGrid::Real(g) => gradient_axis_real(src, dst, dims, axis, g, edge),
        // Never collapsed to a step: equally spaced values can carry
        // different tangents.
        AxisGrid::Same(g) => gradient_axis_in::<I, InSample>(src, dst, dims, axis, g, edge),
    }
}

/// numpy's path: real steps and coordinates.
fn gradient_axis_real<I: Sample>(
    src: &[I],
    dst: &mut [I::Out],
    dims: &[usize],
    axis: usize,
    grid: Grid<'_, Re<I>>,
    edge: usize,
) {
    gradient_axis_in::<I, InReal>(src, dst, dims, axis, collapse(grid), edge);
}

/// [`gradient_axis`] with coefficients computed in `C::X`.
fn gradient_axis_in<I: Sample, C: Coefs<I::Out>>(
    src: &[I],
    dst: &mut [I::Out],
    dims: &[usize],
    axis: usize,
    grid: Grid<'_, C::X>,
    edge: usize,
) {
    let (outer, len, inner) = axis_split(dims, axis);
    debug_assert!(src.len() == outer * len * inner && dst.len() == src.len());
    debug_assert!(len > edge);
    if let Grid::Coords(x) = grid {
        debug_assert_eq!(x.len(), len);
    }
    if src.is_empty() {
        // A zero-length axis that is not differentiated: nothing to write
        // (and `len * inner` is 0, which `chunks_exact` refuses).
        return;
    }
    let e = Edges::new(grid, len, edge);
    let par = parallel(src.len());
    let block = len * inner;
    if par && outer < PARTS {
        // Few blocks: split each along the axis.
        for (s, d) in src.chunks_exact(block).zip(dst.chunks_exact_mut(block)) {
            if inner == 1 {
                line_edges::<I, C>(s, d, len, e);
            } else {
                edges::<I, C>(s, d, len, inner, e);
            }
            let interior = &mut d[inner..(len - 1) * inner];
            // Part-relative unit 0 is position 1.
            parts(interior, inner, len - 2, true, |k, d| {
                if inner == 1 {
                    line_span::<I, C>(s, d, 1 + k, grid);
                } else {
                    rows_span::<I, C>(s, d, 1 + k, inner, grid);
                }
            });
        }
    } else {
        parts(dst, block, outer, par, |first, d| {
            let s = &src[first * block..first * block + d.len()];
            if inner == 1 {
                lines::<I, C>(s, d, len, grid, e);
            } else {
                for (s, d) in s.chunks_exact(block).zip(d.chunks_exact_mut(block)) {
                    edges::<I, C>(s, d, len, inner, e);
                    rows_span::<I, C>(s, &mut d[inner..(len - 1) * inner], 1, inner, grid);
                }
            }
        });
    }
}

/// How many parts a parallel pass is cut into (a few per core, so that a
/// busy core does not hold the others back).
pub(crate) const PARTS: usize = 16;

/// Fields of at least this many elements are split over threads (feature
/// `rayon`): the elementwise heap operations' threshold (below it, handing
/// out the parts costs more than it saves; see the `rayon` group of the
/// stencil bench).
#[cfg(feature = "rayon")]
use crate::tensor::storage::parallel::MIN_LEN as PAR_MIN;

/// Whether a field of `len` elements is split over threads.
#[inline]
pub(crate) fn parallel(len: usize) -> bool {
    #[cfg(feature = "rayon")]
    {
        len >= PAR_MIN && rayon::current_num_threads() > 1
    }
    #[cfg(not(feature = "rayon"))]
    {
        let _ = len;
        false
    }
}

/// Runs `f(first, part)` over `d`, a run of `count` units of `unit`
/// elements each, cut into parts of whole units (`first` is the index of a
/// part's first unit): in one call when serial, in about [`PARTS`] parts
/// over rayon's threads when `par`.
#[inline]
pub(crate) fn parts<T: Send>(
    d: &mut [T],
    unit: usize,
    count: usize,
    par: bool,
    f: impl Fn(usize, &mut [T]) + Sync + Send,
) {
    #[cfg(feature = "rayon")]
    if par && count > 1 {
        use rayon::prelude::*;
        let k = count.div_ceil(PARTS);
        d.par_chunks_mut(k * unit)
            .enumerate()
            .for_each(|(j, part)| f(j * k, part));
        return;
    }
    let _ = (unit, count, par);
    f(0, d);
}

/// Edges of one line or block: rows of `inner` elements at positions 0, 1, 2
/// and n-3, n-2, n-1.
#[inline(always)]
fn edges<I: Sample, C: Coefs<I::Out>>(
    s: &[I],
    d: &mut [I::Out],
    n: usize,
    inner: usize,
    e: Edges<C::X>,
) {
    let row = |i: usize| &s[i * inner..(i + 1) * inner];
    let (first, rest) = d.split_at_mut(inner);
    let last = &mut rest[(n - 2) * inner..];
    match e {
        Edges::First(dx0, dxn) => {
            diff2::<I, C>(first, row(0), row(1), dx0);
            diff2::<I, C>(last, row(n - 2), row(n - 1), dxn);
        }
        Edges::Second(left, right) => {
            comb3::<I, C>(first, row(0), row(1), row(2), left);
            comb3::<I, C>(last, row(n - 3), row(n - 2), row(n - 1), right);
        }
    }
}

/// Edges of one contiguous line (`inner == 1`), element by element.
#[inline(always)]
fn line_edges<I: Sample, C: Coefs<I::Out>>(s: &[I], d: &mut [I::Out], n: usize, e: Edges<C::X>) {
    let f = |i: usize| s[i].to_scalar();
    let w = |c: C::X| C::lift(c);
    match e {
        Edges::First(dx0, dxn) => {
            d[0] = dx0.apply::<_, C>(f(1) - f(0));
            d[n - 1] = dxn.apply::<_, C>(f(n - 1) - f(n - 2));
        }
        Edges::Second((a, b, c), (p, q, r)) => {
            d[0] = w(a) * f(0) + w(b) * f(1) + w(c) * f(2);
            d[n - 1] = w(p) * f(n - 3) + w(q) * f(n - 2) + w(r) * f(n - 1);
        }
    }
}

/// Interior positions `first..` of a block along a strided axis (each
/// position a contiguous row of `inner` elements); `d` holds the output
/// rows of those positions, `s` the whole block.
fn rows_span<I: Sample, C: Coefs<I::Out>>(
    s: &[I],
    d: &mut [I::Out],
    first: usize,
    inner: usize,
    grid: Grid<'_, C::X>,
) {
    let row = |i: usize| &s[i * inner..(i + 1) * inner];
    let rows = d.chunks_exact_mut(inner).zip(first..);
    match grid {
        Grid::Uniform(h) => {
            let two_h = Den::new(C::X::from_f64(2.0) * h);
            for (d, i) in rows {
                diff2::<I, C>(d, row(i - 1), row(i + 1), two_h);
            }
        }
        Grid::Planned(p) => {
            for (d, i) in rows {
                let abc = (p.a[i - 1], p.b[i - 1], p.c[i - 1]);
                comb3::<I, C>(d, row(i - 1), row(i), row(i + 1), abc);
            }
        }
        Grid::Coords(x) => {
            for (d, i) in rows {
                comb3::<I, C>(d, row(i - 1), row(i), row(i + 1), interior_coefs(x, i));
            }
        }
    }
}

/// Interior positions `first..first + d.len()` of one contiguous line `s`.
fn line_span<I: Sample, C: Coefs<I::Out>>(
    s: &[I],
    d: &mut [I::Out],
    first: usize,
    grid: Grid<'_, C::X>,
) {
    let (lo, hi) = (first, first + d.len());
    match grid {
        Grid::Uniform(h) => {
            let two_h = Den::new(C::X::from_f64(2.0) * h);
            diff2::<I, C>(d, &s[lo - 1..hi - 1], &s[lo + 1..hi + 1], two_h);
        }
        Grid::Planned(p) => {
            let r = lo - 1..hi - 1;
            let abc = (&p.a[r.clone()], &p.b[r.clone()], &p.c[r]);
            comb3_var::<I, C>(d, &s[lo - 1..], abc);
        }
        Grid::Coords(x) => C::interior_blocks(x, lo, hi, |i0, i1, abc| {
            comb3_var::<I, C>(&mut d[i0 - lo..i1 - lo], &s[i0 - 1..i1 + 1], abc);
        }),
    }
}

/// Along the contiguous axis: `src` is a sequence of whole lines of length `n`.
fn lines<I: Sample, C: Coefs<I::Out>>(
    src: &[I],
    dst: &mut [I::Out],
    n: usize,
    grid: Grid<'_, C::X>,
    e: Edges<C::X>,
) {
    for (s, d) in src.chunks_exact(n).zip(dst.chunks_exact_mut(n)) {
        line_edges::<I, C>(s, d, n, e);
    }
    match grid {
        Grid::Coords(x) => {
            // Coefficients once per block of positions, applied to every line.
            C::interior_blocks(x, 1, n - 1, |i0, i1, abc| {
                for (s, d) in src.chunks_exact(n).zip(dst.chunks_exact_mut(n)) {
                    comb3_var::<I, C>(&mut d[i0..i1], &s[i0 - 1..i1 + 1], abc);
                }
            });
        }
        _ => {
            for (s, d) in src.chunks_exact(n).zip(dst.chunks_exact_mut(n)) {
                line_span::<I, C>(s, &mut d[1..n - 1], 1, grid);
            }
        }
    }
}

/// Computes numpy's interior coefficients of positions `lo..hi` of
/// coordinates `x` in blocks of [`BLOCK`] on the stack, and hands each block
/// `i0..i1` to `apply` as slices `(a, b, c)`.
#[inline(always)]
fn coord_blocks<R: Real>(
    x: &[R],
    lo: usize,
    hi: usize,
    mut apply: impl FnMut(usize, usize, Abc<&[R]>),
) {
    let zero = R::zero();
    let mut i0 = lo;
    while i0 < hi {
        let i1 = (i0 + BLOCK).min(hi);
        let m = i1 - i0;
        let (mut a, mut b, mut c) = ([zero; BLOCK], [zero; BLOCK], [zero; BLOCK]);
        // dx[k] = x[i0 + k] - x[i0 + k - 1], k = 0..=m: straight-line
        // loops over slices, so the divisions vectorize.
        let mut dx = [zero; BLOCK + 1];
        for ((d, hi), lo) in dx[..=m].iter_mut().zip(&x[i0..=i1]).zip(&x[i0 - 1..i1]) {
            *d = *hi - *lo;
        }
        let abc = a[..m].iter_mut().zip(&mut b[..m]).zip(&mut c[..m]);
        for (((a, b), c), w) in abc.zip(dx[..=m].windows(2)) {
            (*a, *b, *c) = interior(w[0], w[1]);
        }
        apply(i0, i1, (&a[..m], &b[..m], &c[..m]));
        i0 = i1;
    }
}

/// `d[k] = a[k]·s[k] + b[k]·s[k+1] + c[k]·s[k+2]`: the non-uniform interior
/// along a contiguous line, with one coefficient triple per output.
#[inline(always)]
fn comb3_var<I: Sample, C: Coefs<I::Out>>(d: &mut [I::Out], s: &[I], (a, b, c): Abc<&[C::X]>) {
    let (p, q, r) = (&s[..d.len()], &s[1..=d.len()], &s[2..d.len() + 2]);
    let coefs = a.iter().zip(b).zip(c);
    for ((((d, p), q), r), ((a, b), c)) in d.iter_mut().zip(p).zip(q).zip(r).zip(coefs) {
        *d =
            C::lift(*a) * p.to_scalar() + C::lift(*b) * q.to_scalar() + C::lift(*c) * r.to_scalar();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiplying_by_an_exact_reciprocal_changes_no_bit() {
        let xs = [
            1.0,
            -3.7,
            1e-300,
            5e-324,
            2.2250738585072014e-308,
            1.7976931348623157e308,
            0.1,
            f64::NAN,
            f64::INFINITY,
        ];
        for h in [
            1.0,
            2.0,
            0.5,
            0.25,
            1024.0,
            2f64.powi(-1000),
            2f64.powi(1000),
        ] {
            let Den::Mul(inv) = Den::new(h) else {
                panic!("{h} is a power of two")
            };
            for x in xs {
                assert_eq!((x * inv).to_bits(), (x / h).to_bits(), "{x} / {h}");
            }
        }
        for h in [3.0, 0.1, 25.0, f64::INFINITY, 5e-324] {
            assert!(matches!(Den::new(h), Den::Div(_)), "{h}");
        }
        assert!(matches!(Den::new(0.5_f32), Den::Mul(_)));
        // An f32 subnormal power of two is an f64 normal one, but 1 / h is
        // inf in f32: it must divide.
        assert!(matches!(Den::new(f32::from_bits(1 << 9)), Den::Div(_)));
        assert!(matches!(Den::new(f32::MIN_POSITIVE), Den::Mul(_)));
    }

    #[test]
    fn equal_differences_collapse_to_a_step() {
        assert_eq!(collapse(Grid::Coords(&[1.0, 1.5, 2.0])), Grid::Uniform(0.5));
        let x = [0.0, 0.1, 0.2, 0.3];
        // 0.3 - 0.2 != 0.1 - 0.0 in binary: numpy keeps the coordinates.
        assert_eq!(collapse(Grid::Coords(&x)), Grid::Coords(&x[..]));
    }
}
