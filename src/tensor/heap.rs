//! [`HeapTensor`]: the same shapes, stored on the heap, for fields too large
//! for a stack (feature `alloc`).
//!
//! It is built in place: the elements are written straight into the heap
//! buffer, never into a stack temporary first (`Box::new([[0.0; 1024]; 1024])`
//! would build 8 MB on the stack and overflow a thread's stack in a debug
//! build).

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::scalar::Scalar;
use crate::shape::Shape;
use crate::tensor::Tensor;

/// A tensor of shape `S` whose `S::NUMEL` elements live in one heap buffer,
/// row-major. The length is fixed by the type and checked at construction.
///
/// # Example
///
/// ```
/// use constgrad::{HeapTensor, Rank2};
///
/// let big = HeapTensor::<Rank2<1000, 1000>>::from_fn(|[i, j]| (i + j) as f64);
/// assert_eq!(big[[999, 1]], 1000.0);
/// assert_eq!(big.as_slice().len(), 1_000_000);
/// ```
#[derive(Clone, PartialEq)]
pub struct HeapTensor<S: Shape, E: Copy = f64> {
    data: Box<[E]>,
    shape: core::marker::PhantomData<S>,
}

impl<S: Shape, E: Copy> HeapTensor<S, E> {
    /// Every element equal to `value`.
    #[must_use]
    pub fn filled(value: E) -> Self {
        Self::from_flat_fn(|_| value)
    }

    /// Built from a function of the flat (row-major) position.
    #[must_use]
    pub fn from_flat_fn(f: impl FnMut(usize) -> E) -> Self {
        let data: Vec<E> = (0..S::NUMEL).map(f).collect();
        Self {
            data: data.into_boxed_slice(),
            shape: core::marker::PhantomData,
        }
    }

    /// Built from a function of the multi-index.
    #[must_use]
    pub fn from_fn(mut f: impl FnMut(S::Index) -> E) -> Self {
        Self::from_flat_fn(|k| f(S::unravel(k)))
    }

    /// Copies a flat row-major slice, checking its length.
    ///
    /// # Errors
    ///
    /// [`crate::ShapeError::Length`] when `values.len() != S::NUMEL`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let t = HeapTensor::<Rank2<2, 2>>::try_from_slice(&[1.0, 2.0, 3.0, 4.0]).unwrap();
    /// assert_eq!(t[[1, 0]], 3.0);
    /// assert!(HeapTensor::<Rank2<2, 2>>::try_from_slice(&[1.0]).is_err());
    /// ```
    pub fn try_from_slice(values: &[E]) -> Result<Self, crate::ShapeError> {
        if values.len() != S::NUMEL {
            return Err(crate::ShapeError::Length {
                expected: S::NUMEL,
                found: values.len(),
            });
        }
        Ok(Self::from_flat_fn(|k| values[k]))
    }

    /// Takes a boxed slice as the storage, checking its length.
    ///
    /// # Errors
    ///
    /// [`crate::ShapeError::Length`] when `data.len() != S::NUMEL`.
    pub fn try_from_boxed_slice(data: Box<[E]>) -> Result<Self, crate::ShapeError> {
        if data.len() != S::NUMEL {
            return Err(crate::ShapeError::Length {
                expected: S::NUMEL,
                found: data.len(),
            });
        }
        Ok(Self {
            data,
            shape: core::marker::PhantomData,
        })
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
    #[must_use]
    pub fn to_tensor(&self) -> Tensor<S, E> {
        Tensor::from_flat_fn(|k| self.data[k])
    }

    /// The elements, row-major.
    #[inline]
    #[must_use]
    pub fn as_slice(&self) -> &[E] {
        &self.data
    }

    /// The elements, row-major, mutably.
    #[inline]
    #[must_use]
    pub fn as_mut_slice(&mut self) -> &mut [E] {
        &mut self.data
    }

    /// The dimensions, outermost first.
    #[inline]
    #[must_use]
    pub fn dims(&self) -> &'static [usize] {
        S::DIMS
    }

    /// The element at a multi-index, or `None` when out of bounds.
    #[inline]
    #[must_use]
    pub fn get(&self, index: S::Index) -> Option<&E> {
        S::offset(index.as_ref()).map(|k| &self.data[k])
    }

    /// Applies `f` to every element into a new heap tensor.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank1};
    ///
    /// let h = HeapTensor::<Rank1<3>>::from_flat_fn(|k| k as f64);
    /// assert_eq!(h.map(|x| 2.0 * x).as_slice(), &[0.0, 2.0, 4.0]);
    /// ```
    #[must_use]
    pub fn map<F: Copy>(&self, mut f: impl FnMut(E) -> F) -> HeapTensor<S, F> {
        HeapTensor::from_flat_fn(|k| f(self.data[k]))
    }
}

impl<S: Shape, E: Scalar> HeapTensor<S, E> {
    /// All zeros.
    #[must_use]
    pub fn zeros() -> Self {
        Self::filled(E::zero())
    }
}

impl<S: Shape, E: Copy> core::ops::Index<S::Index> for HeapTensor<S, E> {
    type Output = E;
    #[inline]
    fn index(&self, index: S::Index) -> &E {
        match S::offset(index.as_ref()) {
            Some(k) => &self.data[k],
            None => panic!("index {:?} out of bounds for dims {:?}", index, S::DIMS),
        }
    }
}

impl<S: Shape, E: Copy> core::ops::IndexMut<S::Index> for HeapTensor<S, E> {
    #[inline]
    fn index_mut(&mut self, index: S::Index) -> &mut E {
        match S::offset(index.as_ref()) {
            Some(k) => &mut self.data[k],
            None => panic!("index {:?} out of bounds for dims {:?}", index, S::DIMS),
        }
    }
}

impl<S: Shape, E: Copy + core::fmt::Debug> core::fmt::Debug for HeapTensor<S, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HeapTensor")
            .field("dims", &S::DIMS)
            .field("len", &self.data.len())
            .finish()
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
                t[[1023, 1023]]
            })
            .unwrap();
        assert_eq!(h.join().unwrap(), (1024.0 * 1024.0) - 1.0);
    }
}
