//! Conversions between ndarray's arrays and heap tensors (feature
//! `ndarray`), so data from the Rust numpy-like ecosystem can use the
//! stencils and the rest of the tensor's operations.
//!
//! An array of rank `N` converts to a [`HeapTensor`] of a shape of rank `N`
//! (`Array2<f64>` ↔ `HeapTensor<Rank2<R, C>>`), with
//! [`HeapTensor::try_from_ndarray`] or `TryFrom`: the rank is checked by the
//! compiler ([`NdArrayOf`]), the lengths at run time, with
//! [`ShapeError::Dims`] naming both shapes.
//! Elements are taken in logical row-major order whatever the array's
//! memory layout (transposed and sliced views included). An owned array in
//! standard layout is taken over without copying; a tensor becomes an
//! owned array without copying, and [`HeapTensor::nd_view`] borrows one.
//!
//! # Example
//!
//! ```
//! use constgrad::stencil::{Unit, EDGE1};
//! use constgrad::{HeapTensor, Rank2, ShapeError};
//! use ndarray::{array, Array2};
//!
//! let a: Array2<f64> = array![[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]];
//! let f = HeapTensor::<Rank2<2, 3>>::try_from_ndarray(a.view()).unwrap();
//! let [_, d1] = f.gradient(Unit, EDGE1);
//! let d1: Array2<f64> = d1.into();
//! assert_eq!(d1, array![[1.0, 2.5, 4.0], [1.0, 1.0, 1.0]]);
//!
//! let e = HeapTensor::<Rank2<3, 2>>::try_from_ndarray(a.view()).unwrap_err();
//! assert_eq!(e.to_string(), "expected an array of shape [3, 2], found shape [2, 3]");
//! ```

use alloc::boxed::Box;
use alloc::vec::Vec;

use ndarray::{Array, ArrayView, ArrayViewMut, Dim, Dimension, Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6};

use crate::shape::{Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape};
use crate::tensor::error::{Dims, ShapeError};
use crate::tensor::heap::HeapTensor;

/// A shape's ndarray dimension type: `Ix2` for `Rank2<R, C>`, and so on
/// for ranks 0 to 6.
///
/// # Example
///
/// ```
/// use constgrad::tensor::ndarray::NdShape;
/// use constgrad::Rank2;
///
/// let d: ndarray::Ix2 = <Rank2<3, 4> as NdShape>::dim();
/// assert_eq!(d, ndarray::Dim([3, 4]));
/// ```
pub trait NdShape: Shape {
    /// The ndarray dimension of the same rank.
    type Dim: Dimension;
    /// This shape's dimensions as an ndarray dimension.
    fn dim() -> Self::Dim;
}

/// `Ok` when an array of dimensions `found` fits shape `S`.
fn check<S: Shape>(found: &[usize]) -> Result<(), ShapeError> {
    if found == S::DIMS {
        return Ok(());
    }
    match Dims::new(found) {
        Some(found) => Err(ShapeError::Dims {
            expected: S::DIMS,
            found,
        }),
        // Not reached: ndarray's fixed dimensions stop at rank 6.
        None => Err(ShapeError::Length {
            expected: S::NUMEL,
            found: found.iter().product(),
        }),
    }
}

/// An ndarray array or view that converts to a heap tensor of shape `S`:
/// `Array` and `ArrayView` of `S`'s rank ([`NdShape::Dim`]). The lengths
/// are checked when converting; the rank is checked here, by the compiler.
///
/// # Example
///
/// ```
/// use constgrad::tensor::ndarray::NdArrayOf;
/// use constgrad::{HeapTensor, Rank2};
/// use ndarray::Array2;
///
/// fn load<A: NdArrayOf<Rank2<2, 2>, f64>>(a: A) -> HeapTensor<Rank2<2, 2>> {
///     HeapTensor::try_from_ndarray(a).unwrap()
/// }
/// let a = Array2::from_elem((2, 2), 1.5);
/// assert_eq!(load(a.view()), load(a));
/// ```
#[diagnostic::on_unimplemented(
    message = "an ndarray array converts only to a tensor of its own rank, and `{S}` has another",
    label = "not an array of the rank of `{S}`",
    note = "convert an array of the tensor's rank (`Array2`/`ArrayView2` for a `Rank2<…>`), or reshape it first with ndarray's `into_shape_with_order`"
)]
pub trait NdArrayOf<S: Shape, E: Copy> {
    /// The heap tensor of these elements, in logical row-major order.
    ///
    /// # Errors
    ///
    /// [`ShapeError::Dims`] when the array's dimensions are not `S::DIMS`.
    fn to_heap_tensor(self) -> Result<HeapTensor<S, E>, ShapeError>;
}

/// Copies a view (of any layout), checking its shape.
fn from_view<S: NdShape, E: Copy>(
    view: ArrayView<'_, E, S::Dim>,
) -> Result<HeapTensor<S, E>, ShapeError> {
    check::<S>(view.shape())?;
    let data: Box<[E]> = match view.as_slice() {
        Some(s) => s.into(),
        None => view.iter().copied().collect(),
    };
    HeapTensor::try_from_boxed_slice(data)
}

/// Takes an owned array, checking its shape: without a copy when it is in
/// standard (row-major, unsliced) layout.
fn from_array<S: NdShape, E: Copy>(a: Array<E, S::Dim>) -> Result<HeapTensor<S, E>, ShapeError> {
    check::<S>(a.shape())?;
    if !a.is_standard_layout() {
        return from_view::<S, E>(a.view());
    }
    let (v, offset): (Vec<E>, _) = a.into_raw_vec_and_offset();
    let start = offset.unwrap_or(0);
    // Standard layout with the first element at the start of the
    // allocation and nothing else in it: the vector is the tensor.
    if start == 0 && v.len() == S::NUMEL {
        return HeapTensor::try_from_boxed_slice(v.into_boxed_slice());
    }
    match v.get(start..start + S::NUMEL) {
        Some(s) => HeapTensor::try_from_boxed_slice(s.into()),
        None => Err(ShapeError::Length {
            expected: S::NUMEL,
            found: v.len(),
        }),
    }
}

/// A shape's `NdShape` entry and its `NdArrayOf` entries, one rank at a
/// time (rather than one `NdArrayOf` over `S::Dim`), so that an array of
/// another rank finds no entry and gets the trait's message.
macro_rules! nd_rank {
    ($shape:ty, [$($d:ident),*], $ix:ty) => {
        impl<$(const $d: usize),*> NdShape for $shape {
            type Dim = $ix;
            #[inline]
            fn dim() -> $ix {
                Dim([$($d),*])
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$(const $d: usize,)* E: Copy> NdArrayOf<$shape, E> for ArrayView<'_, E, $ix> {
            #[inline]
            fn to_heap_tensor(self) -> Result<HeapTensor<$shape, E>, ShapeError> {
                from_view::<$shape, E>(self)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$(const $d: usize,)* E: Copy> NdArrayOf<$shape, E> for Array<E, $ix> {
            #[inline]
            fn to_heap_tensor(self) -> Result<HeapTensor<$shape, E>, ShapeError> {
                from_array::<$shape, E>(self)
            }
        }
    };
}

nd_rank!(Rank0, [], Ix0);
nd_rank!(Rank1<A>, [A], Ix1);
nd_rank!(Rank2<A, B>, [A, B], Ix2);
nd_rank!(Rank3<A, B, C>, [A, B, C], Ix3);
nd_rank!(Rank4<A, B, C, D>, [A, B, C, D], Ix4);
nd_rank!(Rank5<A, B, C, D, F>, [A, B, C, D, F], Ix5);
nd_rank!(Rank6<A, B, C, D, F, G>, [A, B, C, D, F, G], Ix6);

impl<S: Shape, E: Copy> HeapTensor<S, E> {
    /// Converts an ndarray `Array` (taken over without a copy when in
    /// standard layout) or `ArrayView` (of any layout, copied) of this
    /// tensor's rank, checking its dimensions. An array of another rank
    /// does not compile.
    ///
    /// # Errors
    ///
    /// [`ShapeError::Dims`] with both shapes when the dimensions differ.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank2, Rank3, ShapeError};
    /// use ndarray::{array, Array3};
    ///
    /// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
    /// let t = HeapTensor::<Rank2<2, 3>>::try_from_ndarray(a.t()).unwrap(); // a transposed view
    /// assert_eq!(t.as_slice(), &[1.0, 3.0, 5.0, 2.0, 4.0, 6.0]);
    /// assert!(HeapTensor::<Rank2<3, 3>>::try_from_ndarray(a.view()).is_err());
    ///
    /// let b = Array3::from_shape_fn((2, 3, 4), |(i, j, k)| (100 * i + 10 * j + k) as f64);
    /// let u = HeapTensor::<Rank3<2, 3, 4>>::try_from_ndarray(b).unwrap();
    /// assert_eq!(u[[1, 2, 3]], 123.0);
    /// let e = HeapTensor::<Rank3<2, 3, 5>>::try_from_ndarray(Array3::zeros((2, 3, 4))).unwrap_err();
    /// assert!(matches!(e, ShapeError::Dims { expected: &[2, 3, 5], .. }));
    /// ```
    pub fn try_from_ndarray(a: impl NdArrayOf<S, E>) -> Result<Self, ShapeError> {
        a.to_heap_tensor()
    }
}

/// The same as [`HeapTensor::try_from_ndarray`].
impl<S: NdShape, E: Copy> TryFrom<ArrayView<'_, E, S::Dim>> for HeapTensor<S, E> {
    type Error = ShapeError;

    fn try_from(view: ArrayView<'_, E, S::Dim>) -> Result<Self, ShapeError> {
        from_view(view)
    }
}

/// The same as [`HeapTensor::try_from_ndarray`].
impl<S: NdShape, E: Copy> TryFrom<Array<E, S::Dim>> for HeapTensor<S, E> {
    type Error = ShapeError;

    fn try_from(a: Array<E, S::Dim>) -> Result<Self, ShapeError> {
        from_array(a)
    }
}

/// An owned ndarray array of the same shape, without copying the elements.
///
/// # Example
///
/// ```
/// use constgrad::{HeapTensor, Rank2};
/// use ndarray::{array, Array2};
///
/// let t = HeapTensor::<Rank2<2, 2>>::from_fn(|[i, j]| (10 * i + j) as f64);
/// let a: Array2<f64> = t.into();
/// assert_eq!(a, array![[0.0, 1.0], [10.0, 11.0]]);
/// ```
impl<S: NdShape, E: Copy> From<HeapTensor<S, E>> for Array<E, S::Dim> {
    fn from(t: HeapTensor<S, E>) -> Self {
        match Array::from_shape_vec(S::dim(), t.into_boxed_slice().into_vec()) {
            Ok(a) => a,
            Err(_) => unreachable!("a heap tensor holds exactly NUMEL elements"),
        }
    }
}

impl<S: NdShape, E: Copy> HeapTensor<S, E> {
    /// The elements as an ndarray view of the same shape (no copy).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let t = HeapTensor::<Rank2<2, 3>>::from_flat_fn(|k| k as f64);
    /// let v = t.nd_view();
    /// assert_eq!(v.shape(), &[2, 3]);
    /// assert_eq!(v[(1, 0)], 3.0);
    /// assert_eq!(v.sum(), t.sum());
    /// ```
    #[must_use]
    pub fn nd_view(&self) -> ArrayView<'_, E, S::Dim> {
        match ArrayView::from_shape(S::dim(), self.as_slice()) {
            Ok(v) => v,
            Err(_) => unreachable!("a heap tensor holds exactly NUMEL elements"),
        }
    }

    /// The elements as a mutable ndarray view of the same shape (no copy).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{HeapTensor, Rank2};
    ///
    /// let mut t = HeapTensor::<Rank2<2, 3>>::zeros();
    /// t.nd_view_mut().row_mut(1).fill(7.0);
    /// assert_eq!(t.as_slice(), &[0.0, 0.0, 0.0, 7.0, 7.0, 7.0]);
    /// ```
    #[must_use]
    pub fn nd_view_mut(&mut self) -> ArrayViewMut<'_, E, S::Dim> {
        match ArrayViewMut::from_shape(S::dim(), self.as_mut_slice()) {
            Ok(v) => v,
            Err(_) => unreachable!("a heap tensor holds exactly NUMEL elements"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use ndarray::{s, Array1, Array2, Array3, ShapeBuilder};

    #[test]
    fn every_layout_is_read_in_logical_order() {
        let a = Array2::from_shape_fn((4, 6), |(i, j)| (10 * i + j) as f64);
        let want = |i: usize, j: usize| (10 * i + j) as f64;
        // Standard layout, owned: taken over.
        let t = HeapTensor::<Rank2<4, 6>>::try_from(a.clone()).unwrap();
        assert!(t.indexed_iter().all(|([i, j], &x)| x == want(i, j)));
        // Column-major owned array.
        let mut f = Array2::<f64>::zeros((4, 6).f());
        f.assign(&a);
        assert!(!f.is_standard_layout());
        let t = HeapTensor::<Rank2<4, 6>>::try_from(f).unwrap();
        assert!(t.indexed_iter().all(|([i, j], &x)| x == want(i, j)));
        // A strided, offset view.
        let v = a.slice(s![1..;2, 1..;2]);
        let t = HeapTensor::<Rank2<2, 3>>::try_from(v).unwrap();
        assert_eq!(t.as_slice(), &[11.0, 13.0, 15.0, 31.0, 33.0, 35.0]);
        // A sliced owned array: the first element is not at the start.
        let mut o = a.clone();
        o.slice_collapse(s![1.., ..]);
        let t = HeapTensor::<Rank2<3, 6>>::try_from(o).unwrap();
        assert!(t.indexed_iter().all(|([i, j], &x)| x == want(i + 1, j)));
    }

    #[test]
    fn wrong_lengths_name_both_shapes() {
        let e =
            HeapTensor::<Rank3<2, 3, 4>>::try_from(Array3::<f64>::zeros((2, 4, 3))).unwrap_err();
        assert_eq!(
            e,
            ShapeError::Dims {
                expected: &[2, 3, 4],
                found: Dims::new(&[2, 4, 3]).unwrap(),
            }
        );
        let e = HeapTensor::<Rank1<3>>::try_from(Array1::<f64>::zeros(4).view()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "expected an array of shape [3], found shape [4]"
        );
    }

    #[test]
    fn round_trips_keep_every_bit() {
        let t = HeapTensor::<Rank3<3, 4, 5>>::from_flat_fn(|k| (k as f64).sin());
        let a: Array3<f64> = t.clone().into();
        assert_eq!(a.view(), t.nd_view());
        assert_eq!(HeapTensor::try_from(a).unwrap(), t);
        let z = HeapTensor::<Rank0, i32>::filled(7);
        let a: ndarray::Array0<i32> = z.into();
        assert_eq!(a[()], 7);
    }
}
