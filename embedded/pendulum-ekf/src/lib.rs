//! Extended Kalman filters in `f32`, `no_std`, whose Jacobians come from
//! [`constgrad::ad::jacobian`] instead of being derived by hand.
//!
//! A [`Model`] writes its dynamics `f` and measurement `h` once, generic
//! over the scalar: the filter ([`Ekf`]) evaluates them on `f32`, and
//! [`Model::dynamics_jacobian`] / [`Model::measurement_jacobian`] evaluate
//! them on dual numbers, which gives `F = ∂f/∂x` and `H = ∂h/∂x` exactly (no
//! finite differences, no hand-derived formulas to keep in sync with the
//! model). Three models, by state size:
//!
//! | model | states | measured |
//! |---|---|---|
//! | [`Pendulum`] (damped pendulum, bob position) | 2 | 2 |
//! | [`Tracker`] (constant velocity, two ranges) | 4 | 2 |
//! | [`PlanarQuadrotor`] (two ranges and the roll angle) | 6 | 3 |
//!
//! Each has hand-derived Jacobians ([`HandJacobians`]) to check and time the
//! AD ones against, and a [`Scenario`] that [`run`] simulates and checks;
//! the firmware in `embedded/qemu-m4f` runs the same scenarios on an
//! emulated Cortex-M4F.
//!
//! ```
//! use constgrad::Tensor;
//! use pendulum_ekf::{Ekf, Noise, Pendulum};
//!
//! let noise = Noise {
//!     process: Tensor::from([[1e-6, 0.0], [0.0, 1e-4]]),
//!     measurement: Tensor::from([[1e-4, 0.0], [0.0, 1e-4]]),
//! };
//! let mut ekf = Ekf::new(Tensor::from([0.0, 0.0]), Tensor::from([[1.0, 0.0], [0.0, 1.0]]));
//! // A measurement of the bob at θ = 0.3 rad.
//! let z = Tensor::from([0.5 * 0.3_f32.sin(), -0.5 * 0.3_f32.cos()]);
//! ekf.step(&Pendulum::EXAMPLE, &noise, &z).expect("a regular innovation covariance");
//! assert!((ekf.state()[[0]] - 0.3).abs() < 0.05);
//! ```
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod ekf;
pub mod pendulum;
pub mod quadrotor;
pub mod ranging;
mod scenario;
pub mod tracker;

pub use ekf::{spd_inverse, Ekf, EkfError, HandJacobians, Matrix, Model, Noise, Vector};
pub use pendulum::Pendulum;
pub use quadrotor::PlanarQuadrotor;
pub use scenario::{
    is_symmetric_positive_definite, jacobian_ulps, max_ulps, run, ulps, Failure, Lcg, Outcome,
    Scenario, MAX_JACOBIAN_ULPS,
};
pub use tracker::Tracker;

#[cfg(test)]
mod tests {
    use super::*;
    use constgrad::Tensor;

    const MODEL: Pendulum = Pendulum::EXAMPLE;

    /// A grid of states covering every quadrant of θ and both signs of ω.
    fn states() -> impl Iterator<Item = Vector<2>> {
        (-12..=12)
            .flat_map(|i| (-3..=3).map(move |j| Tensor::from([i as f32 * 0.29, j as f32 * 1.7])))
    }

    #[test]
    fn ulps_counts_representable_steps() {
        assert_eq!(ulps(1.0, 1.0), 0);
        assert_eq!(ulps(1.0, f32::from_bits(1.0_f32.to_bits() + 3)), 3);
        assert_eq!(ulps(-0.0, 0.0), 0);
        assert_eq!(ulps(-f32::from_bits(1), f32::from_bits(1)), 2);
        assert_eq!(ulps(f32::NAN, 1.0), u32::MAX);
        assert_eq!(ulps(1.0, f32::INFINITY), u32::MAX);
    }

    #[test]
    fn pendulum_jacobians_equal_the_analytic_ones() {
        for x in states() {
            assert!(jacobian_ulps(&MODEL, x) <= 2, "at {x:?}");
        }
    }

    #[test]
    fn hand_jacobians_are_the_formulas() {
        // The references themselves, against numbers worked out by hand.
        let (t, l) = (0.7_f32, MODEL.length);
        let f = MODEL.dynamics_jacobian_by_hand(Tensor::from([t, 0.0]));
        assert_eq!(f[[0, 0]], 1.0);
        assert_eq!(f[[0, 1]], 0.01);
        assert!((f[[1, 0]] + 0.01 * 19.62 * t.cos()).abs() < 1e-7);
        assert!((f[[1, 1]] - 0.997).abs() < 1e-7);
        let h = MODEL.measurement_jacobian_by_hand(Tensor::from([t, 0.0]));
        assert_eq!(h, Tensor::from([[l * t.cos(), 0.0], [l * t.sin(), 0.0]]));
        // A 3-4-5 triangle: the range gradient is the unit vector (0.6, 0.8).
        let h = Tracker::EXAMPLE.measurement_jacobian_by_hand(Tensor::from([-1.0, 4.0, 0.0, 0.0]));
        assert_eq!(h[[0, 0]], 0.6);
        assert_eq!(h[[0, 1]], 0.8);
    }

    #[test]
    fn tracker_and_quadrotor_jacobians_equal_the_analytic_ones() {
        for i in -6..=6 {
            for j in 1..=6 {
                let (x, y, phi) = (i as f32 * 0.77, j as f32 * 0.9, i as f32 * 0.4);
                let t = Tensor::from([x, y, 1.5, -0.5]);
                assert!(
                    jacobian_ulps(&Tracker::EXAMPLE, t) <= MAX_JACOBIAN_ULPS,
                    "{t:?}"
                );
                let q = Tensor::from([x, y, phi, 0.3, -0.2, 0.1]);
                let ulps = jacobian_ulps(&PlanarQuadrotor::EXAMPLE, q);
                assert!(ulps <= MAX_JACOBIAN_ULPS, "{q:?}: {ulps}");
            }
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
        let jac = MODEL.dynamics_jacobian(x);
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

    /// `m · m⁻¹` is the identity to a few rounding errors (absolute: its
    /// zeros come out as rounding residue, which ulps would exaggerate).
    fn assert_inverts<const M: usize>(m: &Matrix<M, M>) -> Matrix<M, M> {
        let inv = spd_inverse(m).unwrap();
        let product = m.matmul(&inv);
        for (p, e) in product.iter().zip(Matrix::<M, M>::identity().iter()) {
            assert!((p - e).abs() < 4.0 * f32::EPSILON, "{product:?}");
        }
        inv
    }

    #[test]
    fn inverse_of_a_regular_matrix() {
        let inv = assert_inverts(&Tensor::from([[2.0, 1.0], [1.0, 3.0]]));
        assert!(max_ulps(&inv, &Tensor::from([[0.6, -0.2], [-0.2, 0.4]])) <= 2);
        assert_inverts(&Tensor::from([
            [4.0, 2.0, 0.4],
            [2.0, 5.0, 1.0],
            [0.4, 1.0, 3.0],
        ]));
    }

    #[test]
    fn inverse_of_singular_indefinite_or_non_finite_is_none() {
        assert_eq!(spd_inverse(&Matrix::<2, 2>::zeros()), None);
        assert_eq!(spd_inverse(&Tensor::from([[1.0, 2.0], [2.0, 4.0]])), None);
        assert_eq!(spd_inverse(&Tensor::from([[1.0, 2.0], [2.0, 1.0]])), None);
        // Rank 1 up to rounding: the product of a vector with itself.
        let v = [0.3_f32.cos(), 0.3_f32.sin()];
        let outer = Tensor::from([[v[0] * v[0], v[0] * v[1]], [v[1] * v[0], v[1] * v[1]]]);
        assert_eq!(spd_inverse(&outer), None);
        assert_eq!(
            spd_inverse(&Tensor::from([[f32::NAN, 0.0], [0.0, 1.0]])),
            None
        );
        assert_eq!(
            spd_inverse(&Tensor::from([[f32::INFINITY, 0.0], [0.0, 1.0]])),
            None
        );
        // Tiny but regular: scale alone does not make a matrix singular.
        assert!(spd_inverse(&Tensor::from([[1e-20, 0.0], [0.0, 1e-15]])).is_some());
    }

    #[test]
    fn pendulum_filter_tracks_the_simulated_pendulum() {
        let scenario = pendulum::scenario();
        let mut last_trace = scenario.covariance.trace();
        let outcome = run(&MODEL, &scenario, |step, ekf| {
            let trace = ekf.covariance().trace();
            if step < 5 {
                // The first measurements shrink the (large) initial uncertainty.
                assert!(trace < last_trace, "step {step}: {ekf:?}");
            }
            last_trace = trace;
        })
        .unwrap();
        // The filter is confident about θ, the measured angle, to better than σ/L.
        assert!(outcome.covariance[[0, 0]].sqrt() < scenario.sigma / MODEL.length);
    }

    #[test]
    fn tracker_and_quadrotor_filters_converge() {
        let t = run(&Tracker::EXAMPLE, &tracker::scenario(), |_, _| {}).unwrap();
        let q = run(&PlanarQuadrotor::EXAMPLE, &quadrotor::scenario(), |_, _| {}).unwrap();
        println!("tracker {t:?}\nquadrotor {q:?}");
    }

    #[test]
    fn a_wrong_model_fails_the_run() {
        // The filter believes in a pendulum twice as long as the true one:
        // its Jacobians still match its own formulas, but it cannot converge.
        struct Wrong;
        impl Model<2, 2> for Wrong {
            fn dynamics<T: constgrad::RealArith<f32>>(
                &self,
                x: Tensor<constgrad::Rank1<2>, T>,
            ) -> Tensor<constgrad::Rank1<2>, T> {
                MODEL.dynamics(x)
            }
            fn measurement<T: constgrad::RealArith<f32>>(
                &self,
                x: Tensor<constgrad::Rank1<2>, T>,
            ) -> Tensor<constgrad::Rank1<2>, T> {
                // A sensor whose Jacobian the hand formula gets wrong.
                MODEL.measurement(x).map(|v| v * 2.0)
            }
        }
        impl HandJacobians<2, 2> for Wrong {
            fn dynamics_jacobian_by_hand(&self, x: Vector<2>) -> Matrix<2, 2> {
                MODEL.dynamics_jacobian_by_hand(x)
            }
            fn measurement_jacobian_by_hand(&self, x: Vector<2>) -> Matrix<2, 2> {
                MODEL.measurement_jacobian_by_hand(x)
            }
        }
        assert_eq!(
            run(&Wrong, &pendulum::scenario(), |_, _| {}),
            Err(Failure::JacobianMismatch {
                step: 0,
                ulps: 8_388_608
            })
        );
        let mut unreachable = pendulum::scenario();
        unreachable.tolerance = Tensor::from([0.0, 0.0]);
        assert!(matches!(
            run(&MODEL, &unreachable, |_, _| {}),
            Err(Failure::NotConverged { .. })
        ));
    }

    #[test]
    fn singular_innovation_is_an_error_and_keeps_the_prediction() {
        // R = 0 and a rank-1 H: S = H·P·Hᵀ is singular.
        let noise = Noise {
            process: Tensor::from([[1e-6, 0.0], [0.0, 1e-4]]),
            measurement: Matrix::zeros(),
        };
        let start = Ekf::new(Tensor::from([0.7, 0.1]), Matrix::identity() * 0.1);
        let mut predicted = start;
        predicted.predict(&MODEL, &noise.process);
        let mut ekf = start;
        let z = MODEL.measurement(Tensor::from([0.7_f32, 0.0]));
        assert_eq!(
            ekf.step(&MODEL, &noise, &z),
            Err(EkfError::SingularInnovation)
        );
        assert_eq!(ekf, predicted);
        assert!(is_symmetric_positive_definite(&ekf.covariance()));
    }

    #[test]
    fn non_finite_measurement_is_rejected() {
        let mut ekf = Ekf::new(Tensor::from([0.2, 0.0]), Matrix::identity());
        let before = ekf;
        let r = Matrix::identity() * 1e-4;
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
