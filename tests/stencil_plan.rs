//! [`CoordsPlan`]: gradients through a plan are bit-identical to the
//! unplanned ones (which equal numpy's, see `stencil_golden.rs`) along every
//! axis, for both edge orders, inline and on the heap, and through the
//! higher-order stencils.

use constgrad::stencil::{Accuracy, Coords, CoordsPlan, CoordsRef, GridError, Step, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank3, Tensor};

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|v| v.to_bits()).collect()
}

/// Irregular, strictly increasing coordinates.
fn coords<const N: usize>(seed: f64) -> [f64; N] {
    let mut x = 0.0;
    core::array::from_fn(|i| {
        x += 0.1 + 0.05 * ((i as f64 + seed) * 1.7).sin().abs();
        x
    })
}

fn field(i: usize) -> f64 {
    (i as f64 * 0.37).sin() * 1e3 + (i as f64 * 0.011).cos()
}

#[test]
fn planned_gradients_equal_unplanned_ones_bit_for_bit() {
    let (x0, x1, x2) = (coords::<5>(0.0), coords::<6>(1.0), coords::<7>(2.0));
    let (p0, p1, p2) = (
        CoordsPlan::new(&x0).unwrap(),
        CoordsPlan::new(&x1).unwrap(),
        CoordsPlan::new(&x2).unwrap(),
    );
    let f = Tensor::<Rank3<5, 6, 7>>::from_flat_fn(field);
    let h = HeapTensor::<Rank3<5, 6, 7>>::from_flat_fn(field);
    let c = (
        Coords::new(x0).unwrap(),
        Coords::new(x1).unwrap(),
        Coords::new(x2).unwrap(),
    );
    for (want, got, heap) in [
        (
            f.gradient(c, EDGE1),
            f.gradient((&p0, &p1, &p2), EDGE1),
            h.gradient((&p0, &p1, &p2), EDGE1),
        ),
        (
            f.gradient(c, EDGE2),
            f.gradient((&p0, &p1, &p2), EDGE2),
            h.gradient((&p0, &p1, &p2), EDGE2),
        ),
    ] {
        for k in 0..3 {
            assert_eq!(
                bits(want[k].as_slice()),
                bits(got[k].as_slice()),
                "axis {k}"
            );
            assert_eq!(
                bits(want[k].as_slice()),
                bits(heap[k].as_slice()),
                "axis {k}"
            );
        }
    }
    let want = f.diff_along::<1>(c.1, Accuracy::<4>);
    let got = f.diff_along::<1>(&p1, Accuracy::<4>);
    assert_eq!(bits(want.as_slice()), bits(got.as_slice()));
}

#[test]
fn a_long_planned_line_equals_the_blocked_unplanned_one() {
    // Longer than the kernel's block of coefficients, and not a multiple of it.
    const N: usize = 1000;
    let x: Box<[f64; N]> = Box::new(coords::<N>(3.0));
    let f = HeapTensor::<Rank1<N>>::from_flat_fn(field);
    let plan = CoordsPlan::from(CoordsRef::new(&x).unwrap());
    for edge2 in [false, true] {
        let (want, got) = if edge2 {
            (
                f.gradient_along::<0>(CoordsRef::new(&x).unwrap(), EDGE2),
                f.gradient_along::<0>(&plan, EDGE2),
            )
        } else {
            (
                f.gradient_along::<0>(CoordsRef::new(&x).unwrap(), EDGE1),
                f.gradient_along::<0>(&plan, EDGE1),
            )
        };
        assert_eq!(bits(want.as_slice()), bits(got.as_slice()), "edge2 {edge2}");
    }
}

#[test]
fn a_plan_of_equally_spaced_coordinates_is_numpys_uniform_step() {
    let f = Tensor::from([1.0, 4.0, 2.0, 8.0, 5.0]);
    let plan = CoordsPlan::new(&[1.0, 1.5, 2.0, 2.5, 3.0]).unwrap();
    let [a] = f.gradient(&plan, EDGE2);
    let [b] = f.gradient(Step::new(0.5).unwrap(), EDGE2);
    assert_eq!(bits(a.as_slice()), bits(b.as_slice()));
}

#[test]
fn a_plan_checks_as_the_coordinates_do() {
    assert_eq!(
        CoordsPlan::new(&[0.0, 2.0, 1.0]),
        Err(GridError::NotStrictlyMonotonic { index: 2 })
    );
    assert_eq!(
        CoordsPlan::new(&[0.0, 1e-320, 3e-320]),
        Err(GridError::NonFiniteCoefficients { index: 0 })
    );
    let f = Tensor::from([0.0, 1.0, 2.0]);
    let xs = [0.0, 1e-320, 3e-320];
    let [a] = f.gradient(CoordsPlan::unchecked(&xs), EDGE1);
    let [b] = f.gradient(Coords::unchecked(xs), EDGE1);
    assert_eq!(bits(a.as_slice()), bits(b.as_slice()));
    let c = Coords::new([0.0, 0.5, 2.0]).unwrap();
    assert_eq!(CoordsPlan::from(&c), CoordsPlan::new(c.get()).unwrap());
}
