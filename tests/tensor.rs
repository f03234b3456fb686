//! The statically shaped tensor, checked by value: construction, access,
//! arithmetic, reductions, matrix operations, shape changes, formatting,
//! approximate comparison, nalgebra conversions and the heap form.

// The by-reference operator forms are tested on purpose.
#![allow(clippy::op_ref)]

mod common;

use approx::{assert_abs_diff_eq, assert_relative_eq, assert_ulps_eq, AbsDiffEq, RelativeEq};
use constgrad::{
    Axes1, Axes2, Axes3, Axes4, Axes6, Rank0, Rank1, Rank2, Rank3, Rank4, Rank6, Shape, ShapeError,
    Tensor,
};

// ---------------------------------------------------------------- construction

#[test]
fn nested_arrays_give_the_shape() {
    let t = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    assert_eq!(t.dims(), &[2, 3]);
    assert_eq!(Tensor::<Rank2<2, 3>>::RANK, 2);
    assert_eq!(Tensor::<Rank2<2, 3>>::NUMEL, 6);
    assert_eq!(t.as_slice(), &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    assert_eq!(t.as_array(), &[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    assert_eq!(t.into_array()[1][0], 4.0);
    let s = Tensor::<Rank0>::new(2.5);
    assert_eq!(s.dims(), &[] as &[usize]);
    assert_eq!(s.item(), 2.5);
    assert_eq!(s[[]], 2.5);
    let r4 = Tensor::from([[[[1u8, 2], [3, 4]]]]);
    assert_eq!(r4.dims(), &[1, 1, 2, 2]);
    assert_eq!(r4[[0, 0, 1, 0]], 3);
}

#[test]
fn zeros_ones_filled_default() {
    let z: Tensor<Rank2<2, 2>> = Tensor::zeros();
    assert_eq!(z.as_slice(), &[0.0; 4]);
    let o: Tensor<Rank3<2, 1, 2>, f32> = Tensor::ones();
    assert_eq!(o.as_slice(), &[1.0_f32; 4]);
    let f = Tensor::<Rank1<3>, i64>::filled(-7);
    assert_eq!(f.as_slice(), &[-7, -7, -7]);
    assert_eq!(Tensor::<Rank2<2, 3>>::default(), Tensor::zeros());
    // Rank 6 and an empty shape.
    let big = Tensor::<Rank6<1, 2, 1, 2, 1, 2>>::filled(3.0);
    assert_eq!(big.sum(), 24.0);
    let empty = Tensor::<Rank2<0, 4>>::zeros();
    assert_eq!(empty.as_slice().len(), 0);
    assert_eq!(empty.sum(), 0.0);
}

#[test]
fn from_fn_and_from_flat_fn_follow_row_major_order() {
    let t = Tensor::<Rank3<2, 3, 4>, usize>::from_fn(|[i, j, k]| 100 * i + 10 * j + k);
    assert_eq!(t[[1, 2, 3]], 123);
    assert_eq!(t.as_slice()[4], 10);
    assert_eq!(t.as_slice()[23], 123);
    let mut order = Vec::new();
    let u = Tensor::<Rank2<2, 2>, usize>::from_flat_fn(|k| {
        order.push(k);
        k * k
    });
    assert_eq!(order, [0, 1, 2, 3]);
    assert_eq!(u.as_slice(), &[0, 1, 4, 9]);
    assert_eq!(Rank3::<2, 3, 4>::unravel(23), [1, 2, 3]);
    assert_eq!(Rank3::<2, 3, 4>::offset(&[1, 2, 3]), Some(23));
}

#[test]
fn try_from_slice_checks_the_length() {
    let t = Tensor::<Rank2<2, 2>>::try_from_slice(&[1.0, 2.0, 3.0, 4.0]).unwrap();
    assert_eq!(t, Tensor::from([[1.0, 2.0], [3.0, 4.0]]));
    let short = Tensor::<Rank2<2, 2>>::try_from_slice(&[1.0, 2.0, 3.0]);
    assert_eq!(
        short,
        Err(ShapeError::Length {
            expected: 4,
            found: 3
        })
    );
    let long = Tensor::<Rank1<2>>::try_from_slice(&[1.0, 2.0, 3.0]).unwrap_err();
    assert_eq!(long.to_string(), "expected 2 elements, found 3");
}

#[test]
fn linspace_is_numpys_to_the_bit() {
    // numpy.linspace(0, 5, 10), from the golden file.
    let g = common::golden("jax_derivatives.json");
    let rec = g["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "seed_sin_exp_vmap_grad")
        .expect("seed_sin_exp_vmap_grad in jax_derivatives.json");
    let expected = common::f64s(&rec["x"]);
    let x = Tensor::<Rank1<10>>::linspace(0.0, 5.0);
    assert_eq!(x.as_slice(), expected.as_slice());
    for (a, b) in x.iter().zip(&expected) {
        assert_eq!(a.to_bits(), b.to_bits());
    }
    // Degenerate lengths.
    assert_eq!(Tensor::<Rank1<1>>::linspace(2.0, 5.0).as_slice(), &[2.0]);
    assert_eq!(
        Tensor::<Rank1<3>, f32>::linspace(-1.0, 1.0).as_slice(),
        &[-1.0, 0.0, 1.0]
    );
}

#[test]
fn arange_and_identity() {
    let a = Tensor::<Rank1<5>>::arange(0.0, 0.25);
    assert_eq!(a.as_slice(), &[0.0, 0.25, 0.5, 0.75, 1.0]);
    let b = Tensor::<Rank1<3>, f32>::arange(10.0, -2.0);
    assert_eq!(b.as_slice(), &[10.0, 8.0, 6.0]);
    let i = Tensor::<Rank2<3, 3>>::identity();
    assert_eq!(
        i,
        Tensor::from([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    );
    assert_eq!(i.trace(), 3.0);
}

// ---------------------------------------------------------------------- access

#[test]
fn indexing_get_and_mutation() {
    let mut t = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    assert_eq!(t[[0, 2]], 3);
    assert_eq!(t.get([1, 1]), Some(&5));
    assert_eq!(t.get([2, 0]), None);
    assert_eq!(t.get([0, 3]), None);
    t[[1, 2]] = 60;
    *t.get_mut([0, 0]).unwrap() = 10;
    assert!(t.get_mut([5, 5]).is_none());
    t.as_mut_slice()[1] = 20;
    t.as_array_mut()[1][0] = 40;
    assert_eq!(t, Tensor::from([[10, 20, 3], [40, 5, 60]]));
}

#[test]
#[should_panic(expected = "index out of bounds")]
fn indexing_out_of_bounds_panics() {
    let t = Tensor::from([[1, 2], [3, 4]]);
    let _ = t[[0, 2]];
}

#[test]
fn iterators() {
    let mut t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    assert_eq!(t.iter().copied().collect::<Vec<_>>(), [1.0, 2.0, 3.0, 4.0]);
    assert_eq!((&t).into_iter().count(), 4);
    let mut n = 0.0;
    for x in &t {
        n += x;
    }
    assert_eq!(n, 10.0);
    for x in t.iter_mut() {
        *x *= 10.0;
    }
    assert_eq!(t.as_slice(), &[10.0, 20.0, 30.0, 40.0]);
    let pairs: Vec<_> = t.indexed_iter().map(|(ix, &v)| (ix, v)).collect();
    assert_eq!(
        pairs,
        [
            ([0, 0], 10.0),
            ([0, 1], 20.0),
            ([1, 0], 30.0),
            ([1, 1], 40.0)
        ]
    );
}

#[test]
fn map_zip_map_cast() {
    let t = Tensor::from([[1.0, 4.0], [9.0, 16.0]]);
    assert_eq!(t.map(f64::sqrt), Tensor::from([[1.0, 2.0], [3.0, 4.0]]));
    let flags: Tensor<Rank2<2, 2>, bool> = t.map(|x| x > 5.0);
    assert_eq!(flags, Tensor::from([[false, false], [true, true]]));
    let u = Tensor::from([[1.0, 1.0], [2.0, 2.0]]);
    assert_eq!(
        t.zip_map(&u, |a, b| a - 2.0 * b),
        Tensor::from([[-1.0, 2.0], [5.0, 12.0]])
    );
    let ints = Tensor::from([1_i32, -2, 3]);
    let floats: Tensor<Rank1<3>> = ints.cast();
    assert_eq!(floats, Tensor::from([1.0, -2.0, 3.0]));
    assert_eq!(
        Tensor::from([0.0, 1.0]).apply(|x: f64| x + 1.0),
        Tensor::from([1.0, 2.0])
    );
}

// ------------------------------------------------------------------ arithmetic

#[test]
fn every_arithmetic_form() {
    let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    let b = Tensor::from([[4.0, -2.0], [0.5, 8.0]]);
    let sum = Tensor::from([[5.0, 0.0], [3.5, 12.0]]);
    let diff = Tensor::from([[-3.0, 4.0], [2.5, -4.0]]);
    let prod = Tensor::from([[4.0, -4.0], [1.5, 32.0]]);
    let quot = Tensor::from([[0.25, -1.0], [6.0, 0.5]]);
    for (got, want) in [
        (a + b, sum),
        (&a + b, sum),
        (a + &b, sum),
        (&a + &b, sum),
        (a - b, diff),
        (&a - b, diff),
        (a - &b, diff),
        (&a - &b, diff),
        (a * b, prod),
        (&a * b, prod),
        (a * &b, prod),
        (&a * &b, prod),
        (a / b, quot),
        (&a / b, quot),
        (a / &b, quot),
        (&a / &b, quot),
    ] {
        assert_eq!(got, want);
    }
    // Scalars on either side.
    assert_eq!(a + 1.0, Tensor::from([[2.0, 3.0], [4.0, 5.0]]));
    assert_eq!(1.0 + a, a + 1.0);
    assert_eq!(a - 1.0, Tensor::from([[0.0, 1.0], [2.0, 3.0]]));
    assert_eq!(10.0 - a, Tensor::from([[9.0, 8.0], [7.0, 6.0]]));
    assert_eq!(a * 3.0, Tensor::from([[3.0, 6.0], [9.0, 12.0]]));
    assert_eq!(3.0 * a, a * 3.0);
    assert_eq!(&a * 3.0, a * 3.0);
    assert_eq!(a / 2.0, Tensor::from([[0.5, 1.0], [1.5, 2.0]]));
    assert_eq!(12.0 / a, Tensor::from([[12.0, 6.0], [4.0, 3.0]]));
    assert_eq!(&a / 2.0, a / 2.0);
    assert_eq!(&a + 1.0, a + 1.0);
    assert_eq!(&a - 1.0, a - 1.0);
    // Negation.
    assert_eq!(-a, Tensor::from([[-1.0, -2.0], [-3.0, -4.0]]));
    assert_eq!(-&a, -a);
    // Compound assignment, by value, by reference and with a scalar.
    let mut c = a;
    c += b;
    assert_eq!(c, sum);
    c -= &b;
    assert_eq!(c, a);
    c *= b;
    assert_eq!(c, prod);
    c /= &b;
    assert_eq!(c, a);
    c += 1.0;
    c -= 0.5;
    c *= 4.0;
    c /= 2.0;
    assert_eq!(c, Tensor::from([[3.0, 5.0], [7.0, 9.0]]));
    // f32 works the same way.
    let f: Tensor<Rank1<3>, f32> = Tensor::from([1.0, 2.0, 3.0]);
    assert_eq!(2.0_f32 * f - f / 2.0, Tensor::from([1.5_f32, 3.0, 4.5]));
}

// ------------------------------------------------------------------ reductions

#[test]
fn reductions_over_everything() {
    let t = Tensor::from([[3.0, -1.0, 2.0], [0.5, 4.0, -2.0]]);
    assert_eq!(t.sum(), 6.5);
    assert_eq!(t.product(), 24.0);
    assert_eq!(t.min(), -2.0);
    assert_eq!(t.max(), 4.0);
    assert_eq!(t.mean(), 6.5 / 6.0);
    let i = Tensor::from([[2_i32.pow(2) as f32, 1.0]]);
    assert_eq!(i.sum(), 5.0_f32);
}

#[test]
fn reductions_along_each_axis_of_a_rank3_tensor() {
    // numpy: t = np.arange(24.).reshape(2, 3, 4)
    let t = Tensor::<Rank3<2, 3, 4>>::from_flat_fn(|k| k as f64);
    let s0: Tensor<Rank2<3, 4>> = t.sum_axis::<0>();
    assert_eq!(
        s0,
        Tensor::from([
            [12.0, 14.0, 16.0, 18.0],
            [20.0, 22.0, 24.0, 26.0],
            [28.0, 30.0, 32.0, 34.0]
        ])
    );
    let s1: Tensor<Rank2<2, 4>> = t.sum_axis::<1>();
    assert_eq!(
        s1,
        Tensor::from([[12.0, 15.0, 18.0, 21.0], [48.0, 51.0, 54.0, 57.0]])
    );
    let s2: Tensor<Rank2<2, 3>> = t.sum_axis::<2>();
    assert_eq!(s2, Tensor::from([[6.0, 22.0, 38.0], [54.0, 70.0, 86.0]]));
    assert_eq!(
        t.mean_axis::<1>(),
        Tensor::from([[4.0, 5.0, 6.0, 7.0], [16.0, 17.0, 18.0, 19.0]])
    );
    assert_eq!(
        t.min_axis::<2>(),
        Tensor::from([[0.0, 4.0, 8.0], [12.0, 16.0, 20.0]])
    );
    assert_eq!(t.max_axis::<0>(), t.unstack::<2>()[1]);
    assert_eq!(
        t.product_axis::<0>(),
        Tensor::<Rank2<3, 4>>::from_flat_fn(|k| (k * (k + 12)) as f64)
    );
    // A rank-1 reduction gives a rank-0 tensor.
    let v = Tensor::from([1.0, 5.0, 3.0]);
    let m: Tensor<Rank0> = v.max_axis::<0>();
    assert_eq!(m.item(), 5.0);
}

// --------------------------------------------------------- products and shapes

#[test]
fn dot_products() {
    let a = Tensor::from([1.0, 2.0, 3.0]);
    let b = Tensor::from([4.0, -5.0, 6.0]);
    assert_eq!(a.dot(&b), 12.0);
    assert_eq!(a.dot(&a), 14.0);
    let f = Tensor::from([0.5_f32, 0.25]);
    assert_eq!(f.dot(&f), 0.3125);
}

#[test]
fn matmul_by_hand() {
    let a = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    let b = Tensor::from([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]);
    // [[1·7+2·9+3·11, 1·8+2·10+3·12], [4·7+5·9+6·11, 4·8+5·10+6·12]]
    let ab: Tensor<Rank2<2, 2>> = a.matmul(&b);
    assert_eq!(ab, Tensor::from([[58.0, 64.0], [139.0, 154.0]]));
    let ba: Tensor<Rank2<3, 3>> = b.matmul(&a);
    assert_eq!(
        ba,
        Tensor::from([[39.0, 54.0, 69.0], [49.0, 68.0, 87.0], [59.0, 82.0, 105.0]])
    );
    let v: Tensor<Rank1<2>> = a.matmul(&Tensor::from([1.0, 0.0, -1.0]));
    assert_eq!(v, Tensor::from([-2.0, -2.0]));
    let i3 = Tensor::<Rank2<3, 3>>::identity();
    assert_eq!(a.matmul(&i3), a);
    assert_eq!(Tensor::<Rank2<2, 2>>::identity().matmul(&a), a);
    // Row vector times matrix through a 1 × K matrix.
    let row = Tensor::from([[1.0, 1.0]]);
    assert_eq!(row.matmul(&a), Tensor::from([[5.0, 7.0, 9.0]]));
    // f32.
    let f = Tensor::from([[1.0_f32, 2.0], [3.0, 4.0]]);
    assert_eq!(f.matmul(&f), Tensor::from([[7.0_f32, 10.0], [15.0, 22.0]]));
}

#[test]
fn matmul_agrees_with_nalgebra() {
    use nalgebra::{SMatrix, SVector};
    fn check<const M: usize, const K: usize, const N: usize>() {
        let a = Tensor::<Rank2<M, K>>::from_fn(|[i, j]| 0.3 * i as f64 - 1.7 * j as f64 + 0.11);
        let b = Tensor::<Rank2<K, N>>::from_fn(|[i, j]| (i as f64 + 0.5).sin() * (j + 1) as f64);
        let x = Tensor::<Rank1<K>>::from_fn(|[k]| 1.0 / (k as f64 + 1.5));
        let na = SMatrix::<f64, M, K>::from_fn(|i, j| a[[i, j]]);
        let nb = SMatrix::<f64, K, N>::from_fn(|i, j| b[[i, j]]);
        let nx = SVector::<f64, K>::from_fn(|k, _| x[[k]]);
        let (ours, theirs) = (a.matmul(&b), na * nb);
        for ([i, j], &v) in ours.indexed_iter() {
            assert_relative_eq!(v, theirs[(i, j)], max_relative = 1e-15);
        }
        let (ov, tv) = (a.matmul(&x), na * nx);
        for ([i], &v) in ov.indexed_iter() {
            assert_relative_eq!(v, tv[i], max_relative = 1e-15);
        }
    }
    check::<3, 3, 3>();
    check::<4, 4, 4>();
    check::<6, 6, 6>();
    check::<2, 5, 3>();
    check::<1, 7, 1>();
}

#[test]
fn transpose_permute_reshape_flatten() {
    let a = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    let t: Tensor<Rank2<3, 2>, i32> = a.transpose();
    assert_eq!(t, Tensor::from([[1, 4], [2, 5], [3, 6]]));
    assert_eq!(t.transpose(), a);
    assert_eq!(a.permute::<Axes2<1, 0>>(), t);
    assert_eq!(a.permute::<Axes2<0, 1>>(), a);
    assert_eq!(
        Tensor::from([1, 2]).permute::<Axes1<0>>(),
        Tensor::from([1, 2])
    );

    // numpy: np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)
    let x = Tensor::<Rank3<2, 3, 4>, i32>::from_flat_fn(|k| k as i32);
    let y: Tensor<Rank3<4, 2, 3>, i32> = x.permute::<Axes3<2, 0, 1>>();
    assert_eq!(
        y.as_slice(),
        &[0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23]
    );
    // Every permutation of rank 3 agrees with index arithmetic.
    let z = x.permute::<Axes3<1, 0, 2>>();
    for ([i, j, k], &v) in x.indexed_iter() {
        assert_eq!(z[[j, i, k]], v);
        assert_eq!(y[[k, i, j]], v);
        assert_eq!(x.permute::<Axes3<2, 1, 0>>()[[k, j, i]], v);
        assert_eq!(x.permute::<Axes3<0, 2, 1>>()[[i, k, j]], v);
        assert_eq!(x.permute::<Axes3<1, 2, 0>>()[[j, k, i]], v);
    }
    // Rank 4: NCHW → NHWC and back.
    let nchw = Tensor::<Rank4<2, 3, 4, 5>, usize>::from_flat_fn(|k| k);
    let nhwc: Tensor<Rank4<2, 4, 5, 3>, usize> = nchw.permute::<Axes4<0, 2, 3, 1>>();
    assert_eq!(nhwc[[1, 2, 3, 0]], nchw[[1, 0, 2, 3]]);
    assert_eq!(nhwc.permute::<Axes4<0, 3, 1, 2>>(), nchw);
    // Rank 6 with the named output shape.
    let r6 = Tensor::<Rank6<1, 2, 3, 1, 2, 2>, usize>::from_flat_fn(|k| k);
    let p6 = r6.permute_into::<Axes6<5, 4, 3, 2, 1, 0>, Rank6<2, 2, 1, 3, 2, 1>>();
    for (ix, &v) in r6.indexed_iter() {
        let [a, b, c, d, e, f] = ix;
        assert_eq!(p6[[f, e, d, c, b, a]], v);
    }

    // Reshape keeps the row-major order.
    let r: Tensor<Rank3<3, 1, 2>, i32> = a.reshape();
    assert_eq!(r, Tensor::from([[[1, 2]], [[3, 4]], [[5, 6]]]));
    assert_eq!(r.reshape::<Rank2<2, 3>>(), a);
    let flat: Tensor<Rank1<6>, i32> = a.flatten();
    assert_eq!(flat, Tensor::from([1, 2, 3, 4, 5, 6]));
    let s: Tensor<Rank0, i32> = Tensor::from([7]).reshape();
    assert_eq!(s.item(), 7);
}

#[test]
fn stack_and_unstack() {
    let rows = [Tensor::from([1.0, 2.0, 3.0]), Tensor::from([4.0, 5.0, 6.0])];
    let m: Tensor<Rank2<2, 3>> = Tensor::stack(rows);
    assert_eq!(m, Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]));
    assert_eq!(m.unstack(), rows);
    let cube: Tensor<Rank3<3, 2, 3>> = Tensor::stack([m, 2.0 * m, 3.0 * m]);
    assert_eq!(cube[[2, 1, 0]], 12.0);
    let [a, b, c] = cube.unstack();
    assert_eq!((a, b, c), (m, 2.0 * m, 3.0 * m));
    let scalars: Tensor<Rank1<2>> = Tensor::stack([Tensor::<Rank0>::new(1.5), Tensor::new(2.5)]);
    assert_eq!(scalars, Tensor::from([1.5, 2.5]));
}

// ------------------------------------------------------------------ formatting

#[test]
fn display_like_numpy() {
    let m = Tensor::from([[1.5, 2.0], [3.0, -4.25]]);
    // numpy: str(m), np.array2string(m, precision=2), np.array2string(np.array(0.5))
    assert_eq!(m.to_string(), "[[ 1.5   2.  ]\n [ 3.   -4.25]]");
    assert_eq!(format!("{m:.1}"), "[[ 1.5  2. ]\n [ 3.  -4.2]]");
    assert_eq!(Tensor::from([1, 2, 3]).to_string(), "[1 2 3]");
    assert_eq!(Tensor::<Rank0>::new(0.5).to_string(), "0.5");
    // print(np.arange(8).reshape(2, 2, 2))
    let c = Tensor::<Rank3<2, 2, 2>, i32>::from_flat_fn(|k| k as i32);
    assert_eq!(c.to_string(), "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]");
}

#[test]
fn debug_names_the_shape() {
    let v = Tensor::from([1.0, 2.5]);
    assert_eq!(format!("{v:?}"), "Tensor<Rank1<2>>([1.0, 2.5])");
    let m = Tensor::from([[1, 2], [3, 4]]);
    assert_eq!(format!("{m:?}"), "Tensor<Rank2<2, 2>>([[1, 2],\n [3, 4]])");
}

// ---------------------------------------------------------------------- approx

#[test]
fn approximate_equality() {
    let a = Tensor::from([[0.1 + 0.2, 1.0], [1e-20, -3.0]]);
    let b = Tensor::from([[0.3, 1.0], [0.0, -3.0]]);
    assert_ne!(a, b);
    assert_abs_diff_eq!(a, b, epsilon = 1e-15);
    assert!(!a.abs_diff_eq(&b, 1e-17));
    assert_relative_eq!(a, b, epsilon = 1e-18, max_relative = 1e-15);
    assert!(!a.relative_eq(&b, 1e-30, 1e-15));
    assert_ulps_eq!(a, b, epsilon = 1e-18, max_ulps = 1);
    let f = Tensor::from([1.0_f32, 2.0]);
    assert_relative_eq!(f, Tensor::from([1.0_f32 + f32::EPSILON, 2.0]));
}

// -------------------------------------------------------------------- nalgebra

#[cfg(feature = "nalgebra")]
#[test]
fn nalgebra_round_trips() {
    use nalgebra::{Matrix2x3, SMatrix, SVector, Vector3};
    let t = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    let m: Matrix2x3<f64> = t.into();
    assert_eq!(m, Matrix2x3::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
    for ([i, j], &v) in t.indexed_iter() {
        assert_eq!(m[(i, j)], v);
    }
    // Column-major storage: the second stored element is row 1 of column 0.
    assert_eq!(m.as_slice()[1], 4.0);
    assert_eq!(Tensor::from(m), t);

    let rect = SMatrix::<f32, 3, 2>::from_fn(|i, j| (10 * i + j) as f32);
    let back = Tensor::from(rect);
    assert_eq!(
        back,
        Tensor::from([[0.0_f32, 1.0], [10.0, 11.0], [20.0, 21.0]])
    );
    assert_eq!(SMatrix::from(back), rect);

    let v = Tensor::from([1.0, -2.0, 3.0]);
    let nv: Vector3<f64> = v.into();
    assert_eq!(nv, Vector3::new(1.0, -2.0, 3.0));
    assert_eq!(Tensor::from(nv), v);
    assert_eq!(Tensor::<Rank1<3>>::from(SVector::<f64, 3>::from(v)), v);

    // Products agree through the conversions.
    let sq = Tensor::from([[2.0, -1.0], [0.5, 3.0]]);
    let n = SMatrix::<f64, 2, 2>::from(sq);
    assert_eq!(Tensor::from(n * n), sq.matmul(&sq));
    assert_eq!(Tensor::from(n.transpose()), sq.transpose());
}

// ------------------------------------------------------------------------ heap

#[cfg(feature = "alloc")]
#[test]
fn heap_tensors() {
    use constgrad::HeapTensor;
    let h = HeapTensor::<Rank2<3, 4>>::from_fn(|[i, j]| (10 * i + j) as f64);
    assert_eq!(h.dims(), &[3, 4]);
    assert_eq!(h[[2, 3]], 23.0);
    assert_eq!(h.get([3, 0]), None);
    let t = h.to_tensor();
    assert_eq!(t[[1, 2]], 12.0);
    assert_eq!(HeapTensor::from_tensor(&t), h);
    let mut z = HeapTensor::<Rank1<3>>::zeros();
    z[[1]] = 5.0;
    z.as_mut_slice()[2] = 7.0;
    assert_eq!(z.as_slice(), &[0.0, 5.0, 7.0]);
    assert_eq!(z.map(|x| x * 2.0).as_slice(), &[0.0, 10.0, 14.0]);
    let e = HeapTensor::<Rank1<3>>::try_from_slice(&[1.0]).unwrap_err();
    assert_eq!(
        e,
        ShapeError::Length {
            expected: 3,
            found: 1
        }
    );
    let b = HeapTensor::<Rank1<2>>::try_from_boxed_slice(vec![1.0, 2.0].into_boxed_slice());
    assert_eq!(b.unwrap().as_slice(), &[1.0, 2.0]);
    assert!(HeapTensor::<Rank1<2>>::try_from_boxed_slice(vec![1.0].into_boxed_slice()).is_err());
    assert_eq!(
        format!("{:?}", HeapTensor::<Rank2<2, 2>>::filled(1.0)),
        "HeapTensor<Rank2<2, 2>>([[1.0, 1.0],\n [1.0, 1.0]])"
    );
}

#[test]
fn shape_constants() {
    assert_eq!(Rank0::RANK, 0);
    assert_eq!(Rank0::NUMEL, 1);
    assert_eq!(Rank4::<2, 3, 4, 5>::NUMEL, 120);
    assert_eq!(Rank6::<1, 2, 3, 4, 5, 6>::DIMS, &[1, 2, 3, 4, 5, 6]);
}
