//! Finite-difference weights of any order on any grid, by Fornberg's
//! algorithm (B. Fornberg, "Generation of finite difference formulas on
//! arbitrarily spaced grids", Math. Comp. 51(184), 1988), in fixed-size
//! arrays: no heap.
//!
//! numpy's edge-order-2 weights are its three-point case.

use crate::scalar::Scalar;

/// The most stencil points [`weights`] handles (a one-sided second
/// derivative of accuracy order 8 needs 10).
pub const MAX_POINTS: usize = 10;
/// The highest derivative [`weights`] computes.
pub const MAX_DERIV: usize = 4;

/// The weights `w` such that `Σ w[j]·f(x[j])` approximates the `m`-th
/// derivative of `f` at `z`, for distinct nodes `x` (any order, any
/// spacing). Entries past `x.len()` are zero.
///
/// `None` when `x` is empty or has more than [`MAX_POINTS`] nodes, or when
/// `m > MAX_DERIV`.
///
/// # Example
///
/// ```
/// use constgrad::stencil::fornberg::weights;
///
/// let w = weights(0.0, &[-1.0, 0.0, 1.0], 1).unwrap();
/// assert_eq!(&w[..3], &[-0.5, 0.0, 0.5]);
/// let w = weights(0.0, &[-1.0, 0.0, 1.0], 2).unwrap();
/// assert_eq!(&w[..3], &[1.0, -2.0, 1.0]);
/// // numpy's left edge-order-2 weights for unit spacing: -1.5, 2, -0.5.
/// let w = weights(0.0, &[0.0, 1.0, 2.0], 1).unwrap();
/// assert_eq!(&w[..3], &[-1.5, 2.0, -0.5]);
/// ```
#[must_use]
pub fn weights<R: Scalar>(z: R, x: &[R], m: usize) -> Option<[R; MAX_POINTS]> {
    let n = x.len();
    if n == 0 || n > MAX_POINTS || m > MAX_DERIV {
        return None;
    }
    let zero = R::zero();
    // c[j][k]: weight of node j for the k-th derivative.
    let mut c = [[zero; MAX_DERIV + 1]; MAX_POINTS];
    let mut c1 = R::one();
    let mut c4 = x[0] - z;
    c[0][0] = R::one();
    for i in 1..n {
        let mn = i.min(m);
        let mut c2 = R::one();
        let c5 = c4;
        c4 = x[i] - z;
        for j in 0..i {
            let c3 = x[i] - x[j];
            c2 *= c3;
            if j == i - 1 {
                for k in (1..=mn).rev() {
                    let kk = R::from_f64(k as f64);
                    c[i][k] = c1 * (kk * c[i - 1][k - 1] - c5 * c[i - 1][k]) / c2;
                }
                c[i][0] = -c1 * c5 * c[i - 1][0] / c2;
            }
            for k in (1..=mn).rev() {
                let kk = R::from_f64(k as f64);
                c[j][k] = (c4 * c[j][k] - kk * c[j][k - 1]) / c3;
            }
            c[j][0] = c4 * c[j][0] / c3;
        }
        c1 = c2;
    }
    let mut w = [zero; MAX_POINTS];
    for (w, c) in w.iter_mut().zip(&c[..n]) {
        *w = c[m];
    }
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_central_weights() {
        // Fourth-order first derivative: 1/12, -2/3, 0, 2/3, -1/12.
        let w = weights(0.0_f64, &[-2.0, -1.0, 0.0, 1.0, 2.0], 1).unwrap();
        let want = [1.0 / 12.0, -2.0 / 3.0, 0.0, 2.0 / 3.0, -1.0 / 12.0];
        for (a, b) in w.iter().zip(want) {
            assert!((a - b).abs() < 1e-15, "{w:?}");
        }
        // Fourth-order second derivative: -1/12, 4/3, -5/2, 4/3, -1/12.
        let w = weights(0.0_f64, &[-2.0, -1.0, 0.0, 1.0, 2.0], 2).unwrap();
        let want = [-1.0 / 12.0, 4.0 / 3.0, -2.5, 4.0 / 3.0, -1.0 / 12.0];
        for (a, b) in w.iter().zip(want) {
            assert!((a - b).abs() < 1e-14, "{w:?}");
        }
        // Sixth-order central first derivative, last weight 1/60.
        let w = weights(0.0_f64, &[-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0], 1).unwrap();
        assert!((w[6] - 1.0 / 60.0).abs() < 1e-15);
        // Weights of any derivative ≥ 1 sum to zero; of the 0th, to one.
        let x = [0.0_f64, 0.3, 0.7, 1.6, 2.0, 2.1, 3.5, 4.0, 4.2, 5.0];
        for m in 0..=MAX_DERIV {
            let s: f64 = weights(1.1, &x, m).unwrap().iter().sum();
            let want = if m == 0 { 1.0 } else { 0.0 };
            assert!((s - want).abs() < 1e-9, "m = {m}: {s}");
        }
    }

    #[test]
    fn out_of_range_requests_give_none() {
        assert!(weights::<f64>(0.0, &[], 1).is_none());
        assert!(weights(0.0_f64, &[0.0; 11], 1).is_none());
        assert!(weights(0.0_f64, &[0.0, 1.0], 5).is_none());
    }

    #[test]
    fn matches_numpy_edge_order_two_on_a_non_uniform_grid() {
        let (x0, x1, x2) = (0.0_f64, 0.4, 1.1);
        let (dx1, dx2) = (x1 - x0, x2 - x1);
        let a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2));
        let b = (dx1 + dx2) / (dx1 * dx2);
        let c = -dx1 / (dx2 * (dx1 + dx2));
        let w = weights(x0, &[x0, x1, x2], 1).unwrap();
        for (u, v) in w.iter().zip([a, b, c]) {
            assert!((u - v).abs() < 1e-13);
        }
    }
}
