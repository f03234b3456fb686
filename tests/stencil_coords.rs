//! Derivatives with respect to a stencil's spacing: coordinates and steps of
//! dual numbers, against JAX (`tests/data/jax_stencil_coords.json`, written
//! by `tools/jax_stencil_coords.py`), against identities, and against finite
//! differences of the plain `f64` path.
//!
//! JAX's numbers are matched to 1e-12 relative, not bit for bit: XLA may
//! rewrite a division by a constant into a multiplication, and reverse mode
//! sums the chain rule in another order than the forward-mode tangents do.

use constgrad::ad::{constant, grad, grad_args, grad_chunked_heap, hessian, hessian_nested, Chunk};
use constgrad::dual::{Dual, Dual2};
use constgrad::stencil::{Accuracy, Coords, CoordsRef, Edge, GridError, Step, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank2, Scalar, Shape, Storage, Tensor};
use serde_json::Value;

const FIXTURE: &str = include_str!("data/jax_stencil_coords.json");

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).unwrap()
}

fn num(v: &Value) -> f64 {
    v.as_str().unwrap().parse().unwrap()
}

fn nums(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(num).collect()
}

fn input<const N: usize>(name: &str) -> [f64; N] {
    nums(&fixture()["inputs"][name]).try_into().unwrap()
}

fn case(name: &str) -> Value {
    let all = fixture();
    let found = all["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name);
    found.unwrap_or_else(|| panic!("no case {name}")).clone()
}

/// `got` against `want`, each entry to 1e-12 of the largest `|want|`.
fn close(what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{what}");
    let scale = want.iter().fold(0.0_f64, |m, w| m.max(w.abs()));
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= 1e-12 * scale,
            "{what}[{k}]: {g} vs JAX {w}"
        );
    }
}

/// The fixture's loss: over the axes, `Σ g² + Σ w·g` with `w[k] = cos(0.7 k)`
/// (`k` the flat index).
fn loss<S: Shape, T: Scalar, D: Storage>(gs: &[Tensor<S, T, D>]) -> T {
    let mut sum = T::zero();
    for g in gs {
        for (k, &v) in g.iter().enumerate() {
            sum += v * v + v * T::from_f64((0.7 * k as f64).cos());
        }
    }
    sum
}

fn edge_of(name: &str) -> usize {
    if name.ends_with("edge1") {
        1
    } else {
        2
    }
}

/// Runs `$body` with `$e` bound to the edge order the case's name ends in.
macro_rules! with_edge {
    ($name:expr, |$e:ident| $body:expr) => {
        if edge_of($name) == 1 {
            let $e = EDGE1;
            $body
        } else {
            let $e = EDGE2;
            $body
        }
    };
}

fn coords_1d<Ed: Edge + Copy>(e: Ed) -> Tensor<Rank1<6>> {
    let (x, y) = (input::<6>("x6"), input::<6>("y6"));
    grad(
        |x| {
            let c = Coords::new(x.into_array()).unwrap();
            loss(&constant(Tensor::from(y)).gradient(c, e))
        },
        Tensor::from(x),
    )
}

#[test]
fn gradient_with_respect_to_the_coordinates_matches_jax() {
    for name in ["coords_1d_edge1", "coords_1d_edge2"] {
        let c = case(name);
        let g = with_edge!(name, |e| coords_1d(e));
        close(name, g.as_slice(), &nums(&c["grads"][0]));
    }
}

#[test]
fn values_and_coordinates_together_match_jax() {
    let (x, y) = (input::<6>("x6"), input::<6>("y6"));
    for name in ["values_and_coords_1d_edge1", "values_and_coords_1d_edge2"] {
        let c = case(name);
        let (gy, gx) = with_edge!(name, |e| grad_args(
            |(y, x)| loss(&y.gradient(Coords::new(x.into_array()).unwrap(), e)),
            (Tensor::from(y), Tensor::from(x)),
        ));
        close(name, gy.as_slice(), &nums(&c["grads"][0]));
        close(name, gx.as_slice(), &nums(&c["grads"][1]));
    }
}

#[test]
fn derivative_with_respect_to_a_step_matches_jax() {
    let (y, h) = (input::<6>("y6"), num(&fixture()["inputs"]["h"]));
    for name in ["step_1d_edge1", "step_1d_edge2"] {
        let c = case(name);
        let g = with_edge!(name, |e| grad(
            |h: Tensor<Rank1<1>, _>| {
                let step = Step::new(h[[0]]).unwrap();
                loss(&constant(Tensor::from(y)).gradient(step, e))
            },
            Tensor::from([h]),
        ));
        close(name, g.as_slice(), &nums(&c["grads"][0]));
        // A plain dual number is an unchecked step, as a plain f64 is.
        let plain = with_edge!(name, |e| grad(
            |h: Tensor<Rank1<1>, _>| loss(&constant(Tensor::from(y)).gradient(h[[0]], e)),
            Tensor::from([h]),
        ));
        assert_eq!(plain, g);
    }
}

#[test]
fn several_axes_with_coordinates_in_a_tuple_match_jax() {
    let (x4, x5) = (input::<4>("x4"), input::<5>("x5"));
    let f = Tensor::<Rank2<4, 5>>::from_flat_fn(|k| input::<20>("f45")[k]);
    for name in ["coords_2d_edge1", "coords_2d_edge2"] {
        let c = case(name);
        let (g4, g5) = with_edge!(name, |e| grad_args(
            |(x4, x5)| {
                let c4 = Coords::new(x4.into_array()).unwrap();
                let c5 = Coords::new(x5.into_array()).unwrap();
                loss(&constant(f).gradient((c4, c5), e))
            },
            (Tensor::from(x4), Tensor::from(x5)),
        ));
        close(name, g4.as_slice(), &nums(&c["grads"][0]));
        close(name, g5.as_slice(), &nums(&c["grads"][1]));
    }
}

#[test]
fn values_a_step_and_coordinates_mixed_match_jax() {
    let (x5, h) = (input::<5>("x5"), num(&fixture()["inputs"]["h"]));
    let f = Tensor::<Rank2<4, 5>>::from_flat_fn(|k| input::<20>("f45")[k]);
    for name in ["step_and_coords_2d_edge1", "step_and_coords_2d_edge2"] {
        let c = case(name);
        let (gf, gh, gx) = with_edge!(name, |e| grad_args(
            |(f, h, x5)| {
                let spacing = (
                    Step::new(h[[0]]).unwrap(),
                    CoordsRef::new(x5.as_array()).unwrap(),
                );
                loss(&f.gradient(spacing, e))
            },
            (f, Tensor::<Rank1<1>>::from([h]), Tensor::from(x5)),
        ));
        close(name, gf.as_slice(), &nums(&c["grads"][0]));
        close(name, gh.as_slice(), &nums(&c["grads"][1]));
        close(name, gx.as_slice(), &nums(&c["grads"][2]));
    }
}

#[test]
fn hessian_with_respect_to_the_coordinates_matches_jax() {
    let (x, y) = (input::<6>("x6"), input::<6>("y6"));
    for name in ["hessian_coords_1d_edge1", "hessian_coords_1d_edge2"] {
        let c = case(name);
        let (v, g, h) = with_edge!(name, |e| hessian(
            |x| {
                let c = Coords::new(x.into_array()).unwrap();
                loss(&Tensor::from(y).map(Dual2::constant).gradient(c, e))
            },
            Tensor::from(x),
        ));
        close(name, &[v], &[num(&c["value"])]);
        close(name, g.as_slice(), &nums(&c["grads"][0]));
        close(name, h.as_slice(), &nums(&c["hess"]));
        // Nested duals: coordinates of `Dual<Dual<f64>>`.
        let (vn, gn, hn) = with_edge!(name, |e| hessian_nested(
            |x| {
                let c = Coords::new(x.into_array()).unwrap();
                let y = Tensor::from(y).map(|v| Dual::constant(Dual::constant(v)));
                loss(&y.gradient(c, e))
            },
            Tensor::from(x),
        ));
        close(name, &[vn], &[num(&c["value"])]);
        close(name, gn.as_slice(), &nums(&c["grads"][0]));
        close(name, hn.as_slice(), &nums(&c["hess"]));
    }
}

/// `x[i] = x0 + i h`: `dL/dh = Σ i ∂L/∂x[i]` (the chain rule), with the
/// coordinates' gradient and the step's derivative computed separately.
fn uniform_identity<Ed: Edge + Copy>(e: Ed) {
    let (x0, h) = (-0.3, 0.25);
    let y = Tensor::<Rank1<7>>::from_fn(|[i]| (0.9 * i as f64).sin() + 0.1 * (i * i) as f64);
    let gx = grad(
        |x| loss(&constant(y).gradient(Coords::new(x.into_array()).unwrap(), e)),
        Tensor::<Rank1<7>>::from_fn(|[i]| x0 + i as f64 * h),
    );
    let gh = grad(
        |h: Tensor<Rank1<1>, _>| loss(&constant(y).gradient(Step::new(h[[0]]).unwrap(), e)),
        Tensor::from([h]),
    );
    let chain: f64 = gx.iter().enumerate().map(|(i, g)| i as f64 * g).sum();
    close("Σ i ∂L/∂x[i] vs dL/dh", &[chain], &[gh[[0]]]);
    // Moving every point together changes no spacing.
    let shift: f64 = gx.iter().sum();
    assert!(shift.abs() < 1e-12 * gx.iter().fold(0.0_f64, |m, g| m.max(g.abs())));
}

#[test]
fn coordinates_of_a_uniform_grid_give_the_derivative_with_respect_to_the_step() {
    uniform_identity(EDGE1);
    uniform_identity(EDGE2);
}

/// Central differences of the plain `f64` path, coordinate by coordinate,
/// starting from a uniform grid: the dual path must not take the grid as a
/// uniform step (that would drop every coordinate but the first two).
fn finite_differences<Ed: Edge + Copy>(e: Ed) {
    let x: [f64; 6] = core::array::from_fn(|i| 0.5 * i as f64);
    let y = Tensor::from(x.map(|v| (1.7 * v).cos()));
    let g = grad(
        |x| loss(&constant(y).gradient(Coords::new(x.into_array()).unwrap(), e)),
        Tensor::from(x),
    );
    let plain = |x: [f64; 6]| loss(&y.gradient(Coords::new(x).unwrap(), e));
    let d = 1e-6;
    for j in 0..6 {
        let (mut up, mut down) = (x, x);
        up[j] += d;
        down[j] -= d;
        let fd = (plain(up) - plain(down)) / (2.0 * d);
        assert!(
            (g[[j]] - fd).abs() < 1e-6 * (1.0 + fd.abs()),
            "x[{j}]: {} vs {fd}",
            g[[j]]
        );
    }
    assert!(g.iter().all(|v| *v != 0.0));
}

#[test]
fn dual_coordinates_agree_with_finite_differences_of_the_f64_path() {
    finite_differences(EDGE1);
    finite_differences(EDGE2);
}

#[test]
fn the_value_part_is_the_f64_gradient_bit_for_bit() {
    // A non-uniform grid along each axis of a 2-D field: the strided axis
    // and the contiguous one go through different loops.
    let (x4, x5) = (input::<4>("x4"), input::<5>("x5"));
    let f = Tensor::<Rank2<4, 5>>::from_flat_fn(|k| input::<20>("f45")[k]);
    let bits = |t: &Tensor<Rank2<4, 5>>| t.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    for e in 1..=2 {
        let _ = grad_args(
            |(a, b): (Tensor<Rank1<4>, _>, Tensor<Rank1<5>, _>)| {
                let (ca, cb) = (
                    Coords::new(a.into_array()).unwrap(),
                    Coords::new(b.into_array()).unwrap(),
                );
                let (plain, dual) = if e == 1 {
                    let p = (Coords::new(x4).unwrap(), Coords::new(x5).unwrap());
                    (f.gradient(p, EDGE1), constant(f).gradient((ca, cb), EDGE1))
                } else {
                    let p = (Coords::new(x4).unwrap(), Coords::new(x5).unwrap());
                    (f.gradient(p, EDGE2), constant(f).gradient((ca, cb), EDGE2))
                };
                for (p, d) in plain.iter().zip(&dual) {
                    assert_eq!(bits(p), bits(&d.map(|v| v.re)), "edge order {e}");
                }
                loss(&dual)
            },
            (Tensor::from(x4), Tensor::from(x5)),
        );
    }
}

#[test]
fn heap_tensors_and_chunked_passes_give_the_same_gradient_bit_for_bit() {
    let (x, y) = (input::<6>("x6"), input::<6>("y6"));
    let inline = coords_1d(EDGE2);
    let heap = grad_chunked_heap(
        |x: &HeapTensor<Rank1<6>, _>| {
            let c = CoordsRef::new(x.as_slice().try_into().unwrap()).unwrap();
            let y = HeapTensor::<Rank1<6>, _>::from_flat_fn(|k| Dual::constant(y[k]));
            loss(&y.gradient(c, EDGE2))
        },
        &HeapTensor::from_flat_fn(|k| x[k]),
        Chunk::<2>,
    );
    let bits = |s: &[f64]| s.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(heap.as_slice()), bits(inline.as_slice()));
}

#[test]
fn higher_orders_differentiate_with_respect_to_the_coordinates() {
    let x: [f64; 9] = core::array::from_fn(|i| i as f64 * 0.3 + 0.02 * (i * i) as f64);
    let y = Tensor::from(x.map(|v| (1.1 * v).sin()));
    let g = grad(
        |x| {
            let c = Coords::new(x.into_array()).unwrap();
            let d = constant(y).diff_along::<0>(c, Accuracy::<4>);
            d.iter().fold(Dual::constant(0.0), |s, &v| s + v * v)
        },
        Tensor::from(x),
    );
    let plain = |x: [f64; 9]| {
        let d = y.diff_along::<0>(Coords::new(x).unwrap(), Accuracy::<4>);
        d.iter().map(|v| v * v).sum::<f64>()
    };
    let d = 1e-6;
    for j in 0..9 {
        let (mut up, mut down) = (x, x);
        up[j] += d;
        down[j] -= d;
        let fd = (plain(up) - plain(down)) / (2.0 * d);
        assert!(
            (g[[j]] - fd).abs() < 1e-5 * (1.0 + fd.abs()),
            "x[{j}]: {} vs {fd}",
            g[[j]]
        );
    }
}

#[test]
fn the_checks_read_the_values_of_dual_coordinates() {
    let d = |v: f64| Dual::<f64>::new(v, 1.0);
    assert_eq!(
        Coords::new([d(0.0), d(1.0), d(1.0), d(2.0)]),
        Err(GridError::NotStrictlyMonotonic { index: 2 })
    );
    assert_eq!(
        Coords::new([d(0.0), d(f64::NAN), d(2.0)]),
        Err(GridError::NonFiniteCoordinate { index: 1 })
    );
    assert_eq!(
        Coords::new([d(0.0), d(1e-320), d(3e-320)]),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    assert_eq!(Step::new(d(0.0)), Err(GridError::ZeroStep));
    assert_eq!(Step::new(d(5e-324)), Err(GridError::StepOutOfRange));
    // A non-finite tangent is not the checks' business: the value is fine.
    assert!(Coords::new([d(0.0), Dual::new(1.0, f64::INFINITY), d(2.0)]).is_ok());
}

#[test]
fn f32_coordinates_of_dual_numbers_follow_the_f64_ones() {
    let (x, y) = (input::<6>("x6"), input::<6>("y6"));
    let g64 = coords_1d(EDGE1);
    let y32 = Tensor::from(y.map(|v| v as f32));
    let g32 = grad(
        |x| {
            let c = Coords::new(x.into_array()).unwrap();
            loss(&constant(y32).gradient(c, EDGE1))
        },
        Tensor::from(x.map(|v| v as f32)),
    );
    let scale = g64.iter().fold(0.0_f64, |m, g| m.max(g.abs()));
    for (a, b) in g32.iter().zip(g64.iter()) {
        assert!((f64::from(*a) - b).abs() < 1e-4 * scale, "{a} vs {b}");
    }
}
