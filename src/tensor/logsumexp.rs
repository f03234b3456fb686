//! `log(Σ exp(x))` over a tensor, shifted by the maximum so that it neither
//! overflows nor underflows (numpy's and JAX's `logsumexp`).

use crate::const_msg::check;
use crate::scalar::{Real, Scalar};
use crate::shape::Shape;
use crate::tensor::Tensor;

impl<S: Shape, E: Scalar> Tensor<S, E> {
    /// `ln(Σᵢ exp(xᵢ))`, computed as `m + ln(Σᵢ exp(xᵢ - m))` with `m` the
    /// largest element, so `[1000.0, 999.0]` gives a finite answer. On dual
    /// numbers the gradient is the softmax of the elements. An empty tensor
    /// is a compile error, as for [`Tensor::max`] (seen by `cargo build`,
    /// not by `cargo check`).
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::ad::grad;
    /// use constgrad::Tensor;
    ///
    /// let x = Tensor::from([1000.0_f64, 999.0, -2.0]);
    /// assert_eq!(x.logsumexp(), 1000.3132616875182);
    /// let softmax = grad(|x| x.logsumexp(), x);
    /// assert!((softmax[[0]] - 0.7310585786300049).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn logsumexp(&self) -> E {
        const { check::nonempty("logsumexp", S::DIMS, S::NUMEL) };
        // The shift is a constant (no tangent): it cancels in the exact
        // derivative, and a plain maximum avoids `max`'s tie averaging,
        // whose `x - m` is NaN when the maximum is infinite.
        let mut m = self.as_slice()[0].re();
        for &x in self.iter() {
            let r = x.re();
            #[allow(clippy::eq_op)] // NaN is the only value not equal to itself
            if r != r {
                return x;
            }
            if r > m {
                m = r;
            }
        }
        if !m.is_finite_real() {
            // All -inf gives -inf and any +inf gives +inf, as numpy.
            return E::from_real(m);
        }
        let shift = E::from_real(m);
        let mut total = E::zero();
        for &x in self.iter() {
            total += (x - shift).exp();
        }
        shift + total.ln()
    }
}
