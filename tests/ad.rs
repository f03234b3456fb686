//! Forward-mode AD beyond the golden file: the seeds' examples, nesting and
//! perturbation confusion, non-smooth points, `f32`, constants on either
//! side, argnums and `has_aux`, and property tests against central finite
//! differences on random compositions of elementary functions.

use constgrad::ad::{
    derivative, grad, grad_args, grad_with_aux, hessian, hessian_nested, jacobian, jvp,
    value_and_grad_args, Fixed, JacobianShape,
};
use constgrad::dual::{Dual, Dual2, Tangent};
use constgrad::{Concat, Rank0, Rank1, Rank2, Rank3, Scalar, Shape, Tensor};

#[test]
fn seed_grad_of_sum_of_squares() {
    let g = grad(|x| (x * x).sum(), Tensor::from([1.0, 2.0, 3.0, 4.0]));
    assert_eq!(g, Tensor::from([2.0, 4.0, 6.0, 8.0]));
}

#[test]
fn seed_derivative_of_tanh() {
    let d = derivative(|x| x.tanh(), 0.2_f64);
    let t = Scalar::tanh(0.2_f64);
    assert!((d - (1.0 - t * t)).abs() < 1e-16);
    // 0.9610429829661166 is JAX's value of grad(tanh)(0.2).
    assert!((d - 0.961_042_982_966_116_6).abs() < 1e-15);
}

#[test]
fn seed_partials_of_q_chi_delta() {
    let (v, (gq, gchi, gdelta)) = value_and_grad_args(
        |(q, chi, delta)| (q * chi * delta).sum(),
        (
            Tensor::from([2.0]),
            Tensor::from([-3.0]),
            Tensor::from([0.5]),
        ),
    );
    assert_eq!(v, -3.0);
    assert_eq!((gq[[0]], gchi[[0]], gdelta[[0]]), (-1.5, 1.0, -6.0));
}

#[test]
fn seed_sse_with_respect_to_either_or_both() {
    let x = Tensor::from([1.0, 2.0, 3.0, 4.0]);
    let y = Tensor::from([1.5, 2.5, 2.0, 4.0]);
    // A generic fn: used below at three different tangent types.
    fn sse<T: Scalar>((x, y): (Tensor<Rank1<4>, T>, Tensor<Rank1<4>, T>)) -> T {
        ((x - y) * (x - y)).sum()
    }
    let (gx, gy) = grad_args(sse, (x, y));
    assert_eq!(gx, (x - y) * 2.0);
    assert_eq!(gy, (y - x) * 2.0);
    let (gx2, ()) = grad_args(sse, (x, Fixed(y)));
    let ((), gy2) = grad_args(sse, (Fixed(x), y));
    assert_eq!((gx2, gy2), (gx, gy));
}

#[test]
fn perturbation_confusion() {
    // d/dx [x · d/dy (x + y)] = 1 at any point: the inner derivative must not
    // see the outer perturbation. The outer x enters the inner function as a
    // constant of the nested type, so the types keep the two apart.
    for x0 in [-2.0, 0.0, 1.0, 3.5] {
        let d = derivative(
            |x: Dual<f64>| {
                let inner = derivative(|y: Dual<Dual<f64>>| Dual::constant(x) + y, x);
                x * inner
            },
            x0,
        );
        assert_eq!(d, 1.0);
    }
    // And the other classic: d/dx [x · d/dy (x · y)] at y = 1 is 2x.
    let d = derivative(
        |x: Dual<f64>| {
            x * derivative(
                |y: Dual<Dual<f64>>| Dual::constant(x) * y,
                Dual::constant(1.0),
            )
        },
        3.0,
    );
    assert_eq!(d, 6.0);
}

fn cube<T: Scalar>(x: T) -> T {
    x * x * x
}

#[test]
fn grad_of_grad_by_nesting_generic_functions() {
    assert_eq!(derivative(|x| derivative(cube, x), 2.0), 12.0);
    assert_eq!(
        derivative(|x| derivative(|y| derivative(cube, y), x), 2.0),
        6.0
    );
    fn energy<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
        (x * x * x).sum()
    }
    let x = Tensor::from([1.0, 2.0]);
    let h = jacobian(|x| grad(energy, x), x);
    assert_eq!(h, Tensor::from([[6.0, 0.0], [0.0, 12.0]]));
}

#[test]
fn gradients_of_any_rank_have_the_input_shape() {
    let x = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
    let g: Tensor<Rank2<2, 3>> = grad(|x| (x * x).sum_axis::<0>().sum(), x);
    assert_eq!(g, x * 2.0);
    let s = Tensor::<Rank0>::new(3.0);
    assert_eq!(grad(|x| x.item() * x.item(), s).item(), 6.0);
    let t = Tensor::<Rank3<2, 1, 2>>::from_flat_fn(|k| k as f64);
    assert_eq!(grad(|x| x.sum(), t), Tensor::ones());
}

#[test]
fn jacobian_shapes_follow_concat() {
    fn agree<O: Concat<I, Output = J> + JacobianShape<I, J>, I: Shape, J: Shape>() {}
    agree::<Rank1<3>, Rank1<2>, Rank2<3, 2>>();
    agree::<Rank0, Rank1<4>, Rank1<4>>();
    agree::<Rank2<2, 3>, Rank1<4>, Rank3<2, 3, 4>>();
    // A matrix input: J[o, i, j] = ∂out[o] / ∂x[i, j].
    let x = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    let j = jacobian(|x| x.sum_axis::<1>(), x);
    assert_eq!(
        j,
        Tensor::from([[[1.0, 1.0], [0.0, 0.0]], [[0.0, 0.0], [1.0, 1.0]]])
    );
}

#[test]
fn jvp_is_the_jacobian_times_the_tangent() {
    fn f<T: Scalar>(v: Tensor<Rank1<2>, T>) -> Tensor<Rank1<2>, T> {
        let [a, b] = v.into_array();
        Tensor::from([a * b, a.sin() + b])
    }
    let x = Tensor::from([0.3, 2.0]);
    let v = Tensor::from([1.0, -0.5]);
    let (y, t) = jvp(f, x, v);
    let j: Tensor<Rank2<2, 2>> = jacobian(f, x);
    assert_eq!(y, Tensor::from([0.6, Scalar::sin(0.3) + 2.0]));
    for o in 0..2 {
        let jv = j[[o, 0]] * v[[0]] + j[[o, 1]] * v[[1]];
        assert!((t[[o]] - jv).abs() < 1e-15);
    }
}

#[test]
fn has_aux_passes_data_through() {
    let (g, (n, peak)) = grad_with_aux(
        |x| {
            let y = x * x;
            (y.sum(), (y.iter().count(), y.re().max()))
        },
        Tensor::from([1.0, -3.0]),
    );
    assert_eq!(g, Tensor::from([2.0, -6.0]));
    assert_eq!((n, peak), (2, 9.0));
}

#[test]
fn non_smooth_points() {
    // abs at 0: 1 (JAX's; tests/nonsmooth.rs pins the whole table). sqrt at 0: infinite.
    assert_eq!(derivative(|x| x.abs(), 0.0), 1.0);
    assert_eq!(derivative(|x| x.abs(), -2.0), -1.0);
    assert_eq!(derivative(|x| x.sqrt(), 0.0), f64::INFINITY);
    // floor, ceil, round, signum: zero tangent.
    for f in [Scalar::floor, Scalar::ceil, Scalar::round, Scalar::signum] {
        assert_eq!(derivative(f, 1.3), 0.0);
    }
    // min / max at a tie average the tangents (JAX); otherwise the winner's.
    let g = grad(
        |x| {
            let [a, b] = x.into_array();
            a.max(b)
        },
        Tensor::from([1.0, 1.0]),
    );
    assert_eq!(g, Tensor::from([0.5, 0.5]));
    let g = grad(
        |x| {
            let [a, b] = x.into_array();
            a.min(b)
        },
        Tensor::from([0.5, 1.0]),
    );
    assert_eq!(g, Tensor::from([1.0, 0.0]));
    // Reductions: ties share equally.
    assert_eq!(
        grad(|x| x.max(), Tensor::from([3.0, 1.0, 3.0])),
        Tensor::from([0.5, 0.0, 0.5])
    );
    // clamp: inside, the tangent of x; outside, the bound's (here constant).
    let c = |x: Dual<f64>| x.clamp(Dual::constant(0.0), Dual::constant(1.0));
    assert_eq!(derivative(c, 0.5), 1.0);
    assert_eq!(derivative(c, 2.0), 0.0);
    // hypot at the origin: (½, ½) as JAX. powf with a constant exponent at 0 and below 0.
    assert_eq!(derivative(|x| x.hypot(x), 0.0), 1.0);
    assert_eq!(derivative(|x| x.powf(Dual::constant(2.0)), 0.0), 0.0);
    assert_eq!(derivative(|x| x.powf(Dual::constant(3.0)), -2.0), 12.0);
    assert_eq!(
        derivative(|y| Dual::constant(2.0).powf(y), 3.0),
        8.0 * Scalar::ln(2.0)
    );
    // Comparisons look at the value only.
    let a: Dual<f64> = Dual::new(1.0, 5.0);
    let b: Dual<f64> = Dual::new(1.0, -5.0);
    assert!(a == b && a <= b && a.partial_cmp(&b) == Some(core::cmp::Ordering::Equal));
}

#[test]
fn constants_on_either_side_f64_and_f32() {
    let x: Dual<f64> = Dual::var(3.0);
    let y = 2.0 * x + x * 2.0 - 1.0 + (1.0 - x) / 2.0 + 6.0 / x;
    assert_eq!(y.re, 6.0 + 6.0 - 1.0 - 1.0 + 2.0);
    assert_eq!(y.eps, 2.0 + 2.0 - 0.5 - 6.0 / 9.0);
    let mut z = x;
    z += 1.0;
    z *= 2.0;
    z -= 1.0;
    z /= 7.0;
    assert_eq!((z.re, z.eps), (1.0, 2.0 / 7.0));
    let x32: Dual<f32> = Dual::var(3.0);
    let y32 = 2.0 * x32 * 0.5 + 1.0;
    assert_eq!((y32.re, y32.eps), (4.0_f32, 1.0_f32));
    let g32 = grad(|x| (x * x * 0.5).sum(), Tensor::from([1.0_f32, 2.0]));
    assert_eq!(g32, Tensor::from([1.0_f32, 2.0]));
    // Tensors of duals with constants on either side.
    let t = grad(
        |x| (2.0 * x * 3.0 + 1.0 - x / 2.0).sum(),
        Tensor::from([1.0_f64, 2.0]),
    );
    assert_eq!(t, Tensor::from([5.5, 5.5]));
    // The second-order dual too.
    let (_, d1, d2) = constgrad::ad::second_derivative(|x| 2.0 * x * x / 4.0 + 1.0, 3.0_f64);
    assert_eq!((d1, d2), (3.0, 1.0));
}

#[test]
fn tuple_tangents_and_dual2_accessors() {
    type J = (Rank1<2>, (), Rank0);
    assert_eq!(J::LEN, 3);
    let a: Dual<f64, J> = Dual::variable(2.0, 2);
    assert_eq!(a.eps_at(2), 1.0);
    let h: Dual2<f64, Rank1<2>> = Dual2::variable(2.0, 1) * Dual2::variable(3.0, 0);
    assert_eq!(
        (h.grad_at(0), h.grad_at(1), h.hess_at(0, 1)),
        (2.0, 3.0, 1.0)
    );
    assert!(format!("{a:?}").contains("eps: [0.0, 0.0, 1.0]"));
}

// ---------------------------------------------------------------------------
// Property tests: random compositions against central finite differences.

/// xorshift64*: a tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// One step of a random program: `slot[dst] = op(slot[a], slot[b])`.
#[derive(Clone, Copy, Debug)]
struct Step {
    op: usize,
    a: usize,
    b: usize,
}

const OPS: usize = 24;

/// Smooth everywhere on the reals (arguments are mapped into each
/// function's domain), so finite differences are meaningful.
fn apply<T: Scalar>(op: usize, a: T, b: T) -> T {
    let one = T::one();
    let sq = |x: T| one + x * x; // ≥ 1
    match op {
        0 => a + b,
        1 => a - b,
        2 => a * b,
        3 => a / sq(b),
        4 => a.sin(),
        5 => a.cos(),
        6 => a.tanh(),
        7 => a.atan(),
        8 => a.asinh(),
        9 => (-(a * a)).exp(),
        10 => sq(a).ln(),
        11 => sq(a).sqrt(),
        12 => sq(a).cbrt(),
        13 => a.erf(),
        14 => a.atan2(sq(b)),
        15 => a.hypot(sq(b)),
        16 => sq(a).powf(b.tanh()),
        17 => (a * T::from_f64(0.5)).sin().exp(),
        18 => (a.tanh() * T::from_f64(0.9)).atanh(),
        19 => (a.tanh() * T::from_f64(0.9)).asin() + (b.tanh() * T::from_f64(0.9)).acos(),
        20 => (sq(a)).log2() + (sq(b)).log10() + a.tanh().exp_m1() + a.tanh().exp2(),
        21 => (sq(a) + one).acosh() + a.tanh().ln_1p() + sq(a).recip(),
        22 => a.sin().sinh() + a.sin().cosh() + sq(a).powi(-2) + a.powi(3),
        23 => a.mul_add(b, a) + a.sin_cos().0 * a.sin_cos().1 + a.tan().atan() * a.cos(),
        _ => unreachable!(),
    }
}

fn run<T: Scalar>(prog: &[Step], x: &[T]) -> T {
    let mut slots = [T::zero(); 8];
    slots[..x.len()].copy_from_slice(x);
    let mut n = x.len();
    for s in prog {
        let v = apply(s.op, slots[s.a % n], slots[s.b % n]);
        if n < slots.len() {
            slots[n] = v;
            n += 1;
        } else {
            slots[s.a % n] = v;
        }
    }
    // Keep the result bounded so finite differences stay accurate.
    slots[n - 1].tanh() + slots[0] * T::from_f64(0.1)
}

fn random_program(rng: &mut Rng) -> Vec<Step> {
    (0..rng.below(6) + 2)
        .map(|_| Step {
            op: rng.below(OPS),
            a: rng.below(8),
            b: rng.below(8),
        })
        .collect()
}

#[test]
fn property_gradients_match_central_differences() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let h = 1e-6;
    for case in 0..400 {
        let prog = random_program(&mut rng);
        let x = Tensor::from([
            rng.uniform(-1.5, 1.5),
            rng.uniform(-1.5, 1.5),
            rng.uniform(-1.5, 1.5),
        ]);
        let g = grad(|v| run(&prog, v.as_slice()), x);
        for i in 0..3 {
            let (mut xp, mut xm) = (x, x);
            xp.as_mut_slice()[i] += h;
            xm.as_mut_slice()[i] -= h;
            let fd = (run(&prog, xp.as_slice()) - run(&prog, xm.as_slice())) / (2.0 * h);
            let err = (g.as_slice()[i] - fd).abs();
            assert!(
                err <= 1e-6 * (1.0 + fd.abs()),
                "case {case} {prog:?} at {x:?}: d/dx{i} = {} but finite differences give {fd}",
                g.as_slice()[i]
            );
        }
        // Every ops also runs on f32, the value close to f64's.
        let x32 = x.map(|v| v as f32);
        let v32 = run(&prog, x32.as_slice());
        assert!((f64::from(v32) - run(&prog, x.as_slice())).abs() < 1e-3);
    }
}

#[test]
fn property_hessians_match_differences_of_gradients() {
    let mut rng = Rng(0xDEAD_BEEF_1234_5678);
    let h = 1e-5;
    for case in 0..200 {
        let prog = random_program(&mut rng);
        let x = Tensor::from([rng.uniform(-1.2, 1.2), rng.uniform(-1.2, 1.2)]);
        let (v, g, hs) = hessian(|v| run(&prog, v.as_slice()), x);
        let (v2, g2, hn) = hessian_nested(|v| run(&prog, v.as_slice()), x);
        assert_eq!(v, v2);
        for k in 0..2 {
            assert!((g[[k]] - g2[[k]]).abs() <= 1e-12 * (1.0 + g[[k]].abs()));
        }
        for i in 0..2 {
            let (mut xp, mut xm) = (x, x);
            xp.as_mut_slice()[i] += h;
            xm.as_mut_slice()[i] -= h;
            let gp = grad(|v| run(&prog, v.as_slice()), xp);
            let gm = grad(|v| run(&prog, v.as_slice()), xm);
            for j in 0..2 {
                let fd = (gp[[j]] - gm[[j]]) / (2.0 * h);
                let (a, b) = (hs[[i, j]], hn[[i, j]]);
                assert!(
                    (a - b).abs() <= 1e-10 * (1.0 + a.abs()),
                    "case {case}: Dual2 {a} vs nested {b}"
                );
                assert!(
                    (a - fd).abs() <= 1e-5 * (1.0 + fd.abs()),
                    "case {case} {prog:?} at {x:?}: H[{i}][{j}] = {a}, differences give {fd}"
                );
            }
        }
    }
}
