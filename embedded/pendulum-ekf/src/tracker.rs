//! A target moving at constant velocity in the plane, ranged by two
//! beacons: 4 states, 2 measured quantities. Its dynamics are linear; it
//! is here to show how the cost and the stack grow with the state size.
//!
//! The state is `x = [px, py, vx, vy]`, `f(x) = [px + dt·vx, py + dt·vy,
//! vx, vy]`, and `h(x) = [|p − a|, |p − b|]` for beacons `a` and `b`.

use constgrad::{Rank1, RealArith, Tensor};

use crate::ekf::{HandJacobians, Matrix, Model, Noise, Vector};
use crate::ranging::{range, range_gradient_by_hand, Beacon};
use crate::scenario::Scenario;

/// The time step and the beacons' positions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tracker {
    /// The time step `dt` (s).
    pub dt: f32,
    /// The two beacons.
    pub beacons: [Beacon; 2],
}

impl Tracker {
    /// Beacons 8 m apart on the x axis, 100 Hz.
    pub const EXAMPLE: Self = Self {
        dt: 0.01,
        beacons: [[-4.0, 0.0], [4.0, 0.0]],
    };
}

impl Model<4, 2> for Tracker {
    /// ```
    /// use constgrad::Tensor;
    /// use pendulum_ekf::{Model, Tracker};
    ///
    /// let x = Tensor::from([1.0_f32, 2.0, 10.0, -10.0]);
    /// assert_eq!(Tracker::EXAMPLE.dynamics(x), Tensor::from([1.1, 1.9, 10.0, -10.0]));
    /// ```
    #[inline]
    fn dynamics<T: RealArith<f32>>(&self, x: Tensor<Rank1<4>, T>) -> Tensor<Rank1<4>, T> {
        let [px, py, vx, vy] = x.into_array();
        Tensor::from([px + vx * self.dt, py + vy * self.dt, vx, vy])
    }

    /// ```
    /// use constgrad::Tensor;
    /// use pendulum_ekf::{Model, Tracker};
    ///
    /// let x = Tensor::from([0.0_f32, 3.0, 0.0, 0.0]);
    /// assert_eq!(Tracker::EXAMPLE.measurement(x), Tensor::from([5.0, 5.0]));
    /// ```
    #[inline]
    fn measurement<T: RealArith<f32>>(&self, x: Tensor<Rank1<4>, T>) -> Tensor<Rank1<2>, T> {
        let [px, py, _, _] = x.into_array();
        Tensor::from(self.beacons.map(|b| range(px, py, b)))
    }
}

impl HandJacobians<4, 2> for Tracker {
    #[inline(never)]
    fn dynamics_jacobian_by_hand(&self, _x: Vector<4>) -> Matrix<4, 4> {
        let mut f = Matrix::identity();
        f[[0, 2]] = self.dt;
        f[[1, 3]] = self.dt;
        f
    }

    #[inline(never)]
    fn measurement_jacobian_by_hand(&self, x: Vector<4>) -> Matrix<2, 4> {
        Tensor::from(self.beacons.map(|b| {
            let [dx, dy] = range_gradient_by_hand(x[[0]], x[[1]], b);
            [dx, dy, 0.0, 0.0]
        }))
    }
}

/// A target crossing above the beacons at 1.4 m/s for 3 s, 1 cm of range
/// noise, a filter that starts half a metre off and at rest.
#[must_use]
pub fn scenario() -> Scenario<4, 2> {
    let sigma = 0.01_f32;
    Scenario {
        truth: Tensor::from([-2.0, 3.0, 1.0, 1.0]),
        estimate: Tensor::from([-1.5, 3.5, 0.0, 0.0]),
        covariance: Matrix::identity(),
        noise: Noise {
            process: Matrix::identity() * 1e-6,
            measurement: Matrix::identity() * (sigma * sigma),
        },
        sigma,
        steps: 300,
        seed: 11,
        tolerance: Tensor::from([0.05, 0.05, 0.2, 0.2]),
    }
}
