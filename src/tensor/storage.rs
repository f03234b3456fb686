//! Where a tensor's elements live: [`Inline`] (a nested array inside the
//! tensor, no heap) or `Heap` (one boxed slice, feature `alloc`).
//!
//! [`Tensor<S, E, D>`](crate::Tensor) takes the storage as its third
//! parameter, `Inline` by default, so `Tensor<S, E>` is the inline, `Copy`
//! tensor and `HeapTensor<S, E>` is `Tensor<S, E, Heap>`.
//! Every operation that only needs the flat row-major elements is written
//! once over `D: Storage` and serves both; only what needs the nested array
//! (`new`, `as_array`, `stack`, indexing by nested arrays, `const fn`s) is
//! inline-only, and only what needs the box (`try_from_boxed_slice`,
//! `into_boxed_slice`) is heap-only.
//!
//! The trait is sealed: the two storages are the only ones.
//!
//! # Example
//!
//! ```
//! use constgrad::{Heap, Inline, Rank2, Tensor};
//!
//! let a = Tensor::<Rank2<2, 2>, f64, Inline>::from_fn(|[i, j]| (i + j) as f64);
//! let h = Tensor::<Rank2<2, 2>, f64, Heap>::from_fn(|[i, j]| (i + j) as f64);
//! assert_eq!((a + 1.0).as_slice(), (h + 1.0).as_slice());
//! ```

use crate::shape::Shape;

mod sealed {
    pub trait Sealed {}
}

/// A tensor's storage: the buffer type of shape `S` and element `E`
/// (through a generic associated type) and flat row-major access to it.
/// Implemented by [`Inline`] and `Heap` (feature `alloc`) only.
pub trait Storage: sealed::Sealed + Sized + 'static {
    /// The buffer holding `S::NUMEL` elements of type `E`, row-major.
    type Buf<S: Shape, E: Copy>;

    /// `Tensor` for inline storage, `HeapTensor` for heap storage: the name
    /// `Debug` prints.
    const NAME: &'static str;

    /// Builds the buffer from a function of the flat position, called once
    /// per position, in order.
    fn from_flat_fn<S: Shape, E: Copy>(f: impl FnMut(usize) -> E) -> Self::Buf<S, E>;

    /// The buffer with every element equal to `value`.
    fn filled<S: Shape, E: Copy>(value: E) -> Self::Buf<S, E>;

    /// The elements as one flat row-major slice.
    fn flat<S: Shape, E: Copy>(buf: &Self::Buf<S, E>) -> &[E];

    /// The elements as one flat row-major mutable slice.
    fn flat_mut<S: Shape, E: Copy>(buf: &mut Self::Buf<S, E>) -> &mut [E];

    /// `f(x)` for every element `x`, consuming the buffer: built afresh for
    /// inline storage (the code the compiler sees for an inline `a * 2.0` is
    /// that of a fresh `from_flat_fn`), written in place for heap storage (a
    /// by-value heap operation allocates nothing). The elementwise kernels
    /// below take pure functions, so heap storage may split them over
    /// threads (feature `rayon`) with the same bits.
    fn map_owned<S: Shape, E: Copy + Send + Sync>(
        buf: Self::Buf<S, E>,
        f: impl Fn(E) -> E + Sync,
    ) -> Self::Buf<S, E>;

    /// `f(x, y)` for every element `x` and the element `y` of `other` at the
    /// same position, consuming the buffer (as [`Storage::map_owned`]).
    fn zip_owned<S: Shape, E: Copy + Send + Sync>(
        buf: Self::Buf<S, E>,
        other: &[E],
        f: impl Fn(E, E) -> E + Sync,
    ) -> Self::Buf<S, E>;

    /// `f(x)` for every element `x` of `s`, in place.
    fn update<E: Copy + Send + Sync>(s: &mut [E], f: impl Fn(&mut E) + Sync);

    /// `f(x, y)` for every element `x` of `s` and the element `y` of `other`
    /// at the same position, in place.
    fn zip_update<E: Copy + Send + Sync>(s: &mut [E], other: &[E], f: impl Fn(&mut E, E) + Sync);
}

/// Inline storage: the nested array `S::Array<E>` (`[[E; 4]; 3]`) inside
/// the tensor. The default; such tensors are `Copy` and never allocate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inline;

impl sealed::Sealed for Inline {}

impl Storage for Inline {
    type Buf<S: Shape, E: Copy> = S::Array<E>;
    const NAME: &'static str = "Tensor";

    #[inline]
    fn from_flat_fn<S: Shape, E: Copy>(f: impl FnMut(usize) -> E) -> S::Array<E> {
        S::array_from_fn(f)
    }

    #[inline]
    fn filled<S: Shape, E: Copy>(value: E) -> S::Array<E> {
        S::array_filled(value)
    }

    #[inline]
    fn flat<S: Shape, E: Copy>(buf: &S::Array<E>) -> &[E] {
        S::flat(buf)
    }

    #[inline]
    fn flat_mut<S: Shape, E: Copy>(buf: &mut S::Array<E>) -> &mut [E] {
        S::flat_mut(buf)
    }

    #[inline]
    fn map_owned<S: Shape, E: Copy + Send + Sync>(
        buf: S::Array<E>,
        f: impl Fn(E) -> E + Sync,
    ) -> S::Array<E> {
        let s = S::flat(&buf);
        S::array_from_fn(|k| f(s[k]))
    }

    #[inline]
    fn zip_owned<S: Shape, E: Copy + Send + Sync>(
        buf: S::Array<E>,
        other: &[E],
        f: impl Fn(E, E) -> E + Sync,
    ) -> S::Array<E> {
        let s = S::flat(&buf);
        S::array_from_fn(|k| f(s[k], other[k]))
    }

    #[inline]
    fn update<E: Copy + Send + Sync>(s: &mut [E], f: impl Fn(&mut E) + Sync) {
        s.iter_mut().for_each(f);
    }

    #[inline]
    fn zip_update<E: Copy + Send + Sync>(s: &mut [E], other: &[E], f: impl Fn(&mut E, E) + Sync) {
        for (x, &y) in s.iter_mut().zip(other) {
            f(x, y);
        }
    }
}

/// Heap storage: one boxed slice of `S::NUMEL` elements (feature `alloc`),
/// for fields too large for a stack. Built in place: the elements are
/// written straight into the heap buffer, never into a stack temporary
/// (`Box::new([[0.0; 1024]; 1024])` would build 8 MB on the stack first and
/// overflow a debug build's thread stack).
#[cfg(feature = "alloc")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Heap;

#[cfg(feature = "alloc")]
impl sealed::Sealed for Heap {}

#[cfg(feature = "alloc")]
impl Storage for Heap {
    type Buf<S: Shape, E: Copy> = alloc::boxed::Box<[E]>;
    const NAME: &'static str = "HeapTensor";

    #[inline]
    fn from_flat_fn<S: Shape, E: Copy>(f: impl FnMut(usize) -> E) -> alloc::boxed::Box<[E]> {
        // An exact-size iterator: one allocation, no reallocation.
        (0..S::NUMEL).map(f).collect()
    }

    #[inline]
    fn filled<S: Shape, E: Copy>(value: E) -> alloc::boxed::Box<[E]> {
        // `vec!` asks the allocator for zeroed memory when `value` is a zero
        // of a primitive: fresh pages are then never written at all.
        alloc::vec![value; S::NUMEL].into_boxed_slice()
    }

    #[inline]
    fn flat<S: Shape, E: Copy>(buf: &alloc::boxed::Box<[E]>) -> &[E] {
        buf
    }

    #[inline]
    fn flat_mut<S: Shape, E: Copy>(buf: &mut alloc::boxed::Box<[E]>) -> &mut [E] {
        buf
    }

    #[inline]
    fn map_owned<S: Shape, E: Copy + Send + Sync>(
        mut buf: alloc::boxed::Box<[E]>,
        f: impl Fn(E) -> E + Sync,
    ) -> alloc::boxed::Box<[E]> {
        Self::update(&mut buf, |x| *x = f(*x));
        buf
    }

    #[inline]
    fn zip_owned<S: Shape, E: Copy + Send + Sync>(
        mut buf: alloc::boxed::Box<[E]>,
        other: &[E],
        f: impl Fn(E, E) -> E + Sync,
    ) -> alloc::boxed::Box<[E]> {
        Self::zip_update(&mut buf, other, |x, y| *x = f(*x, y));
        buf
    }

    #[inline]
    fn update<E: Copy + Send + Sync>(s: &mut [E], f: impl Fn(&mut E) + Sync) {
        #[cfg(feature = "rayon")]
        if s.len() >= parallel::MIN_LEN {
            return parallel::update(s, f);
        }
        s.iter_mut().for_each(f);
    }

    #[inline]
    fn zip_update<E: Copy + Send + Sync>(s: &mut [E], other: &[E], f: impl Fn(&mut E, E) + Sync) {
        #[cfg(feature = "rayon")]
        if s.len() >= parallel::MIN_LEN {
            return parallel::zip_update(s, other, f);
        }
        for (x, &y) in s.iter_mut().zip(other) {
            f(x, y);
        }
    }
}

/// The in-place elementwise heap kernels over rayon's threads (feature
/// `rayon`): each element is computed by the same expression as in the
/// serial loop, so the results are the same bits; only the order in which
/// elements are written changes.
#[cfg(feature = "rayon")]
pub(crate) mod parallel {
    use rayon::prelude::*;

    /// Below this many elements one thread is faster (the stencils' threshold
    /// too): a split costs microseconds, as much as a serial pass over 2¹⁶
    /// doubles.
    pub(crate) const MIN_LEN: usize = 1 << 16;
    /// Elements per task at least: enough to amortize a task.
    const CHUNK: usize = 1 << 14;

    pub(super) fn update<E: Send>(s: &mut [E], f: impl Fn(&mut E) + Sync) {
        s.par_iter_mut().with_min_len(CHUNK).for_each(&f);
    }

    pub(super) fn zip_update<E: Copy + Send + Sync>(
        s: &mut [E],
        other: &[E],
        f: impl Fn(&mut E, E) + Sync,
    ) {
        s.par_iter_mut()
            .zip(other.par_iter())
            .with_min_len(CHUNK)
            .for_each(|(x, &y)| f(x, y));
    }
}
