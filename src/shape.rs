//! Shapes as types: the rank markers [`Rank0`] … [`Rank6`], the [`Shape`]
//! trait, and the tables that turn numpy's and JAX's run-time shape checks
//! into compile errors ([`HasAxis`], [`AxisOfLen`], [`Prepend`], [`Concat`]).
//!
//! Stable Rust has no arithmetic on const parameters in types, so every
//! relation between two shapes that needs one (removing an axis, adding a
//! batch axis, concatenating) is a trait implemented by a macro for each
//! rank. Relations that need an inequality or a product (a reshape keeping the
//! element count) are inline `const` assertions instead.
//!
//! # Example
//!
//! ```
//! use constgrad::{Rank3, Shape};
//!
//! assert_eq!(Rank3::<2, 3, 4>::RANK, 3);
//! assert_eq!(Rank3::<2, 3, 4>::NUMEL, 24);
//! assert_eq!(Rank3::<2, 3, 4>::DIMS, &[2, 3, 4]);
//! ```

use core::fmt::Debug;

/// A tensor shape known at compile time.
///
/// Implemented only by the rank markers [`Rank0`] … [`Rank6`]. The storage of
/// a tensor of this shape is [`Shape::Array`]: a nested array, inline and
/// row-major, with exactly [`Shape::NUMEL`] elements.
///
/// Every shape is also a [`Tangent`](crate::dual::Tangent) (a supertrait),
/// so code generic over `S: Shape` can call [`grad`](crate::ad::grad) and
/// [`jacobian`](crate::ad::jacobian) without naming `Tangent`.
///
/// # Example
///
/// ```
/// use constgrad::{Rank2, Shape};
///
/// let a: <Rank2<2, 3> as Shape>::Array<f64> = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// assert_eq!(Rank2::<2, 3>::flat(&a), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
///
/// fn slope<S: Shape>(x: constgrad::Tensor<S>) -> constgrad::Tensor<S> {
///     constgrad::ad::grad(|x| (x * x).sum(), x)
/// }
/// assert_eq!(slope(constgrad::Tensor::from([1.0, 2.0])).as_slice(), &[2.0, 4.0]);
/// ```
pub trait Shape:
    Copy + Default + Debug + PartialEq + Eq + Send + Sync + 'static + crate::dual::Tangent
{
    /// The number of axes.
    const RANK: usize;
    /// The number of elements: the product of the dimensions (1 for rank 0).
    const NUMEL: usize;
    /// The dimensions, outermost first.
    const DIMS: &'static [usize];
    /// Inline row-major storage: `E` for rank 0, `[E; A]` for rank 1,
    /// `[[E; B]; A]` for rank 2, and so on.
    type Array<E: Copy>: Copy;
    /// A multi-index: `[usize; RANK]`.
    type Index: Copy + Debug + Default + PartialEq + AsRef<[usize]> + AsMut<[usize]>;

    /// The elements of `a` as one flat row-major slice.
    fn flat<E: Copy>(a: &Self::Array<E>) -> &[E];
    /// The elements of `a` as one flat, mutable, row-major slice.
    fn flat_mut<E: Copy>(a: &mut Self::Array<E>) -> &mut [E];
    /// Builds the storage from a function of the flat (row-major) position,
    /// calling it once per position, in order.
    fn array_from_fn<E: Copy>(f: impl FnMut(usize) -> E) -> Self::Array<E>;
    /// The storage with every element equal to `value` (a repeat expression).
    fn array_filled<E: Copy>(value: E) -> Self::Array<E>;

    /// The flat row-major position of a multi-index, or `None` if any
    /// component is out of bounds.
    #[inline]
    #[must_use]
    fn offset(index: &[usize]) -> Option<usize> {
        if index.len() != Self::RANK {
            return None;
        }
        let mut off = 0;
        for (&i, &d) in index.iter().zip(Self::DIMS) {
            if i >= d {
                return None;
            }
            off = off * d + i;
        }
        Some(off)
    }

    /// The multi-index of a flat row-major position (`flat < NUMEL`).
    #[inline]
    #[must_use]
    fn unravel(mut flat: usize) -> Self::Index {
        let mut ix = Self::Index::default();
        for (slot, &d) in ix.as_mut().iter_mut().zip(Self::DIMS).rev() {
            *slot = flat % d;
            flat /= d;
        }
        ix
    }
}

/// The product of a list of dimensions (1 for the empty list).
#[must_use]
pub const fn product(dims: &[usize]) -> usize {
    let mut p = 1;
    let mut i = 0;
    while i < dims.len() {
        p *= dims[i];
        i += 1;
    }
    p
}

/// Splits `dims` around axis `ax`: (product before, length of `ax`, product after).
///
/// Every axis-wise kernel (reductions, stencils, vmap along an axis) walks a
/// tensor as `outer × len × inner` with this split.
///
/// # Example
///
/// ```
/// assert_eq!(constgrad::shape::axis_split(&[2, 3, 4], 1), (2, 3, 4));
/// ```
#[must_use]
pub const fn axis_split(dims: &[usize], ax: usize) -> (usize, usize, usize) {
    let mut outer = 1;
    let mut inner = 1;
    let mut i = 0;
    while i < dims.len() {
        if i < ax {
            outer *= dims[i];
        } else if i > ax {
            inner *= dims[i];
        }
        i += 1;
    }
    (outer, dims[ax], inner)
}

/// Rank 0: a scalar. Storage `E`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rank0;

impl Shape for Rank0 {
    const RANK: usize = 0;
    const NUMEL: usize = 1;
    const DIMS: &'static [usize] = &[];
    type Array<E: Copy> = E;
    type Index = [usize; 0];

    #[inline]
    fn flat<E: Copy>(a: &E) -> &[E] {
        core::slice::from_ref(a)
    }
    #[inline]
    fn flat_mut<E: Copy>(a: &mut E) -> &mut [E] {
        core::slice::from_mut(a)
    }
    #[inline]
    fn array_from_fn<E: Copy>(mut f: impl FnMut(usize) -> E) -> E {
        f(0)
    }
    #[inline]
    fn array_filled<E: Copy>(value: E) -> E {
        value
    }
}

/// Rank 1: a vector of `A` elements. Storage `[E; A]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rank1<const A: usize>;

impl<const A: usize> Shape for Rank1<A> {
    const RANK: usize = 1;
    const NUMEL: usize = A;
    const DIMS: &'static [usize] = &[A];
    type Array<E: Copy> = [E; A];
    type Index = [usize; 1];

    #[inline]
    fn flat<E: Copy>(a: &[E; A]) -> &[E] {
        a
    }
    #[inline]
    fn flat_mut<E: Copy>(a: &mut [E; A]) -> &mut [E] {
        a
    }
    #[inline]
    fn array_from_fn<E: Copy>(mut f: impl FnMut(usize) -> E) -> [E; A] {
        // Filled with the first element, then overwritten in order: a plain
        // loop that LLVM unrolls and vectorizes, where `core::array::from_fn`
        // stops being inlined at moderate sizes. An empty array needs no value.
        if A == 0 {
            return core::array::from_fn(f);
        }
        let mut a = [f(0); A];
        for (k, x) in a.iter_mut().enumerate().skip(1) {
            *x = f(k);
        }
        a
    }
    #[inline]
    fn array_filled<E: Copy>(value: E) -> [E; A] {
        [value; A]
    }
}

/// Writes the `Shape` impl of a rank ≥ 2 marker. Building recurses into the
/// next lower rank; flattening peels one array level per `as_flattened`.
macro_rules! higher_rank {
    ($(#[$doc:meta])* $name:ident, $rank:literal, [$first:ident $(, $rest:ident)+],
     $arr:ty, $lower:ty, [$($fl:ident)+], [$($flm:ident)+]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name<const $first: usize, $(const $rest: usize),+>;

        impl<const $first: usize, $(const $rest: usize),+> Shape for $name<$first, $($rest),+> {
            const RANK: usize = $rank;
            const NUMEL: usize = $first $(* $rest)+;
            const DIMS: &'static [usize] = &[$first, $($rest),+];
            type Array<E: Copy> = $arr;
            type Index = [usize; $rank];

            #[inline]
            fn flat<E: Copy>(a: &Self::Array<E>) -> &[E] {
                a $(.$fl())+
            }
            #[inline]
            fn flat_mut<E: Copy>(a: &mut Self::Array<E>) -> &mut [E] {
                a $(.$flm())+
            }
            #[inline]
            fn array_from_fn<E: Copy>(mut f: impl FnMut(usize) -> E) -> Self::Array<E> {
                // As for rank 1: fill with the first element, then overwrite
                // the flat storage in order (no nested `from_fn` closures).
                if Self::NUMEL == 0 {
                    let stride = <$lower as Shape>::NUMEL;
                    return core::array::from_fn(|i| {
                        <$lower as Shape>::array_from_fn(|k| f(i * stride + k))
                    });
                }
                let mut a = Self::array_filled(f(0));
                for (k, x) in Self::flat_mut(&mut a).iter_mut().enumerate().skip(1) {
                    *x = f(k);
                }
                a
            }
            #[inline]
            fn array_filled<E: Copy>(value: E) -> Self::Array<E> {
                [<$lower as Shape>::array_filled(value); $first]
            }
        }
    };
}

higher_rank!(
    /// Rank 2: an `A × B` matrix. Storage `[[E; B]; A]`.
    Rank2, 2, [A, B], [[E; B]; A], Rank1<B>,
    [as_flattened], [as_flattened_mut]
);
higher_rank!(
    /// Rank 3: `A × B × C`. Storage `[[[E; C]; B]; A]`.
    Rank3, 3, [A, B, C], [[[E; C]; B]; A], Rank2<B, C>,
    [as_flattened as_flattened], [as_flattened_mut as_flattened_mut]
);
higher_rank!(
    /// Rank 4: `A × B × C × D`. Storage `[[[[E; D]; C]; B]; A]`.
    Rank4, 4, [A, B, C, D], [[[[E; D]; C]; B]; A], Rank3<B, C, D>,
    [as_flattened as_flattened as_flattened],
    [as_flattened_mut as_flattened_mut as_flattened_mut]
);
higher_rank!(
    /// Rank 5: `A × B × C × D × F`. Storage nested five deep.
    Rank5, 5, [A, B, C, D, F], [[[[[E; F]; D]; C]; B]; A], Rank4<B, C, D, F>,
    [as_flattened as_flattened as_flattened as_flattened],
    [as_flattened_mut as_flattened_mut as_flattened_mut as_flattened_mut]
);
higher_rank!(
    /// Rank 6: `A × B × C × D × F × G`. Storage nested six deep.
    Rank6, 6, [A, B, C, D, F, G], [[[[[[E; G]; F]; D]; C]; B]; A], Rank5<B, C, D, F, G>,
    [as_flattened as_flattened as_flattened as_flattened as_flattened],
    [as_flattened_mut as_flattened_mut as_flattened_mut as_flattened_mut as_flattened_mut]
);

/// Shapes that have axis `AX`: the compile-time table behind every "along an
/// axis" operation (reductions, stencil gradients, vmap along an axis).
///
/// # Example
///
/// ```
/// use constgrad::{HasAxis, Rank1, Rank2, Rank3};
///
/// assert_eq!(<Rank3<2, 3, 4> as HasAxis<1>>::LEN, 3);
/// let _: <Rank3<2, 3, 4> as HasAxis<1>>::Removed = Rank2::<2, 4>;
/// let _: <Rank2<5, 7> as HasAxis<0>>::Coords<f64> = [0.0; 5];
/// ```
#[diagnostic::on_unimplemented(
    message = "axis {AX} is out of range for a tensor of shape `{Self}`",
    label = "`{Self}` has no axis {AX}",
    note = "axes are numbered from 0 to rank - 1"
)]
pub trait HasAxis<const AX: usize>: Shape {
    /// The length of axis `AX`.
    const LEN: usize;
    /// This shape with axis `AX` removed.
    type Removed: Shape;
    /// An array with one entry per position along axis `AX` (`[E; LEN]`),
    /// such as the coordinates of a non-uniform grid.
    type Coords<E: Copy>: Copy + AsRef<[E]> + AsMut<[E]>;
}

/// Shapes whose axis `AX` has length `N`: a mapped vmap argument whose batch
/// size is `N`.
///
/// # Example
///
/// ```
/// use constgrad::{AxisOfLen, Rank2};
///
/// fn batch_of_four<S: AxisOfLen<0, 4>>() {}
/// batch_of_four::<Rank2<4, 3>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "a tensor of shape `{Self}` cannot be mapped along axis {AX} with batch size {N}",
    label = "axis {AX} of `{Self}` does not have length {N}",
    note = "every mapped argument must have the batch size {N} along its mapped axis"
)]
pub trait AxisOfLen<const AX: usize, const N: usize>: HasAxis<AX> {}

/// The shape with a new leading axis of length `B`: the shape of `B` stacked
/// tensors, or of a vmapped result.
///
/// # Example
///
/// ```
/// use constgrad::{Prepend, Rank2, Rank3};
///
/// let _: <Rank2<3, 4> as Prepend<5>>::Output = Rank3::<5, 3, 4>;
/// ```
#[diagnostic::on_unimplemented(
    message = "cannot add a leading axis of length {B} to shape `{Self}`",
    note = "tensors have rank 6 at most"
)]
pub trait Prepend<const B: usize>: Shape {
    /// `[B, Self…]`.
    type Output: Shape + AxisOfLen<0, B, Removed = Self>;
    /// Views `B` blocks of this shape as the storage of the stacked shape
    /// (the two types are the same array; this only names it).
    fn stack_array<E: Copy>(a: [Self::Array<E>; B]) -> <Self::Output as Shape>::Array<E>;
    /// The inverse of [`Prepend::stack_array`].
    fn unstack_array<E: Copy>(a: <Self::Output as Shape>::Array<E>) -> [Self::Array<E>; B];
}

/// The shape `Self ++ R`: the axes of `Self` followed by those of `R`. A
/// Jacobian of a function from shape `I` to shape `O` has shape `O ++ I`.
///
/// # Example
///
/// ```
/// use constgrad::{Concat, Rank1, Rank2};
///
/// let _: <Rank1<2> as Concat<Rank1<3>>>::Output = Rank2::<2, 3>;
/// ```
#[diagnostic::on_unimplemented(
    message = "the axes of `{Self}` and `{R}` together exceed rank 6",
    note = "tensors have rank 6 at most"
)]
pub trait Concat<R: Shape>: Shape {
    /// `[Self…, R…]`.
    type Output: Shape;
    /// Views the nested storage (an array of `Self`'s shape whose elements
    /// are arrays of `R`'s shape) as the storage of the joined shape; the
    /// two types are the same array.
    fn nest_array<E: Copy>(a: Self::Array<R::Array<E>>) -> <Self::Output as Shape>::Array<E>;
    /// The inverse of [`Concat::nest_array`].
    fn unnest_array<E: Copy>(a: <Self::Output as Shape>::Array<E>) -> Self::Array<R::Array<E>>;
}

/// Names a rank marker from a list of dimension parameters.
macro_rules! rank_ty {
    () => { $crate::shape::Rank0 };
    ($a:ident) => { $crate::shape::Rank1<$a> };
    ($a:ident $b:ident) => { $crate::shape::Rank2<$a, $b> };
    ($a:ident $b:ident $c:ident) => { $crate::shape::Rank3<$a, $b, $c> };
    ($a:ident $b:ident $c:ident $d:ident) => { $crate::shape::Rank4<$a, $b, $c, $d> };
    ($a:ident $b:ident $c:ident $d:ident $e:ident) => { $crate::shape::Rank5<$a, $b, $c, $d, $e> };
    ($a:ident $b:ident $c:ident $d:ident $e:ident $f:ident) => {
        $crate::shape::Rank6<$a, $b, $c, $d, $e, $f>
    };
}
pub(crate) use rank_ty;

/// `HasAxis<AX>` and `AxisOfLen<AX, len>` for one (rank, axis) pair: the
/// dimensions, the axis, its length parameter, and the remaining dimensions.
macro_rules! axis_entry {
    ([$($d:ident)+], $ax:literal, $len:ident, [$($r:ident)*]) => {
        #[diagnostic::do_not_recommend]
        impl<$(const $d: usize),+> HasAxis<$ax> for rank_ty!($($d)+) {
            const LEN: usize = $len;
            type Removed = rank_ty!($($r)*);
            type Coords<E: Copy> = [E; $len];
        }
        impl<$(const $d: usize),+> AxisOfLen<$ax, $len> for rank_ty!($($d)+) {}
    };
}

axis_entry!([A], 0, A, []);
axis_entry!([A B], 0, A, [B]);
axis_entry!([A B], 1, B, [A]);
axis_entry!([A B C], 0, A, [B C]);
axis_entry!([A B C], 1, B, [A C]);
axis_entry!([A B C], 2, C, [A B]);
axis_entry!([A B C D], 0, A, [B C D]);
axis_entry!([A B C D], 1, B, [A C D]);
axis_entry!([A B C D], 2, C, [A B D]);
axis_entry!([A B C D], 3, D, [A B C]);
axis_entry!([A B C D F], 0, A, [B C D F]);
axis_entry!([A B C D F], 1, B, [A C D F]);
axis_entry!([A B C D F], 2, C, [A B D F]);
axis_entry!([A B C D F], 3, D, [A B C F]);
axis_entry!([A B C D F], 4, F, [A B C D]);
axis_entry!([A B C D F G], 0, A, [B C D F G]);
axis_entry!([A B C D F G], 1, B, [A C D F G]);
axis_entry!([A B C D F G], 2, C, [A B D F G]);
axis_entry!([A B C D F G], 3, D, [A B C F G]);
axis_entry!([A B C D F G], 4, F, [A B C D G]);
axis_entry!([A B C D F G], 5, G, [A B C D F]);

/// `AxisOfLen<AX, N>` for an axis `AX` that the shape does not have, bounded by
/// the unsatisfiable `Self: HasAxis<AX>`: it never holds. With it, a vmap
/// argument mapped along a missing axis reports "axis AX is out of range"
/// (the failed bound) instead of "batch size _" (no impl, so no batch size to
/// infer). `do_not_recommend` keeps these impls out of the "other impls"
/// lists. Axes up to 5 are covered; `Rank0` has its own impl, for every
/// axis, with a message of its own ([`MappableAlong`]).
macro_rules! missing_axis {
    ($dims:tt, $($ax:literal)+) => {$(
        missing_axis!(@one $dims, $ax);
    )+};
    (@one [$($d:ident)*], $ax:literal) => {
        #[diagnostic::do_not_recommend]
        impl<const N: usize $(, const $d: usize)*> AxisOfLen<$ax, N> for rank_ty!($($d)*)
        where
            Self: HasAxis<$ax>,
        {
        }
    };
}

missing_axis!([A], 1 2 3 4 5);
missing_axis!([A B], 2 3 4 5);
missing_axis!([A B C], 3 4 5);
missing_axis!([A B C D], 4 5);
missing_axis!([A B C D F], 5);

/// Shapes that vmap can map along axis `AX`, asked of [`Rank0`] only: it
/// has no axis, and nothing implements this trait, so `AxisOfLen` for
/// `Rank0` (below) never holds, and a scalar tensor given to vmap fails on
/// this bound's message instead of on a batch size that cannot be inferred.
///
/// # Example
///
/// ```compile_fail
/// use constgrad::vmap::vmap;
/// use constgrad::{Rank0, Tensor};
///
/// let s = Tensor::<Rank0>::new(2.0);
/// let _ = vmap(|x: f64| x * 2.0, s); // a `Rank0` tensor has no axis 0
/// ```
#[diagnostic::on_unimplemented(
    message = "a `Rank0` tensor has no axis {AX}: it holds one value, so vmap cannot map it",
    label = "a scalar tensor, mapped along axis {AX}",
    note = "to give the same value to every call, capture it in the closure, or pass `Broadcast(x)` next to a mapped argument; to map, pass a tensor of rank 1 or more"
)]
pub trait MappableAlong<const AX: usize>: HasAxis<AX> {}

// Not `do_not_recommend`: rustc would then report this impl's own
// (unsatisfiable) trait, whose batch size it cannot name.
impl<const AX: usize, const N: usize> AxisOfLen<AX, N> for Rank0 where Self: MappableAlong<AX> {}

/// `Prepend<N>` for one rank (the dimensions of the smaller shape).
macro_rules! prepend_entry {
    ([$($d:ident)*]) => {
        impl<const N: usize $(, const $d: usize)*> Prepend<N> for rank_ty!($($d)*) {
            type Output = rank_ty!(N $($d)*);
            #[inline]
            fn stack_array<E: Copy>(a: [Self::Array<E>; N]) -> <Self::Output as Shape>::Array<E> {
                a
            }
            #[inline]
            fn unstack_array<E: Copy>(a: <Self::Output as Shape>::Array<E>) -> [Self::Array<E>; N] {
                a
            }
        }
    };
}

prepend_entry!([]);
prepend_entry!([A]);
prepend_entry!([A B]);
prepend_entry!([A B C]);
prepend_entry!([A B C D]);
prepend_entry!([A B C D F]);

/// `Concat` for one pair of ranks (the dimensions of each side).
macro_rules! concat_entry {
    ([$($a:ident)*], [$($b:ident)*]) => {
        impl<$(const $a: usize,)* $(const $b: usize),*> Concat<rank_ty!($($b)*)> for rank_ty!($($a)*) {
            type Output = rank_ty!($($a)* $($b)*);
            #[inline]
            fn nest_array<E: Copy>(
                a: Self::Array<<rank_ty!($($b)*) as Shape>::Array<E>>,
            ) -> <Self::Output as Shape>::Array<E> {
                a
            }
            #[inline]
            fn unnest_array<E: Copy>(
                a: <Self::Output as Shape>::Array<E>,
            ) -> Self::Array<<rank_ty!($($b)*) as Shape>::Array<E>> {
                a
            }
        }
    };
}

/// Calls `$m!([A…], [P…])` for every pair of ranks that add up to at most 6
/// (left dimensions `A…`, right `P…`): the table behind [`Concat`] and the
/// AD module's Jacobian shapes, written once.
macro_rules! for_rank_pairs {
    ($m:ident) => {
        $crate::shape::for_rank_pairs!(@rows $m
            []: [[] [P] [P Q] [P Q R] [P Q R T] [P Q R T U] [P Q R T U V]]
            [A]: [[] [P] [P Q] [P Q R] [P Q R T] [P Q R T U]]
            [A B]: [[] [P] [P Q] [P Q R] [P Q R T]]
            [A B C]: [[] [P] [P Q] [P Q R]]
            [A B C D]: [[] [P] [P Q]]
            [A B C D F]: [[] [P]]
            [A B C D F G]: [[]]
        );
    };
    (@rows $m:ident $($left:tt: [$($right:tt)*])*) => {
        $($crate::shape::for_rank_pairs!(@row $m $left $($right)*);)*
    };
    (@row $m:ident $left:tt $($right:tt)*) => {
        $($m!($left, $right);)*
    };
}
pub(crate) use for_rank_pairs;

for_rank_pairs!(concat_entry);
