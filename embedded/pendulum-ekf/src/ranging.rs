//! Range measurements to fixed beacons in the plane, shared by the tracker
//! and the quadrotor.

use constgrad::{RealArith, Scalar};

/// A beacon's position `[x, y]` (m).
pub type Beacon = [f32; 2];

/// The distance from `(x, y)` to `beacon`, over any scalar.
#[inline]
pub fn range<T: RealArith<f32>>(x: T, y: T, beacon: Beacon) -> T {
    (x - beacon[0]).hypot(y - beacon[1])
}

/// `[∂r/∂x, ∂r/∂y]` of [`range`], from the formula `(p − b)/r`.
#[must_use]
pub fn range_gradient_by_hand(x: f32, y: f32, beacon: Beacon) -> [f32; 2] {
    let (dx, dy) = (x - beacon[0], y - beacon[1]);
    let r = Scalar::hypot(dx, dy);
    [dx / r, dy / r]
}
