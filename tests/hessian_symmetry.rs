//! The Hessian from `hessian` (through `Dual2`) is symmetric bit for bit,
//! whatever the order in which the chain rule meets the cross terms.

use constgrad::ad::hessian;
use constgrad::{Rank1, Rank2, Scalar, Tensor};

/// A function whose Hessian has every cross term, built from products,
/// quotients and elementary functions in an order that is not symmetric in
/// the variables.
fn f<T: Scalar, const N: usize>(x: Tensor<Rank1<N>, T>, k: usize) -> T {
    let x = x.as_slice();
    let mut s = T::zero();
    for i in 0..N {
        let a = x[i];
        let b = x[(i * 3 + k) % N];
        let c = x[(i * 5 + 2 * k + 1) % N];
        s = s + (a * b).sin() * c.exp() / (b * b + T::from_f64(1.5)) + a.atan2(c) * s.cos();
    }
    s
}

fn asymmetric_entries<const N: usize>() -> usize
where
    Rank1<N>: constgrad::ad::JacobianShape<Rank1<N>, Rank2<N, N>>,
{
    let mut bad = 0;
    for k in 0..6 {
        let x = Tensor::<Rank1<N>>::from(core::array::from_fn(|i| {
            0.3 + 0.71 * i as f64 - 0.05 * (k * i) as f64
        }));
        let (_, _, h): (f64, _, Tensor<Rank2<N, N>>) = hessian(|x| f(x, k), x);
        for i in 0..N {
            for j in 0..i {
                if h[[i, j]].to_bits() != h[[j, i]].to_bits() {
                    bad += 1;
                }
            }
        }
    }
    bad
}

#[test]
fn hessians_are_exactly_symmetric() {
    assert_eq!(asymmetric_entries::<2>(), 0);
    assert_eq!(asymmetric_entries::<3>(), 0);
    assert_eq!(asymmetric_entries::<5>(), 0);
    assert_eq!(asymmetric_entries::<8>(), 0);
}
