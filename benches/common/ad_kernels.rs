//! The workloads of the AD benches, written once for both drivers (the
//! criterion bench `ad` and the instruction-count driver `ad_count`): each
//! function generic over this crate's scalars, the same function on
//! num-dual's, and the hand-written value and derivative.
//!
//! The hand-written code computes the value and the derivative in one pass,
//! sharing subexpressions, as someone deriving them by hand would: that is
//! the fair pair for `value_and_grad` / `value_and_jacobian` / `hessian`.

#![allow(dead_code)]

use constgrad::{Rank1, RealArith, Tensor};
use nalgebra::SVector;
use num_dual::DualNum;

// --------------------------------------------------------------- Rosenbrock

/// Rosenbrock on any scalar of this crate.
#[inline]
pub fn rosen<const N: usize, T: RealArith<f64>>(x: Tensor<Rank1<N>, T>) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N - 1 {
        let a = x[i];
        let b = x[i + 1];
        s += (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2);
    }
    s
}

/// Rosenbrock over a slice (for the heap form of the chunked gradient).
#[inline]
pub fn rosen_slice<T: RealArith<f64>>(x: &[T]) -> T {
    let mut s = T::zero();
    for w in x.windows(2) {
        let (a, b) = (w[0], w[1]);
        s += (b - a * a).powi(2) * 100.0 + (a - 1.0).powi(2);
    }
    s
}

/// Rosenbrock on num-dual's scalars.
#[inline]
pub fn rosen_nd<const N: usize, D: DualNum<Primitive = f64> + Copy>(x: SVector<D, N>) -> D {
    let mut s = D::from(0.0);
    for i in 0..N - 1 {
        let a = x[i];
        let b = x[i + 1];
        s += (b - a * a).powi(2) * 100.0 + (-a + 1.0).powi(2);
    }
    s
}

/// Rosenbrock's value alone.
#[inline]
pub fn rosen_f64<const N: usize>(x: &[f64; N]) -> f64 {
    let mut s = 0.0;
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        s += 100.0 * (b - a * a) * (b - a * a) + (1.0 - a) * (1.0 - a);
    }
    s
}

/// Rosenbrock's value and gradient, by hand, in one loop.
#[inline]
pub fn rosen_value_and_grad_hand<const N: usize>(x: &[f64; N]) -> (f64, [f64; N]) {
    let mut s = 0.0;
    let mut g = [0.0; N];
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        let t = b - a * a;
        let u = 1.0 - a;
        s += 100.0 * t * t + u * u;
        g[i] += -400.0 * a * t - 2.0 * u;
        g[i + 1] += 200.0 * t;
    }
    (s, g)
}

/// Rosenbrock's value, gradient and Hessian, by hand, in one loop.
#[inline]
pub fn rosen_hess_hand<const N: usize>(x: &[f64; N]) -> (f64, [f64; N], [[f64; N]; N]) {
    let mut s = 0.0;
    let mut g = [0.0; N];
    let mut h = [[0.0; N]; N];
    for i in 0..N - 1 {
        let (a, b) = (x[i], x[i + 1]);
        let t = b - a * a;
        let u = 1.0 - a;
        s += 100.0 * t * t + u * u;
        g[i] += -400.0 * a * t - 2.0 * u;
        g[i + 1] += 200.0 * t;
        h[i][i] += 1200.0 * a * a - 400.0 * b + 2.0;
        h[i][i + 1] += -400.0 * a;
        h[i + 1][i] += -400.0 * a;
        h[i + 1][i + 1] += 200.0;
    }
    (s, g, h)
}

/// A start point for Rosenbrock in `N` dimensions.
#[must_use]
pub fn rosen_x0<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| -1.0 + 2.5 * i as f64 / (N.max(2) - 1) as f64)
}

// ------------------------------------------------------------------- Lorenz

#[inline]
pub fn lorenz<T: RealArith<f64>>(v: Tensor<Rank1<3>, T>) -> Tensor<Rank1<3>, T> {
    let [x, y, z] = v.into_array();
    Tensor::from([(y - x) * 10.0, x * (-z + 28.0) - y, x * y - z * (8.0 / 3.0)])
}

#[inline]
pub fn lorenz_nd<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 3>) -> SVector<D, 3> {
    let (x, y, z) = (v[0], v[1], v[2]);
    SVector::from([(y - x) * 10.0, x * (-z + 28.0) - y, x * y - z * (8.0 / 3.0)])
}

/// The Lorenz system's value and Jacobian, by hand.
#[inline]
pub fn lorenz_value_and_jac_hand(v: &[f64; 3]) -> ([f64; 3], [[f64; 3]; 3]) {
    let [x, y, z] = *v;
    (
        [10.0 * (y - x), x * (28.0 - z) - y, x * y - 8.0 / 3.0 * z],
        [[-10.0, 10.0, 0.0], [28.0 - z, -1.0, -x], [y, x, -8.0 / 3.0]],
    )
}

// ------------------------------------------------ 6-state attitude (EKF's F)

/// The gyro reading and the time step of the attitude model.
pub const GYRO: [f64; 3] = [0.1, -0.2, 0.3];
pub const DT: f64 = 0.01;

/// One Euler step of an attitude estimator's state: roll φ, pitch θ, yaw ψ
/// and the three gyro biases, driven by the gyro reading minus the bias
/// (Euler-angle kinematics). Its Jacobian is an EKF's transition matrix `F`.
#[inline]
pub fn attitude<T: RealArith<f64>>(s: Tensor<Rank1<6>, T>) -> Tensor<Rank1<6>, T> {
    let [phi, th, psi, bx, by, bz] = s.into_array();
    let (p, q, r) = (-bx + GYRO[0], -by + GYRO[1], -bz + GYRO[2]);
    let (sp, cp) = phi.sin_cos();
    let (st, ct) = th.sin_cos();
    let sec = ct.recip();
    let u = sp * q + cp * r;
    Tensor::from([
        phi + (p + u * st * sec) * DT,
        th + (cp * q - sp * r) * DT,
        psi + u * sec * DT,
        bx,
        by,
        bz,
    ])
}

#[inline]
pub fn attitude_nd<D: DualNum<Primitive = f64> + Copy>(s: SVector<D, 6>) -> SVector<D, 6> {
    let (phi, th, psi, bx, by, bz) = (s[0], s[1], s[2], s[3], s[4], s[5]);
    let (p, q, r) = (-bx + GYRO[0], -by + GYRO[1], -bz + GYRO[2]);
    let (sp, cp) = phi.sin_cos();
    let (st, ct) = th.sin_cos();
    let sec = ct.recip();
    let u = sp * q + cp * r;
    SVector::from([
        phi + (p + u * st * sec) * DT,
        th + (cp * q - sp * r) * DT,
        psi + u * sec * DT,
        bx,
        by,
        bz,
    ])
}

/// The attitude step's value and Jacobian, by hand, sharing the sines.
#[inline]
pub fn attitude_value_and_jac_hand(s: &[f64; 6]) -> ([f64; 6], [[f64; 6]; 6]) {
    let [phi, th, psi, bx, by, bz] = *s;
    let (p, q, r) = (GYRO[0] - bx, GYRO[1] - by, GYRO[2] - bz);
    let (sp, cp) = phi.sin_cos();
    let (st, ct) = th.sin_cos();
    let sec = 1.0 / ct;
    let tt = st * sec;
    let u = sp * q + cp * r;
    let v = cp * q - sp * r;
    let value = [
        phi + (p + u * tt) * DT,
        th + v * DT,
        psi + u * sec * DT,
        bx,
        by,
        bz,
    ];
    let mut j = [[0.0; 6]; 6];
    j[0] = [
        1.0 + v * tt * DT,
        u * sec * sec * DT,
        0.0,
        -DT,
        -sp * tt * DT,
        -cp * tt * DT,
    ];
    j[1] = [-u * DT, 1.0, 0.0, 0.0, -cp * DT, sp * DT];
    j[2] = [
        v * sec * DT,
        u * sec * tt * DT,
        1.0,
        0.0,
        -sp * sec * DT,
        -cp * sec * DT,
    ];
    j[3][3] = 1.0;
    j[4][4] = 1.0;
    j[5][5] = 1.0;
    (value, j)
}

/// A state of the attitude model.
pub const ATTITUDE_X0: [f64; 6] = [0.1, -0.3, 0.7, 0.01, -0.02, 0.005];
