//! Stencil gradients beyond the golden file: the run-time checks, integer
//! and `f32` samples, NaN propagation, higher accuracy orders (exactness on
//! polynomials and convergence rates), second derivatives, the Laplacian,
//! and the heap forms against the inline ones.

use constgrad::stencil::fornberg::weights;
use constgrad::stencil::{Accuracy, Axis, Coords, GridError, Step, Unit, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank2, Rank3, Tensor};

#[test]
fn checked_constructors_name_the_problem_and_the_position() {
    assert_eq!(
        Coords::new([0.0, 1.0, f64::NAN]).unwrap_err(),
        GridError::NonFiniteCoordinate { index: 2 }
    );
    assert_eq!(
        Coords::new([0.0, 1.0, 2.0, 1.5]).unwrap_err(),
        GridError::NotStrictlyMonotonic { index: 3 }
    );
    assert_eq!(
        Coords::new([3.0, 2.0, 2.0]).unwrap_err(),
        GridError::NotStrictlyMonotonic { index: 2 }
    );
    assert_eq!(
        Coords::new([1.0, 1.0]).unwrap_err(),
        GridError::NotStrictlyMonotonic { index: 1 }
    );
    assert!(Coords::new([3.0, 2.0, -1.0]).is_ok(), "decreasing is fine");
    assert_eq!(Step::new(f64::INFINITY), Err(GridError::NonFiniteStep));
    assert_eq!(Step::new(0.0_f32), Err(GridError::ZeroStep));
    assert_eq!(Step::new(-0.5).unwrap().get(), -0.5);
    let e: Box<dyn std::error::Error> = Box::new(GridError::ZeroStep);
    assert_eq!(e.to_string(), "the step is zero");
    assert_eq!(
        GridError::NotStrictlyMonotonic { index: 3 }.to_string(),
        "coordinates are not strictly monotonic at index 3 (x[3] vs x[2])"
    );
}

#[test]
fn integer_samples_give_f64_gradients() {
    let f = Tensor::from([[1_u8, 2, 6], [3, 4, 5]]);
    let [d0, d1] = f.gradient(Unit, EDGE1);
    assert_eq!(d0, Tensor::from([[2.0, 2.0, -1.0], [2.0, 2.0, -1.0]]));
    assert_eq!(d1, Tensor::from([[1.0, 2.5, 4.0], [1.0, 1.0, 1.0]]));
    let g = Tensor::from([1_i64, 4, 9, 16, 25]).gradient_along::<0>(Unit, EDGE2);
    assert_eq!(g, Tensor::from([2.0, 4.0, 6.0, 8.0, 10.0]));
    // The same numbers as the f64 samples.
    let f64s = f.map(f64::from);
    assert_eq!(f64s.gradient(0.5, EDGE1), f.gradient(0.5, EDGE1));
}

#[test]
fn f32_samples_give_f32_gradients() {
    let f = Tensor::from([1.0_f32, 2.0, 4.0, 7.0, 11.0, 16.0]);
    let [g] = f.gradient(Unit, EDGE1);
    assert_eq!(g, Tensor::from([1.0_f32, 1.5, 2.5, 3.5, 4.5, 5.0]));
    let x = Coords::new([0.0_f32, 1.0, 1.5, 3.5, 4.0, 6.0]).unwrap();
    let [g] = f.gradient(x, EDGE2);
    let x64 = Coords::new([0.0, 1.0, 1.5, 3.5, 4.0, 6.0]).unwrap();
    let [want] = f.map(f64::from).gradient(x64, EDGE2);
    for (g, w) in g.iter().zip(want.iter()) {
        assert!((f64::from(*g) - w).abs() < 1e-5, "{g} vs {w}");
    }
    assert_eq!(want.as_slice()[0], -1.0);
}

#[test]
fn nan_and_infinity_propagate_as_in_numpy() {
    let f = Tensor::from([0.0, 1.0, f64::NAN, 3.0, 4.0, 5.0, 6.0]);
    let [g] = f.gradient(Unit, EDGE1);
    // Stencils touching index 2 (positions 1 and 3) are NaN; position 2
    // itself uses f[1] and f[3] only.
    let nan: Vec<bool> = g.iter().map(|v| v.is_nan()).collect();
    assert_eq!(nan, [false, true, false, true, false, false, false]);
    let f = Tensor::from([0.0, f64::INFINITY, 2.0, 3.0]);
    let [g] = f.gradient(Unit, EDGE1);
    assert_eq!(g.as_slice()[0], f64::INFINITY);
    assert_eq!(g.as_slice()[2], f64::NEG_INFINITY);
    assert_eq!(g.as_slice()[3], 1.0);
}

#[test]
fn uniform_looking_coordinates_are_treated_as_a_step() {
    let f = Tensor::from([0.3, 1.7, 2.2, 5.9, 4.4]);
    let x = Coords::new([1.0, 1.5, 2.0, 2.5, 3.0]).unwrap();
    for (a, b) in [
        (f.gradient(x, EDGE1), f.gradient(0.5, EDGE1)),
        (f.gradient(x, EDGE2), f.gradient(0.5, EDGE2)),
    ] {
        assert_eq!(a[0].map(f64::to_bits), b[0].map(f64::to_bits));
    }
}

#[test]
fn the_three_api_forms_agree() {
    let f = Tensor::<Rank3<3, 4, 5>>::from_fn(|[i, j, k]| ((i * 7 + j * 3 + k) as f64).sin());
    let x = Coords::new([0.0, 0.5, 1.25, 2.0]).unwrap();
    let [a0, a1, a2] = f.gradient((0.5, x, Unit), EDGE2);
    let [b2, b0] = f.gradient_axes((Axis::<2>, Axis::<0>), (Unit, 0.5), EDGE2);
    let c1 = f.gradient_along::<1>(x, EDGE2);
    assert_eq!((a0, a1, a2), (b0, c1, b2));
    let stacked = Tensor::stack([a0, a1, a2]);
    assert_eq!(stacked.dims(), &[3, 3, 4, 5]);
}

#[test]
fn heap_and_inline_forms_agree_bit_for_bit() {
    let f = Tensor::<Rank2<7, 9>>::from_fn(|[i, j]| ((i * 9 + j) as f64 * 0.37).cos());
    let h = HeapTensor::from_tensor(&f);
    let x = Coords::new([0.0, 0.1, 0.35, 0.4, 0.8, 1.0, 1.05, 1.5, 2.0]).unwrap();
    for e in 0..2 {
        let (inline, heap) = if e == 0 {
            (f.gradient((0.25, x), EDGE1), h.gradient((0.25, x), EDGE1))
        } else {
            (f.gradient((0.25, x), EDGE2), h.gradient((0.25, x), EDGE2))
        };
        for (a, b) in inline.iter().zip(&heap) {
            assert_eq!(a.as_slice(), b.as_slice());
        }
    }
    let mut outs = [HeapTensor::zeros(), HeapTensor::zeros()];
    h.gradient_into(&mut outs, (0.25, x), EDGE1);
    assert_eq!(
        outs[1].as_slice(),
        f.gradient_along::<1>(x, EDGE1).as_slice()
    );
    assert_eq!(
        h.diff_along::<1>(x, Accuracy::<4>).as_slice(),
        f.diff_along::<1>(x, Accuracy::<4>).as_slice()
    );
    assert_eq!(
        h.laplacian(Unit, Accuracy::<2>).as_slice(),
        f.laplacian(Unit, Accuracy::<2>).as_slice()
    );
}

/// A polynomial of degree `deg` with fixed coefficients, and its first and
/// second derivatives.
fn poly(deg: usize, x: f64) -> (f64, f64, f64) {
    let c = [0.3, -1.1, 0.7, 0.25, -0.4, 0.15, -0.05, 0.02, -0.01, 0.004];
    let (mut f, mut d1, mut d2) = (0.0, 0.0, 0.0);
    for (k, &ck) in c.iter().enumerate().take(deg + 1) {
        let k32 = k as i32;
        f += ck * x.powi(k32);
        if k >= 1 {
            d1 += ck * k as f64 * x.powi(k32 - 1);
        }
        if k >= 2 {
            d2 += ck * (k * (k - 1)) as f64 * x.powi(k32 - 2);
        }
    }
    (f, d1, d2)
}

const XS: [f64; 16] = [
    -1.0, -0.9, -0.75, -0.6, -0.5, -0.35, -0.2, -0.1, 0.05, 0.2, 0.3, 0.45, 0.6, 0.7, 0.85, 1.0,
];

macro_rules! exact_for_degree {
    ($p:literal) => {{
        let uniform: [f64; 16] = core::array::from_fn(|i| -1.0 + i as f64 * (2.0 / 15.0));
        for (xs, sp) in [(uniform, None), (XS, Some(Coords::new(XS).unwrap()))] {
            let f = Tensor::from(xs.map(|x| poly($p, x).0));
            let (g1, g2) = match sp {
                None => {
                    let h = Step::new(2.0 / 15.0).unwrap();
                    (
                        f.diff_along::<0>(h, Accuracy::<$p>),
                        f.diff2_along::<0>(h, Accuracy::<$p>),
                    )
                }
                Some(x) => (
                    f.diff_along::<0>(x, Accuracy::<$p>),
                    f.diff2_along::<0>(x, Accuracy::<$p>),
                ),
            };
            for (i, &x) in xs.iter().enumerate() {
                let (_, d1, d2) = poly($p, x);
                assert!(
                    (g1.as_slice()[i] - d1).abs() < 1e-9,
                    "order {}: f' at {x}",
                    $p
                );
                assert!(
                    (g2.as_slice()[i] - d2).abs() < 1e-6,
                    "order {}: f'' at {x}",
                    $p
                );
            }
        }
    }};
}

#[test]
fn order_p_stencils_are_exact_for_polynomials_of_degree_p() {
    exact_for_degree!(2);
    exact_for_degree!(4);
    exact_for_degree!(6);
    exact_for_degree!(8);
}

/// The largest error of the first derivative of sin on `[0, 2]` with `N`
/// points, order `P`.
macro_rules! max_error {
    ($n:literal, $p:literal, $deriv:ident) => {{
        let h = 2.0 / ($n as f64 - 1.0);
        let f = Tensor::<Rank1<$n>>::from_fn(|[i]| (h * i as f64).sin());
        let g = f.$deriv::<0>(Step::new(h).unwrap(), Accuracy::<$p>);
        g.iter()
            .enumerate()
            .map(|(i, g)| {
                let x = h * i as f64;
                let want = if stringify!($deriv) == "diff_along" {
                    x.cos()
                } else {
                    -x.sin()
                };
                (g - want).abs()
            })
            .fold(0.0_f64, f64::max)
    }};
}

#[test]
fn the_error_falls_at_the_expected_rate() {
    // Halving h divides the error by about 2^P.
    let rate = |coarse: f64, fine: f64| (coarse / fine).log2();
    let r2 = rate(max_error!(41, 2, diff_along), max_error!(81, 2, diff_along));
    let r4 = rate(max_error!(41, 4, diff_along), max_error!(81, 4, diff_along));
    let r6 = rate(max_error!(21, 6, diff_along), max_error!(41, 6, diff_along));
    let r8 = rate(max_error!(21, 8, diff_along), max_error!(41, 8, diff_along));
    assert!((1.8..2.4).contains(&r2), "order 2: rate {r2}");
    assert!((3.7..4.5).contains(&r4), "order 4: rate {r4}");
    assert!((5.6..6.6).contains(&r6), "order 6: rate {r6}");
    assert!((7.4..8.8).contains(&r8), "order 8: rate {r8}");
    let s4 = rate(
        max_error!(41, 4, diff2_along),
        max_error!(81, 4, diff2_along),
    );
    assert!(
        (3.6..4.6).contains(&s4),
        "second derivative, order 4: rate {s4}"
    );
    // numpy's own stencil: second order inside and with edge order 2.
    let np_err = |n: usize| {
        let h = 2.0 / (n as f64 - 1.0);
        let xs: Vec<f64> = (0..n).map(|i| h * i as f64).collect();
        let e = |g: &[f64]| {
            g.iter()
                .zip(&xs)
                .map(|(g, x)| (g - x.cos()).abs())
                .fold(0.0, f64::max)
        };
        if n == 41 {
            let f = Tensor::<Rank1<41>>::from_fn(|[i]| xs[i].sin());
            e(f.gradient_along::<0>(h, EDGE2).as_slice())
        } else {
            let f = Tensor::<Rank1<81>>::from_fn(|[i]| xs[i].sin());
            e(f.gradient_along::<0>(h, EDGE2).as_slice())
        }
    };
    let rn = rate(np_err(41), np_err(81));
    assert!((1.8..2.4).contains(&rn), "numpy stencil: rate {rn}");
}

#[test]
fn non_uniform_grids_converge_too() {
    // A smoothly stretched grid x = t + 0.3 t², t uniform on [0, 1].
    fn err<const N: usize>() -> f64 {
        let xs: [f64; N] = core::array::from_fn(|i| {
            let t = i as f64 / (N - 1) as f64;
            t + 0.3 * t * t
        });
        let f = Tensor::from(xs.map(f64::exp));
        let g = f.diff_along::<0>(Coords::new(xs).unwrap(), Accuracy::<4>);
        g.iter()
            .zip(xs)
            .map(|(g, x)| (g - x.exp()).abs())
            .fold(0.0, f64::max)
    }
    let r = (err::<21>() / err::<41>()).log2();
    assert!((3.5..4.7).contains(&r), "rate {r}");
}

#[test]
fn fornberg_reproduces_known_weights() {
    let w = weights(0.0_f64, &[0.0, 1.0, 2.0, 3.0, 4.0], 1).unwrap();
    let want = [-25.0 / 12.0, 4.0, -3.0, 4.0 / 3.0, -0.25];
    for (a, b) in w.iter().zip(want) {
        assert!((a - b).abs() < 1e-14, "{w:?}");
    }
    assert!(w[5..].iter().all(|&v| v == 0.0));
}

#[test]
fn laplacian_of_quadratics_in_one_two_and_three_dimensions() {
    let f1 = Tensor::<Rank1<9>>::from_fn(|[i]| (i * i) as f64 * 0.5);
    assert!(f1
        .laplacian(Unit, Accuracy::<4>)
        .iter()
        .all(|v| (v - 1.0).abs() < 1e-10));
    let f2 = Tensor::<Rank2<8, 9>>::from_fn(|[i, j]| (i * i + 2 * j * j) as f64);
    let l2 = f2.laplacian((Step::new(1.0).unwrap(), Unit), Accuracy::<2>);
    assert!(l2.iter().all(|v| (v - 6.0).abs() < 1e-9));
    let x = Coords::new([0.0, 0.5, 1.5, 2.0, 3.0, 3.25, 4.0]).unwrap();
    let f3 = Tensor::<Rank3<5, 6, 7>>::from_fn(|[i, j, k]| {
        let z = x.get()[k];
        (i * i) as f64 + (j * j * j) as f64 + z * z
    });
    let l3 = f3.laplacian((Unit, Unit, x), Accuracy::<2>);
    for ([_, j, _], v) in l3.indexed_iter() {
        assert!((v - (2.0 + 6.0 * j as f64 + 2.0)).abs() < 1e-8, "{v}");
    }
}
