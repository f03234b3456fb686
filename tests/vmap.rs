//! vmap: values for every argument form, tuple and nested results, and the
//! seed example of the JAX documentation against the golden file.

mod common;

use constgrad::vmap::{
    vmap, vmap2, vmap3, AnyMapped, Broadcast, Mapped, Repeat, VmapArg, VmapInput,
};
use constgrad::{Rank1, Rank2, Rank3, Rank4, Scalar, Tensor};

/// `f(x) = sin(x)·exp(-x/4)`, the function of the JAX documentation's example.
fn sin_exp<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

/// Its derivative written by hand: `exp(-x/4)·(cos x - sin x / 4)`.
fn sin_exp_derivative(x: f64) -> f64 {
    (-x / 4.0).exp() * (x.cos() - x.sin() / 4.0)
}

#[test]
fn scalars_in_scalars_out() {
    let x = Tensor::from([0.0, 1.0, 2.0, 3.0]);
    let y = vmap(|x| 3.0 * x * x - 1.0, x);
    assert_eq!(y, Tensor::from([-1.0, 2.0, 11.0, 26.0]));
    let y32 = vmap(|x: f32| x.sqrt(), Tensor::from([1.0_f32, 4.0, 9.0]));
    assert_eq!(y32, Tensor::from([1.0_f32, 2.0, 3.0]));
}

#[test]
fn rows_of_a_matrix_along_axis_0() {
    let m = Tensor::<Rank2<3, 4>>::from_fn(|[i, j]| (i * 4 + j) as f64);
    let sums = vmap(|row| row.sum(), m);
    assert_eq!(sums, Tensor::from([6.0, 22.0, 38.0]));
    // A tensor result gets the batch axis in front.
    let doubled = vmap(|row| row * 2.0, m);
    assert_eq!(doubled, m * 2.0);
    // By reference: the same values, no copy of the argument.
    let by_ref: &Tensor<Rank2<3, 4>> = &m;
    assert_eq!(vmap(|row| row.sum(), by_ref), sums);
}

#[test]
fn every_axis_of_ranks_1_to_4() {
    let v = Tensor::from([1.0, 2.0, 3.0]);
    assert_eq!(vmap(|x| x, v.in_axis::<0>()), v);

    let m = Tensor::<Rank2<2, 3>>::from_flat_fn(|k| k as f64);
    let cols: Tensor<Rank2<3, 2>> = vmap(|c| c, m.in_axis::<1>());
    assert_eq!(cols, Tensor::from([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]]));
    assert_eq!(vmap(|c| c.sum(), m.in_axis::<1>()), m.sum_axis::<0>());

    let t = Tensor::<Rank3<2, 3, 4>>::from_flat_fn(|k| k as f64);
    let a0 = vmap(|s: Tensor<Rank2<3, 4>>| s.sum(), t.in_axis::<0>());
    let a1 = vmap(|s: Tensor<Rank2<2, 4>>| s.sum(), t.in_axis::<1>());
    let a2 = vmap(|s: Tensor<Rank2<2, 3>>| s.sum(), t.in_axis::<2>());
    // Summing every slice along axis k is summing over all the other axes.
    assert_eq!(a0, t.sum_axis::<2>().sum_axis::<1>());
    assert_eq!(a1, t.sum_axis::<2>().sum_axis::<0>());
    assert_eq!(a2, t.sum_axis::<1>().sum_axis::<0>());
    let moved: Tensor<Rank3<4, 2, 3>> = vmap(|s| s, t.in_axis::<2>());
    for (idx, &x) in moved.indexed_iter() {
        let [k, i, j] = idx;
        assert_eq!(x, t[[i, j, k]]);
    }

    let r4 = Tensor::<Rank4<2, 3, 2, 5>>::from_flat_fn(|k| (k * k % 17) as f64);
    let last: Tensor<Rank4<5, 2, 3, 2>> = vmap(|s| s, Mapped::<3, _>(&r4));
    for (idx, &x) in last.indexed_iter() {
        let [l, i, j, k] = idx;
        assert_eq!(x, r4[[i, j, k, l]]);
    }
}

#[test]
fn broadcast_and_captured_values_agree() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let w = Tensor::from([1.0, -1.0]);
    let by_arg: Tensor<Rank2<3, 2>> = vmap2(|x, w| w * x, x, Broadcast(w));
    let by_capture: Tensor<Rank2<3, 2>> = vmap(|x| w * x, x);
    assert_eq!(by_arg, by_capture);
    assert_eq!(
        by_arg,
        Tensor::from([[1.0, -1.0], [2.0, -2.0], [3.0, -3.0]])
    );
}

#[test]
fn repeat_gives_the_same_value_to_each_of_b_calls() {
    let v = Tensor::from([1.0, 2.0]);
    let rows = vmap(|v| v + 1.0, Repeat::<3, _>(v));
    assert_eq!(rows, Tensor::from([[2.0, 3.0], [2.0, 3.0], [2.0, 3.0]]));
    let ones = vmap(|s: f64| s, Repeat::<4, _>(1.0));
    assert_eq!(ones, Tensor::from([1.0; 4]));
    // Next to a broadcast, the repeat gives the batch size; next to a mapped
    // argument, it is one more argument of that size.
    let scaled = vmap2(
        |k: f64, v: Tensor<Rank1<2>>| v * k,
        Broadcast(2.0),
        Repeat::<2, _>(v),
    );
    assert_eq!(scaled, Tensor::from([[2.0, 4.0], [2.0, 4.0]]));
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let shifted = vmap3(
        |x: f64, k: f64, s: f64| x * k + s,
        x,
        Repeat::<3, _>(2.0),
        Broadcast(0.5),
    );
    assert_eq!(shifted, x * 2.0 + 0.5);
    let none: Tensor<Rank2<0, 2>> = vmap(|v| v, Repeat::<0, _>(v));
    assert_eq!(none.dims(), &[0, 2]);
}

/// Generic over how each argument is mapped, bounded by `VmapArg` alone: the
/// check that something is mapped needs no bound of its own here.
fn sums<const B: usize, X, Y, Z>(x: X, y: Y, z: Z) -> [Tensor<Rank1<B>>; 3]
where
    X: VmapArg<B, Item = f64> + Copy,
    Y: VmapArg<B, Item = f64> + Copy,
    Z: VmapArg<B, Item = f64>,
{
    [
        vmap(|a| a, x),
        vmap2(|a, b| a + b, Broadcast(10.0), y),
        vmap3(|a, b, c| a + b + c, x, y, z),
    ]
}

/// One argument that may be broadcast (`VmapInput`) next to one that is
/// mapped (`VmapArg`). Here nothing in the bounds says that one of the two
/// is mapped, so the tuple of argument types carries `AnyMapped`.
fn weighted<const B: usize, W, X>(w: W, x: X) -> Tensor<Rank2<B, 2>>
where
    W: VmapInput<B, Item = f64> + Copy,
    X: VmapArg<B, Item = Tensor<Rank1<2>>> + Copy,
    (W, X): AnyMapped<B>,
{
    let a = vmap2(|w, x| x * w, w, x);
    // Mapped first: `VmapArg` is enough.
    let b = vmap3(|x, w, k: f64| x * w * k, x, w, Broadcast(1.0));
    assert_eq!(a, b);
    a
}

#[test]
fn generic_callers_need_no_bound_on_what_is_mapped() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let m = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    let [a, b, c] = sums(x, Mapped::<0, _>(&m.sum_axis::<0>()), Repeat::<3, _>(0.5));
    assert_eq!(a, x);
    assert_eq!(b, Tensor::from([15.0, 17.0, 19.0]));
    assert_eq!(c, Tensor::from([6.5, 9.5, 12.5]));
    let rows = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    assert_eq!(weighted(Broadcast(2.0), rows), rows * 2.0);
    assert_eq!(
        weighted(Tensor::from([1.0, -1.0]), rows.in_axis::<0>()),
        Tensor::from([[1.0, 2.0], [-3.0, -4.0]])
    );
}

#[test]
fn tuple_results_are_stacked_one_by_one() {
    let x = Tensor::from([0.5, 1.0, 2.0]);
    let (val, vec, idx) = vmap(|x| (x * x, Tensor::from([x, -x]), (x * 2.0) as usize), x);
    assert_eq!(val, Tensor::from([0.25, 1.0, 4.0]));
    assert_eq!(vec, Tensor::from([[0.5, -0.5], [1.0, -1.0], [2.0, -2.0]]));
    assert_eq!(idx, Tensor::from([1_usize, 2, 4]));
    let (a, b, c, d) = vmap(|x| (x, x + 1.0, x + 2.0, x > 0.75), x);
    assert_eq!(a + 1.0, b);
    assert_eq!(c, x + 2.0);
    assert_eq!(d, Tensor::from([false, true, true]));
    let (single,) = vmap(|x| (x,), x);
    assert_eq!(single, x);
}

#[test]
fn three_arguments_with_different_in_axes() {
    let x = Tensor::from([1.0, 2.0, 3.0]);
    let m = Tensor::<Rank2<2, 3>>::from_flat_fn(|k| k as f64);
    let b = 0.5;
    // out[i] = x[i] * sum(m[:, i]) + b
    let out = vmap3(
        |x, col, b| x * col.sum() + b,
        x,
        m.in_axis::<1>(),
        Broadcast(b),
    );
    assert_eq!(
        out,
        Tensor::from([1.0 * 3.0 + 0.5, 2.0 * 5.0 + 0.5, 3.0 * 7.0 + 0.5])
    );
    // Three mapped along axis 0, rows of a rank-3 tensor.
    let t = Tensor::<Rank3<3, 2, 2>>::from_flat_fn(|k| k as f64);
    let out: Tensor<Rank2<3, 2>> = vmap3(
        |x, mrow, s: Tensor<Rank2<2, 2>>| s.sum_axis::<0>() * x + mrow.sum(),
        x,
        m.in_axis::<1>(),
        t,
    );
    for i in 0..3 {
        for j in 0..2 {
            let expected = (t[[i, 0, j]] + t[[i, 1, j]]) * x[[i]] + m[[0, i]] + m[[1, i]];
            assert_eq!(out[[i, j]], expected);
        }
    }
}

/// The matrix product by a triple loop (reference for the nested vmaps).
fn matmul_loop<const M: usize, const K: usize, const N: usize>(
    a: &Tensor<Rank2<M, K>>,
    b: &Tensor<Rank2<K, N>>,
) -> Tensor<Rank2<M, N>> {
    let mut c = Tensor::zeros();
    for i in 0..M {
        for j in 0..N {
            let mut s = 0.0;
            for k in 0..K {
                s += a[[i, k]] * b[[k, j]];
            }
            c[[i, j]] = s;
        }
    }
    c
}

#[test]
fn vmap_of_vmap_of_a_dot_product_is_a_matrix_product() {
    let a = Tensor::<Rank2<3, 4>>::from_fn(|[i, k]| (i as f64 + 1.0) * 0.5 - k as f64 * 0.25);
    let b = Tensor::<Rank2<4, 5>>::from_fn(|[k, j]| ((k * 5 + j) % 7) as f64 - 3.0);
    let dot = |x: Tensor<Rank1<4>>, y: Tensor<Rank1<4>>| {
        let mut s = 0.0;
        for k in 0..4 {
            s += x[[k]] * y[[k]];
        }
        s
    };
    // in_axes: rows of `a` (axis 0) outside, columns of `b` (axis 1) inside.
    let c: Tensor<Rank2<3, 5>> = vmap(|row| vmap(|col| dot(row, col), b.in_axis::<1>()), a);
    assert_eq!(c, matmul_loop(&a, &b));
    // The library's matmul sums in the same order, so the match is exact.
    assert_eq!(c, a.matmul(&b));
    // With the library's dot product inside.
    let c3 = vmap(
        |row: Tensor<Rank1<4>>| vmap(|col| row.dot(&col), b.in_axis::<1>()),
        a,
    );
    assert_eq!(c3, a.matmul(&b));
    // One level: a matrix-vector product.
    let v = Tensor::from([1.0, -2.0, 0.5, 3.0]);
    assert_eq!(vmap(|row: Tensor<Rank1<4>>| row.dot(&v), a), a.matmul(&v));
    // The same with the inner dot product itself a vmap over the shared axis.
    let c2 = vmap(
        |row| {
            vmap(
                |col| vmap2(|x: f64, y: f64| x * y, row, col).sum(),
                b.in_axis::<1>(),
            )
        },
        a,
    );
    assert_eq!(c2, c);
    // Swapping the nesting gives the transpose.
    let ct: Tensor<Rank2<5, 3>> = vmap(|col| vmap(|row| dot(row, col), a), b.in_axis::<1>());
    assert_eq!(ct, Tensor::<Rank2<5, 3>>::from_fn(|[j, i]| c[[i, j]]));
}

#[test]
fn seed_example_exact_derivative_matches_the_golden_file() {
    let case = common::golden_function("seed_sin_exp_vmap_grad");
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    assert_eq!(x.as_slice(), common::f64s(&case["x"]).as_slice());
    let values = vmap(sin_exp, x);
    common::assert_close(values.as_slice(), &common::f64s(&case["value"]), 1e-12);
    let derivative = vmap(sin_exp_derivative, x);
    common::assert_close(derivative.as_slice(), &common::f64s(&case["grad"]), 1e-12);
}

#[test]
fn the_function_is_called_once_per_entry_in_order() {
    let x = Tensor::from([10.0, 20.0, 30.0, 40.0]);
    let mut seen = Vec::new();
    let out = vmap(
        |x: f64| {
            seen.push(x);
            seen.len()
        },
        x,
    );
    assert_eq!(seen, [10.0, 20.0, 30.0, 40.0]);
    assert_eq!(out, Tensor::from([1_usize, 2, 3, 4]));
}

#[test]
fn an_empty_batch_calls_nothing() {
    let x: Tensor<Rank1<0>> = Tensor::from([]);
    let mut calls = 0;
    let out: Tensor<Rank1<0>> = vmap(
        |x: f64| {
            calls += 1;
            x
        },
        x,
    );
    assert_eq!(calls, 0);
    assert_eq!(out.as_slice(), &[] as &[f64]);
    let m: Tensor<Rank2<2, 0>> = Tensor::zeros();
    let (cols, sums): (Tensor<Rank2<0, 2>>, Tensor<Rank1<0>>) =
        vmap(|c: Tensor<Rank1<2>>| (c, c.sum()), m.in_axis::<1>());
    assert_eq!(cols.dims(), &[0, 2]);
    assert_eq!(sums.dims(), &[0]);
}

#[test]
fn empty_slices_are_handed_over_as_empty_tensors() {
    let m: Tensor<Rank2<3, 0>> = Tensor::zeros();
    let lens = vmap(|row: Tensor<Rank1<0>>| row.as_slice().len(), m);
    assert_eq!(lens, Tensor::from([0_usize, 0, 0]));
    let t: Tensor<Rank3<2, 3, 0>> = Tensor::zeros();
    let slices: Tensor<Rank3<3, 2, 0>> = vmap(|s| s, t.in_axis::<1>());
    assert_eq!(slices.dims(), &[3, 2, 0]);
}
