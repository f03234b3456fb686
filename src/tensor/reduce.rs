//! Reductions: sum, product, min, max and mean, over all elements or along
//! one compile-time axis (the result's shape has that axis removed, in the
//! same storage as the input).
//!
//! `min`/`max` propagate `NaN` as numpy does. On dual numbers, the tangent of
//! a minimum or maximum reached by several tied elements (also ±∞) is the
//! mean of their tangents, and that of a NaN result is NaN, both as in JAX. Reducing an empty tensor with `min`, `max` or `mean`
//! is a compile error (numpy raises at run time).
//!
//! # Example
//!
//! ```
//! use constgrad::Tensor;
//!
//! let t = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
//! assert_eq!(t.sum(), 21.0);
//! assert_eq!(t.sum_axis::<0>(), Tensor::from([5.0, 7.0, 9.0]));
//! assert_eq!(t.max_axis::<1>(), Tensor::from([3.0, 6.0]));
//! ```

use crate::const_msg::check;
use crate::scalar::Scalar;
use crate::shape::{axis_split, HasAxis, Shape};
use crate::tensor::{Storage, Tensor};

/// Whether `x` is a NaN (the only value not equal to itself).
#[inline]
#[allow(clippy::eq_op)]
fn is_nan<E: Scalar>(x: E) -> bool {
    x != x
}

/// The extreme of `len` elements read by `at(k)`: `better(a, b)` says `a`
/// beats `b`. NaN wins outright (with a NaN tangent); ties share their
/// tangents equally (both as JAX's `reduce_max`). The value is untouched:
/// only tangent parts (value 0) are added and divided, never `x - m`, which
/// is NaN for tied infinities.
#[inline]
fn extreme<E: Scalar>(len: usize, at: impl Fn(usize) -> E, better: impl Fn(E, E) -> bool) -> E {
    let mut m = at(0);
    for k in 1..len {
        let x = at(k);
        if is_nan(m) {
            break;
        }
        if is_nan(x) || better(x, m) {
            m = x;
        }
    }
    // JAX's rule: the mean tangent of the elements equal to the extreme. A
    // NaN extreme equals none of them, so its tangent is 0 / 0 = NaN (as JAX).
    let mut ties = 0usize;
    let mut minus_tangents = E::zero();
    for k in 0..len {
        let x = at(k);
        if x == m {
            ties += 1;
            minus_tangents -= x.tangent_part();
        }
    }
    if ties != 1 {
        // m's value as a constant, plus the mean tangent (JAX's sum / count).
        // Subtracting the negated mean, whose value is +0, keeps a -0.0 extreme
        // -0.0 (adding +0 would not); the tangents are exact either way.
        (m - m.tangent_part()) - minus_tangents / E::from_f64(ties as f64)
    } else {
        m
    }
}

impl<S: Shape, E: Scalar, D: Storage> Tensor<S, E, D> {
    /// The sum of all elements (0 for an empty tensor).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 2.0], [3.0, 4.0]]).sum(), 10.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn sum(&self) -> E {
        self.iter().fold(E::zero(), |a, &x| a + x)
    }

    /// The product of all elements (1 for an empty tensor).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 2.0, 3.0, 4.0]).product(), 24.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn product(&self) -> E {
        self.iter().fold(E::one(), |a, &x| a * x)
    }

    /// The smallest element (NaN if any element is NaN).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([3.0, -1.0, 2.0]).min(), -1.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn min(&self) -> E {
        const { check::nonempty("min", S::DIMS, S::NUMEL) };
        let s = self.as_slice();
        extreme(s.len(), |k| s[k], |a, b| a < b)
    }

    /// The largest element (NaN if any element is NaN).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([3.0, -1.0, 2.0]).max(), 3.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn max(&self) -> E {
        const { check::nonempty("max", S::DIMS, S::NUMEL) };
        let s = self.as_slice();
        extreme(s.len(), |k| s[k], |a, b| a > b)
    }

    /// The arithmetic mean of all elements.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 2.0, 6.0]).mean(), 3.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn mean(&self) -> E {
        const { check::nonempty("mean", S::DIMS, S::NUMEL) };
        self.sum() / E::from_f64(S::NUMEL as f64)
    }

    /// Folds along axis `AX`: `out[o, i] = fold(data[o, 0..len, i])`.
    #[inline]
    fn along<const AX: usize>(
        &self,
        mut fold: impl FnMut(usize, &dyn Fn(usize) -> E) -> E,
    ) -> Tensor<<S as HasAxis<AX>>::Removed, E, D>
    where
        S: HasAxis<AX>,
    {
        let (_, len, inner) = axis_split(S::DIMS, AX);
        let s = self.as_slice();
        Tensor::from_flat_fn(|k| {
            let (o, i) = (k / inner, k % inner);
            let base = o * len * inner + i;
            fold(len, &|l| s[base + l * inner])
        })
    }

    /// Sums along axis `AX`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// assert_eq!(t.sum_axis::<1>(), Tensor::from([3.0, 7.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn sum_axis<const AX: usize>(&self) -> Tensor<<S as HasAxis<AX>>::Removed, E, D>
    where
        S: HasAxis<AX>,
    {
        self.along::<AX>(|len, at| (0..len).fold(E::zero(), |a, l| a + at(l)))
    }

    /// Multiplies along axis `AX`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// assert_eq!(t.product_axis::<0>(), Tensor::from([3.0, 8.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn product_axis<const AX: usize>(&self) -> Tensor<<S as HasAxis<AX>>::Removed, E, D>
    where
        S: HasAxis<AX>,
    {
        self.along::<AX>(|len, at| (0..len).fold(E::one(), |a, l| a * at(l)))
    }

    /// The smallest element along axis `AX`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 5.0], [3.0, 4.0]]);
    /// assert_eq!(t.min_axis::<0>(), Tensor::from([1.0, 4.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn min_axis<const AX: usize>(&self) -> Tensor<<S as HasAxis<AX>>::Removed, E, D>
    where
        S: HasAxis<AX>,
    {
        const { check::nonempty_axis("min", S::DIMS, AX) };
        self.along::<AX>(|len, at| extreme(len, at, |a, b| a < b))
    }

    /// The largest element along axis `AX`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 5.0], [3.0, 4.0]]);
    /// assert_eq!(t.max_axis::<1>(), Tensor::from([5.0, 4.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn max_axis<const AX: usize>(&self) -> Tensor<<S as HasAxis<AX>>::Removed, E, D>
    where
        S: HasAxis<AX>,
    {
        const { check::nonempty_axis("max", S::DIMS, AX) };
        self.along::<AX>(|len, at| extreme(len, at, |a, b| a > b))
    }

    /// The mean along axis `AX`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let t = Tensor::from([[1.0, 2.0], [3.0, 6.0]]);
    /// assert_eq!(t.mean_axis::<1>(), Tensor::from([1.5, 4.5]));
    /// ```
    #[inline]
    #[must_use]
    pub fn mean_axis<const AX: usize>(&self) -> Tensor<<S as HasAxis<AX>>::Removed, E, D>
    where
        S: HasAxis<AX>,
    {
        const { check::nonempty_axis("mean", S::DIMS, AX) };
        let n = E::from_f64(<S as HasAxis<AX>>::LEN as f64);
        self.sum_axis::<AX>() / n
    }
}

#[cfg(test)]
mod tests {
    use crate::Tensor;

    #[test]
    fn reductions_over_all_and_along_axes() {
        let t = Tensor::from([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]);
        assert_eq!(t.sum(), 36.0);
        assert_eq!(t.product(), 40320.0);
        assert_eq!(t.min(), 1.0);
        assert_eq!(t.max(), 8.0);
        assert_eq!(t.mean(), 4.5);
        assert_eq!(t.sum_axis::<0>(), Tensor::from([[6.0, 8.0], [10.0, 12.0]]));
        assert_eq!(t.sum_axis::<1>(), Tensor::from([[4.0, 6.0], [12.0, 14.0]]));
        assert_eq!(t.sum_axis::<2>(), Tensor::from([[3.0, 7.0], [11.0, 15.0]]));
        assert_eq!(
            t.product_axis::<2>(),
            Tensor::from([[2.0, 12.0], [30.0, 56.0]])
        );
        assert_eq!(t.min_axis::<1>(), Tensor::from([[1.0, 2.0], [5.0, 6.0]]));
        assert_eq!(t.max_axis::<0>(), Tensor::from([[5.0, 6.0], [7.0, 8.0]]));
        assert_eq!(t.mean_axis::<2>(), Tensor::from([[1.5, 3.5], [5.5, 7.5]]));
    }

    #[test]
    fn tied_negative_zeros_stay_negative() {
        // numpy.max([-0.0, -0.0]) is -0.0; the tie rule added +0 and gave 0.0.
        let z = Tensor::from([-0.0_f64, -0.0]);
        assert!(z.max().is_sign_negative() && z.min().is_sign_negative());
        let z = Tensor::from([[-0.0_f64, -0.0]]).max_axis::<1>();
        assert!(z[[0]].is_sign_negative());
    }

    #[test]
    fn nan_propagates_through_min_and_max() {
        let t = Tensor::from([1.0, f64::NAN, 0.0]);
        assert!(t.min().is_nan());
        assert!(t.max().is_nan());
        assert!(Tensor::from([f64::NAN, 1.0]).max().is_nan());
    }
}
