//! The damped pendulum: 2 states, 2 measured quantities.
//!
//! The state is `x = [θ, ω]` (angle from the downward vertical, in radians,
//! and angular velocity). One explicit Euler step of length `dt` is the
//! discrete dynamics
//!
//! ```text
//! f(x) = [θ + dt·ω,  ω − dt·(g/L)·sin θ − dt·b·ω]
//! ```
//!
//! and the sensor sees the bob's position relative to the pivot,
//!
//! ```text
//! h(x) = [L·sin θ,  −L·cos θ].
//! ```

use constgrad::{Rank1, RealArith, Tensor};

use crate::ekf::{HandJacobians, Matrix, Model, Noise, Vector};
use crate::scenario::Scenario;

/// The pendulum's parameters and the filter's time step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pendulum {
    /// The time step `dt` (s).
    pub dt: f32,
    /// The gravitational acceleration `g` (m/s²).
    pub gravity: f32,
    /// The length `L` of the rod (m).
    pub length: f32,
    /// The linear damping coefficient `b` (1/s).
    pub damping: f32,
}

impl Pendulum {
    /// The pendulum of the examples: 0.5 m, lightly damped, 100 Hz.
    pub const EXAMPLE: Self = Self {
        dt: 0.01,
        gravity: 9.81,
        length: 0.5,
        damping: 0.3,
    };
}

impl Model<2, 2> for Pendulum {
    /// `f(x) = [θ + dt·ω, ω − dt·(g/L)·sin θ − dt·b·ω]`.
    ///
    /// ```
    /// use constgrad::Tensor;
    /// use pendulum_ekf::{Model, Pendulum};
    ///
    /// // Hanging at rest, it stays at rest.
    /// let x = Tensor::from([0.0_f32, 0.0]);
    /// assert_eq!(Pendulum::EXAMPLE.dynamics(x), x);
    /// // At the bottom, cos θ = 1: ∂ω'/∂θ = −dt·g/L.
    /// let f = Pendulum::EXAMPLE.dynamics_jacobian(x);
    /// assert_eq!(f[[0, 1]], 0.01);
    /// assert!((f[[1, 0]] + 0.01 * 9.81 / 0.5).abs() < 1e-6);
    /// ```
    #[inline]
    fn dynamics<T: RealArith<f32>>(&self, x: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
        let [theta, omega] = x.into_array();
        let dt = self.dt;
        Tensor::from([
            theta + omega * dt,
            omega - theta.sin() * (dt * (self.gravity / self.length)) - omega * (dt * self.damping),
        ])
    }

    /// `h(x) = [L·sin θ, −L·cos θ]`: the bob's position relative to the
    /// pivot, `y` pointing up. `H`'s second column is zero: the sensor does
    /// not see `ω`, which the filter infers through the dynamics.
    ///
    /// ```
    /// use constgrad::Tensor;
    /// use pendulum_ekf::{Model, Pendulum};
    ///
    /// let x = Tensor::from([0.0_f32, 3.0]);
    /// assert_eq!(Pendulum::EXAMPLE.measurement(x), Tensor::from([0.0, -0.5]));
    /// let h = Pendulum::EXAMPLE.measurement_jacobian(x);
    /// assert_eq!(h, Tensor::from([[0.5, 0.0], [0.0, 0.0]]));
    /// ```
    #[inline]
    fn measurement<T: RealArith<f32>>(&self, x: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
        let [theta, _omega] = x.into_array();
        let (s, c) = theta.sin_cos();
        Tensor::from([s * self.length, -(c * self.length)])
    }
}

impl HandJacobians<2, 2> for Pendulum {
    #[inline(never)]
    fn dynamics_jacobian_by_hand(&self, x: Vector<2>) -> Matrix<2, 2> {
        let dt = self.dt;
        let cos = constgrad::Scalar::cos(x[[0]]);
        Tensor::from([
            [1.0, dt],
            [
                -cos * (dt * (self.gravity / self.length)),
                1.0 - dt * self.damping,
            ],
        ])
    }

    #[inline(never)]
    fn measurement_jacobian_by_hand(&self, x: Vector<2>) -> Matrix<2, 2> {
        let (sin, cos) = constgrad::Scalar::sin_cos(x[[0]]);
        let l = self.length;
        Tensor::from([[l * cos, 0.0], [l * sin, 0.0]])
    }
}

/// The pendulum released at 1.2 rad, watched for 3 s with 1 cm of
/// measurement noise by a filter that starts at the bottom, swinging the
/// wrong way fast.
#[must_use]
pub fn scenario() -> Scenario<2, 2> {
    let sigma = 0.01_f32;
    Scenario {
        truth: Tensor::from([1.2, 0.0]),
        estimate: Tensor::from([0.0, 2.0]),
        covariance: Matrix::identity(),
        noise: Noise {
            process: Tensor::from([[1e-7, 0.0], [0.0, 1e-5]]),
            measurement: Matrix::identity() * (sigma * sigma),
        },
        sigma,
        steps: 300,
        seed: 7,
        tolerance: Tensor::from([0.02, 0.2]),
    }
}
