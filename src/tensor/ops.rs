//! Elementwise arithmetic: tensor ⊕ tensor of the same shape (by value or by
//! reference), tensor ⊕ scalar on either side, negation and compound
//! assignment.
//!
//! Both operands of a tensor ⊕ tensor operation have the same type
//! `Tensor<S, E, D>`, so a shape mismatch is a type mismatch (E0308) that
//! names both shapes. Every form works on inline and heap tensors; by value,
//! the result is written over an operand (for a heap tensor: no
//! allocation).
//!
//! # Example
//!
//! ```
//! use constgrad::Tensor;
//!
//! let a = Tensor::from([1.0, 2.0, 3.0]);
//! let b = Tensor::from([4.0, 5.0, 6.0]);
//! assert_eq!(&a * &b - 1.0, Tensor::from([3.0, 9.0, 17.0]));
//! assert_eq!(2.0 * a, a + a);
//! let mut c = a;
//! c /= 2.0;
//! c += &b;
//! assert_eq!(-c, Tensor::from([-4.5, -6.0, -7.5]));
//! ```

use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use crate::scalar::Scalar;
use crate::shape::Shape;
use crate::tensor::{Storage, Tensor};

macro_rules! elementwise {
    ($($op:ident $method:ident $assign:ident $assign_method:ident;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar, D: Storage> $op for Tensor<S, E, D> {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: Self) -> Self {
                $op::$method(self, &rhs)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar, D: Storage> $op<&Tensor<S, E, D>> for Tensor<S, E, D> {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: &Self) -> Self {
                self.zip_owned(rhs, $op::$method)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar, D: Storage> $op<Tensor<S, E, D>> for &Tensor<S, E, D> {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn $method(self, rhs: Tensor<S, E, D>) -> Tensor<S, E, D> {
                rhs.zip_owned(self, |y, x| $op::$method(x, y))
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar, D: Storage> $op<&Tensor<S, E, D>> for &Tensor<S, E, D> {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn $method(self, rhs: &Tensor<S, E, D>) -> Tensor<S, E, D> {
                self.zip_map(rhs, $op::$method)
            }
        }
        /// Tensor ⊕ scalar, the scalar applied to every element: a scalar
        /// of the element type, or a plain float on a tensor of dual numbers.
        ///
        /// One impl for every scalar operand (rather than one per operand
        /// type) is what lets `Tensor::ones() * 2.0` infer its element type:
        /// with a single candidate impl the output `Tensor<S, E>` is known
        /// before `E` is.
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar + $op<R, Output = E>, R: Scalar, D: Storage> $op<R>
            for Tensor<S, E, D>
        {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: R) -> Self {
                self.map_owned(|x| $op::$method(x, rhs))
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar + $op<R, Output = E>, R: Scalar, D: Storage> $op<R>
            for &Tensor<S, E, D>
        {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn $method(self, rhs: R) -> Tensor<S, E, D> {
                self.map(|x| $op::$method(x, rhs))
            }
        }
        impl<S: Shape, E: Scalar, D: Storage> $assign for Tensor<S, E, D> {
            #[inline]
            fn $assign_method(&mut self, rhs: Self) {
                $assign::$assign_method(self, &rhs);
            }
        }
        impl<S: Shape, E: Scalar, D: Storage> $assign<&Tensor<S, E, D>> for Tensor<S, E, D> {
            #[inline]
            fn $assign_method(&mut self, rhs: &Self) {
                self.zip_update(rhs, $assign::$assign_method);
            }
        }
        impl<S: Shape, E: Scalar, D: Storage> $assign<E> for Tensor<S, E, D> {
            #[inline]
            fn $assign_method(&mut self, rhs: E) {
                self.update(|x| $assign::$assign_method(x, rhs));
            }
        }
    )*};
}

elementwise! {
    Add add AddAssign add_assign;
    Sub sub SubAssign sub_assign;
    Mul mul MulAssign mul_assign;
    Div div DivAssign div_assign;
}

/// Scalar ⊕ tensor with the scalar on the left (`2.0 * t`), for every element
/// type whose underlying real is this float (plain or dual elements).
macro_rules! scalar_left {
    ($($t:ty),*) => {$(
        impl<S: Shape, E: Scalar<Real = $t>, D: Storage> Add<Tensor<S, E, D>> for $t {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn add(self, rhs: Tensor<S, E, D>) -> Tensor<S, E, D> {
                let c = E::from_real(self);
                rhs.map_owned(|x| c + x)
            }
        }
        impl<S: Shape, E: Scalar<Real = $t>, D: Storage> Sub<Tensor<S, E, D>> for $t {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn sub(self, rhs: Tensor<S, E, D>) -> Tensor<S, E, D> {
                let c = E::from_real(self);
                rhs.map_owned(|x| c - x)
            }
        }
        impl<S: Shape, E: Scalar<Real = $t>, D: Storage> Mul<Tensor<S, E, D>> for $t {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn mul(self, rhs: Tensor<S, E, D>) -> Tensor<S, E, D> {
                let c = E::from_real(self);
                rhs.map_owned(|x| c * x)
            }
        }
        impl<S: Shape, E: Scalar<Real = $t>, D: Storage> Div<Tensor<S, E, D>> for $t {
            type Output = Tensor<S, E, D>;
            #[inline]
            fn div(self, rhs: Tensor<S, E, D>) -> Tensor<S, E, D> {
                let c = E::from_real(self);
                rhs.map_owned(|x| c / x)
            }
        }
    )*};
}

scalar_left!(f32, f64);

impl<S: Shape, E: Scalar, D: Storage> Neg for Tensor<S, E, D> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        self.map_owned(Neg::neg)
    }
}

impl<S: Shape, E: Scalar, D: Storage> Neg for &Tensor<S, E, D> {
    type Output = Tensor<S, E, D>;
    #[inline]
    fn neg(self) -> Tensor<S, E, D> {
        self.map(Neg::neg)
    }
}

impl<S: Shape, E: Scalar, D: Storage> Tensor<S, E, D> {
    /// Applies an elementary function of [`Scalar`] to every element
    /// (`t.apply(Scalar::sin)`), the same as [`Tensor::map`] but named for
    /// readability in differentiable code.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Scalar, Tensor};
    ///
    /// let t = Tensor::from([0.0, 1.0]).apply(Scalar::exp);
    /// assert_eq!(t[[1]], Scalar::exp(1.0_f64));
    /// ```
    #[inline]
    #[must_use]
    pub fn apply(&self, f: impl FnMut(E) -> E) -> Self {
        self.map(f)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Rank2, Tensor};

    #[test]
    #[allow(clippy::op_ref)] // the by-reference forms are what is tested
    fn every_operator_form_gives_the_same_values() {
        let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
        let b = Tensor::from([[0.5, -1.0], [2.0, 8.0]]);
        let sum = Tensor::from([[1.5, 1.0], [5.0, 12.0]]);
        assert_eq!(a + b, sum);
        assert_eq!(&a + b, sum);
        assert_eq!(a + &b, sum);
        assert_eq!(&a + &b, sum);
        assert_eq!(a - b, Tensor::from([[0.5, 3.0], [1.0, -4.0]]));
        assert_eq!(a * b, Tensor::from([[0.5, -2.0], [6.0, 32.0]]));
        assert_eq!(a / b, Tensor::from([[2.0, -2.0], [1.5, 0.5]]));
        assert_eq!(a * 2.0, 2.0 * a);
        assert_eq!(1.0 - a, Tensor::from([[0.0, -1.0], [-2.0, -3.0]]));
        assert_eq!(12.0 / a, Tensor::from([[12.0, 6.0], [4.0, 3.0]]));
        let mut c = a;
        c -= b;
        c *= 2.0;
        c += &a;
        c /= a;
        assert_eq!(c, Tensor::from([[2.0, 4.0], [5.0 / 3.0, -1.0]]));
        let f: Tensor<Rank2<2, 2>, f32> = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(2.0_f32 * f + 1.0, Tensor::from([[3.0, 5.0], [7.0, 9.0]]));
    }
}
