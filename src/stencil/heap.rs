//! The stencil methods of [`HeapTensor`] (feature `alloc`): the same
//! checks and numbers as the inline forms, for fields too large for the
//! stack. Each result is one heap buffer; the `…_into` forms write into
//! caller-provided tensors and allocate nothing. No temporary of the whole
//! field is made.

use alloc::vec;

use super::axes::{AllAxes, Axis, AxisSelection, Edge};
use super::grid::{AxisSpacing, Spacings};
use super::higher::{acc_checks, diff_along_into, diff_axis, AccuracyOrder, Laplacian, Op};
use super::numpy::{gradient_axis, Re};
use super::sample::Sample;
use super::{checks, each_axis};
use crate::scalar::Scalar;
use crate::shape::{HasAxis, Shape};
use crate::tensor::heap::HeapTensor;

/// A zero-filled heap tensor (for `f64` the zero pages come from the
/// allocator: nothing is written).
fn zeros<S: Shape, E: Scalar>() -> HeapTensor<S, E> {
    match HeapTensor::try_from_boxed_slice(vec![E::zero(); S::NUMEL].into_boxed_slice()) {
        Ok(t) => t,
        Err(_) => unreachable!("the buffer has NUMEL elements"),
    }
}

impl<S: Shape, I: Sample> HeapTensor<S, I> {
    /// The gradient along every axis (see [`crate::Tensor::gradient`]).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Unit, EDGE2};
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let f = HeapTensor::<Rank2<1000, 1000>>::from_fn(|[i, j]| (i * i + 3 * j) as f64);
    /// let [gi, gj] = f.gradient(Unit, EDGE2);
    /// assert_eq!(gi[[999, 5]], 2.0 * 999.0);
    /// assert_eq!(gj[[0, 0]], 3.0);
    /// ```
    #[must_use]
    pub fn gradient<Sp, Ed: Edge>(
        &self,
        spacing: Sp,
        edge: Ed,
    ) -> <AllAxes as AxisSelection<S>>::Array<HeapTensor<S, I::Out>>
    where
        AllAxes: AxisSelection<S>,
        Sp: Spacings<Re<I>, <AllAxes as AxisSelection<S>>::Lens<Re<I>>>,
    {
        self.gradient_axes(AllAxes, spacing, edge)
    }

    /// The gradient along chosen axes (see [`crate::Tensor::gradient_axes`]).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Axis, Unit, EDGE1};
    /// use constgrad::{HeapTensor, Rank3};
    ///
    /// let f = HeapTensor::<Rank3<4, 5, 6>>::from_fn(|[i, j, k]| (i + 2 * j + 3 * k) as f64);
    /// let [dk, dj] = f.gradient_axes((Axis::<2>, Axis::<1>), Unit, EDGE1);
    /// assert_eq!((dk[[1, 1, 1]], dj[[1, 1, 1]]), (3.0, 2.0));
    /// ```
    #[must_use]
    pub fn gradient_axes<Sel: AxisSelection<S>, Sp, Ed: Edge>(
        &self,
        axes: Sel,
        spacing: Sp,
        edge: Ed,
    ) -> Sel::Array<HeapTensor<S, I::Out>>
    where
        Sp: Spacings<Re<I>, Sel::Lens<Re<I>>>,
    {
        checks::<S, Sel, Ed>(&axes, &edge);
        each_axis::<S, I, Sel, Sp, _>(
            &spacing,
            Ed::ORDER,
            self.as_slice(),
            zeros,
            HeapTensor::as_mut_slice,
        )
    }

    /// The gradient along axis `AX` (see [`crate::Tensor::gradient_along`]).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Coords, EDGE2};
    /// use constgrad::{HeapTensor, Rank1};
    ///
    /// let x = Coords::new([0.0, 0.5, 1.5, 2.0]).unwrap();
    /// let f = HeapTensor::<Rank1<4>>::try_from_slice(&[0.0, 0.25, 2.25, 4.0]).unwrap();
    /// let g = f.gradient_along::<0>(x, EDGE2); // exact for x², up to rounding
    /// let want = [0.0_f64, 1.0, 3.0, 4.0];
    /// assert!(g.as_slice().iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-14));
    /// ```
    #[must_use]
    pub fn gradient_along<const AX: usize>(
        &self,
        spacing: impl AxisSpacing<Re<I>, <S as HasAxis<AX>>::Coords<Re<I>>>,
        edge: impl Edge,
    ) -> HeapTensor<S, I::Out>
    where
        S: HasAxis<AX>,
    {
        let mut out = zeros();
        self.gradient_along_into::<AX>(&mut out, spacing, edge);
        out
    }

    /// Writes the gradient along axis `AX` into `out`: no allocation.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Unit, EDGE1};
    /// use constgrad::{HeapTensor, Rank1};
    ///
    /// let f = HeapTensor::<Rank1<1_000_000>>::from_fn(|[i]| i as f64);
    /// let mut g = HeapTensor::zeros();
    /// f.gradient_along_into::<0>(&mut g, Unit, EDGE1);
    /// assert!(g.as_slice().iter().all(|&v| v == 1.0));
    /// ```
    pub fn gradient_along_into<const AX: usize>(
        &self,
        out: &mut HeapTensor<S, I::Out>,
        spacing: impl AxisSpacing<Re<I>, <S as HasAxis<AX>>::Coords<Re<I>>>,
        edge: impl Edge,
    ) where
        S: HasAxis<AX>,
    {
        let sp = (spacing,);
        checks::<S, Axis<AX>, _>(&Axis::<AX>, &edge);
        gradient_axis(
            self.as_slice(),
            out.as_mut_slice(),
            S::DIMS,
            AX,
            Spacings::<_, <Axis<AX> as AxisSelection<S>>::Lens<Re<I>>>::grid(&sp, 0),
            edge_order(&edge),
        );
    }

    /// Writes the gradient along every axis into `outs` (one per axis):
    /// no allocation.
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
        outs: &mut <AllAxes as AxisSelection<S>>::Array<HeapTensor<S, I::Out>>,
        spacing: Sp,
        edge: Ed,
    ) where
        AllAxes: AxisSelection<S>,
        Sp: Spacings<Re<I>, <AllAxes as AxisSelection<S>>::Lens<Re<I>>>,
    {
        checks::<S, AllAxes, Ed>(&AllAxes, &edge);
        let axes = <AllAxes as AxisSelection<S>>::AXES;
        for (k, out) in outs.as_mut().iter_mut().enumerate() {
            gradient_axis(
                self.as_slice(),
                out.as_mut_slice(),
                S::DIMS,
                axes[k],
                spacing.grid(k),
                Ed::ORDER,
            );
        }
    }

    /// The first derivative along `AX` with accuracy order `P` (see
    /// [`crate::Tensor::diff_along`]).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Accuracy, Step};
    /// use constgrad::{HeapTensor, Rank1};
    ///
    /// let h = 1e-3;
    /// let f = HeapTensor::<Rank1<2000>>::from_fn(|[i]| (h * i as f64).sin());
    /// let g = f.diff_along::<0>(Step::new(h).unwrap(), Accuracy::<8>);
    /// assert!((g[[1000]] - 1.0_f64.cos()).abs() < 1e-12);
    /// ```
    #[must_use]
    pub fn diff_along<const AX: usize>(
        &self,
        spacing: impl AxisSpacing<Re<I>, <S as HasAxis<AX>>::Coords<Re<I>>>,
        order: impl AccuracyOrder,
    ) -> HeapTensor<S, I::Out>
    where
        S: HasAxis<AX>,
    {
        let mut out = zeros();
        diff_along_into::<S, AX, 1, I>(self.as_slice(), out.as_mut_slice(), spacing.grid(), &order);
        out
    }

    /// The second derivative along `AX` with accuracy order `P` (see
    /// [`crate::Tensor::diff2_along`]).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Accuracy, Unit};
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let f = HeapTensor::<Rank2<500, 400>>::from_fn(|[i, j]| (i * j * j) as f64);
    /// let g = f.diff2_along::<1>(Unit, Accuracy::<4>);
    /// assert!((g[[3, 0]] - 6.0).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn diff2_along<const AX: usize>(
        &self,
        spacing: impl AxisSpacing<Re<I>, <S as HasAxis<AX>>::Coords<Re<I>>>,
        order: impl AccuracyOrder,
    ) -> HeapTensor<S, I::Out>
    where
        S: HasAxis<AX>,
    {
        let mut out = zeros();
        diff_along_into::<S, AX, 2, I>(self.as_slice(), out.as_mut_slice(), spacing.grid(), &order);
        out
    }

    /// The Laplacian of a field of rank 1 to 3 (see
    /// [`crate::Tensor::laplacian`]), accumulated in one output buffer.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::stencil::{Accuracy, Unit};
    /// use constgrad::{HeapTensor, Rank3};
    ///
    /// let f = HeapTensor::<Rank3<64, 64, 64>>::from_fn(|[i, j, k]| (i * i + j * j + k * k) as f64);
    /// let l = f.laplacian(Unit, Accuracy::<2>);
    /// assert!(l.as_slice().iter().all(|v| (v - 6.0).abs() < 1e-9));
    /// ```
    #[must_use]
    pub fn laplacian<Sp, A: AccuracyOrder>(&self, spacing: Sp, order: A) -> HeapTensor<S, I::Out>
    where
        S: Laplacian,
        AllAxes: AxisSelection<S>,
        Sp: Spacings<Re<I>, <AllAxes as AxisSelection<S>>::Lens<Re<I>>>,
    {
        let p = acc_checks::<S, AllAxes, _, 2>(&order);
        let mut out = zeros();
        for (k, &axis) in <AllAxes as AxisSelection<S>>::AXES.iter().enumerate() {
            let op = Op {
                deriv: 2,
                acc: p,
                add: k > 0,
            };
            diff_axis(
                self.as_slice(),
                out.as_mut_slice(),
                S::DIMS,
                axis,
                spacing.grid(k),
                op,
            );
        }
        out
    }
}

/// The order of an edge-order value.
#[inline(always)]
fn edge_order<Ed: Edge>(_: &Ed) -> usize {
    Ed::ORDER
}
