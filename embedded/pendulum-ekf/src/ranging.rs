//! Range measurements to fixed beacons in the plane, shared by the tracker
//! and the quadrotor.

use constgrad::{RealArith, Scalar};

/// A beacon's position `[x, y]` (m).
pub type Beacon = [f32; 2];

/// The distance from `(x, y)` to `beacon`, over any scalar.
///
/// `√(dx² + dy²)` rather than `hypot`: libm's `hypotf` computes in `f64`,
/// which a Cortex-M4F does in software (hundreds of instructions), and
/// distances of metres cannot overflow `f32` when squared.
///
/// # Example
///
/// ```
/// use pendulum_ekf::ranging::range;
///
/// assert_eq!(range(3.0_f32, 4.0, [0.0, 0.0]), 5.0);
/// ```
#[inline]
pub fn range<T: RealArith<f32>>(x: T, y: T, beacon: Beacon) -> T {
    let (dx, dy) = (x - beacon[0], y - beacon[1]);
    (dx * dx + dy * dy).sqrt()
}

/// `[∂r/∂x, ∂r/∂y]` of [`range`], from the formula `(p − b)/r`.
///
/// # Example
///
/// ```
/// use pendulum_ekf::ranging::range_gradient_by_hand;
///
/// assert_eq!(range_gradient_by_hand(1.0, 5.0, [4.0, 1.0]), [-0.6, 0.8]);
/// ```
#[must_use]
pub fn range_gradient_by_hand(x: f32, y: f32, beacon: Beacon) -> [f32; 2] {
    let (dx, dy) = (x - beacon[0], y - beacon[1]);
    let r = Scalar::sqrt(dx * dx + dy * dy);
    [dx / r, dy / r]
}
