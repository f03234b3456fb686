//! A plain tensor mixed with the dual numbers of a differentiated function,
//! as when a closure captures it (`grad(|x| (x * w).sum(), x)`): the plain
//! tensor is a constant, exactly as if it were wrapped in
//! [`constant`](crate::ad::constant).
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
        impl<S: Shape, T: Scalar, D: Tangent> $op<Tensor<S, T>> for Tensor<S, Dual<T, D>> {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: Tensor<S, T>) -> Self {
                self.zip_map(&rhs, |a, b| $op::$method(a, Dual::constant(b)))
            }
        }

        /// Plain tensor ⊕ dual tensor: the plain one is a constant.
        #[diagnostic::do_not_recommend]
        impl<S: Shape, T: Scalar, D: Tangent> $op<Tensor<S, Dual<T, D>>> for Tensor<S, T> {
            type Output = Tensor<S, Dual<T, D>>;
            #[inline]
            fn $method(self, rhs: Tensor<S, Dual<T, D>>) -> Tensor<S, Dual<T, D>> {
                self.zip_map(&rhs, |a, b| $op::$method(Dual::constant(a), b))
            }
        }
    )*};
}

captured_ops!(Add add, Sub sub, Mul mul, Div div);
