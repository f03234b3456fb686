//! [`HeapTensor`]: the same shapes and operations, the elements in one heap
//! buffer, for fields too large for a stack (feature `alloc`).
//!
//! A heap tensor is a [`Tensor`] whose storage is [`Heap`]: construction,
//! access, iterators, `map`/`zip_map`, arithmetic, reductions, products,
//! reshapes, printing, approx comparisons and the stencils are the tensor's
//! own, written once for both storages. What is here is what only a boxed
//! slice has (taking and giving up the box, copies to and from inline
//! tensors) and indexing by a multi-index.
//!
//! Operations by value reuse the left (or only) operand's buffer, so
//! `a + &b`, `a * 2.0` and `-a` allocate nothing; by reference (`&a + &b`)
//! they allocate the result. With feature `rayon`, the by-value and
//! compound-assignment forms on fields of 2¹⁶ elements or more are split
//! over rayon's threads, with the same bits (the thread pool allocates when
//! it starts: not for a real-time thread).
//!
//! # Example
//!
//! Every operation of the inline tensor, on the heap:
//!
//! ```
//! use approx::assert_relative_eq;
//! use constgrad::stencil::{Accuracy, Axis, Coords, Unit, EDGE1, EDGE2};
//! use constgrad::{Axes3, HeapTensor, Rank1, Rank2, Rank3};
//!
//! // Construction and access.
//! let a = HeapTensor::<Rank2<300, 400>>::from_fn(|[i, j]| (i + 2 * j) as f64);
//! let b = HeapTensor::<Rank2<300, 400>>::from_flat_fn(|k| (k % 7) as f64);
//! let ones = HeapTensor::<Rank2<300, 400>>::ones();
//! assert_eq!((a[[2, 3]], a.get([300, 0])), (8.0, None));
//! assert_eq!(HeapTensor::<Rank2<2, 2>>::identity().as_slice(), &[1.0, 0.0, 0.0, 1.0]);
//! assert_eq!(HeapTensor::<Rank1<3>>::linspace(0.0, 1.0).as_slice(), &[0.0, 0.5, 1.0]);
//!
//! // Iterators, map, zip_map.
//! assert_eq!(a.iter().filter(|&&x| x == 0.0).count(), 1);
//! assert_eq!(a.indexed_iter().nth(401), Some(([1, 1], &3.0)));
//! assert_eq!(a.map(|x| x * x)[[1, 1]], 9.0);
//! assert_eq!(a.zip_map(&b, f64::max)[[0, 0]], 0.0);
//!
//! // Arithmetic by value (in place), by reference, with scalars on either side.
//! let c = a.clone() * 2.0 - &b;
//! let d = &c + &b;
//! assert_eq!(d, 2.0 * a.clone());
//! let mut e = -(1.0 - ones);
//! e += &a;
//! e /= 2.0;
//! assert_eq!(e[[2, 3]], 4.0);
//!
//! // Reductions, all and along an axis.
//! assert_eq!(a.sum_axis::<0>()[[0]], (0..300).sum::<usize>() as f64);
//! assert_eq!((a.min(), a.max(), b.mean_axis::<1>().dims()), (0.0, 1097.0, &[300][..]));
//!
//! // dot, matmul, transpose, reshape, permute.
//! let m = HeapTensor::<Rank2<400, 3>>::from_flat_fn(|k| (k % 3) as f64);
//! assert_eq!(a.matmul(&m).dims(), &[300, 3]);
//! assert_eq!(a.transpose()[[3, 2]], a[[2, 3]]);
//! let v: HeapTensor<Rank1<120_000>> = a.reshape();
//! assert_eq!(v.dot(&v), a.iter().map(|x| x * x).sum::<f64>());
//! let t: HeapTensor<Rank3<2, 3, 4>> = HeapTensor::from_flat_fn(|k| k as f64);
//! assert_eq!(t.permute::<Axes3<2, 0, 1>>()[[3, 1, 2]], t[[1, 2, 3]]);
//!
//! // Printing and approx comparisons.
//! let small = HeapTensor::<Rank2<2, 2>>::from_flat_fn(|k| k as f64);
//! assert_eq!(small.to_string(), "[[0. 1.]\n [2. 3.]]"); // as numpy prints floats
//! assert_relative_eq!(small.map(|x| x * (1.0 + 1e-14)), small, max_relative = 1e-12);
//!
//! // Every stencil.
//! let [gi, gj] = a.gradient(Unit, EDGE1);
//! assert!(gi.iter().all(|&g| g == 1.0) && gj.iter().all(|&g| g == 2.0));
//! let [gj2] = a.gradient_axes((Axis::<1>,), 0.5, EDGE2);
//! assert_eq!(gj2[[7, 7]], 4.0);
//! let x = Coords::new(core::array::from_fn::<f64, 300, _>(|i| (i * i) as f64)).unwrap();
//! assert!((a.gradient_along::<0>(x, EDGE1)[[1, 0]] - 5.0 / 6.0).abs() < 1e-15);
//! assert!((a.diff_along::<1>(Unit, Accuracy::<4>)[[5, 5]] - 2.0).abs() < 1e-12);
//! let sq = HeapTensor::<Rank2<300, 400>>::from_fn(|[i, j]| (i * i + j * j) as f64);
//! assert!(sq.diff2_along::<0>(Unit, Accuracy::<2>).iter().all(|&g| (g - 2.0).abs() < 1e-9));
//! assert!(sq.laplacian(Unit, Accuracy::<2>).iter().all(|&g| (g - 4.0).abs() < 1e-9));
//! ```

use alloc::boxed::Box;

use crate::shape::Shape;
use crate::tensor::error::ShapeError;
pub use crate::tensor::storage::Heap;
use crate::tensor::Tensor;

/// A tensor of shape `S` whose `S::NUMEL` elements live in one heap buffer,
/// row-major: [`Tensor`] with [`Heap`] storage. The length is fixed by the
/// type and checked where a buffer is taken over; every shape check of the
/// inline tensor is the same compile-time check here.
///
/// # Example
///
/// ```
/// use constgrad::{HeapTensor, Rank2};
///
/// let big = HeapTensor::<Rank2<1000, 1000>>::from_fn(|[i, j]| (i + j) as f64);
/// assert_eq!(big[[999, 1]], 1000.0);
/// let twice = &big + &big;
/// assert_eq!(twice.sum(), 2.0 * big.sum());
/// assert_eq!(big.as_slice().len(), 1_000_000);
/// ```
pub type HeapTensor<S, E = f64> = Tensor<S, E, Heap>;

impl<S: Shape, E: Copy> Clone for HeapTensor<S, E> {
    #[inline]
    fn clone(&self) -> Self {
        Self {
            data: self.data.clone(),
        }
    }
}

impl<S: Shape, E: Copy> HeapTensor<S, E> {
    /// Takes a boxed slice as the storage, checking its length.
    ///
    /// # Errors
    ///
    /// [`ShapeError::Length`] when `data.len() != S::NUMEL`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank1, ShapeError};
    ///
    /// let t = HeapTensor::<Rank1<2>>::try_from_boxed_slice(vec![1.0, 2.0].into()).unwrap();
    /// assert_eq!(t[[1]], 2.0);
    /// let e = HeapTensor::<Rank1<2>>::try_from_boxed_slice(vec![1.0].into()).unwrap_err();
    /// assert_eq!(e, ShapeError::Length { expected: 2, found: 1 });
    /// ```
    pub fn try_from_boxed_slice(data: Box<[E]>) -> Result<Self, ShapeError> {
        if data.len() != S::NUMEL {
            return Err(ShapeError::Length {
                expected: S::NUMEL,
                found: data.len(),
            });
        }
        Ok(Self { data })
    }

    /// Gives up the storage: the elements, row-major, in their box.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let t = HeapTensor::<Rank2<2, 2>>::from_flat_fn(|k| k as f64);
    /// assert_eq!(&*t.into_boxed_slice(), &[0.0, 1.0, 2.0, 3.0]);
    /// ```
    #[must_use]
    pub fn into_boxed_slice(self) -> Box<[E]> {
        self.data
    }

    /// Copies an inline tensor to the heap.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Tensor};
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// let h = HeapTensor::from_tensor(&t);
    /// assert_eq!(h.to_tensor(), t);
    /// ```
    #[must_use]
    pub fn from_tensor(t: &Tensor<S, E>) -> Self {
        let s = t.as_slice();
        Self::from_flat_fn(|k| s[k])
    }

    /// Copies into an inline tensor (which must fit on the stack).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank1, Tensor};
    ///
    /// let h = HeapTensor::<Rank1<3>>::from_flat_fn(|k| k as f64);
    /// assert_eq!(h.to_tensor(), Tensor::from([0.0, 1.0, 2.0]));
    /// ```
    #[must_use]
    pub fn to_tensor(&self) -> Tensor<S, E> {
        let s = self.as_slice();
        Tensor::from_flat_fn(|k| s[k])
    }
}

/// Indexing by a `[usize; RANK]` multi-index; panics when out of bounds
/// (use [`Tensor::get`] for an `Option`).
///
/// # Example
///
/// ```
/// use constgrad::{HeapTensor, Rank2};
///
/// let mut t = HeapTensor::<Rank2<2, 3>>::zeros();
/// t[[1, 2]] = 5.0;
/// assert_eq!(t[[1, 2]], 5.0);
/// assert_eq!(t.as_slice()[5], 5.0);
/// ```
impl<S: Shape, E: Copy> core::ops::Index<S::Index> for HeapTensor<S, E> {
    type Output = E;
    #[inline]
    fn index(&self, index: S::Index) -> &E {
        match S::offset(index.as_ref()) {
            Some(k) => &self.data[k],
            None => out_of_bounds(index.as_ref(), S::DIMS),
        }
    }
}

impl<S: Shape, E: Copy> core::ops::IndexMut<S::Index> for HeapTensor<S, E> {
    #[inline]
    fn index_mut(&mut self, index: S::Index) -> &mut E {
        match S::offset(index.as_ref()) {
            Some(k) => &mut self.data[k],
            None => out_of_bounds(index.as_ref(), S::DIMS),
        }
    }
}

/// The panic of an out-of-bounds index, out of line (one copy for every
/// shape and element type).
#[cold]
#[inline(never)]
#[track_caller]
fn out_of_bounds(index: &[usize], dims: &[usize]) -> ! {
    panic!("index {index:?} out of bounds for dims {dims:?}")
}

impl<S: Shape, E: Copy> From<&Tensor<S, E>> for HeapTensor<S, E> {
    /// The same as [`HeapTensor::from_tensor`].
    #[inline]
    fn from(t: &Tensor<S, E>) -> Self {
        Self::from_tensor(t)
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::Rank2;

    #[test]
    fn a_megabyte_field_is_built_in_a_small_thread_stack() {
        let h = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let t = HeapTensor::<Rank2<1024, 1024>>::from_fn(|[i, j]| (i * 1024 + j) as f64);
                let u = t.clone() * 2.0 - &t;
                u[[1023, 1023]]
            })
            .unwrap();
        assert_eq!(h.join().unwrap(), (1024.0 * 1024.0) - 1.0);
    }
}
