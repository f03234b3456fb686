//! A planar quadrotor ranged by two beacons, with an attitude sensor:
//! 6 states, 3 measured quantities, nonlinear dynamics and measurement.
//!
//! The state is `x = [px, pz, φ, vx, vz, ω]` (position, roll angle,
//! velocity, roll rate). With the thrust per unit mass `a` and the angular
//! acceleration `α` held constant, one Euler step is
//!
//! ```text
//! f(x) = [px + dt·vx, pz + dt·vz, φ + dt·ω,
//!         vx − dt·a·sin φ, vz + dt·(a·cos φ − g), ω + dt·α]
//! ```
//!
//! and the sensors give `h(x) = [|p − a|, |p − b|, φ]`.

use constgrad::{Rank1, RealArith, Scalar, Tensor};

use crate::ekf::{HandJacobians, Matrix, Model, Noise, Vector};
use crate::ranging::{range, range_gradient_by_hand, Beacon};
use crate::scenario::Scenario;

/// The vehicle's constant inputs, gravity, the time step and the beacons.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanarQuadrotor {
    /// The time step `dt` (s).
    pub dt: f32,
    /// The gravitational acceleration `g` (m/s²).
    pub gravity: f32,
    /// The total thrust per unit mass `a` (m/s²).
    pub thrust: f32,
    /// The angular acceleration `α` from the differential thrust (rad/s²).
    pub angular_acceleration: f32,
    /// The two range beacons.
    pub beacons: [Beacon; 2],
}

impl PlanarQuadrotor {
    /// A vehicle slightly above hover thrust, rolling slowly, 100 Hz.
    pub const EXAMPLE: Self = Self {
        dt: 0.01,
        gravity: 9.81,
        thrust: 9.9,
        angular_acceleration: 0.1,
        beacons: [[-4.0, 0.0], [4.0, 0.0]],
    };
}

impl Model<6, 3> for PlanarQuadrotor {
    /// ```
    /// use constgrad::Tensor;
    /// use pendulum_ekf::{Model, PlanarQuadrotor};
    ///
    /// let q = PlanarQuadrotor { thrust: 9.81, angular_acceleration: 0.0, ..PlanarQuadrotor::EXAMPLE };
    /// // Level at hover thrust: it stays where it is.
    /// let x = Tensor::from([1.0_f32, 2.0, 0.0, 0.0, 0.0, 0.0]);
    /// assert_eq!(q.dynamics(x), x);
    /// ```
    #[inline]
    fn dynamics<T: RealArith<f32>>(&self, x: Tensor<Rank1<6>, T>) -> Tensor<Rank1<6>, T> {
        let [px, pz, phi, vx, vz, omega] = x.into_array();
        let (dt, a) = (self.dt, self.thrust);
        let (sin, cos) = phi.sin_cos();
        Tensor::from([
            px + vx * dt,
            pz + vz * dt,
            phi + omega * dt,
            vx - sin * (dt * a),
            vz + cos * (dt * a) - dt * self.gravity,
            omega + dt * self.angular_acceleration,
        ])
    }

    /// ```
    /// use constgrad::Tensor;
    /// use pendulum_ekf::{Model, PlanarQuadrotor};
    ///
    /// let x = Tensor::from([0.0_f32, 3.0, 0.25, 0.0, 0.0, 0.0]);
    /// assert_eq!(PlanarQuadrotor::EXAMPLE.measurement(x), Tensor::from([5.0, 5.0, 0.25]));
    /// ```
    #[inline]
    fn measurement<T: RealArith<f32>>(&self, x: Tensor<Rank1<6>, T>) -> Tensor<Rank1<3>, T> {
        let [px, pz, phi, _, _, _] = x.into_array();
        let [a, b] = self.beacons;
        Tensor::from([range(px, pz, a), range(px, pz, b), phi])
    }
}

impl HandJacobians<6, 3> for PlanarQuadrotor {
    #[inline(never)]
    fn dynamics_jacobian_by_hand(&self, x: Vector<6>) -> Matrix<6, 6> {
        let (sin, cos) = Scalar::sin_cos(x[[2]]);
        let (dt, da) = (self.dt, self.dt * self.thrust);
        // Written out in full: `Matrix::identity()` patched entry by entry
        // builds the identity in a loop at this size (see the README).
        Tensor::from([
            [1.0, 0.0, 0.0, dt, 0.0, 0.0],
            [0.0, 1.0, 0.0, 0.0, dt, 0.0],
            [0.0, 0.0, 1.0, 0.0, 0.0, dt],
            [0.0, 0.0, -(cos * da), 1.0, 0.0, 0.0],
            [0.0, 0.0, -(sin * da), 0.0, 1.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
        ])
    }

    #[inline(never)]
    fn measurement_jacobian_by_hand(&self, x: Vector<6>) -> Matrix<3, 6> {
        let row = |b| {
            let [dx, dz] = range_gradient_by_hand(x[[0]], x[[1]], b);
            [dx, dz, 0.0, 0.0, 0.0, 0.0]
        };
        let [a, b] = self.beacons;
        Tensor::from([row(a), row(b), [0.0, 0.0, 1.0, 0.0, 0.0, 0.0]])
    }
}

/// The vehicle rolling through ±0.2 rad for 3 s, climbing a little, with
/// 1 cm of range noise and 0.01 rad of attitude noise; the filter starts
/// a metre off, level and at rest.
#[must_use]
pub fn scenario() -> Scenario<6, 3> {
    let sigma = 0.01_f32;
    Scenario {
        truth: Tensor::from([1.0, 3.0, 0.1, 0.0, 0.0, -0.2]),
        estimate: Tensor::from([0.3, 2.5, 0.0, 0.0, 0.0, 0.0]),
        covariance: Matrix::identity(),
        noise: Noise {
            process: Matrix::identity() * 1e-6,
            measurement: Matrix::identity() * (sigma * sigma),
        },
        sigma,
        steps: 300,
        seed: 13,
        tolerance: Tensor::from([0.05, 0.05, 0.05, 0.2, 0.2, 0.2]),
    }
}
