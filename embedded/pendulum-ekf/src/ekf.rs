//! The extended Kalman filter, for any model with `N` states and `M`
//! measured quantities: the model gives `f` and `h` once, generic over the
//! scalar, and [`jacobian`] turns them into `F = ∂f/∂x` and `H = ∂h/∂x`.

use core::fmt;

use constgrad::ad::jacobian;
use constgrad::{Rank1, Rank2, RealArith, Scalar, Tensor};

/// A column of `N` numbers: a state or a measurement.
pub type Vector<const N: usize> = Tensor<Rank1<N>, f32>;
/// An `R × C` matrix: a Jacobian or a covariance.
pub type Matrix<const R: usize, const C: usize> = Tensor<Rank2<R, C>, f32>;

/// A model of `N` states seen through `M` measured quantities: the discrete
/// dynamics `x ← f(x)` and the measurement `z = h(x)`, written once over any
/// scalar `T` so that the filter can evaluate them on `f32` and
/// differentiate them on dual numbers.
///
/// # Example
///
/// ```
/// use constgrad::{Rank1, RealArith, Tensor};
/// use pendulum_ekf::Model;
///
/// /// A falling body seen by its height: x = [z, v].
/// struct Fall { dt: f32 }
///
/// impl Model<2, 1> for Fall {
///     fn dynamics<T: RealArith<f32>>(&self, x: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
///         let [z, v] = x.into_array();
///         Tensor::from([z + v * self.dt, v - T::from_real(9.81 * self.dt)])
///     }
///     fn measurement<T: RealArith<f32>>(&self, x: Tensor<Rank1<2>, T>) -> Tensor<Rank1<1>, T> {
///         Tensor::from([x[[0]]])
///     }
/// }
///
/// let f = Fall { dt: 0.1 }.dynamics_jacobian(Tensor::from([10.0, 0.0]));
/// assert_eq!(f, Tensor::from([[1.0, 0.1], [0.0, 1.0]]));
/// ```
pub trait Model<const N: usize, const M: usize> {
    /// The discrete dynamics `f(x)`: the state one time step later.
    fn dynamics<T: RealArith<f32>>(&self, x: Tensor<Rank1<N>, T>) -> Tensor<Rank1<N>, T>;

    /// The measurement `h(x)` the sensors would report in state `x`.
    fn measurement<T: RealArith<f32>>(&self, x: Tensor<Rank1<N>, T>) -> Tensor<Rank1<M>, T>;

    /// `F = ∂f/∂x` at `x`: one evaluation of [`dynamics`](Self::dynamics) on
    /// dual numbers that carry all `N` partial derivatives.
    ///
    /// Never inlined, so that its code size and cost can be measured on
    /// the target (see the README).
    #[inline(never)]
    fn dynamics_jacobian(&self, x: Vector<N>) -> Matrix<N, N> {
        jacobian(|x| self.dynamics(x), x)
    }

    /// `H = ∂h/∂x` at `x`, by forward-mode AD on
    /// [`measurement`](Self::measurement).
    #[inline(never)]
    fn measurement_jacobian(&self, x: Vector<N>) -> Matrix<M, N> {
        jacobian(|x| self.measurement(x), x)
    }
}

/// The Jacobians of a [`Model`] derived by hand: the reference the AD ones
/// are checked against (on the host and on the target) and timed against.
pub trait HandJacobians<const N: usize, const M: usize>: Model<N, M> {
    /// `F = ∂f/∂x` from the formula.
    fn dynamics_jacobian_by_hand(&self, x: Vector<N>) -> Matrix<N, N>;
    /// `H = ∂h/∂x` from the formula.
    fn measurement_jacobian_by_hand(&self, x: Vector<N>) -> Matrix<M, N>;
}

/// Why [`Ekf::update`] rejected a measurement. The filter then keeps its
/// prior (the prediction), so a rejected measurement is a skipped one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EkfError {
    /// The measurement has a NaN or infinite component.
    NonFiniteMeasurement,
    /// The innovation covariance `S = H·P·Hᵀ + R` is not positive definite
    /// to working precision (for instance `R = 0` with a rank-deficient
    /// `H`, where `H·P·Hᵀ` alone is singular).
    SingularInnovation,
}

impl fmt::Display for EkfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EkfError::NonFiniteMeasurement => f.write_str("the measurement is not finite"),
            EkfError::SingularInnovation => {
                f.write_str("the innovation covariance H·P·Hᵀ + R is singular")
            }
        }
    }
}

/// The noise covariances of the filter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Noise<const N: usize, const M: usize> {
    /// The process noise covariance `Q`, added at each prediction.
    pub process: Matrix<N, N>,
    /// The measurement noise covariance `R`.
    pub measurement: Matrix<M, M>,
}

/// The filter: a state estimate and its covariance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ekf<const N: usize> {
    x: Vector<N>,
    p: Matrix<N, N>,
}

impl<const N: usize> Ekf<N> {
    /// A filter starting at the estimate `x` with covariance `p` (symmetric
    /// positive definite).
    #[must_use]
    pub fn new(x: Vector<N>, p: Matrix<N, N>) -> Self {
        Self { x, p }
    }

    /// The current state estimate.
    #[must_use]
    pub fn state(&self) -> Vector<N> {
        self.x
    }

    /// The current covariance of the estimate.
    #[must_use]
    pub fn covariance(&self) -> Matrix<N, N> {
        self.p
    }

    /// The prediction: `x ← f(x)`, `P ← F·P·Fᵀ + Q` with `F = ∂f/∂x` at the
    /// old estimate.
    pub fn predict<const M: usize>(&mut self, model: &impl Model<N, M>, q: &Matrix<N, N>) {
        let f = model.dynamics_jacobian(self.x);
        self.x = model.dynamics(self.x);
        self.p = symmetrize(f.matmul(&self.p).matmul(&f.transpose()) + q);
    }

    /// The measurement update with `z`: `y = z − h(x)`, `S = H·P·Hᵀ + R`,
    /// `K = P·Hᵀ·S⁻¹`, `x ← x + K·y`, and the covariance in Joseph form,
    /// `P ← (I − K·H)·P·(I − K·H)ᵀ + K·R·Kᵀ`, which stays symmetric
    /// positive definite under rounding.
    ///
    /// # Errors
    ///
    /// [`EkfError::NonFiniteMeasurement`] or [`EkfError::SingularInnovation`];
    /// the filter is then left unchanged.
    pub fn update<const M: usize>(
        &mut self,
        model: &impl Model<N, M>,
        r: &Matrix<M, M>,
        z: &Vector<M>,
    ) -> Result<(), EkfError> {
        if !z.iter().all(|v| v.is_finite()) {
            return Err(EkfError::NonFiniteMeasurement);
        }
        let h = model.measurement_jacobian(self.x);
        let ht = h.transpose();
        let s = h.matmul(&self.p).matmul(&ht) + r;
        let s_inv = spd_inverse(&s).ok_or(EkfError::SingularInnovation)?;
        let k = self.p.matmul(&ht).matmul(&s_inv);
        let innovation = *z - model.measurement(self.x);
        self.x += k.matmul(&innovation);
        let a = Matrix::<N, N>::identity() - k.matmul(&h);
        self.p = symmetrize(
            a.matmul(&self.p).matmul(&a.transpose()) + k.matmul(r).matmul(&k.transpose()),
        );
        Ok(())
    }

    /// One full step: [`predict`](Self::predict), then
    /// [`update`](Self::update) with the measurement `z` taken at the new
    /// time. Never inlined, so that its code size and cost can be measured.
    ///
    /// # Errors
    ///
    /// As [`update`](Self::update); the prediction is kept.
    #[inline(never)]
    pub fn step<const M: usize>(
        &mut self,
        model: &impl Model<N, M>,
        noise: &Noise<N, M>,
        z: &Vector<M>,
    ) -> Result<(), EkfError> {
        self.predict(model, &noise.process);
        self.update(model, &noise.measurement, z)
    }
}

/// `(P + Pᵀ) / 2`: removes the rounding asymmetry of a matrix product.
fn symmetrize<const N: usize>(p: Matrix<N, N>) -> Matrix<N, N> {
    (p + p.transpose()) * 0.5
}

/// The inverse of a symmetric positive definite matrix, by its Cholesky
/// factor `S = L·Lᵀ`, or `None` when a pivot is not positive to working
/// precision (`≤ 8·ε` times its diagonal entry, so that a pivot that is
/// only rounding error counts as zero) or not finite. Only the lower
/// triangle of `s` is read.
///
/// The loops run over the const size, so every index is known to be in
/// bounds and the code has no panic path.
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
/// use pendulum_ekf::spd_inverse;
///
/// let s = Tensor::from([[4.0, 2.0], [2.0, 2.0]]);
/// assert_eq!(spd_inverse(&s), Some(Tensor::from([[0.5, -0.5], [-0.5, 1.0]])));
/// assert_eq!(spd_inverse(&Tensor::from([[1.0, 2.0], [2.0, 4.0]])), None);
/// ```
#[must_use]
// The factorization reads two triangles by row and column at once; index
// loops say that more plainly than zipped iterators.
#[allow(clippy::needless_range_loop)]
pub fn spd_inverse<const M: usize>(s: &Matrix<M, M>) -> Option<Matrix<M, M>> {
    let a = s.as_array();
    // L, lower triangle, row by row (Cholesky–Banachiewicz).
    let mut l = [[0.0_f32; M]; M];
    for i in 0..M {
        for j in 0..=i {
            let mut sum = a[i][j];
            for k in 0..j {
                sum -= l[i][k] * l[j][k];
            }
            if i == j {
                if !sum.is_finite() || sum <= 8.0 * f32::EPSILON * a[i][i].abs() {
                    return None;
                }
                l[i][i] = Scalar::sqrt(sum);
            } else {
                l[i][j] = sum / l[j][j];
            }
        }
    }
    // W = L⁻¹ by forward substitution, then S⁻¹ = Wᵀ·W.
    let mut w = [[0.0_f32; M]; M];
    for c in 0..M {
        for i in c..M {
            let mut sum = if i == c { 1.0 } else { 0.0 };
            for k in c..i {
                sum -= l[i][k] * w[k][c];
            }
            w[i][c] = sum / l[i][i];
        }
    }
    let w = Tensor::from(w);
    let inv = w.transpose().matmul(&w);
    inv.iter().all(|v| v.is_finite()).then_some(inv)
}
