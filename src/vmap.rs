//! `vmap`: turn a function of one example into a function of a batch.
//!
//! [`vmap`], [`vmap2`] and [`vmap3`] call a function once per batch entry and
//! stack its results along a new leading axis of length `B`. The batch size
//! `B` is a const taken from the shapes of the mapped arguments, so arguments
//! with different batch sizes are a compile error (JAX raises "vmap got
//! inconsistent sizes for the mapped axis" at run time). There is no heap:
//! each batch entry is read in place from the argument's storage and the
//! results are stacked into an inline [`Tensor`].
//!
//! Each argument says how it is batched:
//!
//! - a [`Tensor`] (or `&Tensor`) is **mapped along its leading axis**: the
//!   function sees one slice of it per call, with that axis removed;
//! - [`Mapped<AX, _>`](Mapped), made by [`Tensor::in_axis`], is **mapped along
//!   axis `AX`** (any axis of any rank);
//! - [`Repeat<B, _>`](Repeat) passes the same value to each of `B` calls
//!   (JAX's `axis_size`), and counts as mapped;
//! - [`Broadcast`] passes the same value to every call (JAX's `in_axes=None`);
//!   capturing a value in the closure does the same.
//!
//! At least one argument must be mapped, as in JAX: a vmap whose arguments
//! are all [`Broadcast`] has nothing to take `B` from, and does not compile.
//!
//! A slice of rank 0 is handed to the function as the bare element (`f64`, a
//! dual number, …), any other slice as a [`Tensor`]. Results may be scalars
//! (stacked into a `Tensor<Rank1<B>, E>`), tensors (stacked into shape
//! `[B, S…]`), or tuples of up to four of them (stacked one by one): see
//! [`Batched`].
//!
//! # JAX → constgrad
//!
//! | JAX | constgrad |
//! |---|---|
//! | `vmap(f)(x)` | `vmap(f, x)` |
//! | `vmap(f)(x, y)` | `vmap2(f, x, y)` |
//! | `vmap(f, in_axes=1)(x)` | `vmap(f, x.in_axis::<1>())` |
//! | `vmap(f, in_axes=(0, None))(x, y)` | `vmap2(f, x, Broadcast(y))`, or `vmap(\|x\| f(x, y), x)` |
//! | `vmap(f, in_axes=None, axis_size=8)(y)` | `vmap(f, Repeat::<8, _>(y))` |
//! | `vmap(vmap(f, (None, 1)), (0, None))(a, b)` | `vmap(\|r\| vmap(\|c\| f(r, c), b.in_axis::<1>()), a)` |
//! | `vmap(grad(f))(x)`, scalar points | `vmap(\|x\| derivative(f, x), x)` |
//! | `vmap(grad(f))(xs)`, one point per row | `vmap(\|p\| grad(f, p), xs)` |
//! | `vmap(jacfwd(f))(xs)`, `vmap(hessian(f))(xs)` | `vmap(\|p\| jacobian(f, p), xs)`, `vmap(\|p\| hessian(f, p), xs)` |
//! | `grad(lambda w: vmap(g, (None, 0))(w, xs).sum())(w)` | `grad(\|w\| vmap2(g, Broadcast(w), xs).sum(), w)` |
//! | scalar result, shape `(B,)` | `Tensor<Rank1<B>, E>` |
//! | tuple result | tuple of stacked results |
//! | `ValueError: vmap got inconsistent sizes` | compile error naming both sizes |
//!
//! # Example
//!
//! ```
//! use constgrad::vmap::{vmap, vmap2, Broadcast};
//! use constgrad::{Rank1, Tensor};
//!
//! // One argument mapped along its leading axis: each call sees one row.
//! let m = Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
//! let norms2 = vmap(|row: Tensor<Rank1<2>>| (row * row).sum(), m);
//! assert_eq!(norms2, Tensor::from([5.0, 25.0, 61.0]));
//!
//! // Mapped along axis 1 (the columns), with a broadcast weight.
//! let w = Tensor::from([1.0, 10.0, 100.0]);
//! let weighted = vmap2(|col: Tensor<Rank1<3>>, w| (col * w).sum(), m.in_axis::<1>(), Broadcast(w));
//! assert_eq!(weighted, Tensor::from([531.0, 642.0]));
//!
//! // Scalars in, scalars out: a rank-1 batch hands each element over as an f64.
//! let x = Tensor::from([0.0, 1.0, 2.0]);
//! assert_eq!(vmap(|x: f64| 2.0 * x + 1.0, x), Tensor::from([1.0, 3.0, 5.0]));
//! ```
//!
//! vmap composes with [`crate::ad`]: the derivative at many points at once,
//! as in the JAX documentation's `vmap(grad(f))` example, and the gradient of
//! a function that uses vmap inside (the function sees dual numbers, which
//! vmap maps like any other element).
//!
//! ```
//! use constgrad::ad::{derivative, grad};
//! use constgrad::vmap::vmap;
//! use constgrad::{Rank1, Scalar, Tensor};
//!
//! fn f<T: Scalar>(x: T) -> T {
//!     x.sin() * (-x / T::from_f64(4.0)).exp()
//! }
//! let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
//! let df = vmap(|x| derivative(f, x), x); // jax.vmap(jax.grad(f))(x)
//! assert_eq!(df[[0]], 1.0);
//! // The gradient of Σ f(xᵢ) is f' at every point.
//! assert_eq!(grad(|x| vmap(f, x).sum(), x), df);
//! ```
//!
//! # Constants in a function differentiated inside vmap
//!
//! Write constants as they are: plain literals (`x * 0.5`), plain scalars,
//! and plain tensors captured by the closure (`x * w`) all mix with the dual
//! numbers of a `jacobian` or `grad`. Each such operation scales or shifts
//! the tangent, where `constant(w)` makes a dual number with a zero tangent
//! and then multiplies the tangents out: in `benches/vmap.rs`
//! (`constant/*`, the Jacobian of `w·x + x²` at 256 points) the captured
//! form takes 4.9 µs against 13.4 µs for `constant(w)` (2.7×), and a
//! hand-written Jacobian 1.3 µs. `constant` remains for a plain tensor that
//! must itself be an argument of a dual-only function.
//!
//! ```
//! use constgrad::ad::jacobian;
//! use constgrad::vmap::vmap;
//! use constgrad::{Rank1, Rank2, Rank3, Tensor};
//!
//! let w = Tensor::from([0.5, -1.0]);
//! let points = Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
//! let jacobians: Tensor<Rank3<3, 2, 2>> = vmap(
//!     |x: Tensor<Rank1<2>>| -> Tensor<Rank2<2, 2>> { jacobian(|x| x * w + x * x * 0.5, x) },
//!     &points,
//! );
//! // d/dx (w·x + x²/2) = diag(w + x)
//! assert_eq!(jacobians[[2, 0, 0]], 5.5);
//! assert_eq!(jacobians[[2, 1, 1]], 5.0);
//! assert_eq!(jacobians[[2, 0, 1]], 0.0);
//! ```
//!
//! # Cost
//!
//! A vmap is a loop over the batch that writes each result into a
//! zero-filled buffer ([`Fill`]), the same machine code as the hand-written
//! loop over the same data (see `benches/vmap.rs`). Each batch entry is
//! evaluated separately, so a vmapped function may branch on its argument's
//! value.
//!
//! Arguments with different batch sizes do not compile:
//!
//! ```compile_fail
//! use constgrad::vmap::vmap2;
//! use constgrad::Tensor;
//!
//! let x = Tensor::from([1.0, 2.0, 3.0]);
//! let y = Tensor::from([1.0, 2.0]);
//! let _ = vmap2(|a: f64, b: f64| a * b, x, y); // batch sizes 3 and 2
//! ```

use crate::scalar::{Element, Scalar};
use crate::shape::{
    axis_split, AxisOfLen, HasAxis, Prepend, Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape,
};
use crate::stencil::Axis;
use crate::tensor::Tensor;

/// How a vmapped function receives one batch entry of shape `Self`: the bare
/// element for [`Rank0`], a [`Tensor`] of this shape otherwise.
///
/// The item is built with plain loops and slice copies (no
/// `core::array::from_fn`, whose per-element closure rustc does not always
/// inline), so reading a batch entry costs what indexing by hand costs.
///
/// # Example
///
/// ```
/// use constgrad::vmap::Slice;
/// use constgrad::{Rank0, Rank1, Tensor};
///
/// let s: <Rank0 as Slice>::Item<f64> = Rank0::item_from_fn(|_| 2.5);
/// assert_eq!(s, 2.5);
/// let v: <Rank1<2> as Slice>::Item<f64> = Rank1::<2>::item_from_fn(|k| k as f64);
/// assert_eq!(v, Tensor::from([0.0, 1.0]));
/// assert_eq!(Rank1::<2>::item_from_slice(&[3.0, 4.0]), Tensor::from([3.0, 4.0]));
/// ```
pub trait Slice: Shape {
    /// The value handed to the function: `E` for rank 0, `Tensor<Self, E>` otherwise.
    type Item<E: Copy>: Copy;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Builds the item from a function of the flat row-major position,
    /// called once per element in order.
    fn item_from_fn<E: Copy>(f: impl FnMut(usize) -> E) -> Self::Item<E>;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Copies the item from its row-major elements.
    ///
    /// # Panics
    ///
    /// When `values.len()` is not [`Shape::NUMEL`].
    fn item_from_slice<E: Copy>(values: &[E]) -> Self::Item<E>;
}

impl Slice for Rank0 {
    type Item<E: Copy> = E;
    #[inline(always)]
    fn item_from_fn<E: Copy>(mut f: impl FnMut(usize) -> E) -> E {
        f(0)
    }
    #[inline(always)]
    fn item_from_slice<E: Copy>(values: &[E]) -> E {
        assert_eq!(values.len(), 1, "a rank-0 item has one element");
        values[0]
    }
}

/// `Slice` for the ranks ≥ 1: the item is a tensor, its storage made by
/// repeating one element (`$splat`) and then overwritten.
macro_rules! tensor_slice {
    ($($name:ident<$($d:ident),+> = |$x:ident| $splat:expr;)+) => {$(
        impl<$(const $d: usize),+> Slice for $name<$($d),+> {
            type Item<E: Copy> = Tensor<Self, E>;
            #[inline(always)]
            fn item_from_fn<E: Copy>(mut f: impl FnMut(usize) -> E) -> Tensor<Self, E> {
                if Self::NUMEL == 0 {
                    // No element to fill with; `f` is never called.
                    return Tensor::from_flat_fn(f);
                }
                let $x = f(0);
                let mut t = Tensor::<Self, E>::new($splat);
                for (k, slot) in t.as_mut_slice().iter_mut().enumerate().skip(1) {
                    *slot = f(k);
                }
                t
            }
            #[inline(always)]
            fn item_from_slice<E: Copy>(values: &[E]) -> Tensor<Self, E> {
                if Self::NUMEL == 0 {
                    assert!(values.is_empty(), "an empty item has no elements");
                    return Tensor::from_flat_fn(|k| values[k]);
                }
                let $x = values[0];
                let mut t = Tensor::<Self, E>::new($splat);
                t.as_mut_slice().copy_from_slice(values);
                t
            }
        }
    )+};
}

tensor_slice! {
    Rank1<A> = |x| [x; A];
    Rank2<A, B> = |x| [[x; B]; A];
    Rank3<A, B, C> = |x| [[[x; C]; B]; A];
    Rank4<A, B, C, D> = |x| [[[[x; D]; C]; B]; A];
    Rank5<A, B, C, D, F> = |x| [[[[[x; F]; D]; C]; B]; A];
    Rank6<A, B, C, D, F, G> = |x| [[[[[[x; G]; F]; D]; C]; B]; A];
}

/// A mapped argument of a vmapped function, with batch size `B`: how to read
/// the value for batch entry `b`. A mapped argument fixes `B`.
///
/// Implemented by [`Tensor`] and `&Tensor` (mapped along axis 0), by
/// [`Mapped<AX, _>`](Mapped) (mapped along axis `AX`) and by
/// [`Repeat<B, _>`](Repeat) (the same value, `B` times). Two mapped arguments
/// whose axes differ in length are rejected by the compiler through
/// [`AxisOfLen`]. [`Broadcast`] is not a `VmapArg`, as it gives no batch size:
/// the entry points take it as a [`VmapInput`], next to a mapped argument.
///
/// Code generic over a vmapped argument bounds it by `VmapArg<B>`, and calls
/// [`vmap`], [`vmap2`] and [`vmap3`] with it without further bounds.
///
/// # Example
///
/// ```
/// use constgrad::vmap::{vmap2, Broadcast, VmapArg};
/// use constgrad::{Rank1, Tensor};
///
/// let m = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(VmapArg::<2>::item(&m, 1), Tensor::from([3.0, 4.0]));
/// assert_eq!(VmapArg::<2>::item(&m.in_axis::<1>(), 1), Tensor::from([2.0, 4.0]));
///
/// // Generic over how the rows are mapped: no bound beyond `VmapArg`.
/// fn scaled<const B: usize, X>(rows: X, k: f64) -> Tensor<Rank1<B>>
/// where
///     X: VmapArg<B, Item = Tensor<Rank1<2>>>,
/// {
///     vmap2(|r: Tensor<Rank1<2>>, k: f64| r.sum() * k, rows, Broadcast(k))
/// }
/// assert_eq!(scaled(m, 2.0), Tensor::from([6.0, 14.0]));
/// assert_eq!(scaled(m.in_axis::<1>(), 2.0), Tensor::from([8.0, 12.0]));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a vmap argument with batch size {B}",
    label = "the batch size is {B} here, from the other mapped arguments or the result",
    note = "a mapped argument's mapped axis (axis 0, or AX for `x.in_axis::<AX>()`) has the batch size as its length, as `Repeat::<N, _>(x)` has it as N; a `Rank0` tensor has no axis to map",
    note = "a mapped argument is a `Tensor` (mapped along axis 0), `x.in_axis::<AX>()` (mapped along axis AX) or `Repeat::<B, _>(x)` (the same value B times); `Broadcast(x)` gives the same value to every call next to a mapped argument"
)]
pub trait VmapArg<const B: usize> {
    /// What the function receives for one batch entry.
    type Item;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// The value for batch entry `b`.
    ///
    /// # Panics
    ///
    /// When `b >= B` for a mapped argument (vmap itself only asks for
    /// `b < B`).
    fn item(&self, b: usize) -> Self::Item;
}

/// A tensor mapped along axis `AX` (JAX's `in_axes=AX`): batch entry `b` is
/// the slice at position `b` of that axis. Made by [`Tensor::in_axis`]; a
/// plain [`Tensor`] argument is mapped along axis 0. `Mapped::<AX, _>(&t)`
/// maps a tensor by reference, without copying it into the argument.
///
/// # Example
///
/// ```
/// use constgrad::vmap::{vmap, Mapped};
/// use constgrad::{Rank1, Tensor};
///
/// let m = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
/// let col_sums = vmap(|c: Tensor<Rank1<2>>| c.sum(), Mapped::<1, _>(m));
/// assert_eq!(col_sums, Tensor::from([5.0, 7.0, 9.0]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mapped<const AX: usize, T>(pub T);

/// A value passed unchanged to every call (JAX's `in_axes=None`). It gives
/// no batch size, so another argument must be mapped: a vmap whose every
/// argument is `Broadcast` does not compile (see [`AnyMapped`]); to call a
/// function `B` times on the same value, pass [`Repeat<B, _>`](Repeat).
///
/// # Example
///
/// ```
/// use constgrad::vmap::{vmap2, Broadcast};
/// use constgrad::Tensor;
///
/// let x = Tensor::from([1.0, 2.0, 3.0]);
/// let shifted = vmap2(|x: f64, s: f64| x + s, x, Broadcast(10.0));
/// assert_eq!(shifted, Tensor::from([11.0, 12.0, 13.0]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Broadcast<T>(pub T);

/// A value passed unchanged to each of `B` calls: a broadcast that names the
/// batch size, and so counts as mapped. `vmap(f, Repeat::<B, _>(x))` is
/// JAX's `vmap(f, in_axes=None, axis_size=B)(x)`.
///
/// # Example
///
/// ```
/// use constgrad::vmap::{vmap, Repeat};
/// use constgrad::{Rank1, Rank2, Tensor};
///
/// let v = Tensor::from([1.0, 2.0]);
/// let rows: Tensor<Rank2<3, 2>> = vmap(|v: Tensor<Rank1<2>>| v * 2.0, Repeat::<3, _>(v));
/// assert_eq!(rows, Tensor::from([[2.0, 4.0], [2.0, 4.0], [2.0, 4.0]]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Repeat<const B: usize, T>(pub T);

impl<S: Shape, E: Copy> Tensor<S, E> {
    /// This tensor as a vmap argument mapped along axis `AX` (JAX's
    /// `in_axes=AX`). An axis out of range is a compile error.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::vmap::vmap;
    /// use constgrad::{Rank2, Tensor};
    ///
    /// let t = Tensor::<Rank2<2, 3>>::from_fn(|[i, j]| (10 * i + j) as f64);
    /// // Axis 1 has length 3: three calls, each on a column of length 2.
    /// let firsts = vmap(|c: Tensor<constgrad::Rank1<2>>| c[[0]], t.in_axis::<1>());
    /// assert_eq!(firsts, Tensor::from([0.0, 1.0, 2.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn in_axis<const AX: usize>(self) -> Mapped<AX, Self>
    where
        S: HasAxis<AX>,
    {
        Mapped(self)
    }
}

/// Batch entry `b` of a tensor stored as `data`, along axis `AX` of `S`.
#[inline(always)]
fn slice_at<S, const AX: usize, E>(data: &[E], b: usize) -> <S::Removed as Slice>::Item<E>
where
    S: HasAxis<AX>,
    S::Removed: Slice,
    E: Copy,
{
    let (outer, len, inner) = const { axis_split(S::DIMS, AX) };
    if outer == 1 {
        // Leading axis (or only trivial axes before it): one contiguous block.
        <S::Removed as Slice>::item_from_slice(&data[b * inner..(b + 1) * inner])
    } else {
        <S::Removed as Slice>::item_from_fn(|k| {
            let (o, i) = (k / inner, k % inner);
            data[(o * len + b) * inner + i]
        })
    }
}

/// A tensor argument of vmap, mapped along an axis: which tensor, and which
/// axis ([`Axis<AX>`](Axis)). A [`Tensor`] and a `&Tensor` are mapped along
/// axis 0, [`Mapped<AX, _>`](Mapped) of either along axis `AX`; each is a
/// [`VmapArg`] whose batch size is the length of that axis.
///
/// # Example
///
/// ```
/// use constgrad::vmap::MappedTensor;
/// use constgrad::{Rank2, Tensor};
///
/// let m = Tensor::<Rank2<2, 3>>::zeros();
/// let _: <constgrad::vmap::Mapped<1, &Tensor<Rank2<2, 3>>> as MappedTensor>::Along =
///     constgrad::stencil::Axis::<1>;
/// assert_eq!(MappedTensor::data(&m.in_axis::<1>()).len(), 6);
/// ```
pub trait MappedTensor {
    /// The tensor's shape.
    type Shape: Shape;
    /// The tensor's element type.
    type Elem: Copy;
    /// The mapped axis, as [`Axis<AX>`](Axis).
    type Along;
    /// The tensor's elements in row-major order.
    fn data(&self) -> &[Self::Elem];
}

/// `MappedTensor` for a tensor (or a reference to one) mapped along an
/// axis: the implementing type, the axis, extra generic parameters, and how
/// to reach the tensor from `self`.
macro_rules! mapped_tensor {
    ($($ty:ty, $ax:tt, [$($gen:tt)*], |$s:ident| $tensor:expr;)+) => {$(
        impl<$($gen)* S: Shape, E: Copy> MappedTensor for $ty {
            type Shape = S;
            type Elem = E;
            type Along = Axis<$ax>;
            #[inline(always)]
            fn data(&self) -> &[E] {
                let $s = self;
                $tensor.as_slice()
            }
        }
    )+};
}

mapped_tensor! {
    Tensor<S, E>, 0, [], |t| t;
    &'a Tensor<S, E>, 0, ['a,], |t| t;
    Mapped<AX, Tensor<S, E>>, AX, [const AX: usize,], |m| m.0;
    Mapped<AX, &'a Tensor<S, E>>, AX, ['a, const AX: usize,], |m| m.0;
}

/// Shapes that can be mapped along axis `A` (an [`Axis<AX>`](Axis)) with
/// batch size `B`: those whose axis `AX` has length `B`.
///
/// One impl over every shape, so that a rejected argument's error is the
/// failed bound (`HasAxis` or `AxisOfLen`, with their messages) and rustc
/// lists no impls of this trait or of [`VmapArg`] under it.
///
/// # Example
///
/// ```
/// use constgrad::stencil::Axis;
/// use constgrad::vmap::MapAlong;
/// use constgrad::{Rank2, Tensor};
///
/// let m = Tensor::<Rank2<2, 3>>::from_flat_fn(|k| k as f64);
/// let col = <Rank2<2, 3> as MapAlong<Axis<1>, 3>>::slice(m.as_slice(), 2);
/// assert_eq!(col, Tensor::from([2.0, 5.0]));
/// ```
pub trait MapAlong<A, const B: usize>: Shape {
    /// One batch entry of a tensor of this shape with elements `E`.
    type Slice<E: Copy>;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Batch entry `b` (`b < B`) of the tensor whose elements are `data`.
    fn slice<E: Copy>(data: &[E], b: usize) -> Self::Slice<E>;
}

impl<S, const AX: usize, const B: usize> MapAlong<Axis<AX>, B> for S
where
    S: HasAxis<AX> + AxisOfLen<AX, B>,
    <S as HasAxis<AX>>::Removed: Slice,
{
    type Slice<E: Copy> = <<S as HasAxis<AX>>::Removed as Slice>::Item<E>;
    #[inline(always)]
    fn slice<E: Copy>(data: &[E], b: usize) -> Self::Slice<E> {
        slice_at::<S, AX, E>(data, b)
    }
}

impl<const B: usize, X: MappedTensor> VmapArg<B> for X
where
    X::Shape: MapAlong<X::Along, B>,
{
    type Item = <X::Shape as MapAlong<X::Along, B>>::Slice<X::Elem>;
    #[inline(always)]
    fn item(&self, b: usize) -> Self::Item {
        <X::Shape as MapAlong<X::Along, B>>::slice(self.data(), b)
    }
}

// Over every `B`, with `N` tied to it by the table that ties a mapped
// tensor's length to it (one entry, `AxisOfLen<0, N>`), so that a count
// other than the batch size fails here, and `do_not_recommend` reports it as
// `VmapArg`'s message ("`Repeat<4, f64>` cannot be a vmap argument with
// batch size 3"); it also keeps this impl out of the impl lists.
#[diagnostic::do_not_recommend]
impl<const B: usize, const N: usize, T: Clone> VmapArg<B> for Repeat<N, T>
where
    Rank1<N>: AxisOfLen<0, B>,
{
    type Item = T;
    #[inline(always)]
    fn item(&self, _b: usize) -> T {
        self.0.clone()
    }
}

/// An argument of [`vmap`], [`vmap2`] or [`vmap3`]: a mapped argument (every
/// [`VmapArg`]) or a [`Broadcast`] value, and which of the two it is
/// ([`Kind`](VmapInput::Kind)), so that a vmap with nothing mapped is
/// rejected by its own error ([`AnyMapped`]) instead of a batch size that
/// cannot be inferred.
///
/// Code generic over an argument that may be broadcast bounds it by
/// `VmapInput<B>`, and then also bounds the tuple of the vmap's argument types
/// by [`AnyMapped<B>`](AnyMapped): from the bounds alone rustc cannot tell
/// which argument is mapped. (A first argument that is mapped settles it: a
/// `VmapArg` or a concrete tensor before the `VmapInput` needs no such bound.)
///
/// # Example
///
/// ```
/// use constgrad::vmap::{vmap2, AnyMapped, Broadcast, BroadcastKind, MappedKind, VmapInput};
/// use constgrad::{Rank1, Rank2, Tensor};
///
/// let m = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(VmapInput::<2>::item(&m, 1), Tensor::from([3.0, 4.0]));
/// assert_eq!(VmapInput::<2>::item(&Broadcast(5.0), 1), 5.0);
/// let _: <Tensor<Rank1<2>> as VmapInput<2>>::Kind = MappedKind;
/// let _: <Broadcast<f64> as VmapInput<2>>::Kind = BroadcastKind;
///
/// // A weight given per row or broadcast, next to mapped rows.
/// fn weighted<const B: usize, W>(w: W, rows: Tensor<Rank2<B, 2>>) -> Tensor<Rank1<B>>
/// where
///     W: VmapInput<B, Item = f64>,
///     (W, Tensor<Rank2<B, 2>>): AnyMapped<B>,
/// {
///     vmap2(|w: f64, r: Tensor<Rank1<2>>| r.sum() * w, w, rows)
/// }
/// assert_eq!(weighted(Broadcast(2.0), m), Tensor::from([6.0, 14.0]));
/// assert_eq!(weighted(Tensor::from([1.0, 0.5]), m), Tensor::from([3.0, 3.5]));
/// ```
pub trait VmapInput<const B: usize> {
    /// What the function receives for one batch entry.
    type Item;
    /// [`MappedKind`] for a mapped argument, [`BroadcastKind`] for a
    /// broadcast one.
    type Kind;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// The value for batch entry `b`.
    fn item(&self, b: usize) -> Self::Item;
}

/// The [`VmapInput::Kind`] of a mapped argument: it gives the batch size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MappedKind;

/// The [`VmapInput::Kind`] of a [`Broadcast`] argument: it fits any batch
/// size, and gives none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BroadcastKind;

impl<const B: usize, X: VmapArg<B>> VmapInput<B> for X {
    type Item = X::Item;
    type Kind = MappedKind;
    #[inline(always)]
    fn item(&self, b: usize) -> X::Item {
        VmapArg::item(self, b)
    }
}

// Kept out of the impl lists of rejected arguments (the notes of `VmapArg`
// name the broadcast form already).
#[diagnostic::do_not_recommend]
impl<const B: usize, T: Clone> VmapInput<B> for Broadcast<T> {
    type Item = T;
    type Kind = BroadcastKind;
    #[inline(always)]
    fn item(&self, _b: usize) -> T {
        self.0.clone()
    }
}

/// The arguments of a vmap, as the tuple of their types, when at least one
/// of them is mapped and so gives the batch size `B`. With every argument
/// [`Broadcast`] nothing gives it, and the call does not compile (JAX:
/// "vmap must have at least one non-None value in in_axes").
///
/// In generic code, an argument bounded by [`VmapInput<B>`](VmapInput) may
/// be a broadcast, so a vmap whose arguments are all such (or come before the
/// first mapped one) asks for this bound on the tuple of their types.
///
/// One impl per arity, over its argument types, that reads their kinds from
/// [`AnyMappedKind`]. `do_not_recommend` makes rustc report the unmet bound
/// as this trait's, on the user's own argument types and with this trait's
/// message; the kinds never show.
///
/// # Example
///
/// ```
/// use constgrad::vmap::{AnyMapped, Broadcast};
/// use constgrad::Tensor;
///
/// fn checks<const B: usize, A: AnyMapped<B>>(_: &A) {}
/// checks::<3, _>(&(Broadcast(1.0), Tensor::from([1.0, 2.0, 3.0])));
/// ```
///
/// ```compile_fail,E0277
/// use constgrad::vmap::{AnyMapped, Broadcast};
///
/// fn checks<const B: usize, A: AnyMapped<B>>(_: &A) {}
/// checks::<3, _>(&(Broadcast(1.0), Broadcast(2.0))); // nothing mapped
/// ```
#[diagnostic::on_unimplemented(
    message = "no argument of this vmap is mapped, so the batch size is unknown",
    label = "every argument is `Broadcast` or, in generic code, not known to be mapped",
    note = "to fix it, map an argument (a `Tensor` along axis 0, `x.in_axis::<AX>()` along axis AX), or, to call the function B times on the same value, pass `Repeat::<B, _>(x)`"
)]
pub trait AnyMapped<const B: usize> {}

/// `AnyMapped` for the argument tuples of one arity.
macro_rules! any_mapped {
    ($(($($x:ident),+);)+) => {$(
        #[diagnostic::do_not_recommend]
        impl<const B: usize, $($x: VmapInput<B>),+> AnyMapped<B> for ($($x,)+)
        where
            ($($x::Kind,)+): AnyMappedKind,
        {
        }
    )+};
}

any_mapped! {
    (X);
    (X, Y);
    (X, Y, Z);
}

/// The tuples of argument kinds ([`MappedKind`], [`BroadcastKind`]) with at
/// least one [`MappedKind`]: the table behind [`AnyMapped`], one row per
/// position of the first mapped argument.
///
/// # Example
///
/// ```
/// use constgrad::vmap::{AnyMappedKind, BroadcastKind, MappedKind};
///
/// fn has_one<K: AnyMappedKind>() {}
/// has_one::<(BroadcastKind, MappedKind, BroadcastKind)>();
/// ```
pub trait AnyMappedKind {}

impl AnyMappedKind for (MappedKind,) {}
impl<K> AnyMappedKind for (MappedKind, K) {}
impl AnyMappedKind for (BroadcastKind, MappedKind) {}
impl<K, L> AnyMappedKind for (MappedKind, K, L) {}
impl<L> AnyMappedKind for (BroadcastKind, MappedKind, L) {}
impl AnyMappedKind for (BroadcastKind, BroadcastKind, MappedKind) {}

/// An element type of a vmapped result: the value the result's storage is
/// filled with before the batch entries are written into it.
///
/// Zero for every [`Scalar`] (`f32`, `f64`, dual numbers) and integer,
/// `false` for `bool`. An all-zero fill compiles to a `memset`, which costs
/// what the `[0.0; N]` of a hand-written loop costs.
///
/// # Example
///
/// ```
/// use constgrad::vmap::Fill;
///
/// assert_eq!(<f64 as Fill>::fill(), 0.0);
/// assert_eq!(<u8 as Fill>::fill(), 0);
/// assert!(!<bool as Fill>::fill());
/// ```
pub trait Fill: Element {
    /// The fill value.
    fn fill() -> Self;
}

impl<T: Scalar> Fill for T {
    #[inline(always)]
    fn fill() -> T {
        T::zero()
    }
}

/// `Fill` for the primitive integers.
macro_rules! int_fill {
    ($($t:ty),*) => {$(
        impl Fill for $t {
            #[inline(always)]
            fn fill() -> $t {
                0
            }
        }
    )*};
}
int_fill!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl Fill for bool {
    #[inline(always)]
    fn fill() -> bool {
        false
    }
}

/// A result of a vmapped function: how `B` of them are stacked.
///
/// - a scalar `E` (any [`Fill`] element: `f64`, `f32`, dual numbers,
///   integers, `bool`) → `Tensor<Rank1<B>, E>`;
/// - a `Tensor<S, E>` → `Tensor<[B, S…], E>` (see [`Prepend`]);
/// - a tuple of up to four results → the tuple of their stacks.
///
/// # Example
///
/// ```
/// use constgrad::vmap::Batched;
/// use constgrad::{Rank1, Rank2, Tensor};
///
/// let s: Tensor<Rank1<2>> = Batched::stack([1.0, 2.0]);
/// assert_eq!(s, Tensor::from([1.0, 2.0]));
/// let t: Tensor<Rank2<2, 1>> = Batched::stack([Tensor::from([1.0]), Tensor::from([2.0])]);
/// assert_eq!(t, Tensor::from([[1.0], [2.0]]));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the result of a vmapped function with batch size {B}",
    note = "a vmapped function returns a scalar, a `Tensor` of rank 5 at most, or a tuple of up to four of them"
)]
pub trait Batched<const B: usize>: Copy {
    /// The stacked type.
    type Output;
    /// The storage the results are written into, one batch entry at a time.
    type Buffer;

    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// The storage, every element set to [`Fill::fill`].
    fn empty() -> Self::Buffer;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Writes the result for batch entry `b` (`b < B`).
    fn set(buffer: &mut Self::Buffer, b: usize, value: Self);
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// The stacked result of a filled buffer.
    fn finish(buffer: Self::Buffer) -> Self::Output;

    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Calls `call` on every batch entry `0..B`, in order, and stacks the
    /// results in place: the driver of [`vmap`].
    ///
    /// A plain loop over a zero-filled buffer, as a hand-written loop would
    /// be. (`core::array::from_fn` would skip the fill, but rustc does not
    /// always inline its per-element closure once the mapped function is
    /// inlined into it, and then pays a call per entry: up to 2× slower in
    /// `benches/vmap.rs`.)
    #[inline(always)]
    fn collect(mut call: impl FnMut(usize) -> Self) -> Self::Output {
        let mut buffer = Self::empty();
        for b in 0..B {
            Self::set(&mut buffer, b, call(b));
        }
        Self::finish(buffer)
    }

    /// Stacks the results of the `B` calls, in batch order.
    #[inline]
    fn stack(items: [Self; B]) -> Self::Output {
        Self::collect(|b| items[b])
    }
}

impl<const B: usize, E: Fill> Batched<B> for E {
    type Output = Tensor<Rank1<B>, E>;
    type Buffer = [E; B];
    #[inline(always)]
    fn empty() -> [E; B] {
        [E::fill(); B]
    }
    #[inline(always)]
    fn set(buffer: &mut [E; B], b: usize, value: E) {
        buffer[b] = value;
    }
    #[inline(always)]
    fn finish(buffer: [E; B]) -> Tensor<Rank1<B>, E> {
        Tensor::new(buffer)
    }
}

impl<const B: usize, S: Prepend<B>, E: Fill> Batched<B> for Tensor<S, E> {
    type Output = Tensor<S::Output, E>;
    type Buffer = Tensor<S::Output, E>;
    #[inline(always)]
    fn empty() -> Self::Buffer {
        Tensor::filled(E::fill())
    }
    #[inline(always)]
    fn set(buffer: &mut Self::Buffer, b: usize, value: Self) {
        let n = S::NUMEL;
        buffer.as_mut_slice()[b * n..(b + 1) * n].copy_from_slice(value.as_slice());
    }
    #[inline(always)]
    fn finish(buffer: Self::Buffer) -> Self::Output {
        buffer
    }
}

/// `Batched` for tuples: each component is stacked on its own.
macro_rules! tuple_batched {
    ($(($($t:ident $i:tt),+);)+) => {$(
        impl<const B: usize, $($t: Batched<B>),+> Batched<B> for ($($t,)+) {
            type Output = ($($t::Output,)+);
            type Buffer = ($($t::Buffer,)+);
            #[inline(always)]
            fn empty() -> Self::Buffer {
                ($($t::empty(),)+)
            }
            #[inline(always)]
            fn set(buffer: &mut Self::Buffer, b: usize, value: Self) {
                $($t::set(&mut buffer.$i, b, value.$i);)+
            }
            #[inline(always)]
            fn finish(buffer: Self::Buffer) -> Self::Output {
                ($($t::finish(buffer.$i),)+)
            }
        }
    )+};
}

tuple_batched! {
    (T0 0);
    (T0 0, T1 1);
    (T0 0, T1 1, T2 2);
    (T0 0, T1 1, T2 2, T3 3);
}

/// Maps `f` over one argument: `f` is called on each of the `B` batch entries
/// of `x` and the results are stacked along a new leading axis.
///
/// `x` is a [`Tensor`] (mapped along axis 0), `x.in_axis::<AX>()` (mapped
/// along axis `AX`) or [`Repeat::<B, _>`](Repeat)`(x)` (the same value `B`
/// times, JAX's `axis_size`). A [`Broadcast`] argument alone leaves nothing
/// to give the batch size, and does not compile (JAX: "vmap must have at
/// least one non-None value in in_axes"):
///
/// ```compile_fail,E0277
/// use constgrad::vmap::{vmap, Broadcast};
/// use constgrad::Tensor;
///
/// let w = Tensor::from([1.0, 2.0]);
/// // error: no argument of this vmap is mapped, so the batch size is unknown
/// let _ = vmap(|w: Tensor<_>| w.sum(), Broadcast(w));
/// ```
///
/// The fix is to map an argument, or to say how many calls:
///
/// ```
/// use constgrad::vmap::{vmap, Repeat};
/// use constgrad::Tensor;
///
/// let w = Tensor::from([1.0, 2.0]);
/// let sums = vmap(|w: Tensor<_>| w.sum(), Repeat::<4, _>(w));
/// assert_eq!(sums, Tensor::from([3.0; 4]));
/// ```
///
/// # Example
///
/// ```
/// use constgrad::vmap::vmap;
/// use constgrad::{Rank1, Tensor};
///
/// let x = Tensor::<Rank1<4>>::linspace(0.0, 3.0);
/// let (sq, cube) = vmap(|x: f64| (x * x, x * x * x), x);
/// assert_eq!(sq, Tensor::from([0.0, 1.0, 4.0, 9.0]));
/// assert_eq!(cube, Tensor::from([0.0, 1.0, 8.0, 27.0]));
/// ```
#[inline]
pub fn vmap<const B: usize, X, O>(mut f: impl FnMut(X::Item) -> O, x: X) -> O::Output
where
    X: VmapInput<B>,
    (X,): AnyMapped<B>,
    O: Batched<B>,
{
    O::collect(|b| f(x.item(b)))
}

/// Maps `f` over two arguments with the same batch size `B` (each one mapped
/// along an axis or broadcast, at least one mapped; see [`vmap`]). Mapped
/// arguments whose batch sizes differ do not compile.
///
/// # Example
///
/// ```
/// use constgrad::vmap::vmap2;
/// use constgrad::{Rank1, Tensor};
///
/// let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// let b = Tensor::from([[5.0, 6.0], [7.0, 8.0]]);
/// // Row i of `a` with column i of `b`.
/// let dots = vmap2(
///     |r: Tensor<Rank1<2>>, c: Tensor<Rank1<2>>| (r * c).sum(),
///     a,
///     b.in_axis::<1>(),
/// );
/// assert_eq!(dots, Tensor::from([1.0 * 5.0 + 2.0 * 7.0, 3.0 * 6.0 + 4.0 * 8.0]));
/// ```
#[inline]
pub fn vmap2<const B: usize, X, Y, O>(
    mut f: impl FnMut(X::Item, Y::Item) -> O,
    x: X,
    y: Y,
) -> O::Output
where
    X: VmapInput<B>,
    Y: VmapInput<B>,
    (X, Y): AnyMapped<B>,
    O: Batched<B>,
{
    O::collect(|b| f(x.item(b), y.item(b)))
}

/// Maps `f` over three arguments with the same batch size `B` (each one
/// mapped along an axis or broadcast, at least one mapped; see [`vmap`]).
///
/// # Example
///
/// ```
/// use constgrad::vmap::{vmap3, Broadcast};
/// use constgrad::{Rank1, Tensor};
///
/// let x = Tensor::from([1.0, 2.0, 3.0]);
/// let y = Tensor::from([[1.0, 0.0, 2.0], [1.0, 1.0, 1.0]]); // mapped along axis 1
/// let out = vmap3(
///     |x: f64, col: Tensor<Rank1<2>>, z: f64| x * col.sum() + z,
///     x,
///     y.in_axis::<1>(),
///     Broadcast(0.5),
/// );
/// assert_eq!(out, Tensor::from([2.5, 2.5, 9.5]));
/// ```
#[inline]
pub fn vmap3<const B: usize, X, Y, Z, O>(
    mut f: impl FnMut(X::Item, Y::Item, Z::Item) -> O,
    x: X,
    y: Y,
    z: Z,
) -> O::Output
where
    X: VmapInput<B>,
    Y: VmapInput<B>,
    Z: VmapInput<B>,
    (X, Y, Z): AnyMapped<B>,
    O: Batched<B>,
{
    O::collect(|b| f(x.item(b), y.item(b), z.item(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_along_every_axis_of_a_rank_3_tensor() {
        let t = Tensor::<Rank3<2, 3, 4>>::from_flat_fn(|k| k as f64);
        let a0 = vmap(|s: Tensor<Rank2<3, 4>>| s, t.in_axis::<0>());
        assert_eq!(a0, t);
        let a1 = vmap(|s: Tensor<Rank2<2, 4>>| s, t.in_axis::<1>());
        assert_eq!(
            a1,
            Tensor::<Rank3<3, 2, 4>>::from_fn(|[j, i, k]| t[[i, j, k]])
        );
        let a2 = vmap(|s: Tensor<Rank2<2, 3>>| s, t.in_axis::<2>());
        assert_eq!(
            a2,
            Tensor::<Rank3<4, 2, 3>>::from_fn(|[k, i, j]| t[[i, j, k]])
        );
    }
}
