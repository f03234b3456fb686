//! Inline tensors never touch the heap: construction, arithmetic, reductions,
//! matrix products and shape changes.
mod common;

use common::counting::{allocations, Counting};
use constgrad::{Axes3, Rank1, Rank2, Rank3, Tensor};

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

#[test]
fn matmul_dot_transpose_permute_reshape_allocate_nothing() {
    let (r, n) = allocations(|| {
        let a = Tensor::<Rank2<4, 3>>::from_fn(|[i, j]| (i * 3 + j) as f64);
        let b = Tensor::<Rank2<3, 5>>::from_flat_fn(|k| k as f64 * 0.5);
        let ab = a.matmul(&b);
        let av = a.matmul(&Tensor::from([1.0, -1.0, 2.0]));
        let sq = ab.matmul(&ab.transpose());
        let p = Tensor::<Rank3<2, 3, 4>>::from_flat_fn(|k| k as f64).permute::<Axes3<2, 0, 1>>();
        let r: Tensor<Rank3<2, 2, 3>> = a.reshape();
        let f: Tensor<Rank1<12>> = a.flatten();
        (sq.trace(), av.dot(&av), p[[3, 1, 2]], r.sum() + f.max())
    });
    assert_eq!(n, 0);
    assert_eq!(r.2, 23.0);
}

#[test]
fn stacking_and_formatting_into_a_fixed_buffer_allocate_nothing() {
    use core::fmt::Write;
    /// A fixed-capacity `fmt::Write` sink.
    struct Buf([u8; 64], usize);
    impl Write for Buf {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            let end = self.1 + s.len();
            self.0
                .get_mut(self.1..end)
                .ok_or(core::fmt::Error)?
                .copy_from_slice(s.as_bytes());
            self.1 = end;
            Ok(())
        }
    }
    let ((len, total), n) = allocations(|| {
        let s: Tensor<Rank2<2, 2>> =
            Tensor::stack([Tensor::from([1.0, 2.0]), Tensor::from([3.0, 4.0])]);
        let [x, y] = s.unstack();
        let mut buf = Buf([0; 64], 0);
        write!(buf, "{s}").unwrap();
        (buf.1, (x + y).sum())
    });
    assert_eq!(n, 0);
    assert_eq!(len, "[[1. 2.]\n [3. 4.]]".len()); // numpy: str(np.array([[1., 2.], [3., 4.]]))
    assert_eq!(total, 10.0);
}
