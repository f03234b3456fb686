//! Every row of the non-smooth table in `constgrad::dual`'s documentation,
//! against JAX 0.10.2's own numbers (`tests/data/jax_nonsmooth.json`, written
//! by `tools/jax_nonsmooth.py`): the value and gradient from `grad`,
//! `hessian` and `hessian_nested`, and both Hessians, bit for bit.
//!
//! Where constgrad keeps a value different from JAX's, the table says so and
//! `kept` below lists it: the test then checks that JAX still gives the
//! number the table quotes and that constgrad gives the documented one.

use constgrad::ad::{grad, hessian, hessian_nested};
use constgrad::{Rank1, Scalar, Tensor};
use serde_json::Value;

/// The functions of the fixture, by the names `tools/jax_nonsmooth.py` uses.
fn eval<const N: usize, T: Scalar>(name: &str, t: &Tensor<Rank1<N>, T>) -> T {
    let v = t.as_slice();
    let x = v[0];
    let y = || v[1];
    match name {
        "abs" => x.abs(),
        "abs_squared" => x.abs() * x.abs(),
        "sqrt" => x.sqrt(),
        "sqrt_plus_y" => x.sqrt() + y(),
        "ln_times_y" => x.ln() * y(),
        "cbrt" => x.cbrt(),
        "ln" => x.ln(),
        "ln_1p" => x.ln_1p(),
        "acosh" => x.acosh(),
        "asin" => x.asin(),
        "acos" => x.acos(),
        "recip" => x.recip(),
        "powi_m1" => x.powi(-1),
        "powi_m2" => x.powi(-2),
        "exp" => x.exp(),
        "div" => x / y(),
        "max" => x.max(y()),
        "min" => x.min(y()),
        "clamp" => x.clamp(v[1], v[2]),
        "floor" => x.floor(),
        "ceil" => x.ceil(),
        "round" => x.round(),
        "signum" => x.signum(),
        "hypot" => x.hypot(y()),
        "powf" => x.powf(y()),
        "powf_const" => x.powf(T::from_f64(3.0)),
        "max_reduce" => t.max(),
        "min_reduce" => t.min(),
        _ => panic!("no function {name} in this test"),
    }
}

/// One computed number: which entry (`"grad 1"`, `"grad 1 hessian"`,
/// `"hessian_nested 0 1"`, ...), with the entry point unless it is `grad`.
struct Got {
    what: String,
    value: f64,
}

/// Value, gradient and both Hessians of `name` at `x` (a macro, not a
/// generic function: the AD entry points need a concrete tangent shape).
macro_rules! run {
    ($name:expr, $x:expr, $n:literal) => {{
        let (name, x): (&str, Tensor<Rank1<$n>>) = ($name, Tensor::from($x));
        let mut out = vec![Got {
            what: "value".into(),
            value: eval(name, &x),
        }];
        let g = grad(|t| eval(name, &t), x);
        for (i, &gi) in g.iter().enumerate() {
            out.push(Got {
                what: format!("grad {i}"),
                value: gi,
            });
        }
        for (how, (v, g, h)) in [
            ("hessian", hessian(|t| eval(name, &t), x)),
            ("hessian_nested", hessian_nested(|t| eval(name, &t), x)),
        ] {
            out.push(Got {
                what: format!("value {how}"),
                value: v,
            });
            for (i, &gi) in g.iter().enumerate() {
                out.push(Got {
                    what: format!("grad {i} {how}"),
                    value: gi,
                });
            }
            for i in 0..$n {
                for j in 0..$n {
                    out.push(Got {
                        what: format!("{how} {i} {j}"),
                        value: h[[i, j]],
                    });
                }
            }
        }
        out
    }};
}

fn num(v: &Value) -> f64 {
    v.as_str()
        .expect("numbers are strings")
        .parse()
        .expect("a float repr")
}

/// constgrad's value where the table in `constgrad::dual`'s docs keeps one
/// different from JAX's (`jax`), by the table's rows; `None` where the table
/// says constgrad gives JAX's value.
fn kept(name: &str, x: &[f64], what: &str, jax: f64) -> Option<f64> {
    let nan = f64::NAN;
    // The row "domain edges" of the unary functions.
    let unary_edge = [
        "sqrt",
        "sqrt_plus_y",
        "ln_times_y",
        "cbrt",
        "ln",
        "ln_1p",
        "acosh",
        "asin",
        "acos",
        "recip",
        "powi_m1",
        "powi_m2",
        "exp",
    ]
    .contains(&name);
    match (name, what) {
        // The infinite derivative meets the zero entries of the tangent (and
        // of the Hessian): NaN in every Hessian entry and in the gradient
        // entries of the other variables, where JAX has a number.
        _ if unary_edge
            && !jax.is_nan()
            && (what.starts_with("hess") || what.starts_with("grad 1")) =>
        {
            Some(nan)
        }
        // "a product or quotient with an infinite operand".
        ("div", "grad 0" | "hessian 0 1" | "hessian_nested 0 1") | ("ln_times_y", "grad 0") => {
            Some(nan)
        }
        // `round` rounds half away from zero, `jnp.round` half to even.
        ("round", "value") if x == [0.5] => Some(1.0),
        // The `powf` rows.
        ("powf", _) => match (x, what) {
            ([0.0, 0.0], "grad 0" | "hessian 0 0" | "hessian 1 1") => Some(0.0),
            ([0.0, 0.0], w) if w.starts_with("hessian_nested") => Some(0.0),
            ([0.0, 0.5], "hessian 0 0") => Some(f64::NEG_INFINITY),
            ([0.0, 0.5], "hessian 1 1" | "hessian_nested 1 1") => Some(0.0),
            ([-2.0, y], "hessian 0 0" | "hessian_nested 0 0") => {
                Some(y * (y - 1.0) * (-2.0_f64).powf(y - 2.0))
            }
            _ => None,
        },
        // "a NaN element" of a reduction: the Hessian is NaN, JAX's 0.
        ("max_reduce" | "min_reduce", w)
            if x.iter().any(|v| v.is_nan()) && w.starts_with("hess") =>
        {
            Some(nan)
        }
        _ => None,
    }
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

#[test]
fn every_row_of_the_non_smooth_table_against_jax() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/jax_nonsmooth.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut differ = 0;
    for case in file["cases"].as_array().unwrap() {
        let name = case["fn"].as_str().unwrap();
        let x: Vec<f64> = case["x"].as_array().unwrap().iter().map(num).collect();
        let got = match x.len() {
            1 => run!(name, [x[0]], 1),
            2 => run!(name, [x[0], x[1]], 2),
            3 => run!(name, [x[0], x[1], x[2]], 3),
            n => panic!("{n} arguments"),
        };
        let n = x.len();
        for g in got {
            let mut parts = g.what.split(' ');
            let want = match parts.next().unwrap() {
                "value" => num(&case["value"]),
                "grad" => num(&case["grad"][parts.next().unwrap().parse::<usize>().unwrap()]),
                _ => {
                    let i: usize = parts.next().unwrap().parse().unwrap();
                    let j: usize = parts.next().unwrap().parse().unwrap();
                    assert!(i < n && j < n);
                    num(&case["hess"][i][j])
                }
            };
            checked += 1;
            let what = &g.what;
            // Values and gradients from all three entry points share the
            // table's rows: `kept` sees them without the entry point's name.
            let key = match what.split(' ').collect::<Vec<_>>()[..] {
                ["value", _] => "value".to_string(),
                ["grad", i, _] => format!("grad {i}"),
                _ => what.clone(),
            };
            match kept(name, &x, &key, want) {
                None if !same(g.value, want) => failures.push(format!(
                    "{name}{x:?} {what}: constgrad {:e}, JAX {want:e} (the table says: as JAX)",
                    g.value
                )),
                Some(doc) if !same(g.value, doc) || same(doc, want) => failures.push(format!(
                    "{name}{x:?} {what}: constgrad {:e}, JAX {want:e} (the table says: constgrad \
                     {doc:e}, unlike JAX)",
                    g.value
                )),
                Some(_) => differ += 1,
                None => {}
            }
        }
    }
    println!("{checked} numbers checked against JAX, {differ} of them documented as different");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
