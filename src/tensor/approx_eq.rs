//! `approx`'s [`AbsDiffEq`], [`RelativeEq`] and [`UlpsEq`] for tensors: two
//! tensors of one shape are approximately equal when every pair of
//! corresponding elements is, with the element type's tolerances.
//!
//! # Example
//!
//! ```
//! use approx::{assert_abs_diff_eq, assert_relative_eq, assert_ulps_eq};
//! use constgrad::Tensor;
//!
//! let a = Tensor::from([0.1 + 0.2, 1.0]);
//! let b = Tensor::from([0.3, 1.0]);
//! assert_ne!(a, b);
//! assert_abs_diff_eq!(a, b, epsilon = 1e-15);
//! assert_relative_eq!(a, b);
//! assert_ulps_eq!(a, b, max_ulps = 1);
//! ```

use approx::{AbsDiffEq, RelativeEq, UlpsEq};

use crate::shape::Shape;
use crate::tensor::{Storage, Tensor};

impl<S: Shape, E: Copy + AbsDiffEq, D: Storage> AbsDiffEq for Tensor<S, E, D>
where
    E::Epsilon: Copy,
{
    type Epsilon = E::Epsilon;

    #[inline]
    fn default_epsilon() -> E::Epsilon {
        E::default_epsilon()
    }

    #[inline]
    fn abs_diff_eq(&self, other: &Self, epsilon: E::Epsilon) -> bool {
        self.iter()
            .zip(other.iter())
            .all(|(a, b)| a.abs_diff_eq(b, epsilon))
    }
}

impl<S: Shape, E: Copy + RelativeEq, D: Storage> RelativeEq for Tensor<S, E, D>
where
    E::Epsilon: Copy,
{
    #[inline]
    fn default_max_relative() -> E::Epsilon {
        E::default_max_relative()
    }

    #[inline]
    fn relative_eq(&self, other: &Self, epsilon: E::Epsilon, max_relative: E::Epsilon) -> bool {
        self.iter()
            .zip(other.iter())
            .all(|(a, b)| a.relative_eq(b, epsilon, max_relative))
    }
}

impl<S: Shape, E: Copy + UlpsEq, D: Storage> UlpsEq for Tensor<S, E, D>
where
    E::Epsilon: Copy,
{
    #[inline]
    fn default_max_ulps() -> u32 {
        E::default_max_ulps()
    }

    #[inline]
    fn ulps_eq(&self, other: &Self, epsilon: E::Epsilon, max_ulps: u32) -> bool {
        self.iter()
            .zip(other.iter())
            .all(|(a, b)| a.ulps_eq(b, epsilon, max_ulps))
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;
    use approx::{AbsDiffEq, RelativeEq, UlpsEq};

    #[test]
    fn every_element_must_be_close() {
        let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
        let mut b = a;
        b[[1, 1]] += 1e-9;
        assert!(a.abs_diff_eq(&b, 1e-8));
        assert!(!a.abs_diff_eq(&b, 1e-10));
        assert!(a.relative_eq(&b, 0.0, 1e-9));
        assert!(!a.relative_eq(&b, 0.0, 1e-12));
        assert!(!a.ulps_eq(&b, 0.0, 4));
        b[[1, 1]] = f64::from_bits(4.0_f64.to_bits() + 3);
        assert!(a.ulps_eq(&b, 0.0, 4));
        assert!(!a.ulps_eq(&b, 0.0, 2));
    }
}
