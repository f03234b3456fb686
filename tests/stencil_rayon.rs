//! Feature `rayon`: the stencils on large fields, split over threads, give
//! the serial result bit for bit (the serial one computed in a one-thread
//! pool, where the kernels do not split), for every way a field is cut:
//! many blocks, few blocks along a strided axis, one long line.
#![cfg(feature = "rayon")]

use constgrad::stencil::{Accuracy, Coords, CoordsPlan, CoordsRef, Unit, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank2, Rank3};

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

fn bits<T: AsRef<[f64]>>(v: T) -> Vec<u64> {
    v.as_ref().iter().map(|v| v.to_bits()).collect()
}

fn field(i: usize) -> f64 {
    (i as f64 * 0.013).sin() * 7.0 + (i as f64 * 1e-5).exp()
}

fn coords<const N: usize>() -> Box<[f64; N]> {
    let v: Vec<f64> = (0..N)
        .map(|i| i as f64 + 0.3 * (i as f64 * 0.7).sin())
        .collect();
    v.into_boxed_slice().try_into().unwrap()
}

/// `f` in a one-thread pool and in a four-thread pool.
fn both<T: Send>(f: impl Fn() -> T + Send + Sync) -> (T, T) {
    (pool(1).install(&f), pool(4).install(&f))
}

#[test]
fn a_square_field_split_over_threads_is_bit_identical() {
    let f = HeapTensor::<Rank2<700, 300>>::from_flat_fn(field);
    let x0 = coords::<700>();
    let x1 = coords::<300>();
    let (p0, p1) = (CoordsPlan::new(&x0).unwrap(), CoordsPlan::new(&x1).unwrap());
    let (r0, r1) = (CoordsRef::new(&x0).unwrap(), CoordsRef::new(&x1).unwrap());
    let (serial, par) = both(|| {
        let [a, b] = f.gradient(Unit, EDGE1);
        let [c, d] = f.gradient((r0, r1), EDGE2);
        let [e, g] = f.gradient((&p0, &p1), EDGE1);
        let h = f.diff_along::<0>(r0, Accuracy::<6>);
        let i = f.diff2_along::<1>(Unit, Accuracy::<4>);
        let j = f.laplacian((r0, 0.5), Accuracy::<2>);
        [a, b, c, d, e, g, h, i, j].map(|t| bits(t.as_slice()))
    });
    assert_eq!(serial, par);
}

#[test]
fn a_long_line_split_over_threads_is_bit_identical() {
    const N: usize = 300_001;
    let f = HeapTensor::<Rank1<N>>::from_flat_fn(field);
    let x = coords::<N>();
    let plan = CoordsPlan::new(&x).unwrap();
    let (serial, par) = both(|| {
        [
            bits(f.gradient_along::<0>(Unit, EDGE2).as_slice()),
            bits(
                f.gradient_along::<0>(CoordsRef::new(&x).unwrap(), EDGE1)
                    .as_slice(),
            ),
            bits(f.gradient_along::<0>(&plan, EDGE2).as_slice()),
            bits(f.diff_along::<0>(&plan, Accuracy::<8>).as_slice()),
            bits(f.diff2_along::<0>(Unit, Accuracy::<2>).as_slice()),
        ]
    });
    assert_eq!(serial, par);
}

#[test]
fn a_cube_split_over_threads_is_bit_identical() {
    let f = HeapTensor::<Rank3<4, 90, 300>>::from_flat_fn(field);
    let x = Coords::new(core::array::from_fn::<f64, 90, _>(|i| (i as f64).powf(1.2))).unwrap();
    let (serial, par) = both(|| {
        let [a, b, c] = f.gradient((1.5, x, Unit), EDGE2);
        let d = f.laplacian((Unit, x, 2.0), Accuracy::<2>);
        [a, b, c, d].map(|t| bits(t.as_slice()))
    });
    assert_eq!(serial, par);
}
