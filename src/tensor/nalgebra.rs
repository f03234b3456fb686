//! Conversions between tensors and nalgebra's statically sized types
//! (feature `nalgebra`): `Tensor<Rank1<N>, T>` ↔ `SVector<T, N>` and
//! `Tensor<Rank2<R, C>, T>` ↔ `SMatrix<T, R, C>`.
//!
//! nalgebra stores matrices column-major and tensors are row-major, so the
//! conversions copy element by element by index: `t[[i, j]] == m[(i, j)]`.
//!
//! # Example
//!
//! ```
//! use constgrad::Tensor;
//! use nalgebra::{Matrix2x3, Vector2};
//!
//! let t = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
//! let m: Matrix2x3<f64> = t.into();
//! assert_eq!(m[(1, 0)], 4.0);
//! assert_eq!(Tensor::from(m), t);
//! let v: Vector2<f64> = Tensor::from([1.0, 2.0]).into();
//! assert_eq!(v, Vector2::new(1.0, 2.0));
//! ```

use nalgebra::{SMatrix, SVector};

use crate::shape::{Rank1, Rank2};
use crate::tensor::Tensor;

impl<T: nalgebra::Scalar + Copy, const N: usize> From<Tensor<Rank1<N>, T>> for SVector<T, N> {
    #[inline]
    fn from(t: Tensor<Rank1<N>, T>) -> Self {
        SVector::from_array_storage(nalgebra::ArrayStorage([t.into_array()]))
    }
}

impl<T: nalgebra::Scalar + Copy, const N: usize> From<SVector<T, N>> for Tensor<Rank1<N>, T> {
    #[inline]
    fn from(v: SVector<T, N>) -> Self {
        Tensor::new(v.data.0[0])
    }
}

impl<T: nalgebra::Scalar + Copy, const R: usize, const C: usize> From<Tensor<Rank2<R, C>, T>>
    for SMatrix<T, R, C>
{
    #[inline]
    fn from(t: Tensor<Rank2<R, C>, T>) -> Self {
        let a = t.as_array();
        // ArrayStorage holds C columns of R elements.
        SMatrix::from_array_storage(nalgebra::ArrayStorage(core::array::from_fn(|j| {
            core::array::from_fn(|i| a[i][j])
        })))
    }
}

impl<T: nalgebra::Scalar + Copy, const R: usize, const C: usize> From<SMatrix<T, R, C>>
    for Tensor<Rank2<R, C>, T>
{
    #[inline]
    fn from(m: SMatrix<T, R, C>) -> Self {
        let cols = &m.data.0;
        Tensor::new(core::array::from_fn(|i| {
            core::array::from_fn(|j| cols[j][i])
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_agree_after_conversion() {
        let t = Tensor::<Rank2<3, 4>>::from_fn(|[i, j]| (10 * i + j) as f64);
        let m = SMatrix::<f64, 3, 4>::from(t);
        for i in 0..3 {
            for j in 0..4 {
                assert_eq!(t[[i, j]], m[(i, j)]);
            }
        }
        assert_eq!(Tensor::from(m), t);
        let v = SVector::<f32, 3>::new(1.0, 2.0, 3.0);
        let tv = Tensor::from(v);
        assert_eq!(tv, Tensor::from([1.0_f32, 2.0, 3.0]));
        assert_eq!(SVector::from(tv), v);
    }
}
