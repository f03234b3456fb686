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

    /// `f(k, x)` for every element `x` at flat position `k`, consuming the
    /// buffer: built afresh for inline storage (the code the compiler sees
    /// for an inline `a + b` is the same as a fresh `from_flat_fn`), written
    /// in place for heap storage (a by-value heap operation allocates
    /// nothing).
    fn map_owned<S: Shape, E: Copy>(
        buf: Self::Buf<S, E>,
        f: impl FnMut(usize, E) -> E,
    ) -> Self::Buf<S, E>;
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
    fn map_owned<S: Shape, E: Copy>(
        buf: S::Array<E>,
        mut f: impl FnMut(usize, E) -> E,
    ) -> S::Array<E> {
        let s = S::flat(&buf);
        S::array_from_fn(|k| f(k, s[k]))
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
    fn map_owned<S: Shape, E: Copy>(
        mut buf: alloc::boxed::Box<[E]>,
        mut f: impl FnMut(usize, E) -> E,
    ) -> alloc::boxed::Box<[E]> {
        for (k, x) in buf.iter_mut().enumerate() {
            *x = f(k, *x);
        }
        buf
    }
}
