//! Regression tests for the stencils at the edges of their input domain
//! (issue 11): zero-length axes that are not differentiated, error messages
//! for every value a user can build, subnormal steps in `f32`, and the
//! checked constructors rejecting spacings whose stencil coefficients are
//! not finite while the unchecked forms keep numpy's numbers.

use constgrad::stencil::{Accuracy, Axis, Coords, CoordsRef, GridError, Step, Unit, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank2, Rank3, Tensor};

#[test]
fn a_zero_length_axis_that_is_not_differentiated_gives_empty_results() {
    // numpy: np.gradient(np.zeros((3, 0)), axis=0) is an empty (3, 0) array.
    let f = Tensor::<Rank2<3, 0>>::zeros();
    let g = f.gradient_along::<0>(Unit, EDGE1);
    assert!(g.as_slice().is_empty());
    let [g] = f.gradient_axes((Axis::<0>,), Unit, EDGE2);
    assert!(g.as_slice().is_empty());
    let mut out = Tensor::zeros();
    f.gradient_along_into::<0>(&mut out, Unit, EDGE1);
    assert!(f.diff_along::<0>(Unit, Accuracy::<2>).as_slice().is_empty());
    let f = Tensor::<Rank2<6, 0>>::zeros();
    assert!(f
        .diff2_along::<0>(Unit, Accuracy::<4>)
        .as_slice()
        .is_empty());

    let f = Tensor::<Rank3<4, 3, 0>>::zeros();
    let x = Coords::new([0.0, 1.0, 3.0]).unwrap();
    assert!(f.gradient_along::<1>(x, EDGE2).as_slice().is_empty());
    assert!(f.diff_along::<1>(x, Accuracy::<2>).as_slice().is_empty());

    let h = HeapTensor::<Rank2<3, 0>>::zeros();
    assert!(h.gradient_along::<0>(Unit, EDGE1).as_slice().is_empty());
    let [g] = h.gradient_axes((Axis::<0>,), Unit, EDGE2);
    assert!(g.as_slice().is_empty());
    let mut out = HeapTensor::zeros();
    h.gradient_along_into::<0>(&mut out, Unit, EDGE1);
    assert!(h.diff_along::<0>(Unit, Accuracy::<2>).as_slice().is_empty());
    let h = HeapTensor::<Rank2<6, 0>>::zeros();
    assert!(h
        .diff2_along::<0>(Unit, Accuracy::<4>)
        .as_slice()
        .is_empty());
}

#[test]
fn every_grid_error_a_user_can_build_prints() {
    // The fields are public, so index 0 is a value a user can build.
    assert_eq!(
        GridError::NotStrictlyMonotonic { index: 0 }.to_string(),
        "coordinates are not strictly monotonic at index 0"
    );
    assert_eq!(
        GridError::NotStrictlyMonotonic { index: 1 }.to_string(),
        "coordinates are not strictly monotonic at index 1 (x[1] vs x[0])"
    );
    assert_eq!(
        GridError::NonFiniteCoefficients { index: 0 }.to_string(),
        "the stencil coefficients at x[0] are not finite (the spacings overflow or underflow)"
    );
    assert_eq!(
        GridError::StepOutOfRange.to_string(),
        "the step is too small or too large: its stencil coefficients are not finite"
    );
}

#[test]
fn an_f32_subnormal_power_of_two_step_divides_like_numpy() {
    // numpy.gradient(np.ones(4, np.float32), np.float32(2.0**-140)) is all 0:
    // the reciprocal 2^140 is not an f32, so the step must divide.
    let h = f32::from_bits(1 << 9); // 2^-140
    assert!(h > 0.0 && !h.is_normal());
    let f = Tensor::from([1.0_f32; 4]);
    let [g] = f.gradient(h, EDGE1);
    assert_eq!(g, Tensor::from([0.0_f32; 4]));
    // Edge order 2: numpy's edge coefficients are ±inf, so [nan, 0, 0, nan].
    let [g] = f.gradient(h, EDGE2);
    assert!(g[[0]].is_nan() && g[[3]].is_nan());
    assert_eq!((g[[1]], g[[2]]), (0.0, 0.0));
    let f = Tensor::from([0.0_f32, 1e-42, 2e-42, 3e-42]);
    let [g] = f.gradient(h, EDGE1);
    let want: [f32; 4] = [
        (1e-42 - 0.0) / h,
        (2e-42 - 0.0) / (2.0 * h),
        (3e-42 - 1e-42) / (2.0 * h),
        (3e-42 - 2e-42) / h,
    ];
    assert_eq!(g.as_slice(), &want);
    // The checked constructor refuses it: 2 / h overflows.
    assert_eq!(Step::new(h), Err(GridError::StepOutOfRange));
}

#[test]
fn checked_steps_reject_coefficients_that_are_not_finite() {
    assert_eq!(Step::new(5e-324), Err(GridError::StepOutOfRange));
    assert_eq!(Step::new(-5e-324), Err(GridError::StepOutOfRange));
    // 2 / h overflows below 2 / f64::MAX; 2 h overflows above f64::MAX / 2.
    assert_eq!(Step::new(1e-308), Err(GridError::StepOutOfRange));
    assert_eq!(Step::new(1e308), Err(GridError::StepOutOfRange));
    assert!(Step::new(2.0 / f64::MAX * 2.0).is_ok());
    assert!(Step::new(f64::MAX / 4.0).is_ok());
    assert!(Step::new(f32::MIN_POSITIVE).is_ok());
    // The plain real is numpy's unchecked path, and gives numpy's numbers.
    let f = Tensor::from([0.0, 1.0, 2.0]);
    let [g] = f.gradient(5e-324, EDGE1);
    assert_eq!(g, Tensor::from([f64::INFINITY; 3]));
}

#[test]
fn checked_coordinates_reject_coefficients_that_are_not_finite() {
    // Differences underflow: dx1 * (dx1 + dx2) is 0.
    assert_eq!(
        Coords::new([0.0, 1e-320, 3e-320]),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    // dx1 + dx2 overflows.
    assert_eq!(
        Coords::new([-1.5e308, 0.0, 1e308]),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    // A difference overflows on a two-point axis.
    assert_eq!(
        Coords::new([-1e308, 1e308]),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    // The position reported is the stencil's centre.
    assert_eq!(
        Coords::new([-3.0, -2.0, -1.0, 0.0, 1e-310, 1.0]),
        Err(GridError::NonFiniteCoefficients { index: 3 })
    );
    let xs = [0.0, 1e-320, 3e-320];
    assert_eq!(
        CoordsRef::new(&xs),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    assert!(Coords::new([0.0, 1e-150, 3e-150]).is_ok());
    assert!(Coords::new([-1e150, 0.0, 1e150]).is_ok());
    // Finite coefficients, but dx1 * dx2 overflows, so numpy's `a` would be
    // a wrong 0 (the true -1 / 2e307 is a normal double).
    assert_eq!(
        Coords::new([-1e307, 0.0, 1e307]),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    // The unchecked forms take what numpy takes, and give numpy's numbers:
    // np.gradient([0., 1., 2.], [0., 1e-320, 3e-320]) is [inf, -inf, inf].
    let f = Tensor::from([0.0_f64, 1.0, 2.0]);
    let [g] = f.gradient(Coords::unchecked(xs), EDGE1);
    let [h] = f.gradient(CoordsRef::unchecked(&xs), EDGE1);
    let bits =
        |t: &Tensor<constgrad::Rank1<3>, f64>| t.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&g), bits(&h));
    let want: [f64; 3] = [1.0 / 1e-320, f64::NAN, 1.0 / (3e-320 - 1e-320)];
    assert_eq!(g[[0]].to_bits(), want[0].to_bits());
    assert!(g[[1]].is_nan());
    assert_eq!(g[[2]].to_bits(), want[2].to_bits());
}
