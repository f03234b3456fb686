//! Differentiating through nalgebra (feature `nalgebra`): the dual numbers
//! are nalgebra scalars (`RealField`), so `try_inverse`, `determinant` and
//! the decompositions run on them unchanged.
#![cfg(feature = "nalgebra")]

use constgrad::ad::grad;
use constgrad::dual::{Dual, Dual2};
use constgrad::{Rank2, Tensor};
use nalgebra::{Matrix3, Vector3};

fn a() -> Matrix3<f64> {
    Matrix3::new(4.0, -2.0, 1.0, 3.0, 6.0, -4.0, 2.0, 1.0, 8.0)
}

fn da() -> Matrix3<f64> {
    Matrix3::new(0.5, 1.0, -0.3, 0.0, -1.2, 0.7, 2.0, 0.1, 0.4)
}

#[test]
fn derivative_of_the_inverse_is_minus_inverse_da_inverse() {
    let (a, da) = (a(), da());
    // A(t) = A + t·dA with a one-direction dual t at 0.
    let at: Matrix3<Dual<f64>> = Matrix3::from_fn(|i, j| Dual::new(a[(i, j)], da[(i, j)]));
    let inv = at.try_inverse().expect("invertible");
    let a_inv = a.try_inverse().unwrap();
    let want = -a_inv * da * a_inv;
    for i in 0..3 {
        for j in 0..3 {
            assert!((inv[(i, j)].re - a_inv[(i, j)]).abs() < 1e-15);
            let err = (inv[(i, j)].eps - want[(i, j)]).abs();
            assert!(
                err < 1e-14,
                "d(A⁻¹)[{i},{j}]: {} vs {}",
                inv[(i, j)].eps,
                want[(i, j)]
            );
        }
    }
}

#[test]
fn gradient_through_the_inverse_with_respect_to_every_entry() {
    // f(A) = sum of the entries of A⁻¹; ∂f/∂A[k,l] = -(A⁻ᵀ 1 1ᵀ A⁻ᵀ)[k,l].
    let a = a();
    let x = Tensor::<Rank2<3, 3>>::from_fn(|[i, j]| a[(i, j)]);
    let g = grad(
        |x| {
            let m = Matrix3::from_fn(|i, j| x[[i, j]]);
            m.try_inverse().unwrap().sum()
        },
        x,
    );
    let a_inv = a.try_inverse().unwrap();
    let ones = Vector3::repeat(1.0);
    let want = -(a_inv.transpose() * ones) * (ones.transpose() * a_inv.transpose());
    for k in 0..3 {
        for l in 0..3 {
            assert!((g[[k, l]] - want[(k, l)]).abs() < 1e-14);
        }
    }
}

#[test]
fn second_order_duals_and_decompositions() {
    // d²/dt² det(A + t·dA) at 0 with the second-order dual, against nesting.
    let (a, da) = (a(), da());
    let at = Matrix3::from_fn(|i, j| {
        let mut d: Dual2<f64> = Dual2::variable(0.0, 0);
        d = d * da[(i, j)] + a[(i, j)];
        d
    });
    let det = at.determinant();
    // The reference: the cofactor formula on nested duals (nalgebra's
    // traits cover duals over f32/f64, not nested ones).
    let m = |i: usize, j: usize| {
        Dual::<Dual<f64>>::new(Dual::new(a[(i, j)], da[(i, j)]), Dual::new(da[(i, j)], 0.0))
    };
    let nested = m(0, 0) * (m(1, 1) * m(2, 2) - m(1, 2) * m(2, 1))
        - m(0, 1) * (m(1, 0) * m(2, 2) - m(1, 2) * m(2, 0))
        + m(0, 2) * (m(1, 0) * m(2, 1) - m(1, 1) * m(2, 0));
    assert!((det.re - a.determinant()).abs() < 1e-12);
    assert!((det.grad - nested.re.eps).abs() < 1e-12);
    assert!((det.hess - nested.eps.eps).abs() < 1e-12);
    // LU solve on duals: d/dt of A(t)⁻¹ b.
    let b = Vector3::new(1.0, -2.0, 0.5);
    let at1: Matrix3<Dual<f64>> = Matrix3::from_fn(|i, j| Dual::new(a[(i, j)], da[(i, j)]));
    let bd = b.map(Dual::constant);
    let x = at1.lu().solve(&bd).unwrap();
    let a_inv = a.try_inverse().unwrap();
    let want = -a_inv * da * a_inv * b;
    for i in 0..3 {
        assert!((x[i].eps - want[i]).abs() < 1e-13);
    }
}
