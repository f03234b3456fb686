//! Code a new user writes on the first day compiles as written and gives
//! the right values (issue 10's numbered items).

use constgrad::ad::grad;
use constgrad::{Rank1, Rank2, Tensor};

#[test]
fn scalar_on_the_right_infers_the_element_type() {
    let q: Tensor<Rank2<2, 2>> = Tensor::identity() * 0.5;
    assert_eq!(q, Tensor::from([[0.5, 0.0], [0.0, 0.5]]));
    let o: Tensor<Rank1<3>> = Tensor::ones() * 2.0;
    assert_eq!(o, Tensor::from([2.0, 2.0, 2.0]));
}

#[test]
fn plain_literal_on_a_dual_tensor() {
    let x = Tensor::from([3.0, 4.0, 5.0]);
    let g = grad(|x| (x * 2.5).sum(), x);
    assert_eq!(g, Tensor::from([2.5, 2.5, 2.5]));
}

#[test]
fn from_fn_with_an_index_pattern() {
    let t: Tensor<Rank1<3>> = Tensor::from_fn(|[i]| i as f64);
    assert_eq!(t, Tensor::from([0.0, 1.0, 2.0]));
}

#[test]
fn grad_in_code_generic_over_the_shape() {
    fn energy<S: constgrad::Shape>(x: Tensor<S>) -> Tensor<S> {
        grad(|x| (x * x * 0.5).sum(), x)
    }
    assert_eq!(energy(Tensor::from([1.0, -2.0])), Tensor::from([1.0, -2.0]));
}

/// Values from JAX (float64): `(x, jax.nn.sigmoid, jax.nn.softplus,
/// jax.grad(jax.nn.softplus))`. JAX's own sigmoid derivative `s (1 - s)`
/// loses digits for large `x` (8 digits at 20), so the derivative is checked
/// against the exact `e^-|x| / (1 + e^-|x|)²` instead.
const JAX_SIGMOID_SOFTPLUS: [[f64; 4]; 5] = [
    [
        -40.0,
        4.24835425529159e-18,
        4.248354255291589e-18,
        4.248354255291589e-18,
    ],
    [
        -3.5,
        0.02931223075135632,
        0.029750418272620566,
        0.029312230751356323,
    ],
    [0.0, 0.5, core::f64::consts::LN_2, 0.5],
    [
        0.25,
        0.5621765008857981,
        0.8259394198788437,
        0.5621765008857981,
    ],
    [
        20.0,
        0.9999999979388463,
        20.000000002061153,
        0.999999997938847,
    ],
];

#[test]
fn sigmoid_and_softplus_match_jax() {
    use constgrad::ad::value_and_derivative;
    use constgrad::Scalar;
    let close = |a: f64, b: f64| (a - b).abs() <= 4.0 * f64::EPSILON * b.abs();
    for [x, s, p, dp] in JAX_SIGMOID_SOFTPLUS {
        let e = (-x.abs()).exp();
        let ds = e / ((1.0 + e) * (1.0 + e));
        let (v, d) = value_and_derivative(Scalar::sigmoid, x);
        assert!(close(v, s) && close(d, ds), "sigmoid at {x}: {v} {d}");
        let (v, d) = value_and_derivative(Scalar::softplus, x);
        assert!(close(v, p) && close(d, dp), "softplus at {x}: {v} {d}");
    }
}

#[test]
fn logsumexp_is_stable_and_its_gradient_is_the_softmax() {
    let x = Tensor::from([1000.0, 999.0, -2.0]);
    // jax.scipy.special.logsumexp and its jax.grad
    assert_eq!(x.logsumexp(), 1000.3132616875182);
    let g = grad(|x| x.logsumexp(), x);
    let jax: [f64; 3] = [0.7310585786300049, 0.2689414213699951, 0.0];
    for (a, b) in g.iter().zip(jax) {
        assert!((a - b).abs() <= 2.0 * f64::EPSILON, "{a} vs {b}");
    }
    assert_eq!(
        Tensor::from([f64::NEG_INFINITY; 2]).logsumexp(),
        f64::NEG_INFINITY
    );
}

#[test]
fn plain_float_second_operands_on_duals() {
    use constgrad::ad::derivative;
    // d/dx x^4.2 = 4.2 x^3.2; d/dx atan2(x, 1) = 1/(1+x²); d/dx hypot(x, 3) = x/hypot
    let x = 1.3_f64;
    assert!((derivative(|x| x.powf(4.2), x) - 4.2 * x.powf(3.2)).abs() < 1e-14);
    assert!((derivative(|y| y.atan2(1.0), x) - 1.0 / (1.0 + x * x)).abs() < 1e-15);
    assert!((derivative(|y| y.hypot(3.0), x) - x / x.hypot(3.0)).abs() < 1e-15);
    assert!((derivative(|y| y.log(10.0), x) - 1.0 / (x * 10f64.ln())).abs() < 1e-15);
}

#[test]
fn vector_times_matrix() {
    let v = Tensor::from([1.0, -2.0, 0.5]);
    let m = Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
    // numpy: np.array([1, -2, .5]) @ np.array([[1, 2], [3, 4], [5, 6]])
    assert_eq!(v.matmul(&m), Tensor::from([-2.5, -3.0]));
}

#[test]
fn concatenate_into_a_named_shape() {
    let state = Tensor::from([1.0, 2.0, 3.0]);
    let noise = Tensor::from([0.1, 0.2]);
    let joined: Tensor<Rank1<5>> = state.concat(&noise);
    assert_eq!(joined, Tensor::from([1.0, 2.0, 3.0, 0.1, 0.2]));
    // and the gradient flows through it: d/dx of sum(x) + x0·x1
    let g = grad(
        |x| {
            let y: Tensor<Rank1<4>, _> = x.concat(&Tensor::from([x[[0]] * x[[1]]]));
            y.sum()
        },
        state,
    );
    assert_eq!(g, Tensor::from([3.0, 2.0, 1.0]));
}

#[test]
fn jacobians_with_respect_to_state_and_noise_in_one_pass() {
    use constgrad::ad::{jacobian, jacobian_args, value_and_jacobian_args, Fixed};
    use constgrad::{Rank1, Scalar};
    // A pendulum step: x = (θ, ω), w = (torque noise, angle noise).
    fn step<T: Scalar>(x: Tensor<Rank1<2>, T>, w: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
        let [th, om] = x.into_array();
        let [wt, wa] = w.into_array();
        let dt = T::from_f64(0.01);
        Tensor::from([th + om * dt + wa, om - th.sin() * dt + wt * dt])
    }
    let x = Tensor::from([0.3, -0.2]);
    let w = Tensor::from([0.05, 0.01]);
    let (fx, fw) = jacobian_args(|(x, w)| step(x, w), (x, w));
    // Each equals the one-argument Jacobian with the other argument fixed.
    let jx: Tensor<Rank2<2, 2>> = jacobian(|x| step(x, constgrad::ad::constant(w)), x);
    let jw: Tensor<Rank2<2, 2>> = jacobian(|w| step(constgrad::ad::constant(x), w), w);
    assert_eq!((fx, fw), (jx, jw));
    // and the analytic values
    assert_eq!(
        fx,
        Tensor::from([[1.0, 0.01], [-(0.3_f64.cos()) * 0.01, 1.0]])
    );
    assert_eq!(fw, Tensor::from([[0.0, 1.0], [0.01, 0.0]]));
    let (y, (gx, ())) = value_and_jacobian_args(|(x, w)| step(x, w), (x, Fixed(w)));
    assert_eq!((y, gx), (step(x, w), fx));
}

#[test]
fn coordinates_from_a_vec_or_from_integers() {
    use constgrad::stencil::{Coords, GridError, EDGE2};
    let xs: Vec<f64> = vec![0.0, 0.5, 1.5, 3.0];
    let x: Coords<f64, 4> = Coords::try_from_slice(&xs).unwrap();
    let f = Tensor::from([1.0, 2.0, 0.0, 4.0]);
    // numpy: np.gradient([1., 2., 0., 4.], [0., .5, 1.5, 3.], edge_order=2)
    let [g] = f.gradient(x, EDGE2);
    let numpy = Tensor::from([
        3.3333333333333335,
        0.6666666666666667,
        -0.1333333333333333,
        5.466666666666667,
    ]);
    assert_eq!(g, numpy);
    assert_eq!(
        Coords::<f64, 3>::try_from_slice(&xs),
        Err(GridError::Length {
            expected: 3,
            found: 4
        })
    );
    // integer coordinates, as numpy casts them
    let [gi] =
        Tensor::from([1.0, 2.0, 0.0, 4.0]).gradient(Coords::cast([0, 1, 3, 6]).unwrap(), EDGE2);
    let [gf] = Tensor::from([1.0, 2.0, 0.0, 4.0])
        .gradient(Coords::new([0.0, 1.0, 3.0, 6.0]).unwrap(), EDGE2);
    assert_eq!(gi, gf);
}
