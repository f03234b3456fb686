//! Every case of `../shared/golden/numpy_gradient.json` (numpy 2.4.6),
//! bit for bit: each gradient is computed along its axis with the matching
//! static shape and spacing, and compared with `to_bits()` equality. A few
//! cases are also run through the whole-call API (`gradient`,
//! `gradient_axes` with mixed spacing tuples).
mod common;

use common::{f64s, golden};
use constgrad::stencil::{Axis, Coords, Step, Unit, EDGE1, EDGE2};
use constgrad::{Rank1, Rank2, Rank3, Rank4, Tensor};
use serde_json::Value;

/// One axis's spacing as the golden file gives it.
enum Sp {
    Unit,
    H(f64),
    X(Vec<f64>),
}

fn spacing(v: &Value) -> Sp {
    match v["kind"].as_str().unwrap() {
        "unit" => Sp::Unit,
        "scalar" => Sp::H(v["h"].as_f64().unwrap()),
        "coords" => Sp::X(f64s(&v["x"])),
        k => panic!("unknown spacing kind {k}"),
    }
}

/// Asserts bit-for-bit equality, naming the case and the first mismatch.
fn assert_bits(id: &str, axis: usize, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{id}: axis {axis}: length");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            g.to_bits() == w.to_bits(),
            "{id}: axis {axis}: element {k}: got {g:e}, numpy {w:e}"
        );
    }
}

/// `gradient_along::<AX>` with this axis's spacing and edge order; `e2`
/// says whether the axis is long enough for edge order 2 (instantiating it
/// otherwise would be a compile error, which is the point).
macro_rules! along {
    ($f:ident, $ax:literal, $len:literal, $sp:expr, $edge:expr, e2) => {
        if $edge == 1 {
            along!(@sp $f, $ax, $len, $sp, EDGE1)
        } else {
            along!(@sp $f, $ax, $len, $sp, EDGE2)
        }
    };
    ($f:ident, $ax:literal, $len:literal, $sp:expr, $edge:expr, e1) => {{
        assert_eq!($edge, 1, "edge order 2 on an axis of length {}", $len);
        along!(@sp $f, $ax, $len, $sp, EDGE1)
    }};
    (@sp $f:ident, $ax:literal, $len:literal, $sp:expr, $e:expr) => {
        match $sp {
            Sp::Unit => $f.gradient_along::<$ax>(Unit, $e),
            Sp::H(h) => $f.gradient_along::<$ax>(Step::new(*h).unwrap(), $e),
            Sp::X(x) => {
                let x: [f64; $len] = x.as_slice().try_into().unwrap();
                $f.gradient_along::<$ax>(Coords::new(x).unwrap(), $e)
            }
        }
    };
}

/// Runs one case on the static shape `$shape`, axis by axis.
macro_rules! run {
    ($case:expr, $shape:ty; $($ax:literal => $len:literal $e:ident),+) => {{
        let case = $case;
        let f = Tensor::<$shape>::try_from_slice(&f64s(&case["f"])).unwrap();
        let edge = case["edge_order"].as_u64().unwrap();
        let outs = case["out"].as_array().unwrap();
        let axes = case["axes"].as_array().unwrap();
        let sps = case["spacing"].as_array().unwrap();
        assert_eq!(axes.len(), outs.len());
        for ((axis, sp), out) in axes.iter().zip(sps).zip(outs) {
            let axis = axis.as_u64().unwrap() as usize;
            let sp = spacing(sp);
            let g = match axis {
                $($ax => along!(f, $ax, $len, &sp, edge, $e),)+
                _ => panic!("axis {axis} out of range"),
            };
            assert_bits(case["id"].as_str().unwrap(), axis, g.as_slice(), &f64s(out));
        }
    }};
}

fn run_case(case: &Value) {
    let shape: Vec<u64> = case["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap())
        .collect();
    match shape.as_slice() {
        [2] => run!(case, Rank1<2>; 0 => 2 e1),
        [3] => run!(case, Rank1<3>; 0 => 3 e2),
        [5] => run!(case, Rank1<5>; 0 => 5 e2),
        [6] => run!(case, Rank1<6>; 0 => 6 e2),
        [8] => run!(case, Rank1<8>; 0 => 8 e2),
        [10] => run!(case, Rank1<10>; 0 => 10 e2),
        [2, 3] => run!(case, Rank2<2, 3>; 0 => 2 e1, 1 => 3 e2),
        [2, 5] => run!(case, Rank2<2, 5>; 0 => 2 e1, 1 => 5 e2),
        [3, 4] => run!(case, Rank2<3, 4>; 0 => 3 e2, 1 => 4 e2),
        [4, 3] => run!(case, Rank2<4, 3>; 0 => 4 e2, 1 => 3 e2),
        [3, 4, 5] => run!(case, Rank3<3, 4, 5>; 0 => 3 e2, 1 => 4 e2, 2 => 5 e2),
        [2, 3, 2, 3] => {
            run!(case, Rank4<2, 3, 2, 3>; 0 => 2 e1, 1 => 3 e2, 2 => 2 e1, 3 => 3 e2)
        }
        [9, 9, 9] => run!(case, Rank3<9, 9, 9>; 0 => 9 e2, 1 => 9 e2, 2 => 9 e2),
        s => panic!("no static shape for {s:?}: add it to run_case"),
    }
}

fn cases() -> Vec<Value> {
    golden("numpy_gradient.json")["cases"]
        .as_array()
        .expect("cases")
        .clone()
}

fn case(id: &str) -> Value {
    cases()
        .into_iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("golden case {id} is missing"))
}

fn outs(c: &Value) -> Vec<Vec<f64>> {
    c["out"].as_array().unwrap().iter().map(f64s).collect()
}

#[test]
fn every_golden_case_matches_numpy_bit_for_bit() {
    let cases = cases();
    assert_eq!(cases.len(), 64, "the golden file has 64 cases");
    let mut passed = 0;
    for c in &cases {
        run_case(c);
        passed += 1;
    }
    assert_eq!(passed, cases.len());
    println!(
        "{passed} of {} golden cases equal numpy bit for bit",
        cases.len()
    );
}

#[test]
fn all_axes_unit_spacing_seed_potential() {
    let c = case("seed-mgrid-potential");
    let f = Tensor::<Rank3<9, 9, 9>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let gs = f.gradient(Unit, EDGE1);
    for (k, (g, w)) in gs.iter().zip(outs(&c)).enumerate() {
        assert_bits("seed-mgrid-potential", k, g.as_slice(), &w);
    }
}

#[test]
fn all_axes_one_step_for_all_seed_potential_h25() {
    let c = case("seed-mgrid-potential-h25-e2");
    let f = Tensor::<Rank3<9, 9, 9>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let gs = f.gradient(Step::new(25.0).unwrap(), EDGE2);
    for (k, (g, w)) in gs.iter().zip(outs(&c)).enumerate() {
        assert_bits("seed-mgrid-potential-h25-e2", k, g.as_slice(), &w);
    }
    // The same with a plain real and with one step per axis.
    let gs2 = f.gradient(25.0, EDGE2);
    let gs3 = f.gradient((25.0, Step::new(25.0).unwrap(), 25.0), EDGE2);
    assert_eq!(gs, gs2);
    assert_eq!(gs, gs3);
}

#[test]
fn seed_sin_exp_coordinates_bare() {
    let c = case("seed-sin-exp-coords");
    let f = Tensor::<Rank1<10>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let x: [f64; 10] = f64s(&c["spacing"][0]["x"]).try_into().unwrap();
    let [g] = f.gradient(Coords::new(x).unwrap(), EDGE1);
    assert_bits("seed-sin-exp-coords", 0, g.as_slice(), &outs(&c)[0]);
}

#[test]
fn mixed_spacing_tuple_doc_2d() {
    let c = case("numpy-doc-2d-mixed");
    let f = Tensor::<Rank2<2, 3>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let x: [f64; 3] = f64s(&c["spacing"][1]["x"]).try_into().unwrap();
    let [d0, d1] = f.gradient((2.0, Coords::new(x).unwrap()), EDGE1);
    let w = outs(&c);
    assert_bits("numpy-doc-2d-mixed", 0, d0.as_slice(), &w[0]);
    assert_bits("numpy-doc-2d-mixed", 1, d1.as_slice(), &w[1]);
}

#[test]
fn mixed_spacing_tuple_rank4_all_axes() {
    let c = case("s7-2x3x2x3-0");
    let f = Tensor::<Rank4<2, 3, 2, 3>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let sp = c["spacing"].as_array().unwrap();
    let x0: [f64; 2] = f64s(&sp[0]["x"]).try_into().unwrap();
    let x2: [f64; 2] = f64s(&sp[2]["x"]).try_into().unwrap();
    let h1 = sp[1]["h"].as_f64().unwrap();
    let h3 = sp[3]["h"].as_f64().unwrap();
    let spacing = (
        Coords::new(x0).unwrap(),
        Step::new(h1).unwrap(),
        Coords::new(x2).unwrap(),
        h3,
    );
    let gs = f.gradient(spacing, EDGE1);
    for (k, (g, w)) in gs.iter().zip(outs(&c)).enumerate() {
        assert_bits("s7-2x3x2x3-0", k, g.as_slice(), &w);
    }
}

#[test]
fn chosen_axes_with_mixed_tuple() {
    let c = case("s7-2x3x2x3-5");
    assert_eq!(c["axis_arg"], serde_json::json!([0, 2, 3]));
    let f = Tensor::<Rank4<2, 3, 2, 3>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let sp = c["spacing"].as_array().unwrap();
    let x0: [f64; 2] = f64s(&sp[0]["x"]).try_into().unwrap();
    let h2 = sp[1]["h"].as_f64().unwrap();
    let x3: [f64; 3] = f64s(&sp[2]["x"]).try_into().unwrap();
    let gs = f.gradient_axes(
        (Axis::<0>, Axis::<2>, Axis::<3>),
        (Coords::new(x0).unwrap(), h2, Coords::new(x3).unwrap()),
        EDGE1,
    );
    for (k, (g, w)) in gs.iter().zip(outs(&c)).enumerate() {
        assert_bits("s7-2x3x2x3-5", k, g.as_slice(), &w);
    }
}

#[test]
fn chosen_axes_one_scalar_for_all() {
    let c = case("s7-2x3x2x3-2");
    let f = Tensor::<Rank4<2, 3, 2, 3>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let h = c["spacing"][0]["h"].as_f64().unwrap();
    let gs = f.gradient_axes((Axis::<1>, Axis::<2>, Axis::<3>), h, EDGE1);
    for (k, (g, w)) in gs.iter().zip(outs(&c)).enumerate() {
        assert_bits("s7-2x3x2x3-2", k, g.as_slice(), &w);
    }
}

#[test]
fn chosen_axes_coordinates_edge2() {
    let c = case("s7-3x4x5-5");
    let f = Tensor::<Rank3<3, 4, 5>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let sp = c["spacing"].as_array().unwrap();
    let x0: [f64; 3] = f64s(&sp[0]["x"]).try_into().unwrap();
    let x1: [f64; 4] = f64s(&sp[1]["x"]).try_into().unwrap();
    let gs = f.gradient_axes(
        (Axis::<0>, Axis::<1>),
        (Coords::new(x0).unwrap(), Coords::new(x1).unwrap()),
        EDGE2,
    );
    for (k, (g, w)) in gs.iter().zip(outs(&c)).enumerate() {
        assert_bits("s7-3x4x5-5", k, g.as_slice(), &w);
    }
}

#[test]
fn f32_samples_follow_the_f64_results_closely() {
    let c = case("s7-3x4x5-3");
    let f = Tensor::<Rank3<3, 4, 5>>::try_from_slice(&f64s(&c["f"])).unwrap();
    let h = c["spacing"][0]["h"].as_f64().unwrap();
    let g32 = f.map(|v| v as f32).gradient(h as f32, EDGE2);
    for (g, w) in g32.iter().zip(outs(&c)) {
        for (a, b) in g.iter().zip(w) {
            assert!(
                (f64::from(*a) - b).abs() <= 1e-5 * (1.0 + b.abs()),
                "{a} vs {b}"
            );
        }
    }
}
