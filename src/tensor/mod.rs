//! The statically shaped tensor [`Tensor`]: storage, construction and access.
//!
//! Where the elements live is the tensor's third parameter, a [`Storage`]
//! ([`storage`]: inline by default, or the heap). Arithmetic lives in
//! [`ops`], reductions in [`reduce`], matrix operations and reshapes in
//! [`linalg`], formatting in [`fmt`], what only heap tensors have in `heap`
//! (feature `alloc`), conversions to and from ndarray in `ndarray` (feature
//! `ndarray`), the error of the checked constructors in [`error`]. Each of
//! these is written once for both storages.

mod approx_eq;
pub mod error;
pub mod fmt;
#[cfg(feature = "alloc")]
pub mod heap;
pub mod linalg;
mod logsumexp;
#[cfg(feature = "nalgebra")]
mod nalgebra;
#[cfg(feature = "ndarray")]
pub mod ndarray;
pub mod ops;
pub mod reduce;
pub mod storage;

use crate::scalar::{Element, Real, Scalar};
use crate::shape::{HasAxis, Prepend, Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape};
use crate::tensor::error::ShapeError;
pub use crate::tensor::storage::{Inline, Storage};

/// A tensor whose shape `S` is a type (one of [`Rank0`] … [`Rank6`]) and whose
/// `S::NUMEL` elements of type `E` are stored row-major in `D`: inline, with
/// no heap, by default.
///
/// An inline tensor is `Copy`; it lives on the stack (or inside whatever
/// holds it). For fields too large for the stack see
/// [`HeapTensor`](crate#heap-tensors) (`Tensor<S, E, Heap>`, feature
/// `alloc`), which has the same operations.
///
/// # Example
///
/// ```
/// use constgrad::{Rank2, Tensor};
///
/// let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// let b: Tensor<Rank2<2, 2>> = Tensor::ones();
/// let c = a + b * 2.0;
/// assert_eq!(c[[1, 0]], 5.0);
/// assert_eq!(c.dims(), &[2, 2]);
/// ```
pub struct Tensor<S: Shape, E: Copy = f64, D: Storage = Inline> {
    data: D::Buf<S, E>,
}

impl<S: Shape, E: Copy> Clone for Tensor<S, E> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: Shape, E: Copy> Copy for Tensor<S, E> {}

impl<S: Shape, E: Copy + PartialEq, D: Storage> PartialEq for Tensor<S, E, D> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<S: Shape, E: Copy + Default, D: Storage> Default for Tensor<S, E, D> {
    #[inline]
    fn default() -> Self {
        Self::filled(E::default())
    }
}

impl<S: Shape, E: Copy, D: Storage> Tensor<S, E, D> {
    /// The shape's rank.
    pub const RANK: usize = S::RANK;
    /// The number of elements.
    pub const NUMEL: usize = S::NUMEL;

    /// A tensor with every element equal to `value`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Tensor};
    ///
    /// assert_eq!(Tensor::<Rank1<3>>::filled(7.0).as_slice(), &[7.0, 7.0, 7.0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn filled(value: E) -> Self {
        Self {
            data: D::filled::<S, E>(value),
        }
    }

    /// A tensor built from a function of the flat (row-major) position.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, Tensor};
    ///
    /// let t = Tensor::<Rank2<2, 2>, usize>::from_flat_fn(|k| k * 10);
    /// assert_eq!(t.as_slice(), &[0, 10, 20, 30]);
    /// ```
    #[inline]
    #[must_use]
    pub fn from_flat_fn(f: impl FnMut(usize) -> E) -> Self {
        Self {
            data: D::from_flat_fn::<S, E>(f),
        }
    }

    /// A tensor built from a function of the multi-index (`[usize; RANK]`).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Rank2, Tensor};
    ///
    /// let t = Tensor::<Rank2<2, 3>>::from_fn(|[i, j]| (10 * i + j) as f64);
    /// assert_eq!(t[[1, 2]], 12.0);
    ///
    /// // The shape can come from the annotation alone.
    /// let r: Tensor<Rank1<3>> = Tensor::from_fn(|[i]| i as f64);
    /// assert_eq!(r, Tensor::from([0.0, 1.0, 2.0]));
    /// ```
    ///
    /// The index is written `[usize; R]` rather than `S::Index` so that a
    /// pattern such as `|[i]|` has a type before `S` is inferred. Code
    /// generic over `S: Shape` uses [`Tensor::from_flat_fn`] with
    /// [`Shape::unravel`].
    #[inline]
    #[must_use]
    pub fn from_fn<const R: usize>(mut f: impl FnMut([usize; R]) -> E) -> Self
    where
        S: Shape<Index = [usize; R]>,
    {
        Self::from_flat_fn(|k| f(S::unravel(k)))
    }

    /// Copies a flat row-major slice; an error (not a panic) when its length
    /// is not `NUMEL`.
    ///
    /// # Errors
    ///
    /// [`ShapeError::Length`] with the expected and the given lengths.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, ShapeError, Tensor};
    ///
    /// let t = Tensor::<Rank2<2, 2>>::try_from_slice(&[1.0, 2.0, 3.0, 4.0]).unwrap();
    /// assert_eq!(t[[1, 1]], 4.0);
    /// let e = Tensor::<Rank2<2, 2>>::try_from_slice(&[1.0, 2.0, 3.0]).unwrap_err();
    /// assert_eq!(e, ShapeError::Length { expected: 4, found: 3 });
    /// ```
    #[inline]
    pub fn try_from_slice(values: &[E]) -> Result<Self, ShapeError> {
        if values.len() != S::NUMEL {
            return Err(ShapeError::Length {
                expected: S::NUMEL,
                found: values.len(),
            });
        }
        Ok(Self::from_flat_fn(|k| values[k]))
    }

    /// The elements as one flat row-major slice.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1, 2], [3, 4]]).as_slice(), &[1, 2, 3, 4]);
    /// ```
    #[inline]
    #[must_use]
    pub fn as_slice(&self) -> &[E] {
        D::flat::<S, E>(&self.data)
    }

    /// The elements as one flat row-major mutable slice.
    #[inline]
    #[must_use]
    pub fn as_mut_slice(&mut self) -> &mut [E] {
        D::flat_mut::<S, E>(&mut self.data)
    }

    /// The dimensions, outermost first (`&[]` for rank 0).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, Tensor};
    ///
    /// assert_eq!(Tensor::<Rank2<2, 3>>::zeros().dims(), &[2, 3]);
    /// ```
    #[inline]
    #[must_use]
    pub const fn dims(&self) -> &'static [usize] {
        S::DIMS
    }

    /// The element at a multi-index, or `None` when out of bounds.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// assert_eq!(t.get([1, 0]), Some(&3.0));
    /// assert_eq!(t.get([2, 0]), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn get(&self, index: S::Index) -> Option<&E> {
        S::offset(index.as_ref()).map(|k| &self.as_slice()[k])
    }

    /// The element at a multi-index, mutably, or `None` when out of bounds.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let mut t = Tensor::from([1.0, 2.0]);
    /// *t.get_mut([1]).unwrap() = 5.0;
    /// assert_eq!(t, Tensor::from([1.0, 5.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn get_mut(&mut self, index: S::Index) -> Option<&mut E> {
        S::offset(index.as_ref()).map(move |k| &mut self.as_mut_slice()[k])
    }

    /// Iterates over the elements in row-major order.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// assert_eq!(t.iter().copied().collect::<Vec<_>>(), [1.0, 2.0, 3.0, 4.0]);
    /// ```
    #[inline]
    pub fn iter(&self) -> core::slice::Iter<'_, E> {
        self.as_slice().iter()
    }

    /// Iterates mutably over the elements in row-major order.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let mut t = Tensor::from([1.0, 2.0]);
    /// t.iter_mut().for_each(|x| *x *= 10.0);
    /// assert_eq!(t, Tensor::from([10.0, 20.0]));
    /// ```
    #[inline]
    pub fn iter_mut(&mut self) -> core::slice::IterMut<'_, E> {
        self.as_mut_slice().iter_mut()
    }

    /// Iterates over `(multi-index, element)` pairs in row-major order.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1, 2], [3, 4]]);
    /// let last = t.indexed_iter().last().unwrap();
    /// assert_eq!(last, ([1, 1], &4));
    /// ```
    #[inline]
    pub fn indexed_iter(&self) -> impl Iterator<Item = (S::Index, &E)> + '_ {
        self.iter().enumerate().map(|(k, e)| (S::unravel(k), e))
    }

    /// Applies `f` to every element.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 4.0]).map(f64::sqrt), Tensor::from([1.0, 2.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn map<F: Copy>(&self, mut f: impl FnMut(E) -> F) -> Tensor<S, F, D> {
        let s = self.as_slice();
        Tensor::from_flat_fn(|k| f(s[k]))
    }

    /// Combines two tensors of the same shape element by element.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let a = Tensor::from([1.0, 2.0]);
    /// let b = Tensor::from([3.0, 5.0]);
    /// assert_eq!(a.zip_map(&b, f64::max), b);
    /// ```
    #[inline]
    #[must_use]
    pub fn zip_map<F: Copy, G: Copy>(
        &self,
        other: &Tensor<S, F, D>,
        mut f: impl FnMut(E, F) -> G,
    ) -> Tensor<S, G, D> {
        let (a, b) = (self.as_slice(), other.as_slice());
        Tensor::from_flat_fn(|k| f(a[k], b[k]))
    }

    /// Converts every element with `From` (for instance `i32` samples to `f64`).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t: constgrad::Tensor<constgrad::Rank1<2>, f64> = Tensor::from([1_i32, 2]).cast();
    /// assert_eq!(t, Tensor::from([1.0, 2.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn cast<F: Copy + From<E>>(&self) -> Tensor<S, F, D> {
        self.map(F::from)
    }
}

/// The elementwise kernels of the operators ([`Storage::map_owned`] and its
/// siblings): in place for heap tensors, possibly over threads.
impl<S: Shape, E: Copy + Send + Sync, D: Storage> Tensor<S, E, D> {
    /// `f(x)` for every element, consuming `self`.
    #[inline]
    pub(crate) fn map_owned(self, f: impl Fn(E) -> E + Sync) -> Self {
        Self {
            data: D::map_owned::<S, E>(self.data, f),
        }
    }

    /// `f(x, y)` for every element `x` and `other`'s `y` at the same
    /// position, consuming `self`.
    #[inline]
    pub(crate) fn zip_owned(self, other: &Self, f: impl Fn(E, E) -> E + Sync) -> Self {
        Self {
            data: D::zip_owned::<S, E>(self.data, &other.data, f),
        }
    }

    /// `f(x)` for every element, in place.
    #[inline]
    pub(crate) fn update(&mut self, f: impl Fn(&mut E) + Sync) {
        D::update(self.as_mut_slice(), f);
    }

    /// `f(x, y)` for every element `x` and `other`'s `y`, in place.
    #[inline]
    pub(crate) fn zip_update(&mut self, other: &Self, f: impl Fn(&mut E, E) + Sync) {
        D::zip_update(self.as_mut_slice(), other.as_slice(), f);
    }
}

/// What only inline tensors have: the nested array itself, `const`
/// construction and access, and stacking (arrays of tensors).
impl<S: Shape, E: Copy> Tensor<S, E> {
    /// Wraps nested-array storage of exactly this shape.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, Tensor};
    ///
    /// let t = Tensor::<Rank2<2, 3>>::new([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    /// assert_eq!(t[[1, 2]], 6.0);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(data: S::Array<E>) -> Self {
        Self { data }
    }

    /// The nested-array storage.
    #[inline]
    #[must_use]
    pub const fn as_array(&self) -> &S::Array<E> {
        &self.data
    }

    /// The nested-array storage, mutably.
    #[inline]
    #[must_use]
    pub fn as_array_mut(&mut self) -> &mut S::Array<E> {
        &mut self.data
    }

    /// Unwraps the nested-array storage.
    #[inline]
    #[must_use]
    pub const fn into_array(self) -> S::Array<E> {
        self.data
    }

    /// Stacks `B` tensors of this shape along a new leading axis. Tensors of
    /// different shapes cannot be put in one array, so a mismatch is a
    /// compile error.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, Tensor};
    ///
    /// let s: Tensor<Rank2<3, 2>> = Tensor::stack([
    ///     Tensor::from([1.0, 2.0]),
    ///     Tensor::from([3.0, 4.0]),
    ///     Tensor::from([5.0, 6.0]),
    /// ]);
    /// assert_eq!(s[[2, 1]], 6.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn stack<const B: usize>(parts: [Self; B]) -> Tensor<<S as Prepend<B>>::Output, E>
    where
        S: Prepend<B>,
    {
        Tensor::new(S::stack_array(parts.map(|t| t.data)))
    }

    /// Splits along the leading axis into its `B` sub-tensors: the inverse of
    /// [`Tensor::stack`].
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let [a, b] = Tensor::from([[1.0, 2.0], [3.0, 4.0]]).unstack();
    /// assert_eq!(b, Tensor::from([3.0, 4.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn unstack<const B: usize>(self) -> [Tensor<<S as HasAxis<0>>::Removed, E>; B]
    where
        S: crate::shape::AxisOfLen<0, B>,
        <S as HasAxis<0>>::Removed: Prepend<B, Output = S>,
    {
        <<S as HasAxis<0>>::Removed as Prepend<B>>::unstack_array(self.data).map(Tensor::new)
    }
}

impl<S: Shape, E: Scalar, D: Storage> Tensor<S, E, D> {
    /// All zeros.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, Tensor};
    ///
    /// assert!(Tensor::<Rank2<2, 3>>::zeros().iter().all(|&x| x == 0.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn zeros() -> Self {
        Self::filled(E::zero())
    }

    /// All ones.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Tensor};
    ///
    /// assert_eq!(Tensor::<Rank1<3>>::ones(), Tensor::from([1.0, 1.0, 1.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn ones() -> Self {
        Self::filled(E::one())
    }

    /// The values without derivatives: `re()` of every element.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Dual, Tensor};
    ///
    /// let t = Tensor::from([Dual::<f64>::new(1.0, 1.0), Dual::new(2.0, 0.0)]);
    /// assert_eq!(t.re(), Tensor::from([1.0, 2.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn re(&self) -> Tensor<S, E::Real, D> {
        self.map(|e| e.re())
    }
}

impl<const N: usize, E: Real, D: Storage> Tensor<Rank1<N>, E, D> {
    /// `N` evenly spaced values from `start` to `stop`, both included, as
    /// `numpy.linspace(start, stop, N)` computes them (`start + k * step`,
    /// with the last value set to `stop` exactly; when the step rounds to 0,
    /// as for a span of a few subnormals, `start + k / (N - 1) * (stop - start)`).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Tensor};
    ///
    /// let x = Tensor::<Rank1<5>>::linspace(0.0, 1.0);
    /// assert_eq!(x.as_slice(), &[0.0, 0.25, 0.5, 0.75, 1.0]);
    /// ```
    #[must_use]
    pub fn linspace(start: E, stop: E) -> Self {
        // numpy: step = (stop - start) / (num - 1); y = arange(num) * step + start.
        // A step that rounds to zero (subnormal spans) would collapse every
        // sample onto `start`, so numpy then scales by the span instead:
        // y = arange(num) / (num - 1) * (stop - start) + start.
        let div = E::from_f64(if N > 1 { N - 1 } else { 1 } as f64);
        let delta = stop - start;
        let step = delta / div;
        let step_is_zero = step == E::zero();
        Self::from_flat_fn(|k| {
            let k_f = E::from_f64(k as f64);
            if N > 1 && k == N - 1 {
                stop
            } else if step_is_zero {
                k_f / div * delta + start
            } else {
                k_f * step + start
            }
        })
    }

    /// `N` values `start, start + step, …` (numpy's `arange` with the length
    /// in the type: `start + k * step`).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Tensor};
    ///
    /// let x = Tensor::<Rank1<4>>::arange(1.0, 0.5);
    /// assert_eq!(x.as_slice(), &[1.0, 1.5, 2.0, 2.5]);
    /// ```
    #[must_use]
    pub fn arange(start: E, step: E) -> Self {
        Self::from_flat_fn(|k| start + E::from_f64(k as f64) * step)
    }
}

impl<const N: usize, E: Scalar, D: Storage> Tensor<Rank2<N, N>, E, D> {
    /// The `N × N` identity matrix.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank2, Tensor};
    ///
    /// let i = Tensor::<Rank2<2, 2>>::identity();
    /// assert_eq!(i, Tensor::from([[1.0, 0.0], [0.0, 1.0]]));
    /// ```
    #[must_use]
    pub fn identity() -> Self {
        Self::from_fn(|[i, j]| if i == j { E::one() } else { E::zero() })
    }
}

/// `From` for nested arrays and `Index`/`IndexMut` by a `[usize; RANK]`
/// multi-index, one rank at a time so that the shape is inferred from the
/// array and an index of the wrong length does not compile.
macro_rules! rank_access {
    ($shape:ty, [$($d:ident),*], $arr:ty, $rank:literal, |$t:ident, $ix:ident| $get:expr) => {
        impl<$(const $d: usize,)* E: Element> From<$arr> for Tensor<$shape, E> {
            #[inline]
            fn from(data: $arr) -> Self {
                Self::new(data)
            }
        }
        impl<$(const $d: usize,)* E: Copy> core::ops::Index<[usize; $rank]> for Tensor<$shape, E> {
            type Output = E;
            #[inline]
            fn index(&self, $ix: [usize; $rank]) -> &E {
                let $t = &self.data;
                &$get
            }
        }
        impl<$(const $d: usize,)* E: Copy> core::ops::IndexMut<[usize; $rank]> for Tensor<$shape, E> {
            #[inline]
            fn index_mut(&mut self, $ix: [usize; $rank]) -> &mut E {
                let $t = &mut self.data;
                &mut $get
            }
        }
    };
}

rank_access!(Rank0, [], E, 0, |t, _i| *t);
rank_access!(Rank1<A>, [A], [E; A], 1, |t, i| t[i[0]]);
rank_access!(Rank2<A, B>, [A, B], [[E; B]; A], 2, |t, i| t[i[0]][i[1]]);
rank_access!(Rank3<A, B, C>, [A, B, C], [[[E; C]; B]; A], 3, |t, i| t[i[0]][i[1]][i[2]]);
rank_access!(Rank4<A, B, C, D>, [A, B, C, D], [[[[E; D]; C]; B]; A], 4,
    |t, i| t[i[0]][i[1]][i[2]][i[3]]);
rank_access!(Rank5<A, B, C, D, F>, [A, B, C, D, F], [[[[[E; F]; D]; C]; B]; A], 5,
    |t, i| t[i[0]][i[1]][i[2]][i[3]][i[4]]);
rank_access!(Rank6<A, B, C, D, F, G>, [A, B, C, D, F, G], [[[[[[E; G]; F]; D]; C]; B]; A], 6,
    |t, i| t[i[0]][i[1]][i[2]][i[3]][i[4]][i[5]]);

impl<'a, S: Shape, E: Copy, D: Storage> IntoIterator for &'a Tensor<S, E, D> {
    type Item = &'a E;
    type IntoIter = core::slice::Iter<'a, E>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<E: Copy> Tensor<Rank0, E> {
    /// The single element of a rank-0 tensor.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank0, Tensor};
    ///
    /// assert_eq!(Tensor::<Rank0>::new(2.5).item(), 2.5);
    /// ```
    #[inline]
    #[must_use]
    pub const fn item(self) -> E {
        self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn construction_and_access() {
        let t = Tensor::from([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
        assert_eq!(t.dims(), &[2, 2, 2]);
        assert_eq!(t[[1, 0, 1]], 6);
        assert_eq!(t.get([1, 1, 1]), Some(&8));
        assert_eq!(t.get([0, 2, 0]), None);
        let u = Tensor::<Rank3<2, 2, 2>, i32>::from_fn(|[i, j, k]| (4 * i + 2 * j + k + 1) as i32);
        assert_eq!(t, u);
        let mut v = u;
        v[[0, 0, 0]] = 9;
        *v.get_mut([0, 0, 1]).unwrap() = 10;
        assert_eq!(&v.as_slice()[..3], &[9, 10, 3]);
    }

    #[test]
    fn linspace_of_a_span_whose_step_rounds_to_zero_matches_numpy() {
        // numpy.linspace(0, 1e-323, n), printed with repr(): numpy's branch
        // for a zero step (before, every sample but the last was 0).
        let x = Tensor::<Rank1<5>>::linspace(0.0, 1e-323);
        assert_eq!(x.as_slice(), &[0.0, 0.0, 5e-324, 1e-323, 1e-323]);
        let x = Tensor::<Rank1<10>>::linspace(0.0, 1e-323);
        let want = [
            0.0, 0.0, 0.0, 5e-324, 5e-324, 5e-324, 5e-324, 1e-323, 1e-323, 1e-323,
        ];
        assert_eq!(x.as_slice(), &want);
        // numpy.linspace(-1e-323, 1e-323, 7): the step (5e-324) is not zero.
        let x = Tensor::<Rank1<7>>::linspace(-1e-323, 1e-323);
        let want = [-1e-323, -5e-324, 0.0, 5e-324, 1e-323, 1.5e-323, 1e-323];
        assert_eq!(x.as_slice(), &want);
    }

    #[test]
    fn linspace_matches_numpy() {
        // numpy.linspace(0, 5, 10), printed with repr().
        let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
        assert_eq!(x[[1]], 0.5555555555555556);
        assert_eq!(x[[7]], 3.8888888888888893);
        assert_eq!(x[[9]], 5.0);
    }

    #[test]
    fn stack_unstack_round_trip() {
        let parts = [Tensor::from([1.0, 2.0]), Tensor::from([3.0, 4.0])];
        let s = Tensor::stack(parts);
        assert_eq!(s, Tensor::from([[1.0, 2.0], [3.0, 4.0]]));
        assert_eq!(s.unstack(), parts);
    }
}
