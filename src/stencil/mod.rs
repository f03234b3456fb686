//! Stencil gradients: `numpy.gradient` bit for bit, with numpy's run-time
//! checks turned into compile errors, and higher-order stencils beyond it.
//!
//! # numpy.gradient
//!
//! [`Tensor::gradient`] differentiates along every axis,
//! [`Tensor::gradient_along`] along one, [`Tensor::gradient_axes`] along a
//! chosen set of axes in a chosen order. Each returns **one result per axis,
//! shaped like the input, in an array** (`[Tensor<S, F>; K]`, `K` the number
//! of axes), so `let [gx, gy] = f.gradient(…)` names them;
//! [`Tensor::stack`] turns the array into one tensor with a new leading axis.
//!
//! | numpy | constgrad |
//! |---|---|
//! | `np.gradient(f)` | `f.gradient(Unit, EDGE1)` |
//! | `np.gradient(f, 2.0)` | `f.gradient(2.0, EDGE1)` or `f.gradient(Step::new(2.0)?, EDGE1)` |
//! | `np.gradient(f, 2.0, x)` | `f.gradient((Step::new(2.0)?, Coords::new(x)?), EDGE1)` |
//! | `np.gradient(f, axis=1, edge_order=2)` | `f.gradient_along::<1>(Unit, EDGE2)` |
//! | `np.gradient(f, axis=(2, 0))` | `f.gradient_axes((Axis::<2>, Axis::<0>), Unit, EDGE1)` |
//! | `jax.grad(lambda x: jnp.sum(jnp.gradient(f, x)))(x)` | `grad(\|x\| constant(f).gradient(Coords::new(x.into_array())?, EDGE1)[0].sum(), x)` |
//!
//! Spacing is [`Unit`], a uniform step (a [`Step`], checked, or a plain real,
//! taken as given), or [`Coords`] of a non-uniform grid (checked: finite,
//! strictly monotonic, finite stencil coefficients; [`Coords::unchecked`]
//! takes what numpy takes). One uniform spacing stands for every axis; a tuple
//! gives one spacing per differentiated axis, mixed freely. Coordinates whose
//! differences are all exactly equal are treated as the uniform step
//! `x[1] - x[0]`, as numpy does.
//!
//! Steps and coordinates may be dual numbers when the samples are dual
//! numbers of the same type: the gradient then carries its derivatives with
//! respect to the spacing as well as to the samples, as `jax.grad` through
//! `jnp.gradient` gives (edge order 2 too, which JAX lacks). See
//! [`Coords`] for an example and the rules (the checks read the values;
//! dual coordinates are never reduced to a uniform step).
//!
//! numpy's formulas are applied operation for operation (see
//! `numpy.rs`): `f64` results equal numpy's bit for bit. Integer samples
//! give `f64` gradients (numpy converts them to `float64`). `NaN` and
//! infinities in the samples propagate exactly as in numpy: every output
//! whose stencil touches such a sample is `NaN` or infinite, the others are
//! unaffected.
//!
//! What numpy checks at run time is a compile error here: an axis out of
//! range, a coordinate array whose length differs from its axis, an axis
//! shorter than `edge_order + 1`, a number of spacings that is neither one
//! nor the number of axes, an axis named twice.
//!
//! ```
//! use constgrad::stencil::{Coords, Unit, EDGE1};
//! use constgrad::Tensor;
//!
//! // numpy's documentation example.
//! let f = Tensor::from([1.0, 2.0, 4.0, 7.0, 11.0, 16.0]);
//! let [g] = f.gradient(Unit, EDGE1);
//! assert_eq!(g, Tensor::from([1.0, 1.5, 2.5, 3.5, 4.5, 5.0]));
//! let x = Coords::new([0.0, 1.0, 1.5, 3.5, 4.0, 6.0]).unwrap();
//! let [g] = f.gradient(x, EDGE1);
//! let want = [1.0_f64, 3.0, 3.5, 6.7, 6.9, 2.5];
//! assert!(g.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-12));
//! ```
//!
//! # Beyond numpy
//!
//! [`Tensor::diff_along`] and [`Tensor::diff2_along`] apply first- and
//! second-derivative stencils of accuracy order 2, 4, 6 or 8 ([`Accuracy`]),
//! central inside and one-sided of the same order at the edges, on uniform
//! and non-uniform grids, with weights from Fornberg's algorithm
//! ([`fornberg::weights`]); [`Tensor::laplacian`] sums the second derivatives
//! of a field of rank 1 to 3.
//!
//! # Large fields
//!
//! Every method here is written once for both storages: with feature
//! `alloc`, [`HeapTensor`](crate#heap-tensors) has the same methods with the
//! same checks, each result one heap buffer. The `…_into` forms
//! ([`Tensor::gradient_into`], [`Tensor::gradient_axes_into`],
//! [`Tensor::gradient_along_into`]) write into caller-provided tensors and
//! allocate nothing; no method makes a temporary of the whole field.
//!
//! # Performance
//!
//! Each axis is one pass over `outer × len × inner` (contiguous rows for a
//! strided axis, contiguous lines for the last one). Uniform steps that are
//! powers of two (unit spacing included) multiply by the exact reciprocal,
//! which gives the same bits as numpy's division; other steps divide, as
//! numpy does. A non-uniform interior costs numpy's three divisions per
//! point (coefficients are computed once per position and reused across
//! lines); that, not memory, bounds a long 1-D non-uniform gradient. A
//! `CoordsPlan` (feature `alloc`) computes those coefficients once per
//! grid, bit-identical, so later gradients on the grid only multiply and
//! add. The allocating heap forms pay the operating system's first-touch
//! cost of fresh memory when the allocator hands it back and forth; reuse
//! outputs with the `…_into` forms in loops.
//!
//! With feature `rayon`, fields of 2¹⁶ elements or more are split over
//! rayon's threads, bit-identical to the serial result (the thread pool
//! allocates when it starts: not for a real-time thread).

mod axes;
pub mod fornberg;
mod grid;
mod higher;
mod numpy;
mod plan;
mod sample;

pub use axes::{
    AllAxes, Axis, AxisSelection, DistinctAxes, Edge, EdgeFits, EdgeOrder, NumpyEdgeOrder, EDGE1,
    EDGE2,
};
pub use grid::{AxisGrid, AxisSpacing, Coords, CoordsRef, Grid, GridError, Spacings, Step, Unit};
pub use higher::{Accuracy, AccuracyFits, AccuracyOrder, Laplacian};
#[cfg(feature = "alloc")]
pub use plan::CoordsPlan;
pub use plan::Planned;
pub use sample::Sample;

use axes::{gradient_fits, Checked};

use crate::shape::{HasAxis, Shape};
use crate::tensor::{Storage, Tensor};

/// The gradients of `src` along the axes of `Sel`, each written into a
/// fresh output built by `make` (through the slice `out` gives).
#[inline]
pub(crate) fn each_axis<S: Shape, I: Sample, Sel: AxisSelection<S>, Sp, T>(
    spacing: &Sp,
    edge: usize,
    src: &[I],
    mut make: impl FnMut() -> T,
    mut out: impl FnMut(&mut T) -> &mut [I::Out],
) -> Sel::Array<T>
where
    Sp: Spacings<I::Out, Sel::Lens<I::Out>>,
{
    Sel::build(|k| {
        let mut t = make();
        numpy::gradient_axis(
            src,
            out(&mut t),
            S::DIMS,
            Sel::AXES[k],
            spacing.grid(k),
            edge,
        );
        t
    })
}

impl<S: Shape, I: Sample, D: Storage> Tensor<S, I, D> {
    /// The gradient along every axis, as `numpy.gradient(f, *spacing,
    /// edge_order=…)`: one result per axis, shaped like `self`, in an array.
    ///
    /// `spacing` is one uniform spacing for all axes ([`Unit`], a [`Step`],
    /// a plain real) or a tuple with one spacing per axis ([`Coords`]
    /// allowed). `edge` is [`EDGE1`] or [`EDGE2`].
    ///
    /// The axis-length check (at least `edge_order + 1` points, an axis
    /// named at most once) runs when the program is built: `cargo build`
    /// and `cargo test` report it, `cargo check` (and so rust-analyzer)
    /// does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Coords, Unit, EDGE1};
    /// use constgrad::Tensor;
    ///
    /// // numpy's 2-D documentation example.
    /// let f = Tensor::from([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]);
    /// let [d0, d1] = f.gradient(Unit, EDGE1);
    /// assert_eq!(d0, Tensor::from([[2.0, 2.0, -1.0], [2.0, 2.0, -1.0]]));
    /// assert_eq!(d1, Tensor::from([[1.0, 2.5, 4.0], [1.0, 1.0, 1.0]]));
    ///
    /// // dx = 2 along axis 0, coordinates y along axis 1.
    /// let y = Coords::new([1.0, 1.5, 3.5]).unwrap();
    /// let [d0, d1] = f.gradient((2.0, y), EDGE1);
    /// assert_eq!(d0, Tensor::from([[1.0, 1.0, -0.5], [1.0, 1.0, -0.5]]));
    /// let want = [2.0_f64, 2.0, 2.0, 2.0, 1.7, 0.5];
    /// assert!(d1.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-12));
    /// ```
    #[must_use]
    pub fn gradient<Sp, Ed: Edge>(
        &self,
        spacing: Sp,
        edge: Ed,
    ) -> <AllAxes as AxisSelection<S>>::Array<Tensor<S, I::Out, D>>
    where
        AllAxes: AxisSelection<S>,
        Sp: Spacings<I::Out, <AllAxes as AxisSelection<S>>::Lens<I::Out>>,
    {
        let _ = edge; // its type is the edge order
        const { gradient_fits(S::DIMS, <AllAxes as AxisSelection<S>>::AXES, Ed::ORDER) };
        self.gradient_unchecked::<AllAxes, Sp>(&spacing, Ed::ORDER)
    }

    /// The gradient along a chosen set of axes, in the chosen order
    /// (numpy's `axis=(…)`): `axes` is a tuple of [`Axis`] markers, and
    /// `spacing` one uniform spacing or one per chosen axis, in that order.
    ///
    /// The axis-length check (at least `edge_order + 1` points, an axis
    /// named at most once) runs when the program is built: `cargo build`
    /// and `cargo test` report it, `cargo check` (and so rust-analyzer)
    /// does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Axis, Coords, Step, EDGE2};
    /// use constgrad::{Rank3, Tensor};
    ///
    /// let f = Tensor::<Rank3<3, 4, 5>>::from_fn(|[i, j, k]| (i * i + 3 * j + k * k) as f64);
    /// let x = Coords::new([0.0, 1.0, 2.0, 3.0, 4.0]).unwrap();
    /// let [dk, di] = f.gradient_axes((Axis::<2>, Axis::<0>), (x, Step::new(1.0).unwrap()), EDGE2);
    /// assert_eq!(dk[[0, 0, 4]], 8.0);
    /// assert_eq!(di[[2, 1, 1]], 4.0);
    /// ```
    #[must_use]
    pub fn gradient_axes<Sel: AxisSelection<S>, Sp, Ed: Edge>(
        &self,
        axes: Sel,
        spacing: Sp,
        edge: Ed,
    ) -> Sel::Array<Tensor<S, I::Out, D>>
    where
        Sp: Spacings<I::Out, Sel::Lens<I::Out>>,
    {
        let _ = (axes, edge); // their types are the selection and the edge order
        const { gradient_fits(S::DIMS, Sel::AXES, Ed::ORDER) };
        self.gradient_unchecked::<Sel, Sp>(&spacing, Ed::ORDER)
    }

    /// The gradients along `Sel` once the caller has checked the selection
    /// and the axis lengths (in its own `const { }` block, so that a failed
    /// check points at the user's call).
    #[inline]
    fn gradient_unchecked<Sel: AxisSelection<S>, Sp>(
        &self,
        spacing: &Sp,
        edge: usize,
    ) -> Sel::Array<Tensor<S, I::Out, D>>
    where
        Sp: Spacings<I::Out, Sel::Lens<I::Out>>,
    {
        each_axis::<S, I, Sel, Sp, _>(
            spacing,
            edge,
            self.as_slice(),
            Tensor::zeros,
            Tensor::as_mut_slice,
        )
    }

    /// The gradient along axis `AX` alone (numpy's `axis=AX`), shaped like
    /// `self`.
    ///
    /// The axis-length check (at least `edge_order + 1` points, an axis
    /// named at most once) runs when the program is built: `cargo build`
    /// and `cargo test` report it, `cargo check` (and so rust-analyzer)
    /// does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Unit, EDGE1};
    /// use constgrad::Tensor;
    ///
    /// let f = Tensor::from([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]);
    /// let d1 = f.gradient_along::<1>(Unit, EDGE1);
    /// assert_eq!(d1, Tensor::from([[1.0, 2.5, 4.0], [1.0, 1.0, 1.0]]));
    /// ```
    #[must_use]
    pub fn gradient_along<const AX: usize>(
        &self,
        spacing: impl AxisSpacing<I::Out, <S as HasAxis<AX>>::Coords<I::Out>>,
        edge: impl Edge,
    ) -> Tensor<S, I::Out, D>
    where
        S: HasAxis<AX>,
    {
        let edge = const { Checked::edge(S::DIMS, &[AX]) }.order(&edge);
        let [g] = self.gradient_unchecked::<(Axis<AX>,), _>(&(spacing,), edge);
        g
    }

    /// Writes the gradient along every axis into `outs` (one per axis, as
    /// [`Tensor::gradient`] returns them): no new tensor is made.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Step, EDGE2};
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let f = HeapTensor::<Rank2<300, 200>>::from_fn(|[i, j]| (i + j * j) as f64);
    /// let mut outs = [HeapTensor::zeros(), HeapTensor::zeros()];
    /// f.gradient_into(&mut outs, Step::new(0.5).unwrap(), EDGE2);
    /// assert_eq!(outs[0][[7, 7]], 2.0);
    /// assert_eq!(outs[1][[7, 7]], 28.0);
    /// ```
    pub fn gradient_into<Sp, Ed: Edge>(
        &self,
        outs: &mut <AllAxes as AxisSelection<S>>::Array<Tensor<S, I::Out, D>>,
        spacing: Sp,
        edge: Ed,
    ) where
        AllAxes: AxisSelection<S>,
        Sp: Spacings<I::Out, <AllAxes as AxisSelection<S>>::Lens<I::Out>>,
    {
        let _ = edge; // its type is the edge order
        const { gradient_fits(S::DIMS, <AllAxes as AxisSelection<S>>::AXES, Ed::ORDER) };
        self.gradient_into_unchecked::<AllAxes, Sp>(outs, &spacing, Ed::ORDER);
    }

    /// Writes the gradient along the chosen axes into `outs` (one per
    /// chosen axis, in order, as [`Tensor::gradient_axes`] returns them): no
    /// new tensor is made.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Axis, Unit, EDGE1};
    /// use constgrad::{Rank3, Tensor};
    ///
    /// let f = Tensor::<Rank3<4, 5, 6>>::from_fn(|[i, j, k]| (i + 2 * j + 3 * k) as f64);
    /// let mut outs = [Tensor::zeros(); 2];
    /// f.gradient_axes_into((Axis::<2>, Axis::<1>), &mut outs, Unit, EDGE1);
    /// assert_eq!(outs, f.gradient_axes((Axis::<2>, Axis::<1>), Unit, EDGE1));
    /// assert_eq!((outs[0][[1, 1, 1]], outs[1][[1, 1, 1]]), (3.0, 2.0));
    /// ```
    pub fn gradient_axes_into<Sel: AxisSelection<S>, Sp, Ed: Edge>(
        &self,
        axes: Sel,
        outs: &mut Sel::Array<Tensor<S, I::Out, D>>,
        spacing: Sp,
        edge: Ed,
    ) where
        Sp: Spacings<I::Out, Sel::Lens<I::Out>>,
    {
        let _ = (axes, edge); // their types are the selection and the edge order
        const { gradient_fits(S::DIMS, Sel::AXES, Ed::ORDER) };
        self.gradient_into_unchecked::<Sel, Sp>(outs, &spacing, Ed::ORDER);
    }

    /// Writes the gradients along `Sel` into `outs` once the caller has
    /// checked the selection and the axis lengths (see
    /// [`Tensor::gradient_unchecked`]).
    #[inline]
    fn gradient_into_unchecked<Sel: AxisSelection<S>, Sp>(
        &self,
        outs: &mut Sel::Array<Tensor<S, I::Out, D>>,
        spacing: &Sp,
        edge: usize,
    ) where
        Sp: Spacings<I::Out, Sel::Lens<I::Out>>,
    {
        for (k, out) in outs.as_mut().iter_mut().enumerate() {
            numpy::gradient_axis(
                self.as_slice(),
                out.as_mut_slice(),
                S::DIMS,
                Sel::AXES[k],
                spacing.grid(k),
                edge,
            );
        }
    }

    /// Writes the gradient along axis `AX` of `self` into `out` (no new
    /// tensor is made).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Unit, EDGE1};
    /// use constgrad::{HeapTensor, Rank1, Tensor};
    ///
    /// let f = Tensor::from([1.0, 2.0, 4.0]);
    /// let mut g = Tensor::zeros();
    /// f.gradient_along_into::<0>(&mut g, Unit, EDGE1);
    /// assert_eq!(g, Tensor::from([1.0, 1.5, 2.0]));
    ///
    /// let f = HeapTensor::<Rank1<1_000_000>>::from_fn(|[i]| i as f64);
    /// let mut g = HeapTensor::zeros();
    /// f.gradient_along_into::<0>(&mut g, Unit, EDGE1);
    /// assert!(g.iter().all(|&v| v == 1.0));
    /// ```
    pub fn gradient_along_into<const AX: usize>(
        &self,
        out: &mut Tensor<S, I::Out, D>,
        spacing: impl AxisSpacing<I::Out, <S as HasAxis<AX>>::Coords<I::Out>>,
        edge: impl Edge,
    ) where
        S: HasAxis<AX>,
    {
        let edge = const { Checked::edge(S::DIMS, &[AX]) }.order(&edge);
        let outs = core::array::from_mut(out);
        self.gradient_into_unchecked::<(Axis<AX>,), _>(outs, &(spacing,), edge);
    }
}
