//! An extended Kalman filter for a damped pendulum, in `f32`, `no_std`, with
//! the Jacobians computed by [`constgrad::ad::jacobian`].
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
//!
//! [`dynamics`] and [`measurement`] are written once, generic over the scalar
//! ([`RealArith<f32>`]): the filter evaluates them on `f32`, and
//! [`dynamics_jacobian`] / [`measurement_jacobian`] evaluate them on dual
//! numbers, which gives `F = ∂f/∂x` and `H = ∂h/∂x` exactly (no finite
//! differences, no hand-derived formulas to keep in sync with the model).
//!
//! ```
//! use constgrad::Tensor;
//! use pendulum_ekf::{Ekf, Noise, Pendulum};
//!
//! let model = Pendulum { dt: 0.01, gravity: 9.81, length: 0.5, damping: 0.3 };
//! let noise = Noise {
//!     process: Tensor::from([[1e-6, 0.0], [0.0, 1e-4]]),
//!     measurement: Tensor::from([[1e-4, 0.0], [0.0, 1e-4]]),
//! };
//! let mut ekf = Ekf::new(Tensor::from([0.0, 0.0]), Tensor::from([[1.0, 0.0], [0.0, 1.0]]));
//! // A measurement of the bob at θ = 0.3 rad.
//! let z = Tensor::from([0.5 * 0.3_f32.sin(), -0.5 * 0.3_f32.cos()]);
//! ekf.step(&model, &noise, &z).expect("a regular innovation covariance");
//! assert!((ekf.state()[[0]] - 0.3).abs() < 0.05);
//! ```
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use core::fmt;

use constgrad::ad::jacobian;
use constgrad::{Rank1, Rank2, RealArith, Tensor};

/// A state `[θ, ω]` (rad, rad/s).
pub type State = Tensor<Rank1<2>, f32>;
/// A measurement `[x, y]` of the bob's position relative to the pivot (m).
pub type Measurement = Tensor<Rank1<2>, f32>;
/// A 2 × 2 matrix: a Jacobian or a covariance.
pub type Mat2 = Tensor<Rank2<2, 2>, f32>;

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

/// The discrete dynamics `f(x) = [θ + dt·ω, ω − dt·(g/L)·sin θ − dt·b·ω]`.
///
/// Generic over the scalar: `T = f32` evaluates it, a dual number over `f32`
/// differentiates it (see [`dynamics_jacobian`]).
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
/// use pendulum_ekf::{dynamics, Pendulum};
///
/// let model = Pendulum { dt: 0.01, gravity: 9.81, length: 0.5, damping: 0.3 };
/// // Hanging at rest, it stays at rest.
/// assert_eq!(dynamics(&model, Tensor::from([0.0_f32, 0.0])), Tensor::from([0.0, 0.0]));
/// ```
#[inline]
pub fn dynamics<T: RealArith<f32>>(
    model: &Pendulum,
    x: Tensor<Rank1<2>, T>,
) -> Tensor<Rank1<2>, T> {
    let [theta, omega] = x.into_array();
    let dt = model.dt;
    Tensor::from([
        theta + omega * dt,
        omega - theta.sin() * (dt * (model.gravity / model.length)) - omega * (dt * model.damping),
    ])
}

/// The measurement `h(x) = [L·sin θ, −L·cos θ]`: the bob's position relative
/// to the pivot, `y` pointing up.
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
/// use pendulum_ekf::{measurement, Pendulum};
///
/// let model = Pendulum { dt: 0.01, gravity: 9.81, length: 0.5, damping: 0.3 };
/// assert_eq!(measurement(&model, Tensor::from([0.0_f32, 1.0])), Tensor::from([0.0, -0.5]));
/// ```
#[inline]
pub fn measurement<T: RealArith<f32>>(
    model: &Pendulum,
    x: Tensor<Rank1<2>, T>,
) -> Tensor<Rank1<2>, T> {
    let [theta, _omega] = x.into_array();
    let (s, c) = theta.sin_cos();
    Tensor::from([s * model.length, -(c * model.length)])
}

/// `F = ∂f/∂x` at `x`, by forward-mode AD: one evaluation of [`dynamics`]
/// on dual numbers that carry both partial derivatives.
///
/// Non-generic and never inlined, so that its code size can be read from
/// the object file (see the crate's README).
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
/// use pendulum_ekf::{dynamics_jacobian, Pendulum};
///
/// let model = Pendulum { dt: 0.01, gravity: 9.81, length: 0.5, damping: 0.3 };
/// let f = dynamics_jacobian(&model, Tensor::from([0.0, 0.0]));
/// // At the bottom, cos θ = 1: ∂ω'/∂θ = −dt·g/L.
/// assert_eq!(f[[0, 1]], 0.01);
/// assert!((f[[1, 0]] + 0.01 * 9.81 / 0.5).abs() < 1e-6);
/// ```
#[inline(never)]
pub fn dynamics_jacobian(model: &Pendulum, x: State) -> Mat2 {
    jacobian(|x| dynamics(model, x), x)
}

/// `H = ∂h/∂x` at `x`, by forward-mode AD on [`measurement`]. Its second
/// column is zero: the sensor does not see `ω`, which the filter infers
/// through the dynamics.
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
/// use pendulum_ekf::{measurement_jacobian, Pendulum};
///
/// let model = Pendulum { dt: 0.01, gravity: 9.81, length: 0.5, damping: 0.3 };
/// let h = measurement_jacobian(&model, Tensor::from([0.0, 3.0]));
/// assert_eq!(h, Tensor::from([[0.5, 0.0], [0.0, 0.0]]));
/// ```
#[inline(never)]
pub fn measurement_jacobian(model: &Pendulum, x: State) -> Mat2 {
    jacobian(|x| measurement(model, x), x)
}

/// The inverse of a 2 × 2 matrix, or `None` when it is singular to working
/// precision (`|det| ≤ 8·ε·(|a·d| + |b·c|)`, so that a determinant that is
/// only rounding error counts as zero) or not finite.
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
/// use pendulum_ekf::inverse2;
///
/// let m = Tensor::from([[4.0, 7.0], [2.0, 6.0]]);
/// let inv = inverse2(&m).unwrap();
/// assert_eq!(inv, Tensor::from([[0.6, -0.7], [-0.2, 0.4]]));
/// assert_eq!(inverse2(&Tensor::from([[1.0, 2.0], [2.0, 4.0]])), None);
/// ```
#[must_use]
pub fn inverse2(m: &Mat2) -> Option<Mat2> {
    let [[a, b], [c, d]] = *m.as_array();
    let ad = a * d;
    let bc = b * c;
    let det = ad - bc;
    let scale = ad.abs() + bc.abs();
    if !det.is_finite() || det.abs() <= 8.0 * f32::EPSILON * scale {
        return None;
    }
    let r = 1.0 / det;
    let inv = Tensor::from([[d * r, -b * r], [-c * r, a * r]]);
    inv.iter().all(|v| v.is_finite()).then_some(inv)
}

/// Why [`Ekf::update`] rejected a measurement. The filter then keeps its
/// prior (the prediction), so a rejected measurement is a skipped one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EkfError {
    /// The measurement has a NaN or infinite component.
    NonFiniteMeasurement,
    /// The innovation covariance `S = H·P·Hᵀ + R` is singular (for instance
    /// `R = 0`: `H` has rank 1 here, so `H·P·Hᵀ` alone is singular).
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
pub struct Noise {
    /// The process noise covariance `Q`, added at each prediction.
    pub process: Mat2,
    /// The measurement noise covariance `R`.
    pub measurement: Mat2,
}

/// The filter: a state estimate and its covariance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ekf {
    x: State,
    p: Mat2,
}

impl Ekf {
    /// A filter starting at the estimate `x` with covariance `p` (symmetric
    /// positive definite).
    #[must_use]
    pub fn new(x: State, p: Mat2) -> Self {
        Self { x, p }
    }

    /// The current state estimate `[θ, ω]`.
    #[must_use]
    pub fn state(&self) -> State {
        self.x
    }

    /// The current covariance of the estimate.
    #[must_use]
    pub fn covariance(&self) -> Mat2 {
        self.p
    }

    /// The prediction: `x ← f(x)`, `P ← F·P·Fᵀ + Q` with `F = ∂f/∂x` at the
    /// old estimate.
    pub fn predict(&mut self, model: &Pendulum, q: &Mat2) {
        let f = dynamics_jacobian(model, self.x);
        self.x = dynamics(model, self.x);
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
    pub fn update(&mut self, model: &Pendulum, r: &Mat2, z: &Measurement) -> Result<(), EkfError> {
        if !z.iter().all(|v| v.is_finite()) {
            return Err(EkfError::NonFiniteMeasurement);
        }
        let h = measurement_jacobian(model, self.x);
        let ht = h.transpose();
        let s = h.matmul(&self.p).matmul(&ht) + r;
        let s_inv = inverse2(&s).ok_or(EkfError::SingularInnovation)?;
        let k = self.p.matmul(&ht).matmul(&s_inv);
        let innovation = *z - measurement(model, self.x);
        self.x += k.matmul(&innovation);
        let a = Mat2::identity() - k.matmul(&h);
        self.p = symmetrize(
            a.matmul(&self.p).matmul(&a.transpose()) + k.matmul(r).matmul(&k.transpose()),
        );
        Ok(())
    }

    /// One full step: [`predict`](Self::predict), then
    /// [`update`](Self::update) with the measurement `z` taken at the new
    /// time. Never inlined, so that its code size can be measured.
    ///
    /// # Errors
    ///
    /// As [`update`](Self::update); the prediction is kept.
    #[inline(never)]
    pub fn step(
        &mut self,
        model: &Pendulum,
        noise: &Noise,
        z: &Measurement,
    ) -> Result<(), EkfError> {
        self.predict(model, &noise.process);
        self.update(model, &noise.measurement, z)
    }
}

/// `(P + Pᵀ) / 2`: removes the rounding asymmetry of a matrix product.
fn symmetrize(p: Mat2) -> Mat2 {
    (p + p.transpose()) * 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: Pendulum = Pendulum {
        dt: 0.01,
        gravity: 9.81,
        length: 0.5,
        damping: 0.3,
    };

    /// The distance in units in the last place between two finite `f32`s.
    fn ulps(a: f32, b: f32) -> u32 {
        // Map the floats onto a monotonic integer line (−0 and +0 coincide).
        fn key(x: f32) -> i64 {
            let bits = i64::from(x.to_bits() as i32);
            if bits < 0 {
                i64::from(i32::MIN) - bits
            } else {
                bits
            }
        }
        assert!(a.is_finite() && b.is_finite(), "{a} or {b} is not finite");
        u32::try_from((key(a) - key(b)).unsigned_abs()).unwrap()
    }

    fn assert_close_ulps(got: &Mat2, want: &Mat2, max_ulps: u32) {
        for (g, w) in got.iter().zip(want.iter()) {
            assert!(ulps(*g, *w) <= max_ulps, "got {got:?}, want {want:?}");
        }
    }

    /// A grid of states covering every quadrant of θ and both signs of ω.
    fn states() -> impl Iterator<Item = State> {
        (-12..=12)
            .flat_map(|i| (-3..=3).map(move |j| Tensor::from([i as f32 * 0.29, j as f32 * 1.7])))
    }

    #[test]
    fn ulps_counts_representable_steps() {
        assert_eq!(ulps(1.0, 1.0), 0);
        assert_eq!(ulps(1.0, f32::from_bits(1.0_f32.to_bits() + 3)), 3);
        assert_eq!(ulps(-0.0, 0.0), 0);
        assert_eq!(ulps(-f32::from_bits(1), f32::from_bits(1)), 2);
    }

    #[test]
    fn dynamics_jacobian_equals_the_analytic_one() {
        let dt = MODEL.dt;
        for x in states() {
            let theta = x[[0]];
            let want = Tensor::from([
                [1.0, dt],
                [
                    -theta.cos() * (dt * (MODEL.gravity / MODEL.length)),
                    1.0 - dt * MODEL.damping,
                ],
            ]);
            assert_close_ulps(&dynamics_jacobian(&MODEL, x), &want, 2);
        }
    }

    #[test]
    fn measurement_jacobian_equals_the_analytic_one() {
        let l = MODEL.length;
        for x in states() {
            let theta = x[[0]];
            let want = Tensor::from([[l * theta.cos(), 0.0], [l * theta.sin(), 0.0]]);
            assert_close_ulps(&measurement_jacobian(&MODEL, x), &want, 2);
        }
    }

    #[test]
    fn jacobians_agree_with_central_differences() {
        // An independent check of the model code itself, in f64 around the
        // f32 point: (f(x + h·e_k) − f(x − h·e_k)) / 2h.
        let x = Tensor::from([0.8_f32, -1.3]);
        let f64_model = |v: [f64; 2]| {
            let (dt, g, l, b) = (0.01, 9.81, 0.5, 0.3);
            [
                v[0] + dt * v[1],
                v[1] - dt * (g / l) * v[0].sin() - dt * b * v[1],
            ]
        };
        let h = 1e-6;
        let jac = dynamics_jacobian(&MODEL, x);
        for k in 0..2 {
            let mut plus = [f64::from(x[[0]]), f64::from(x[[1]])];
            let mut minus = plus;
            plus[k] += h;
            minus[k] -= h;
            let (fp, fm) = (f64_model(plus), f64_model(minus));
            for i in 0..2 {
                let fd = (fp[i] - fm[i]) / (2.0 * h);
                assert!((f64::from(jac[[i, k]]) - fd).abs() < 1e-5, "J[{i},{k}]");
            }
        }
    }

    #[test]
    fn inverse_of_a_regular_matrix() {
        let m = Tensor::from([[2.0, 1.0], [1.0, 3.0]]);
        let inv = inverse2(&m).unwrap();
        assert_close_ulps(&m.matmul(&inv), &Mat2::identity(), 2);
        assert_close_ulps(&inv, &Tensor::from([[0.6, -0.2], [-0.2, 0.4]]), 2);
    }

    #[test]
    fn inverse_of_singular_or_non_finite_is_none() {
        assert_eq!(inverse2(&Tensor::from([[0.0, 0.0], [0.0, 0.0]])), None);
        assert_eq!(inverse2(&Tensor::from([[1.0, 2.0], [2.0, 4.0]])), None);
        // Rank 1 up to rounding: the product of a vector with itself.
        let v = [0.3_f32.cos(), 0.3_f32.sin()];
        let outer = Tensor::from([[v[0] * v[0], v[0] * v[1]], [v[1] * v[0], v[1] * v[1]]]);
        assert_eq!(inverse2(&outer), None);
        assert_eq!(inverse2(&Tensor::from([[f32::NAN, 0.0], [0.0, 1.0]])), None);
        assert_eq!(
            inverse2(&Tensor::from([[f32::INFINITY, 0.0], [0.0, 1.0]])),
            None
        );
        // Tiny but regular: scale alone does not make a matrix singular.
        assert!(inverse2(&Tensor::from([[1e-20, 0.0], [0.0, 1e-15]])).is_some());
    }

    /// A deterministic noise source in [−1, 1] (a 32-bit LCG), so that the
    /// test needs no dependency and always sees the same numbers.
    struct Lcg(u32);

    impl Lcg {
        fn next(&mut self) -> f32 {
            self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (self.0 >> 8) as f32 / (1u32 << 23) as f32 - 1.0
        }
    }

    fn assert_symmetric_positive_definite(p: &Mat2) {
        assert_eq!(p[[0, 1]], p[[1, 0]], "not symmetric: {p:?}");
        let det = p[[0, 0]] * p[[1, 1]] - p[[0, 1]] * p[[1, 0]];
        assert!(p[[0, 0]] > 0.0 && det > 0.0, "not positive definite: {p:?}");
    }

    #[test]
    fn filter_tracks_a_simulated_pendulum() {
        let sigma = 0.01_f32; // 1 cm of measurement noise
        let noise = Noise {
            process: Tensor::from([[1e-7, 0.0], [0.0, 1e-5]]),
            measurement: Mat2::identity() * (sigma * sigma),
        };
        let mut truth = Tensor::from([1.2_f32, 0.0]);
        let mut ekf = Ekf::new(Tensor::from([0.0, 2.0]), Mat2::identity());
        let mut rng = Lcg(7);
        let first_error = (ekf.state() - truth).map(f32::abs);
        let mut last_trace = ekf.covariance().trace();
        for step in 0..300 {
            truth = dynamics(&MODEL, truth);
            let clean = measurement(&MODEL, truth);
            let z = clean + Tensor::from([rng.next(), rng.next()]) * sigma;
            ekf.step(&MODEL, &noise, &z).unwrap();
            let p = ekf.covariance();
            assert_symmetric_positive_definite(&p);
            if step < 5 {
                // The first measurements shrink the (large) initial uncertainty.
                assert!(p.trace() < last_trace, "step {step}: {p:?}");
            }
            last_trace = p.trace();
        }
        let err = (ekf.state() - truth).map(f32::abs);
        assert!(
            err[[0]] < 0.02,
            "θ error {} (started at {})",
            err[[0]],
            first_error[[0]]
        );
        assert!(
            err[[1]] < 0.2,
            "ω error {} (started at {})",
            err[[1]],
            first_error[[1]]
        );
        // The filter is confident about θ, the measured angle, to better than σ/L.
        assert!(ekf.covariance()[[0, 0]].sqrt() < sigma / MODEL.length);
    }

    #[test]
    fn singular_innovation_is_an_error_and_keeps_the_prediction() {
        // R = 0 and a rank-1 H: S = H·P·Hᵀ is singular.
        let noise = Noise {
            process: Tensor::from([[1e-6, 0.0], [0.0, 1e-4]]),
            measurement: Mat2::zeros(),
        };
        let start = Ekf::new(Tensor::from([0.7, 0.1]), Mat2::identity() * 0.1);
        let mut predicted = start;
        predicted.predict(&MODEL, &noise.process);
        let mut ekf = start;
        let z = measurement(&MODEL, Tensor::from([0.7_f32, 0.0]));
        assert_eq!(
            ekf.step(&MODEL, &noise, &z),
            Err(EkfError::SingularInnovation)
        );
        assert_eq!(ekf, predicted);
        assert_symmetric_positive_definite(&ekf.covariance());
    }

    #[test]
    fn non_finite_measurement_is_rejected() {
        let mut ekf = Ekf::new(Tensor::from([0.2, 0.0]), Mat2::identity());
        let before = ekf;
        let r = Mat2::identity() * 1e-4;
        for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            let z = Tensor::from([0.1, bad]);
            assert_eq!(
                ekf.update(&MODEL, &r, &z),
                Err(EkfError::NonFiniteMeasurement)
            );
            assert_eq!(ekf, before);
        }
    }

    #[test]
    fn errors_explain_themselves() {
        assert_eq!(
            EkfError::SingularInnovation.to_string(),
            "the innovation covariance H·P·Hᵀ + R is singular"
        );
        assert_eq!(
            EkfError::NonFiniteMeasurement.to_string(),
            "the measurement is not finite"
        );
    }
}
