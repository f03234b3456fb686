//! Axis selections ([`Axis`], tuples of them, [`AllAxes`]), edge orders
//! ([`EdgeOrder`]) and the compile-time checks that go with them.

use crate::const_msg::Msg;
use crate::shape::{HasAxis, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape};

/// Names axis `A` in an axis selection: `(Axis::<0>, Axis::<2>)` is numpy's
/// `axis=(0, 2)`.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Axis, Unit, EDGE1};
/// use constgrad::{Rank3, Tensor};
///
/// let f = Tensor::<Rank3<2, 3, 4>>::from_fn(|[i, j, k]| (i + 2 * j + 3 * k) as f64);
/// let [d2, d0] = f.gradient_axes((Axis::<2>, Axis::<0>), Unit, EDGE1);
/// assert!(d2.iter().all(|&g| g == 3.0));
/// assert!(d0.iter().all(|&g| g == 1.0));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Axis<const A: usize>;

/// A selection of axes of shape `S`, in the order the gradients are returned:
/// a tuple of [`Axis`] markers, or [`AllAxes`] of the shape.
///
/// Naming an axis twice is a compile error (numpy raises at run time), and
/// so is naming one the shape does not have.
pub trait AxisSelection<S: Shape> {
    /// The selected axes, in order.
    const AXES: &'static [usize];
    /// The coordinate-array types of the selected axes, as a tuple (what a
    /// per-axis spacing tuple must fit).
    type Lens<R: Copy>;
    /// One `T` per selected axis: `[T; K]`.
    type Array<T>: AsRef<[T]> + AsMut<[T]>;
    /// Builds the array from a function of the position in the selection.
    fn build<T>(f: impl FnMut(usize) -> T) -> Self::Array<T>;
}

/// Every axis of the shape, in order (numpy's `axis=None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AllAxes;

/// Distinct axes: fails at compile time when an axis is named twice.
pub struct DistinctAxes<S, Sel>(core::marker::PhantomData<(S, Sel)>);

impl<S: Shape, Sel: AxisSelection<S>> DistinctAxes<S, Sel> {
    /// Evaluating this fails to compile when an axis is named twice.
    pub const OK: () = distinct(Sel::AXES);
}

/// Fails the constant evaluation when an axis is named twice in `axes`.
#[track_caller]
pub(crate) const fn distinct(axes: &[usize]) {
    if let Some(ax) = repeated(axes) {
        Msg::new()
            .s("axis ")
            .n(ax)
            .s(" is named twice in the axis selection ")
            .list(axes)
            .s("; each axis may appear at most once")
            .fail();
    }
}

/// The checks of a `numpy.gradient` call, evaluated in a `const { }` block
/// of the method the user calls so that the error points at that call: no
/// axis named twice, and every selected axis longer than the edge order.
#[track_caller]
pub(crate) const fn gradient_fits(dims: &[usize], axes: &[usize], edge_order: usize) {
    distinct(axes);
    edge_fits(dims, axes, edge_order);
}

/// An order (edge or accuracy) that a `const { }` block has checked
/// against the shape, tied to the type `T` of the argument that carries it.
///
/// A method that takes its edge or accuracy order as `impl Trait` cannot
/// name that type in its `const { }` block, but the block's type is
/// inferred with the method body: `const { Checked::edge(…) }.order(&edge)`
/// makes `T` the argument's type, so the check still runs in the method the
/// user calls, and the error points at the user's call.
pub(crate) struct Checked<T> {
    order: usize,
    of: core::marker::PhantomData<T>,
}

impl<T> Checked<T> {
    /// `order`, once the caller's `const` evaluation has checked it.
    pub(super) const fn new(order: usize) -> Self {
        Checked {
            order,
            of: core::marker::PhantomData,
        }
    }

    /// The checked order, for the argument `_` that carries it.
    #[inline(always)]
    pub(crate) fn order(self, _: &T) -> usize {
        self.order
    }
}

impl<Ed: Edge> Checked<Ed> {
    /// The checks of [`gradient_fits`] for edge order `Ed`.
    #[track_caller]
    pub(crate) const fn edge(dims: &[usize], axes: &[usize]) -> Self {
        gradient_fits(dims, axes, Ed::ORDER);
        Checked::new(Ed::ORDER)
    }
}

/// The first axis named twice in `a`, if any.
const fn repeated(a: &[usize]) -> Option<usize> {
    let mut i = 0;
    while i < a.len() {
        let mut j = i + 1;
        while j < a.len() {
            if a[i] == a[j] {
                return Some(a[i]);
            }
            j += 1;
        }
        i += 1;
    }
    None
}

macro_rules! selection_tuple {
    ($k:literal; $($a:ident),+) => {
        impl<S: Shape $(+ HasAxis<$a>)+, $(const $a: usize),+> AxisSelection<S> for ($(Axis<$a>,)+) {
            const AXES: &'static [usize] = &[$($a),+];
            type Lens<R: Copy> = ($(<S as HasAxis<$a>>::Coords<R>,)+);
            type Array<T> = [T; $k];
            #[inline]
            fn build<T>(f: impl FnMut(usize) -> T) -> [T; $k] {
                core::array::from_fn(f)
            }
        }
    };
}

selection_tuple!(1; A0);
selection_tuple!(2; A0, A1);
selection_tuple!(3; A0, A1, A2);
selection_tuple!(4; A0, A1, A2, A3);
selection_tuple!(5; A0, A1, A2, A3, A4);
selection_tuple!(6; A0, A1, A2, A3, A4, A5);

impl<S: Shape + HasAxis<A>, const A: usize> AxisSelection<S> for Axis<A> {
    const AXES: &'static [usize] = &[A];
    type Lens<R: Copy> = (<S as HasAxis<A>>::Coords<R>,);
    type Array<T> = [T; 1];
    #[inline]
    fn build<T>(f: impl FnMut(usize) -> T) -> [T; 1] {
        core::array::from_fn(f)
    }
}

macro_rules! all_axes {
    ($shape:ty, $k:literal, [$($d:ident),+], [$($ax:literal),+]) => {
        impl<$(const $d: usize),+> AxisSelection<$shape> for AllAxes {
            const AXES: &'static [usize] = &[$($ax),+];
            type Lens<R: Copy> = ($([R; $d],)+);
            type Array<T> = [T; $k];
            #[inline]
            fn build<T>(f: impl FnMut(usize) -> T) -> [T; $k] {
                core::array::from_fn(f)
            }
        }
    };
}

all_axes!(Rank1<A>, 1, [A], [0]);
all_axes!(Rank2<A, B>, 2, [A, B], [0, 1]);
all_axes!(Rank3<A, B, C>, 3, [A, B, C], [0, 1, 2]);
all_axes!(Rank4<A, B, C, D>, 4, [A, B, C, D], [0, 1, 2, 3]);
all_axes!(Rank5<A, B, C, D, F>, 5, [A, B, C, D, F], [0, 1, 2, 3, 4]);
all_axes!(Rank6<A, B, C, D, F, G>, 6, [A, B, C, D, F, G], [0, 1, 2, 3, 4, 5]);

/// numpy's `edge_order`: the accuracy of the one-sided differences at the
/// two ends of each axis. Only [`EDGE1`] and [`EDGE2`] exist.
///
/// # Example
///
/// ```
/// use constgrad::stencil::{Unit, EDGE2};
/// use constgrad::Tensor;
///
/// let f = Tensor::from([0.0, 1.0, 4.0, 9.0]); // x²: exact with edge order 2
/// let [g] = f.gradient(Unit, EDGE2);
/// assert_eq!(g, Tensor::from([0.0, 2.0, 4.0, 6.0]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeOrder<const K: usize>(());

/// The edge orders that exist: `EdgeOrder<1>` and `EdgeOrder<2>`.
///
/// The trait is sealed: numpy knows no other edge order, and the kernels
/// have no other edge stencils, so a user type cannot implement it (its
/// supertrait [`NumpyEdgeOrder`] cannot be implemented outside this crate).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an edge order numpy.gradient knows",
    note = "use EDGE1 or EDGE2"
)]
pub trait Edge: Copy + NumpyEdgeOrder {
    /// The order (1 or 2).
    const ORDER: usize;
}

/// The seal of [`Edge`]: implemented only for `EdgeOrder<1>` and
/// `EdgeOrder<2>`.
///
/// A seal in a private module would make rustc name its private path and
/// call `Edge` a "sealed trait" in the error a user gets for implementing
/// `Edge`. This one is public, so the error reads as its own message, and is
/// sealed by its method, whose argument type cannot be named outside the
/// crate.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an edge order numpy.gradient knows: `Edge` cannot be implemented outside constgrad",
    label = "numpy.gradient has edge orders 1 and 2 only",
    note = "use EDGE1 or EDGE2"
)]
pub trait NumpyEdgeOrder {
    /// Not callable, and not implementable, outside the crate.
    #[doc(hidden)]
    fn sealed(_: seal::Unnameable);
}

mod seal {
    /// A type no other crate can name.
    pub struct Unnameable;
}

// Hidden from the error: its message is the help line already.
#[diagnostic::do_not_recommend]
impl NumpyEdgeOrder for EdgeOrder<1> {
    fn sealed(_: seal::Unnameable) {}
}

#[diagnostic::do_not_recommend]
impl NumpyEdgeOrder for EdgeOrder<2> {
    fn sealed(_: seal::Unnameable) {}
}

impl Edge for EdgeOrder<1> {
    const ORDER: usize = 1;
}

impl Edge for EdgeOrder<2> {
    const ORDER: usize = 2;
}

/// First-order one-sided differences at the edges (numpy's default).
pub const EDGE1: EdgeOrder<1> = EdgeOrder(());
/// Second-order one-sided differences at the edges.
pub const EDGE2: EdgeOrder<2> = EdgeOrder(());

/// Axis lengths against the stencil: fails at compile time when a selected
/// axis has fewer than `edge_order + 1` points.
pub struct EdgeFits<S, Sel, Ed>(core::marker::PhantomData<(S, Sel, Ed)>);

impl<S: Shape, Sel: AxisSelection<S>, Ed: Edge> EdgeFits<S, Sel, Ed> {
    /// Evaluating this fails to compile when an axis is too short.
    pub const OK: () = edge_fits(S::DIMS, Sel::AXES, Ed::ORDER);
}

/// Fails the constant evaluation when a selected axis has fewer than
/// `edge_order + 1` points.
#[track_caller]
pub(crate) const fn edge_fits(dims: &[usize], axes: &[usize], edge_order: usize) {
    let ax = shortest_axis(dims, axes);
    if dims[ax] <= edge_order {
        Msg::new()
            .s("axis ")
            .n(ax)
            .s(" of ")
            .shape(dims)
            .s(" has ")
            .n(dims[ax])
            .s(" points, too few for numpy.gradient with edge_order ")
            .n(edge_order)
            .s(" (it needs at least edge_order + 1 = ")
            .n(edge_order + 1)
            .s(")")
            .fail();
    }
}

/// The shortest of the selected axes (the first of them on a tie).
pub(crate) const fn shortest_axis(dims: &[usize], axes: &[usize]) -> usize {
    let mut best = axes[0];
    let mut i = 1;
    while i < axes.len() {
        if dims[axes[i]] < dims[best] {
            best = axes[i];
        }
        i += 1;
    }
    best
}
