//! Stencil gradients against a plain hand-written loop applying numpy's
//! formulas and against a memory-copy bound that moves the same bytes (one
//! `copy_from_slice` of the input per result), in the same run.
//!
//! `cargo bench --bench stencil`; each case is a group with `ours`, `loop`
//! and `copy`.

use std::hint::black_box;
use std::time::Duration;

use constgrad::stencil::{Coords, CoordsPlan, CoordsRef, Unit, EDGE1, EDGE2};
use constgrad::{HeapTensor, Rank1, Rank2, Rank3, Tensor};
use criterion::{criterion_group, criterion_main, Criterion};

/// The plain loop: numpy's formulas, index arithmetic, a branch per
/// element, coefficients computed where they are used. `x` is `None` for
/// unit spacing.
fn plain_loop(
    f: &[f64],
    out: &mut [f64],
    dims: &[usize],
    axis: usize,
    x: Option<&[f64]>,
    edge: usize,
) {
    let outer: usize = dims[..axis].iter().product();
    let n = dims[axis];
    let inner: usize = dims[axis + 1..].iter().product();
    for o in 0..outer {
        for i in 0..n {
            for k in 0..inner {
                let at = |j: usize| f[(o * n + j) * inner + k];
                let v = match x {
                    None => {
                        if i == 0 {
                            if edge == 1 {
                                (at(1) - at(0)) / 1.0
                            } else {
                                (-1.5 / 1.0) * at(0) + (2. / 1.0) * at(1) + (-0.5 / 1.0) * at(2)
                            }
                        } else if i == n - 1 {
                            if edge == 1 {
                                (at(n - 1) - at(n - 2)) / 1.0
                            } else {
                                (0.5 / 1.0) * at(n - 3)
                                    + (-2. / 1.0) * at(n - 2)
                                    + (1.5 / 1.0) * at(n - 1)
                            }
                        } else {
                            (at(i + 1) - at(i - 1)) / (2.0 * 1.0)
                        }
                    }
                    Some(x) => {
                        if i == 0 {
                            if edge == 1 {
                                (at(1) - at(0)) / (x[1] - x[0])
                            } else {
                                let (dx1, dx2) = (x[1] - x[0], x[2] - x[1]);
                                let a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2));
                                let b = (dx1 + dx2) / (dx1 * dx2);
                                let c = -dx1 / (dx2 * (dx1 + dx2));
                                a * at(0) + b * at(1) + c * at(2)
                            }
                        } else if i == n - 1 {
                            if edge == 1 {
                                (at(n - 1) - at(n - 2)) / (x[n - 1] - x[n - 2])
                            } else {
                                let (dx1, dx2) = (x[n - 2] - x[n - 3], x[n - 1] - x[n - 2]);
                                let a = dx2 / (dx1 * (dx1 + dx2));
                                let b = -(dx2 + dx1) / (dx1 * dx2);
                                let c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2));
                                a * at(n - 3) + b * at(n - 2) + c * at(n - 1)
                            }
                        } else {
                            let (dx1, dx2) = (x[i] - x[i - 1], x[i + 1] - x[i]);
                            let a = -dx2 / (dx1 * (dx1 + dx2));
                            let b = (dx2 - dx1) / (dx1 * dx2);
                            let c = dx1 / (dx2 * (dx1 + dx2));
                            a * at(i - 1) + b * at(i) + c * at(i + 1)
                        }
                    }
                };
                out[(o * n + i) * inner + k] = v;
            }
        }
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

fn field(i: usize) -> f64 {
    (i as f64 * 0.001).sin() + 0.5 * (i as f64 * 0.0173).cos()
}

fn boxed<const N: usize>(v: Vec<f64>) -> Box<[f64; N]> {
    v.into_boxed_slice().try_into().expect("length N")
}

fn inline_16x16(c: &mut Criterion) {
    let f = Tensor::<Rank2<16, 16>>::from_flat_fn(field);
    let mut g = c.benchmark_group("16x16 both axes (inline)");
    g.bench_function("ours", |b| {
        b.iter(|| black_box(black_box(&f).gradient(Unit, EDGE1)))
    });
    let (mut o0, mut o1) = (vec![0.0; 256], vec![0.0; 256]);
    g.bench_function("loop", |b| {
        b.iter(|| {
            plain_loop(black_box(f.as_slice()), &mut o0, &[16, 16], 0, None, 1);
            plain_loop(black_box(f.as_slice()), &mut o1, &[16, 16], 1, None, 1);
            black_box((&o0, &o1));
        })
    });
    g.bench_function("copy", |b| {
        b.iter(|| {
            o0.copy_from_slice(black_box(f.as_slice()));
            o1.copy_from_slice(black_box(f.as_slice()));
            black_box((&o0, &o1));
        })
    });
    g.finish();
}

macro_rules! heap_2d {
    ($name:ident, $n:literal) => {
        fn $name(c: &mut Criterion) {
            let f = HeapTensor::<Rank2<$n, $n>>::from_flat_fn(field);
            let mut outs = [HeapTensor::zeros(), HeapTensor::zeros()];
            let mut g =
                c.benchmark_group(concat!(stringify!($n), "x", stringify!($n), " both axes"));
            g.bench_function("ours", |b| {
                b.iter(|| {
                    black_box(&f).gradient_into(&mut outs, Unit, EDGE1);
                    black_box(&outs);
                })
            });
            g.bench_function("ours (allocating)", |b| {
                b.iter(|| black_box(black_box(&f).gradient(Unit, EDGE1)))
            });
            let (mut o0, mut o1) = (vec![0.0; $n * $n], vec![0.0; $n * $n]);
            g.bench_function("loop", |b| {
                b.iter(|| {
                    plain_loop(black_box(f.as_slice()), &mut o0, &[$n, $n], 0, None, 1);
                    plain_loop(black_box(f.as_slice()), &mut o1, &[$n, $n], 1, None, 1);
                    black_box((&o0, &o1));
                })
            });
            g.bench_function("copy", |b| {
                b.iter(|| {
                    o0.copy_from_slice(black_box(f.as_slice()));
                    o1.copy_from_slice(black_box(f.as_slice()));
                    black_box((&o0, &o1));
                })
            });
            g.finish();
        }
    };
}
heap_2d!(heap_256, 256);
heap_2d!(heap_1000, 1000);

const M: usize = 1_000_000;

fn million_points(c: &mut Criterion) {
    let f = HeapTensor::<Rank1<M>>::from_flat_fn(field);
    let xs: Box<[f64; M]> = boxed(
        (0..M)
            .map(|i| i as f64 * 1e-3 + (i as f64 * 0.01).sin() * 1e-4)
            .collect(),
    );
    let x = CoordsRef::new(&xs).expect("monotonic");
    let plan = CoordsPlan::from(x);
    let mut out = HeapTensor::zeros();
    let mut o = vec![0.0; M];
    for (label, nonuniform) in [
        ("1e6 points uniform", false),
        ("1e6 points non-uniform", true),
    ] {
        let mut g = c.benchmark_group(label);
        g.bench_function("ours", |b| {
            b.iter(|| {
                if nonuniform {
                    black_box(&f).gradient_along_into::<0>(&mut out, x, EDGE1);
                } else {
                    black_box(&f).gradient_along_into::<0>(&mut out, Unit, EDGE1);
                }
                black_box(&out);
            })
        });
        if nonuniform {
            g.bench_function("ours (plan)", |b| {
                b.iter(|| {
                    black_box(&f).gradient_along_into::<0>(&mut out, &plan, EDGE1);
                    black_box(&out);
                })
            });
            g.bench_function("plan construction", |b| {
                b.iter(|| black_box(CoordsPlan::new(black_box(&xs)).expect("checked")))
            });
        } else {
            g.bench_function("ours (allocating)", |b| {
                b.iter(|| black_box(black_box(&f).gradient_along::<0>(Unit, EDGE1)))
            });
        }
        g.bench_function("loop", |b| {
            b.iter(|| {
                let sp = if nonuniform { Some(&xs[..]) } else { None };
                plain_loop(black_box(f.as_slice()), &mut o, &[M], 0, sp, 1);
                black_box(&o);
            })
        });
        g.bench_function("copy", |b| {
            b.iter(|| {
                o.copy_from_slice(black_box(f.as_slice()));
                black_box(&o);
            })
        });
        g.finish();
    }
}

fn cube_64_coords(c: &mut Criterion) {
    let f = HeapTensor::<Rank3<64, 64, 64>>::from_flat_fn(field);
    let xs: [f64; 64] = core::array::from_fn(|i| i as f64 * 0.1 + (i as f64).sqrt() * 0.01);
    let x = Coords::new(xs).expect("monotonic");
    let plan = CoordsPlan::from(&x);
    let mut outs = [
        HeapTensor::zeros(),
        HeapTensor::zeros(),
        HeapTensor::zeros(),
    ];
    let n = 64 * 64 * 64;
    let mut o = [vec![0.0; n], vec![0.0; n], vec![0.0; n]];
    let mut g = c.benchmark_group("64^3 coordinates edge_order 2");
    g.bench_function("ours", |b| {
        b.iter(|| {
            black_box(&f).gradient_into(&mut outs, (x, x, x), EDGE2);
            black_box(&outs);
        })
    });
    g.bench_function("ours (plan)", |b| {
        b.iter(|| {
            black_box(&f).gradient_into(&mut outs, (&plan, &plan, &plan), EDGE2);
            black_box(&outs);
        })
    });
    g.bench_function("ours (allocating)", |b| {
        b.iter(|| black_box(black_box(&f).gradient((x, x, x), EDGE2)))
    });
    g.bench_function("loop", |b| {
        b.iter(|| {
            for (axis, o) in o.iter_mut().enumerate() {
                plain_loop(
                    black_box(f.as_slice()),
                    o,
                    &[64, 64, 64],
                    axis,
                    Some(&xs),
                    2,
                );
            }
            black_box(&o);
        })
    });
    g.bench_function("copy", |b| {
        b.iter(|| {
            for o in o.iter_mut() {
                o.copy_from_slice(black_box(f.as_slice()));
            }
            black_box(&o);
        })
    });
    g.finish();
}

/// Feature `rayon`: each case serial (a one-thread pool, where the kernels
/// do not split) and over the machine's threads, in the same run, with the
/// copy bound; `cargo bench --features rayon --bench stencil -- rayon`.
#[cfg(feature = "rayon")]
fn threads(c: &mut Criterion) {
    let serial = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let all = rayon::ThreadPoolBuilder::new().build().expect("pool");
    let mut g = c.benchmark_group("rayon");
    let mut case = |name: &str, run: &mut (dyn FnMut() + Send), copy: &mut dyn FnMut()| {
        g.bench_function(format!("{name}/serial"), |b| {
            b.iter(|| serial.install(&mut *run))
        });
        g.bench_function(format!("{name}/threads"), |b| {
            b.iter(|| all.install(&mut *run))
        });
        g.bench_function(format!("{name}/copy"), |b| b.iter(&mut *copy));
    };
    {
        let f = HeapTensor::<Rank2<256, 256>>::from_flat_fn(field);
        let mut outs = [HeapTensor::zeros(), HeapTensor::zeros()];
        let mut o = vec![0.0; 256 * 256];
        case(
            "256x256 both axes",
            &mut || black_box(&f).gradient_into(&mut outs, Unit, EDGE1),
            &mut || (0..2).for_each(|_| o.copy_from_slice(black_box(f.as_slice()))),
        );
    }
    {
        let f = HeapTensor::<Rank2<1000, 1000>>::from_flat_fn(field);
        let mut outs = [HeapTensor::zeros(), HeapTensor::zeros()];
        let mut o = vec![0.0; 1000 * 1000];
        case(
            "1000x1000 both axes",
            &mut || black_box(&f).gradient_into(&mut outs, Unit, EDGE1),
            &mut || (0..2).for_each(|_| o.copy_from_slice(black_box(f.as_slice()))),
        );
    }
    {
        let f = HeapTensor::<Rank1<M>>::from_flat_fn(field);
        let xs: Box<[f64; M]> = boxed(
            (0..M)
                .map(|i| i as f64 * 1e-3 + (i as f64 * 0.01).sin() * 1e-4)
                .collect(),
        );
        let x = CoordsRef::new(&xs).expect("monotonic");
        let plan = CoordsPlan::from(x);
        let mut out = HeapTensor::zeros();
        let mut o = vec![0.0; M];
        case(
            "1e6 non-uniform",
            &mut || black_box(&f).gradient_along_into::<0>(&mut out, x, EDGE1),
            &mut || o.copy_from_slice(black_box(f.as_slice())),
        );
        case(
            "1e6 non-uniform (plan)",
            &mut || black_box(&f).gradient_along_into::<0>(&mut out, &plan, EDGE1),
            &mut || o.copy_from_slice(black_box(f.as_slice())),
        );
    }
    {
        let f = HeapTensor::<Rank3<128, 128, 128>>::from_flat_fn(field);
        let mut outs = [
            HeapTensor::zeros(),
            HeapTensor::zeros(),
            HeapTensor::zeros(),
        ];
        let mut o = vec![0.0; 128 * 128 * 128];
        case(
            "128^3 all axes",
            &mut || black_box(&f).gradient_into(&mut outs, Unit, EDGE2),
            &mut || (0..3).for_each(|_| o.copy_from_slice(black_box(f.as_slice()))),
        );
        case(
            "128^3 laplacian order 4",
            &mut || {
                black_box(black_box(&f).laplacian(Unit, constgrad::stencil::Accuracy::<4>));
            },
            &mut || o.copy_from_slice(black_box(f.as_slice())),
        );
    }
    g.finish();
}

#[cfg(not(feature = "rayon"))]
fn threads(_: &mut Criterion) {}

/// The kernels agree with the plain loop bit for bit before anything is timed.
fn agree(_: &mut Criterion) {
    let f = HeapTensor::<Rank3<64, 64, 64>>::from_flat_fn(field);
    let xs: [f64; 64] = core::array::from_fn(|i| i as f64 * 0.1 + (i as f64).sqrt() * 0.01);
    let [a, b, c] = f.gradient(
        (
            Coords::new(xs).unwrap(),
            Coords::new(xs).unwrap(),
            Coords::new(xs).unwrap(),
        ),
        EDGE2,
    );
    for (axis, g) in [a, b, c].iter().enumerate() {
        let mut o = vec![0.0; 64 * 64 * 64];
        plain_loop(f.as_slice(), &mut o, &[64, 64, 64], axis, Some(&xs), 2);
        assert_eq!(g.as_slice(), &o[..], "axis {axis}");
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = agree, inline_16x16, heap_256, heap_1000, million_points, cube_64_coords, threads
}
criterion_main!(benches);
