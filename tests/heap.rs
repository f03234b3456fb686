//! Heap tensors have every operation of inline tensors, with the same
//! values bit for bit: each heap result is compared with the inline result
//! of the same operation on the same data (the inline forms are themselves
//! checked against numpy, JAX and analytic values in the other test files),
//! and by-value heap operations reuse their operand's buffer.
#![cfg(feature = "alloc")]
mod common;

use approx::{assert_abs_diff_eq, assert_relative_eq, assert_ulps_eq};
use common::counting::{allocations, Counting};
use constgrad::stencil::{Accuracy, Axis, Coords, Step, Unit, EDGE1, EDGE2};
use constgrad::{Axes3, HeapTensor, Rank1, Rank2, Rank3, Tensor};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Values with no exact structure (so a wrong index shows).
fn field(k: usize) -> f64 {
    (k as f64 * 0.37).sin() + 0.25 * (k as f64 * 0.011).cos()
}

fn pair<S: constgrad::Shape>() -> (Tensor<S>, HeapTensor<S>) {
    let t = Tensor::<S>::from_flat_fn(field);
    (t, HeapTensor::from_tensor(&t))
}

#[test]
fn construction_and_access() {
    let h = HeapTensor::<Rank2<3, 4>>::from_fn(|[i, j]| (10 * i + j) as f64);
    assert_eq!(h.dims(), &[3, 4]);
    assert_eq!(HeapTensor::<Rank2<3, 4>>::NUMEL, 12);
    assert_eq!(h[[2, 3]], 23.0);
    assert_eq!(h.get([2, 3]), Some(&23.0));
    assert_eq!(h.get([3, 0]), None);
    let mut m = h.clone();
    *m.get_mut([0, 1]).unwrap() = -1.0;
    m[[1, 1]] = -2.0;
    assert_eq!(&m.as_slice()[..6], &[0.0, -1.0, 2.0, 3.0, 10.0, -2.0]);
    assert_eq!(HeapTensor::<Rank1<3>>::ones().as_slice(), &[1.0; 3]);
    assert_eq!(HeapTensor::<Rank1<2>, i32>::default().as_slice(), &[0, 0]);
    assert_eq!(
        HeapTensor::<Rank1<5>>::linspace(0.0, 1.0).to_tensor(),
        Tensor::linspace(0.0, 1.0)
    );
    assert_eq!(
        HeapTensor::<Rank1<4>>::arange(1.0, 0.5).to_tensor(),
        Tensor::arange(1.0, 0.5)
    );
    assert_eq!(
        HeapTensor::<Rank2<3, 3>>::identity().to_tensor(),
        Tensor::identity()
    );
    assert_eq!(
        HeapTensor::<Rank2<3, 4>>::try_from_slice(h.as_slice()),
        Ok(h.clone())
    );
    let b = h.clone().into_boxed_slice();
    assert_eq!(HeapTensor::<Rank2<3, 4>>::try_from_boxed_slice(b), Ok(h));
}

#[test]
fn iterators_map_zip_map_cast() {
    let (t, h) = pair::<Rank2<4, 5>>();
    assert!(h.iter().eq(t.iter()));
    assert!((&h).into_iter().eq(t.iter()));
    assert!(h.indexed_iter().eq(t.indexed_iter()));
    let mut m = h.clone();
    m.iter_mut().for_each(|x| *x *= 3.0);
    assert_eq!(m.as_slice(), (t * 3.0).as_slice());
    assert_eq!(h.map(f64::exp).as_slice(), t.map(f64::exp).as_slice());
    assert_eq!(h.apply(f64::sin).as_slice(), t.apply(f64::sin).as_slice());
    let z = h.zip_map(&m, f64::atan2);
    assert_eq!(z.as_slice(), t.zip_map(&(t * 3.0), f64::atan2).as_slice());
    let i = HeapTensor::<Rank1<3>, i32>::from_flat_fn(|k| k as i32 - 1);
    assert_eq!(i.cast::<f64>().as_slice(), &[-1.0, 0.0, 1.0]);
}

#[test]
#[allow(clippy::op_ref)] // every operator form is what is tested
fn every_operator_form_matches_inline() {
    let (a, ha) = pair::<Rank2<6, 7>>();
    let b = a.map(|x| 2.5 - x * x);
    let hb = HeapTensor::from_tensor(&b);
    macro_rules! same {
        ($heap:expr, $inline:expr) => {
            assert_eq!($heap.as_slice(), $inline.as_slice())
        };
    }
    same!(ha.clone() + hb.clone(), a + b);
    same!(ha.clone() - &hb, a - &b);
    same!(&ha * hb.clone(), &a * b);
    same!(&ha / &hb, &a / &b);
    same!(ha.clone() + 0.5, a + 0.5);
    same!(&ha - 0.5, &a - 0.5);
    same!(ha.clone() * 3.0, a * 3.0);
    same!(&ha / 3.0, &a / 3.0);
    same!(2.0 + ha.clone(), 2.0 + a);
    same!(2.0 - ha.clone(), 2.0 - a);
    same!(2.0 * ha.clone(), 2.0 * a);
    same!(2.0 / ha.clone(), 2.0 / a);
    same!(-ha.clone(), -a);
    same!(-&ha, -&a);
    let (mut c, mut hc) = (a, ha.clone());
    c += b;
    hc += hb.clone();
    c -= &b;
    hc -= &hb;
    c *= 1.5;
    hc *= 1.5;
    c /= b;
    hc /= hb.clone();
    same!(hc, c);
    let f = HeapTensor::<Rank1<3>, f32>::from_flat_fn(|k| k as f32);
    assert_eq!((2.0_f32 * f + 1.0).as_slice(), &[1.0, 3.0, 5.0]);
}

#[test]
fn reductions_match_inline() {
    let (t, h) = pair::<Rank3<3, 4, 5>>();
    assert_eq!(h.sum(), t.sum());
    assert_eq!(h.product(), t.product());
    assert_eq!(h.min(), t.min());
    assert_eq!(h.max(), t.max());
    assert_eq!(h.mean(), t.mean());
    assert_eq!(h.sum_axis::<0>().as_slice(), t.sum_axis::<0>().as_slice());
    assert_eq!(
        h.product_axis::<1>().as_slice(),
        t.product_axis::<1>().as_slice()
    );
    assert_eq!(h.min_axis::<2>().as_slice(), t.min_axis::<2>().as_slice());
    assert_eq!(h.max_axis::<1>().as_slice(), t.max_axis::<1>().as_slice());
    assert_eq!(h.mean_axis::<0>().as_slice(), t.mean_axis::<0>().as_slice());
    let n = HeapTensor::<Rank1<3>>::try_from_slice(&[1.0, f64::NAN, 0.0]).unwrap();
    assert!(n.max().is_nan() && n.min().is_nan());
}

#[test]
fn products_and_shape_changes_match_inline() {
    let (a, ha) = pair::<Rank2<5, 3>>();
    let b = Tensor::<Rank2<3, 4>>::from_flat_fn(|k| field(k + 100));
    let hb = HeapTensor::from_tensor(&b);
    let v = Tensor::<Rank1<3>>::from_flat_fn(|k| field(k + 200));
    let hv = HeapTensor::from_tensor(&v);
    assert_eq!(ha.matmul(&hb).as_slice(), a.matmul(&b).as_slice());
    assert_eq!(ha.matmul(&hv).as_slice(), a.matmul(&v).as_slice());
    assert_eq!(hv.dot(&hv), v.dot(&v));
    assert_eq!(ha.transpose().as_slice(), a.transpose().as_slice());
    let sq = ha.matmul(&ha.transpose());
    assert_eq!(sq.trace(), a.matmul(&a.transpose()).trace());
    let r: HeapTensor<Rank3<5, 1, 3>> = ha.reshape();
    assert_eq!(r.as_slice(), a.as_slice());
    let f: HeapTensor<Rank1<15>> = ha.flatten();
    assert_eq!(f.as_slice(), a.as_slice());
    let (t3, h3) = pair::<Rank3<2, 3, 4>>();
    let p = h3.permute::<Axes3<2, 0, 1>>();
    assert_eq!(p.dims(), &[4, 2, 3]);
    assert_eq!(p.as_slice(), t3.permute::<Axes3<2, 0, 1>>().as_slice());
    let q = h3.permute_into::<Axes3<2, 0, 1>, Rank3<4, 2, 3>>();
    assert_eq!(q, p);
}

#[test]
fn printing_and_approx_match_inline() {
    let t = Tensor::from([[1.5, 2.0], [3.0, 4.0]]);
    let h = HeapTensor::from_tensor(&t);
    assert_eq!(h.to_string(), t.to_string());
    assert_eq!(format!("{h:.2}"), format!("{t:.2}"));
    assert_eq!(
        format!("{h:?}"),
        "HeapTensor<Rank2<2, 2>>([[1.5, 2.0],\n [3.0, 4.0]])"
    );
    let mut k = h.clone();
    k[[1, 1]] += 1e-12;
    assert_ne!(k, h);
    assert_abs_diff_eq!(k, h, epsilon = 1e-11);
    assert_relative_eq!(k, h, max_relative = 1e-12);
    k[[1, 1]] = f64::from_bits(4.0_f64.to_bits() + 2);
    assert_ulps_eq!(k, h, max_ulps = 2);
}

#[test]
fn every_stencil_matches_inline() {
    let (t, h) = pair::<Rank3<6, 5, 7>>();
    let x = Coords::new([0.0, 0.5, 1.5, 1.75, 3.0]).unwrap();
    let sp = (Step::new(0.5).unwrap(), x, Unit);
    let ti = t.gradient(sp, EDGE2);
    let hi = h.gradient(sp, EDGE2);
    for (t, h) in ti.iter().zip(&hi) {
        assert_eq!(h.as_slice(), t.as_slice());
    }
    let mut outs = [
        HeapTensor::zeros(),
        HeapTensor::zeros(),
        HeapTensor::zeros(),
    ];
    h.gradient_into(&mut outs, sp, EDGE2);
    assert_eq!(outs, hi);
    let sel = (Axis::<2>, Axis::<1>);
    let [a, b] = h.gradient_axes(sel, (0.25, x), EDGE1);
    let [c, d] = t.gradient_axes(sel, (0.25, x), EDGE1);
    assert_eq!((a.as_slice(), b.as_slice()), (c.as_slice(), d.as_slice()));
    let mut two = [HeapTensor::zeros(), HeapTensor::zeros()];
    h.gradient_axes_into(sel, &mut two, (0.25, x), EDGE1);
    assert_eq!(two, [a, b]);
    let g = h.gradient_along::<1>(x, EDGE1);
    assert_eq!(g.as_slice(), t.gradient_along::<1>(x, EDGE1).as_slice());
    let mut g2 = HeapTensor::zeros();
    h.gradient_along_into::<1>(&mut g2, x, EDGE1);
    assert_eq!(g2, g);
    let d1 = h.diff_along::<2>(Unit, Accuracy::<4>);
    assert_eq!(
        d1.as_slice(),
        t.diff_along::<2>(Unit, Accuracy::<4>).as_slice()
    );
    let d2 = h.diff2_along::<0>(0.5, Accuracy::<2>);
    assert_eq!(
        d2.as_slice(),
        t.diff2_along::<0>(0.5, Accuracy::<2>).as_slice()
    );
    let l = h.laplacian((Unit, x, 2.0), Accuracy::<2>);
    let want = t.laplacian((Unit, x, 2.0), Accuracy::<2>);
    assert_eq!(l.as_slice(), want.as_slice());
    // Integer samples give f64 gradients, on the heap too.
    let i = HeapTensor::<Rank1<4>, i32>::from_flat_fn(|k| (k * k) as i32);
    let gi = i.gradient_along::<0>(Unit, EDGE2);
    assert_eq!(gi.as_slice(), &[0.0, 2.0, 4.0, 6.0]);
}

#[test]
fn the_issue_example_compiles_and_is_exact() {
    // `&gx - &exact` on two heap gradients (E0369 before).
    let f = HeapTensor::<Rank2<200, 300>>::from_fn(|[i, j]| (i * i + 3 * j) as f64);
    let [gx, gy] = f.gradient(Unit, EDGE2);
    let exact = HeapTensor::<Rank2<200, 300>>::from_fn(|[i, _]| 2.0 * i as f64);
    assert_eq!((&gx - &exact).max(), 0.0);
    assert_eq!((&gy - 3.0).min(), 0.0);
}

#[test]
fn large_fields_give_the_serial_loops_bits() {
    // 98 304 elements: above the size from which feature `rayon` splits the
    // in-place heap operations over threads. Each operator form against a
    // plain serial loop over the slices.
    type Big = HeapTensor<Rank2<1024, 96>>;
    let a = Big::from_flat_fn(field);
    let b = Big::from_flat_fn(|k| 1.5 - field(k + 7));
    let serial = |f: fn(f64, f64) -> f64| -> Vec<f64> {
        a.iter().zip(b.iter()).map(|(&x, &y)| f(x, y)).collect()
    };
    assert_eq!((&a + &b).as_slice(), serial(|x, y| x + y));
    assert_eq!((a.clone() - &b).as_slice(), serial(|x, y| x - y));
    assert_eq!((&a * b.clone()).as_slice(), serial(|x, y| x * y));
    assert_eq!((&a / 3.0).as_slice(), serial(|x, _| x / 3.0));
    assert_eq!((0.5 - a.clone()).as_slice(), serial(|x, _| 0.5 - x));
    assert_eq!((-&a).as_slice(), serial(|x, _| -x));
    let mut c = a.clone();
    c /= &b;
    c += 1.0;
    assert_eq!(c.as_slice(), serial(|x, y| x / y + 1.0));
}

#[test]
fn by_value_heap_operations_reuse_the_buffer() {
    let (_, a) = pair::<Rank2<100, 100>>();
    let b = a.map(|x| x + 1.0);
    let ((), n) = allocations(|| {
        let c = a.clone(); // the one allocation
        let c = c + &b;
        let c = c * 2.0 - &b;
        let c = -(1.0 - c) / 4.0;
        let mut c = c;
        c += &b;
        c *= 0.5;
        assert!(c.sum().is_finite() || c.sum().is_nan());
    });
    assert_eq!(n, 1);
    // By reference, the result is the one allocation.
    let (_, n) = allocations(|| &a + &b);
    assert_eq!(n, 1);
}
