//! Every case of `../shared/golden/jax_derivatives.json` (JAX 0.10, float64):
//! elementary functions (value, first and second derivative; gradient and
//! Hessian of the binary ones) through every dual type, and whole functions
//! (gradient, Hessian, Jacobian, argnums, vmap of grad).
//!
//! Tolerance: 1e-12 relative, plus 1e-14 absolute for values near zero.

mod common;

use common::{f64s, golden};
use constgrad::ad::{
    derivative, grad, grad_args, hessian, hessian_nested, jacobian, second_derivative,
    value_and_derivative, value_and_grad, value_and_jacobian,
};
use constgrad::dual::{Dual, Dual2};
use constgrad::{Rank1, Scalar, Shape, Tensor};
use serde_json::Value;

const REL: f64 = 1e-12;
const ABS: f64 = 1e-14;

thread_local! {
    /// The largest relative error seen by this test (printed with
    /// `--nocapture`).
    static WORST: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

fn report(test: &str) {
    let e = WORST.with(std::cell::Cell::get);
    println!("{test}: largest relative error {e:e}");
}

#[track_caller]
fn close(what: &str, got: f64, want: f64) {
    let err = (got - want).abs();
    if want != 0.0 {
        let rel = err / want.abs();
        WORST.with(|w| {
            if rel > w.get() {
                w.set(rel);
            }
        });
    }
    assert!(
        err <= REL * want.abs() + ABS,
        "{what}: got {got:e}, want {want:e} (error {err:e})"
    );
}

#[track_caller]
fn close_all(what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        close(&format!("{what}[{k}]"), g, w);
    }
}

/// The unary functions of the golden file, generic over the scalar.
fn unary<T: Scalar>(name: &str, x: T) -> T {
    match name {
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "exp" => x.exp(),
        "exp2" => x.exp2(),
        "expm1" => x.exp_m1(),
        "ln" => x.ln(),
        "log2" => x.log2(),
        "log10" => x.log10(),
        "ln_1p" => x.ln_1p(),
        "sqrt" => x.sqrt(),
        "cbrt" => x.cbrt(),
        "recip" => x.recip(),
        "sinh" => x.sinh(),
        "cosh" => x.cosh(),
        "tanh" => x.tanh(),
        "asin" => x.asin(),
        "acos" => x.acos(),
        "atan" => x.atan(),
        "asinh" => x.asinh(),
        "acosh" => x.acosh(),
        "atanh" => x.atanh(),
        "abs" => x.abs(),
        "powi3" => x.powi(3),
        "powi_neg2" => x.powi(-2),
        "powf_2_5" => x.powf(T::from_f64(2.5)),
        // Composed from exp, as a user would write it.
        "sigmoid" => T::one() / (T::one() + (-x).exp()),
        "erf" => x.erf(),
        _ => panic!("unknown unary function {name}"),
    }
}

/// The binary functions of the golden file.
fn binary<T: Scalar>(name: &str, a: T, b: T) -> T {
    match name {
        "atan2" => a.atan2(b),
        "hypot" => a.hypot(b),
        "powf" => a.powf(b),
        "mul" => a * b,
        "div" => a / b,
        _ => panic!("unknown binary function {name}"),
    }
}

/// A constant in generic code.
fn c<T: Scalar>(x: f64) -> T {
    T::from_f64(x)
}

fn record(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn elementary_unary_value_first_and_second_derivative() {
    let g = golden("jax_derivatives.json");
    let mut n = 0;
    for case in g["elementary"].as_array().unwrap() {
        if case["x"].is_array() {
            continue;
        }
        let name = case["fn"].as_str().unwrap();
        let x = record(case, "x");
        let (value, d1, d2) = (
            record(case, "value"),
            record(case, "d1"),
            record(case, "d2"),
        );
        let what = format!("{name}({x})");
        // Plain f64.
        close(&format!("{what} f64 value"), unary(name, x), value);
        // First-order dual.
        let (v, d) = value_and_derivative(|x| unary(name, x), x);
        close(&format!("{what} Dual value"), v, value);
        close(&format!("{what} Dual d1"), d, d1);
        // The dedicated second-order dual.
        let (v, d, dd) = second_derivative(|x| unary(name, x), x);
        close(&format!("{what} Dual2 value"), v, value);
        close(&format!("{what} Dual2 d1"), d, d1);
        close(&format!("{what} Dual2 d2"), dd, d2);
        // Nesting: the derivative of the derivative.
        let dd = derivative(|x| derivative(|y| unary(name, y), x), x);
        close(&format!("{what} nested d2"), dd, d2);
        // f32 follows (to f32 precision).
        let (v32, d32) = value_and_derivative(|x| unary(name, x), x as f32);
        assert!(
            (f64::from(v32) - value).abs() <= 1e-5 * value.abs().max(1.0)
                && (f64::from(d32) - d1).abs() <= 1e-4 * d1.abs().max(1.0),
            "{what} f32: {v32} {d32}"
        );
        n += 1;
    }
    assert_eq!(n, 83, "unary cases");
    report("unary");
}

#[test]
fn elementary_binary_gradient_and_hessian() {
    let g = golden("jax_derivatives.json");
    let mut n = 0;
    for case in g["elementary"].as_array().unwrap() {
        if !case["x"].is_array() {
            continue;
        }
        let name = case["fn"].as_str().unwrap();
        let x = f64s(&case["x"]);
        let what = format!("{name}({x:?})");
        let value = record(case, "value");
        let want_g = f64s(&case["grad"]);
        let want_h: Vec<f64> = case["hessian"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(f64s)
            .collect();
        let p = Tensor::from([x[0], x[1]]);
        let f = |v: Tensor<Rank1<2>, _>| {
            let [a, b] = v.into_array();
            binary(name, a, b)
        };
        let (v, gr) = value_and_grad(f, p);
        close(&format!("{what} value"), v, value);
        close_all(&format!("{what} grad"), gr.as_slice(), &want_g);
        let (v, gr, h) = hessian(
            |v| {
                let [a, b] = v.into_array();
                binary(name, a, b)
            },
            p,
        );
        close(&format!("{what} Dual2 value"), v, value);
        close_all(&format!("{what} Dual2 grad"), gr.as_slice(), &want_g);
        close_all(&format!("{what} Dual2 hessian"), h.as_slice(), &want_h);
        let (_, gr, h) = hessian_nested(
            |v| {
                let [a, b] = v.into_array();
                binary(name, a, b)
            },
            p,
        );
        close_all(&format!("{what} nested grad"), gr.as_slice(), &want_g);
        close_all(&format!("{what} nested hessian"), h.as_slice(), &want_h);
        n += 1;
    }
    assert_eq!(n, 11, "binary cases");
    report("binary");
}

fn function<'a>(g: &'a Value, name: &str) -> &'a Value {
    g["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("function {name} missing"))
}

fn tensor<const N: usize>(v: &Value) -> Tensor<Rank1<N>> {
    Tensor::try_from_slice(&f64s(v)).expect("length")
}

fn sum_of_squares<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
    (x * x).sum()
}

fn rosenbrock<const N: usize, T: Scalar>(x: Tensor<Rank1<N>, T>) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N - 1 {
        s += c::<T>(100.0) * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

fn q_chi_delta<T: Scalar>(x: Tensor<Rank1<3>, T>) -> T {
    let [q, chi, delta] = x.into_array();
    q * chi * delta
}

fn logsumexp<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
    x.apply(Scalar::exp).sum().ln()
}

/// Gradient (three ways) and Hessian (two ways) of a scalar function.
fn check_scalar_function<const N: usize, const NN: usize>(
    g: &Value,
    name: &str,
    f1: impl Fn(Tensor<Rank1<N>, Dual<f64, Rank1<N>>>) -> Dual<f64, Rank1<N>>,
    f2: impl Fn(Tensor<Rank1<N>, Dual2<f64, Rank1<N>>>) -> Dual2<f64, Rank1<N>>,
    f3: impl Fn(
        Tensor<Rank1<N>, Dual<Dual<f64, Rank1<N>>, Rank1<N>>>,
    ) -> Dual<Dual<f64, Rank1<N>>, Rank1<N>>,
) {
    let case = function(g, name);
    let x = tensor::<N>(&case["x"]);
    let value = f64s(&case["value"])[0];
    let want_g = f64s(&case["grad"]);
    let want_h = f64s(&case["hessian"]);
    assert_eq!(want_h.len(), NN);
    let (v, gr) = value_and_grad(&f1, x);
    close(&format!("{name} value"), v, value);
    close_all(&format!("{name} grad"), gr.as_slice(), &want_g);
    close_all(&format!("{name} grad()"), grad(&f1, x).as_slice(), &want_g);
    let (v, gr, h) = hessian(&f2, x);
    close(&format!("{name} Dual2 value"), v, value);
    close_all(&format!("{name} Dual2 grad"), gr.as_slice(), &want_g);
    close_all(&format!("{name} Dual2 hessian"), h.as_slice(), &want_h);
    let (v, gr, h) = hessian_nested(&f3, x);
    close(&format!("{name} nested value"), v, value);
    close_all(&format!("{name} nested grad"), gr.as_slice(), &want_g);
    close_all(&format!("{name} nested hessian"), h.as_slice(), &want_h);
}

#[test]
fn scalar_functions_gradient_and_hessian() {
    let g = golden("jax_derivatives.json");
    check_scalar_function::<4, 16>(
        &g,
        "sum_of_squares",
        sum_of_squares,
        sum_of_squares,
        sum_of_squares,
    );
    check_scalar_function::<2, 4>(&g, "rosenbrock2", rosenbrock, rosenbrock, rosenbrock);
    check_scalar_function::<10, 100>(&g, "rosenbrock10", rosenbrock, rosenbrock, rosenbrock);
    check_scalar_function::<3, 9>(&g, "q_chi_delta", q_chi_delta, q_chi_delta, q_chi_delta);
    check_scalar_function::<4, 16>(&g, "logsumexp", logsumexp, logsumexp, logsumexp);
    report("scalar functions");
}

fn lorenz<T: Scalar>(v: Tensor<Rank1<3>, T>) -> Tensor<Rank1<3>, T> {
    let [x, y, z] = v.into_array();
    Tensor::from([
        c::<T>(10.0) * (y - x),
        x * (c::<T>(28.0) - z) - y,
        x * y - c::<T>(8.0 / 3.0) * z,
    ])
}

fn arm2<T: Scalar>(v: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
    let [t0, t1] = v.into_array();
    Tensor::from([
        t0.cos() + c::<T>(0.7) * (t0 + t1).cos(),
        t0.sin() + c::<T>(0.7) * (t0 + t1).sin(),
    ])
}

fn softmax<T: Scalar>(x: Tensor<Rank1<4>, T>) -> Tensor<Rank1<4>, T> {
    let m = x.max();
    let e = (x - m).apply(Scalar::exp);
    e / e.sum()
}

fn check_vector_function<const N: usize, const M: usize>(
    g: &Value,
    name: &str,
    f: impl Fn(Tensor<Rank1<N>, Dual<f64, Rank1<N>>>) -> Tensor<Rank1<M>, Dual<f64, Rank1<N>>>,
) {
    let case = function(g, name);
    let x = tensor::<N>(&case["x"]);
    assert_eq!(f64s(&case["jacobian_shape"]), [M as f64, N as f64]);
    let want_v = f64s(&case["value"]);
    let want_j = f64s(&case["jacobian"]);
    let (v, j) = value_and_jacobian(&f, x);
    close_all(&format!("{name} value"), v.as_slice(), &want_v);
    close_all(&format!("{name} jacobian"), j.as_slice(), &want_j);
    let j: Tensor<constgrad::Rank2<M, N>> = jacobian(&f, x);
    close_all(&format!("{name} jacobian()"), j.as_slice(), &want_j);
}

#[test]
fn vector_functions_jacobian() {
    let g = golden("jax_derivatives.json");
    check_vector_function::<3, 3>(&g, "lorenz", lorenz);
    check_vector_function::<2, 2>(&g, "arm2", arm2);
    check_vector_function::<4, 4>(&g, "softmax", softmax);
    report("vector functions");
}

#[test]
fn seed_sse_argnums() {
    let g = golden("jax_derivatives.json");
    let case = function(&g, "seed_sse_argnums");
    let x = tensor::<4>(&case["x"]);
    let y = tensor::<4>(&case["y"]);
    let (gx, gy) = grad_args(|(x, y)| ((x - y) * (x - y)).sum(), (x, y));
    close_all("grad_x", gx.as_slice(), &f64s(&case["grad_x"]));
    close_all("grad_y", gy.as_slice(), &f64s(&case["grad_y"]));
    let (v, _) = constgrad::ad::value_and_grad_args(|(x, y)| ((x - y) * (x - y)).sum(), (x, y));
    close("value", v, f64s(&case["value"])[0]);
    report("sse argnums");
}

#[test]
fn seed_sin_exp_vmap_grad() {
    fn f<T: Scalar>(x: T) -> T {
        x.sin() * (-x / c::<T>(4.0)).exp()
    }
    let g = golden("jax_derivatives.json");
    let case = function(&g, "seed_sin_exp_vmap_grad");
    let xs = tensor::<10>(&case["x"]);
    // numpy's linspace(0, 5, 10), reproduced exactly.
    assert_eq!(xs, Tensor::<Rank1<10>>::linspace(0.0, 5.0));
    let values = xs.map(f);
    let grads = xs.map(|x| derivative(f, x));
    close_all("value", values.as_slice(), &f64s(&case["value"]));
    close_all("grad", grads.as_slice(), &f64s(&case["grad"]));
    report("sin·exp");
}
