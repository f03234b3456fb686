//! A plain tensor mixed with the dual numbers of a differentiated function,
//! as when a closure captures it (`grad(|x| (x * w).sum(), x)`): the plain
//! tensor is a constant, with the value of wrapping it in
//! [`constant`](crate::ad::constant), but each element goes through the
//! dual ⊕ float operators, which scale or shift the tangent instead of
//! multiplying by a zero tangent (for `f32`/`f64` elements).
//!
//! # Example
//!
//! ```
//! use constgrad::ad::grad;
//! use constgrad::Tensor;
//!
//! let w = Tensor::from([1.0, 2.0, 3.0]);
//! let g = grad(|x| (x * w).sum() + (w - x).sum(), Tensor::from([0.5, 0.5, 0.5]));
//! assert_eq!(g, Tensor::from([0.0, 1.0, 2.0]));
//! ```

use core::ops::{Add, Div, Mul, Sub};

use super::first::Dual;
use super::tangent::Tangent;
use crate::scalar::Scalar;
use crate::shape::Shape;
use crate::tensor::Tensor;

macro_rules! captured_ops {
    ($($op:ident $method:ident),*) => {$(
        /// Dual tensor ⊕ plain tensor: the plain one is a constant.
        #[diagnostic::do_not_recommend]
        impl<S: Shape, T: Scalar, D: Tangent> $op<Tensor<S, T>> for Tensor<S, Dual<T, D>>
        where
            Dual<T, D>: $op<T, Output = Dual<T, D>>,
        {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: Tensor<S, T>) -> Self {
                self.zip_map(&rhs, $op::$method)
            }
        }

        /// Plain tensor ⊕ dual tensor: the plain one is a constant.
        #[diagnostic::do_not_recommend]
        impl<S: Shape, T: Scalar, D: Tangent> $op<Tensor<S, Dual<T, D>>> for Tensor<S, T>
        where
            T: $op<Dual<T, D>, Output = Dual<T, D>>,
        {
            type Output = Tensor<S, Dual<T, D>>;
            #[inline]
            fn $method(self, rhs: Tensor<S, Dual<T, D>>) -> Tensor<S, Dual<T, D>> {
                self.zip_map(&rhs, $op::$method)
            }
        }
    )*};
}

captured_ops!(Add add, Sub sub, Mul mul, Div div);
