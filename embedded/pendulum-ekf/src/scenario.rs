//! Simulated runs that check a filter against the truth: the same code runs
//! in the host tests and in the firmware on the emulated Cortex-M4F, so the
//! target checks exactly what the host checks.

use constgrad::Tensor;

use crate::ekf::{spd_inverse, Ekf, EkfError, HandJacobians, Matrix, Noise, Vector};

/// The largest distance, in units in the last place, allowed between an AD
/// Jacobian entry and the hand-derived one.
pub const MAX_JACOBIAN_ULPS: u32 = 4;

/// A simulated run: a true system started at `truth`, a sensor with uniform
/// noise in `[−sigma, sigma]` on each component, and a filter started at
/// `estimate` with covariance `covariance`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario<const N: usize, const M: usize> {
    /// The true initial state.
    pub truth: Vector<N>,
    /// The filter's initial estimate.
    pub estimate: Vector<N>,
    /// The filter's initial covariance.
    pub covariance: Matrix<N, N>,
    /// The covariances the filter assumes.
    pub noise: Noise<N, M>,
    /// The half-width of the measurement noise.
    pub sigma: f32,
    /// The number of filter steps.
    pub steps: u32,
    /// The seed of the noise source.
    pub seed: u32,
    /// The largest `|x̂ − x|`, per component, accepted at the end.
    pub tolerance: Vector<N>,
}

/// What a run that passed every check ended with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome<const N: usize> {
    /// `|x̂ − x|` after the last step.
    pub error: Vector<N>,
    /// The filter's covariance after the last step.
    pub covariance: Matrix<N, N>,
    /// The largest AD-against-hand Jacobian distance seen, in ulps.
    pub jacobian_ulps: u32,
}

/// The first check a run failed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Failure<const N: usize> {
    /// The filter rejected the measurement of step `step`.
    Rejected {
        /// The step (from 0).
        step: u32,
        /// Why.
        error: EkfError,
    },
    /// After step `step` the covariance was not symmetric positive definite.
    NotPositiveDefinite {
        /// The step (from 0).
        step: u32,
    },
    /// At step `step` an AD Jacobian was `ulps` away from the hand-derived one.
    JacobianMismatch {
        /// The step (from 0).
        step: u32,
        /// The largest distance, in ulps.
        ulps: u32,
    },
    /// The final error exceeds the tolerance.
    NotConverged {
        /// `|x̂ − x|` after the last step.
        error: Vector<N>,
    },
}

/// A deterministic noise source in `[−1, 1]` (a 32-bit linear congruential
/// generator), so that a run needs no dependency and is the same everywhere.
///
/// # Example
///
/// ```
/// use pendulum_ekf::Lcg;
///
/// let mut rng = Lcg(7);
/// assert!((0..100).map(|_| rng.sample()).all(|v| (-1.0..=1.0).contains(&v)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lcg(pub u32);

impl Lcg {
    /// The next number, in `[−1, 1]`.
    pub fn sample(&mut self) -> f32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (self.0 >> 8) as f32 / (1u32 << 23) as f32 - 1.0
    }
}

/// The distance in units in the last place between two `f32`s (`u32::MAX`
/// if either is not finite).
///
/// # Example
///
/// ```
/// use pendulum_ekf::ulps;
///
/// assert_eq!(ulps(1.0, f32::from_bits(1.0_f32.to_bits() + 3)), 3);
/// assert_eq!(ulps(-0.0, 0.0), 0);
/// ```
#[must_use]
pub fn ulps(a: f32, b: f32) -> u32 {
    // Map the floats onto a monotonic integer line (−0 and +0 coincide).
    fn key(x: f32) -> i64 {
        let bits = i64::from(x.to_bits() as i32);
        if bits < 0 {
            i64::from(i32::MIN) - bits
        } else {
            bits
        }
    }
    if !(a.is_finite() && b.is_finite()) {
        return u32::MAX;
    }
    u32::try_from((key(a) - key(b)).unsigned_abs()).unwrap_or(u32::MAX)
}

/// The largest [`ulps`] distance between the entries of two matrices.
#[must_use]
pub fn max_ulps<const R: usize, const C: usize>(a: &Matrix<R, C>, b: &Matrix<R, C>) -> u32 {
    a.iter()
        .zip(b.iter())
        .map(|(x, y)| ulps(*x, *y))
        .max()
        .unwrap_or(0)
}

/// The larger [`max_ulps`] distance of the AD Jacobians `F` and `H` of
/// `model` at `x` from the hand-derived ones.
#[must_use]
pub fn jacobian_ulps<const N: usize, const M: usize>(
    model: &impl HandJacobians<N, M>,
    x: Vector<N>,
) -> u32 {
    let f = max_ulps(
        &model.dynamics_jacobian(x),
        &model.dynamics_jacobian_by_hand(x),
    );
    let h = max_ulps(
        &model.measurement_jacobian(x),
        &model.measurement_jacobian_by_hand(x),
    );
    f.max(h)
}

/// Whether `p` is exactly symmetric and positive definite to working
/// precision (its Cholesky factor exists).
#[must_use]
pub fn is_symmetric_positive_definite<const N: usize>(p: &Matrix<N, N>) -> bool {
    *p == p.transpose() && spd_inverse(p).is_some()
}

/// Runs `scenario` on `model`: each step moves the truth, measures it with
/// noise, steps the filter, checks the covariance and the AD Jacobians at
/// the estimate, and calls `inspect` with the step number and the filter.
///
/// # Errors
///
/// The first [`Failure`].
///
/// # Example
///
/// ```
/// use pendulum_ekf::{pendulum, run, Pendulum};
///
/// let mut steps = 0;
/// let outcome = run(&Pendulum::EXAMPLE, &pendulum::scenario(), |_, _| steps += 1).unwrap();
/// assert_eq!(steps, 300);
/// assert!(outcome.error[[0]] < 0.02);
/// ```
pub fn run<const N: usize, const M: usize>(
    model: &impl HandJacobians<N, M>,
    scenario: &Scenario<N, M>,
    mut inspect: impl FnMut(u32, &Ekf<N>),
) -> Result<Outcome<N>, Failure<N>> {
    let mut truth = scenario.truth;
    let mut ekf = Ekf::new(scenario.estimate, scenario.covariance);
    let mut rng = Lcg(scenario.seed);
    let mut worst_ulps = 0;
    for step in 0..scenario.steps {
        let ulps = jacobian_ulps(model, ekf.state());
        if ulps > MAX_JACOBIAN_ULPS {
            return Err(Failure::JacobianMismatch { step, ulps });
        }
        worst_ulps = worst_ulps.max(ulps);
        truth = model.dynamics(truth);
        let z = model.measurement(truth) + Tensor::from_fn(|_| rng.sample()) * scenario.sigma;
        ekf.step(model, &scenario.noise, &z)
            .map_err(|error| Failure::Rejected { step, error })?;
        if !is_symmetric_positive_definite(&ekf.covariance()) {
            return Err(Failure::NotPositiveDefinite { step });
        }
        inspect(step, &ekf);
    }
    let error = (ekf.state() - truth).map(f32::abs);
    // Written as "all within" so that a NaN error fails.
    if !error
        .iter()
        .zip(scenario.tolerance.iter())
        .all(|(e, t)| e <= t)
    {
        return Err(Failure::NotConverged { error });
    }
    Ok(Outcome {
        error,
        covariance: ekf.covariance(),
        jacobian_ulps: worst_ulps,
    })
}
