//! Inline tensors never touch the heap: construction, arithmetic, reductions.
mod common;

use common::counting::{allocations, Counting};
use constgrad::{Rank2, Rank3, Tensor};

#[global_allocator]
static ALLOC: Counting = Counting;

#[test]
fn the_counter_sees_a_heap_allocation() {
    let (_, n) = allocations(|| vec![1.0_f64; 16]);
    assert_eq!(n, 1);
}

#[test]
fn construction_arithmetic_and_reductions_allocate_nothing() {
    let (r, n) = allocations(|| {
        let a = Tensor::<Rank3<2, 3, 4>>::from_fn(|[i, j, k]| (i + j * k) as f64);
        let b: Tensor<Rank3<2, 3, 4>> = Tensor::ones();
        let mut c = (a + b) * 2.0 - a / 3.0;
        c += &b;
        let s = c.sum_axis::<1>();
        let m: Tensor<Rank2<2, 4>> = c.max_axis::<1>();
        (
            s.sum(),
            m.min(),
            c.mean(),
            Tensor::<Rank2<3, 3>>::identity().product(),
        )
    });
    assert_eq!(n, 0);
    assert_eq!(r.3, 0.0);
}
