//! Valid input at the edges of the domains: no panic and no wrong number
//! (issue 11's items 2, 5, 6, 8, 9, 10, 11). Each test failed before its fix.
//! The conventions at non-smooth points are pinned against JAX in
//! `tests/nonsmooth.rs`; these tests name each reported case on its own.

use constgrad::ad::{derivative, grad, hessian, hessian_nested, second_derivative};
use constgrad::dual::{Dual, Dual2};
use constgrad::{Rank1, Rank2, Scalar, Tensor};

#[test]
fn powi_of_i32_min_does_not_overflow_its_exponent() {
    // d/dx x^MIN = MIN · x^(MIN-1): 0 at x = 2 (it overflowed in debug and
    // gave -inf in release), -inf at x = 0.5.
    assert_eq!(derivative(|x| x.powi(i32::MIN), 2.0), 0.0);
    assert_eq!(derivative(|x| x.powi(i32::MIN), 0.5), f64::NEG_INFINITY);
    assert_eq!(second_derivative(|x| x.powi(i32::MIN), 2.0).2, 0.0);
    assert_eq!(second_derivative(|x| x.powi(i32::MIN + 1), 2.0).2, 0.0);
    // At -0.5 the first derivative is +∞; the second is NaN, as the table in
    // `constgrad::dual` documents for infinite derivatives (JAX: +∞).
    let (_, d1, d2) = second_derivative(|x| x.powi(i32::MIN), -0.5);
    assert_eq!(d1, f64::INFINITY);
    assert!(d2.is_nan());
    // x^MIN at ±1 is 1: the derivatives are MIN and MIN (MIN - 1), exactly.
    let n = f64::from(i32::MIN);
    assert_eq!(derivative(|x| x.powi(i32::MIN), 1.0), n);
    assert_eq!(
        second_derivative(|x| x.powi(i32::MIN), 1.0).2,
        n * (n - 1.0)
    );
    let y = Dual2::<f64>::variable(1.0, 0).powi(i32::MIN + 1);
    assert_eq!((y.grad, y.hess), (n + 1.0, (n + 1.0) * n));
}

#[test]
fn reductions_over_tied_infinities_keep_the_infinity() {
    let inf = f64::INFINITY;
    assert_eq!(Tensor::from([inf, inf]).max(), inf);
    assert_eq!(Tensor::from([-inf, -inf]).min(), -inf);
    assert_eq!(Tensor::from([inf, 1.0, inf]).max(), inf);
    let t = Tensor::from([[inf, inf], [-inf, 2.0]]);
    assert_eq!(t.max_axis::<1>(), Tensor::from([inf, 2.0]));
    assert_eq!(t.min_axis::<0>(), Tensor::from([-inf, 2.0]));
    assert_eq!(
        Tensor::from([[-inf, -inf], [3.0, 3.0]]).min_axis::<1>(),
        Tensor::from([-inf, 3.0])
    );
    // The tangent is the mean of the tied tangents (JAX: sum / count).
    assert_eq!(
        grad(|x| x.max(), Tensor::from([inf, 1.0, inf])),
        Tensor::from([0.5, 0.0, 0.5])
    );
    let (v, g, h) = hessian(|x| x.min(), Tensor::from([-inf, -inf]));
    assert_eq!(
        (v, g, h),
        (
            -inf,
            Tensor::from([0.5, 0.5]),
            Tensor::<Rank2<2, 2>>::zeros()
        )
    );
    let (v, g, _) = hessian_nested(|x| x.max(), Tensor::from([inf, inf, inf, 0.0]));
    assert_eq!(
        (v, g),
        (inf, Tensor::from([1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 0.0]))
    );
}

#[test]
fn scalar_max_and_min_propagate_nan_with_a_zero_tangent() {
    let nan = f64::NAN;
    for (a, b) in [(1.0, nan), (nan, 1.0), (nan, nan)] {
        assert!(Scalar::max(a, b).is_nan() && Scalar::min(a, b).is_nan());
        assert!(Scalar::max(a as f32, b as f32).is_nan());
        assert!(Scalar::min(a as f32, b as f32).is_nan());
        assert!(Scalar::clamp(a, b, 2.0).is_nan());
        // JAX's maximum/minimum: NaN, and no tangent from the other side.
        let x: Dual<f64, Rank1<2>> = Dual::variable(a, 0);
        let y: Dual<f64, Rank1<2>> = Dual::variable(b, 1);
        for z in [x.max(y), x.min(y)] {
            assert!(z.re.is_nan());
            assert_eq!(z.eps, [0.0, 0.0]);
        }
        let x: Dual2<f64, Rank1<2>> = Dual2::variable(a, 0);
        let y: Dual2<f64, Rank1<2>> = Dual2::variable(b, 1);
        let z = x.max(y);
        assert!(z.re.is_nan());
        assert_eq!((z.grad, z.hess), ([0.0; 2], [[0.0; 2]; 2]));
    }
    assert_eq!(Scalar::max(1.0, 2.0), 2.0);
    assert_eq!(Scalar::min(1.0, 2.0), 1.0);
}

fn pow<T: Scalar>(x: Tensor<Rank1<2>, T>) -> T {
    let [x, y] = x.into_array();
    x.powf(y)
}

#[test]
fn hessian_nested_of_powf_at_a_zero_exponent_keeps_the_exponent_tangent() {
    // ∂²(xʸ)/∂x∂y = x^(y-1) (1 + y ln x) = 1/2 at (2, 0). The nested Hessian
    // had H[0][1] = 0 (the `y == 0` shortcut threw the tangent of y away).
    let x = Tensor::from([2.0, 0.0]);
    let (v1, g1, h1) = hessian(pow, x);
    let (v2, g2, h2) = hessian_nested(pow, x);
    let ln2 = core::f64::consts::LN_2;
    assert_eq!((v1, g1), (1.0, Tensor::from([0.0, ln2])));
    assert_eq!((v2, g2), (v1, g1));
    assert_eq!(h1, Tensor::from([[0.0, 0.5], [0.5, ln2 * ln2]]));
    assert_eq!(h2, h1);
}

#[test]
fn grad_of_powf_at_a_zero_base_has_a_zero_exponent_partial() {
    // ∂x = y x^(y-1) = ∞ and ∂y = xʸ ln x = 0 at (0, ½): the exponent's
    // partial was ∞ · 0 = NaN (the base's infinite partial met the zero
    // entry of its tangent). Both dual types, and the nested one.
    let x = Tensor::from([0.0, 0.5]);
    let want = Tensor::from([f64::INFINITY, 0.0]);
    assert_eq!(grad(pow, x), want);
    assert_eq!(hessian(pow, x).1, want);
    assert_eq!(hessian_nested(pow, x).1, want);
    // A constant exponent below 0 is fine too (∂y is NaN there, as JAX, but
    // a constant exponent's tangent is 0 and is skipped).
    assert_eq!(derivative(|x| x.powf(Dual::constant(3.0)), -2.0), 12.0);
    assert_eq!(
        second_derivative(|x| x.powf(Dual2::constant(3.0)), -2.0).2,
        -12.0
    );
}

#[test]
fn odd_f32_powers_beyond_f32_integers_keep_their_sign() {
    // 16777217 = 2²⁴ + 1 is not an f32: with `libm`, `n as f32` rounded it
    // to the even 2²⁴ and (-1)^n came out 1.
    assert_eq!(Scalar::powi(-1.0_f32, 16_777_217), -1.0);
    assert_eq!(Scalar::powi(-1.0_f32, i32::MAX), -1.0);
    assert_eq!(Scalar::powi(-1.0_f32, i32::MIN), 1.0);
    assert_eq!(Scalar::powi(2.0_f32, 16_777_217), f32::INFINITY);
    assert_eq!(Scalar::powi(-2.0_f32, 3), -8.0);
    assert_eq!(Scalar::powi(-1.0_f64, 16_777_217), -1.0);
    let d = Dual::<f32>::var(-1.0).powi(16_777_217);
    assert_eq!((d.re, d.eps), (-1.0, 16_777_217.0));
}

#[test]
fn hessian_of_abs_squared_at_zero_is_two() {
    // |x|² = x²: Hessian 2 everywhere. abs' was 0 at 0, which made it 0
    // there; JAX's abs' is 1 at ±0.
    fn f<T: Scalar>(t: Tensor<Rank1<1>, T>) -> T {
        t[[0]].abs() * t[[0]].abs()
    }
    for x in [0.0, -0.0] {
        assert_eq!(hessian(f, Tensor::from([x])).2, Tensor::from([[2.0]]));
        assert_eq!(
            hessian_nested(f, Tensor::from([x])).2,
            Tensor::from([[2.0]])
        );
        assert_eq!(second_derivative(|x| x.abs().powi(2), x).2, 2.0);
    }
}
