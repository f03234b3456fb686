//! Elementwise arithmetic: tensor ⊕ tensor of the same shape (by value or by
//! reference), tensor ⊕ scalar on either side, negation and compound
//! assignment.
//!
//! Both operands of a tensor ⊕ tensor operation have the same type
//! `Tensor<S, E>`, so a shape mismatch is a type mismatch (E0308) that names
//! both shapes.
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
use crate::tensor::Tensor;

macro_rules! elementwise {
    ($($op:ident $method:ident $assign:ident $assign_method:ident;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar> $op for Tensor<S, E> {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: Self) -> Self {
                self.zip_map(&rhs, $op::$method)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar> $op<&Tensor<S, E>> for Tensor<S, E> {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: &Self) -> Self {
                self.zip_map(rhs, $op::$method)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar> $op<Tensor<S, E>> for &Tensor<S, E> {
            type Output = Tensor<S, E>;
            #[inline]
            fn $method(self, rhs: Tensor<S, E>) -> Tensor<S, E> {
                self.zip_map(&rhs, $op::$method)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar> $op<&Tensor<S, E>> for &Tensor<S, E> {
            type Output = Tensor<S, E>;
            #[inline]
            fn $method(self, rhs: &Tensor<S, E>) -> Tensor<S, E> {
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
        impl<S: Shape, E: Scalar + $op<R, Output = E>, R: Scalar> $op<R> for Tensor<S, E> {
            type Output = Self;
            #[inline]
            fn $method(self, rhs: R) -> Self {
                self.map(|x| $op::$method(x, rhs))
            }
        }
        #[diagnostic::do_not_recommend]
        impl<S: Shape, E: Scalar + $op<R, Output = E>, R: Scalar> $op<R> for &Tensor<S, E> {
            type Output = Tensor<S, E>;
            #[inline]
            fn $method(self, rhs: R) -> Tensor<S, E> {
                self.map(|x| $op::$method(x, rhs))
            }
        }
        impl<S: Shape, E: Scalar> $assign for Tensor<S, E> {
            #[inline]
            fn $assign_method(&mut self, rhs: Self) {
                $assign::$assign_method(self, &rhs);
            }
        }
        impl<S: Shape, E: Scalar> $assign<&Tensor<S, E>> for Tensor<S, E> {
            #[inline]
            fn $assign_method(&mut self, rhs: &Self) {
                for (x, &y) in self.iter_mut().zip(rhs.iter()) {
                    $assign::$assign_method(x, y);
                }
            }
        }
        impl<S: Shape, E: Scalar> $assign<E> for Tensor<S, E> {
            #[inline]
            fn $assign_method(&mut self, rhs: E) {
                for x in self.iter_mut() {
                    $assign::$assign_method(x, rhs);
                }
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
        impl<S: Shape, E: Scalar<Real = $t>> Add<Tensor<S, E>> for $t {
            type Output = Tensor<S, E>;
            #[inline]
            fn add(self, rhs: Tensor<S, E>) -> Tensor<S, E> {
                let c = E::from_real(self);
                rhs.map(|x| c + x)
            }
        }
        impl<S: Shape, E: Scalar<Real = $t>> Sub<Tensor<S, E>> for $t {
            type Output = Tensor<S, E>;
            #[inline]
            fn sub(self, rhs: Tensor<S, E>) -> Tensor<S, E> {
                let c = E::from_real(self);
                rhs.map(|x| c - x)
            }
        }
        impl<S: Shape, E: Scalar<Real = $t>> Mul<Tensor<S, E>> for $t {
            type Output = Tensor<S, E>;
            #[inline]
            fn mul(self, rhs: Tensor<S, E>) -> Tensor<S, E> {
                let c = E::from_real(self);
                rhs.map(|x| c * x)
            }
        }
        impl<S: Shape, E: Scalar<Real = $t>> Div<Tensor<S, E>> for $t {
            type Output = Tensor<S, E>;
            #[inline]
            fn div(self, rhs: Tensor<S, E>) -> Tensor<S, E> {
                let c = E::from_real(self);
                rhs.map(|x| c / x)
            }
        }
    )*};
}

scalar_left!(f32, f64);

impl<S: Shape, E: Scalar> Neg for Tensor<S, E> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        self.map(Neg::neg)
    }
}

impl<S: Shape, E: Scalar> Neg for &Tensor<S, E> {
    type Output = Tensor<S, E>;
    #[inline]
    fn neg(self) -> Tensor<S, E> {
        self.map(Neg::neg)
    }
}

impl<S: Shape, E: Scalar> Tensor<S, E> {
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
