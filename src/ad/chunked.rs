//! Chunked forward mode: the gradient or Jacobian of a function of many
//! inputs with a tangent of a fixed width `C`, evaluating the function once
//! per `C` inputs (the approach of Julia's ForwardDiff.jl).
//!
//! [`super::grad`] gives every element of the input a tangent as large as the
//! input, so a function of `N` inputs needs `N·(N + 1)` numbers per tensor of
//! duals: 134 MB for 4096 `f64` inputs. Here each element carries `C`
//! entries, so a tensor of duals is `N·(C + 1)` numbers, and the function
//! runs `⌈N / C⌉` times: the arithmetic is the same `N²` order, the memory
//! `N·C`. The `_heap` forms keep the duals in one `HeapTensor` (feature `alloc`) and hand the
//! function a reference, so even the `N·(C + 1)` numbers leave the stack.
//!
//! Every pass computes the same value, and each tangent entry goes through
//! the same operations whatever the tangent's width, so the results equal
//! the unchunked ones bit for bit.

use super::{JacobianShape, ScalarOutput};
use crate::dual::Dual;
use crate::scalar::Scalar;
use crate::shape::{Rank1, Shape};
#[cfg(feature = "alloc")]
use crate::tensor::heap::HeapTensor;
use crate::tensor::Tensor;

/// The width `C` of the tangent in a chunked evaluation: the function runs
/// once per `C` inputs. Pass it as a value (`Chunk::<8>`, or
/// [`DEFAULT_CHUNK`]); a `Chunk<0>` does not compile.
///
/// # Example
///
/// ```
/// use constgrad::ad::{grad, grad_chunked, Chunk};
/// use constgrad::{Rank1, Scalar, Shape, Tensor};
///
/// // A generic `fn`, so that it runs on both kinds of dual number.
/// fn f<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
///     x.apply(Scalar::sin).product()
/// }
/// let x = Tensor::<Rank1<10>>::linspace(-1.0, 2.0);
/// // Four passes of three inputs (the last one partly empty), same bits.
/// assert_eq!(grad_chunked(f, x, Chunk::<3>), grad(f, x));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Chunk<const C: usize>;

/// The message for `Chunk<0>`, which would never advance. Each entry point
/// checks the width in an inline `const` of its own (not in a helper they
/// share), so that the one error points at the user's call.
const ZERO_WIDTH: &str =
    "a chunk of width 0 holds no derivatives: use `Chunk::<1>` or wider (`ad::DEFAULT_CHUNK` is 8)";

/// The default chunk width, 8. Instructions per `value_and_grad` of
/// Rosenbrock (`benches/ad_count.rs`, x86-64): at 64 inputs widths 2, 4, 8,
/// 12, 16 cost 68, 47, 36, 37, 40 thousand (the unchunked `grad`: 106
/// thousand); at 256 inputs 4, 8, 16 cost 740, 577, 515 thousand
/// (unchunked: 2.9 million). 8 is the best at 64 inputs and 12% behind 16
/// at 256, with half the memory of 16 per tensor; narrower widths pay the
/// function's scalar work once per pass too often.
pub const DEFAULT_CHUNK: Chunk<8> = Chunk;

/// The dual number a chunked evaluation hands the function: a value and
/// `C` tangent entries.
pub type ChunkDual<T, const C: usize> = Dual<T, Rank1<C>>;

/// Runs `pass` once per chunk of `C` of the `n` inputs in `buf` (values set,
/// tangents zero), with inputs `start..start + C` given their unit tangents
/// for the pass; at least once, so that a function of no inputs still has a
/// value. Only the `C` entries that change are written between passes.
#[inline]
fn for_each_chunk<B, T: Scalar, const C: usize>(
    buf: &mut B,
    n: usize,
    duals: impl Fn(&mut B) -> &mut [ChunkDual<T, C>],
    mut pass: impl FnMut(&B, usize),
) {
    let mut start = 0;
    loop {
        set_units(duals(buf), start, T::one());
        pass(buf, start);
        set_units(duals(buf), start, T::zero());
        start += C;
        if start >= n {
            break;
        }
    }
}

/// Sets tangent entry `c` of input `start + c` to `v`, for every `c < C`.
#[inline]
fn set_units<T: Scalar, const C: usize>(duals: &mut [ChunkDual<T, C>], start: usize, v: T) {
    for (c, d) in duals.iter_mut().skip(start).take(C).enumerate() {
        if let Some(e) = d.eps.get_mut(c) {
            *e = v;
        }
    }
}

/// Stores one output's tangent (its derivatives with respect to inputs
/// `start..start + C`) into its row of the gradient or Jacobian.
#[inline]
fn store<T: Scalar, const C: usize>(row: &mut [T], start: usize, eps: &[T; C]) {
    for (o, &e) in row.iter_mut().skip(start).zip(eps) {
        *o = e;
    }
}

/// The value and gradient of a scalar function over `buf`, whose `n` duals
/// `duals` returns, written into `grad`.
#[inline]
fn value_and_grad_into<B, T: Scalar, const C: usize>(
    buf: &mut B,
    n: usize,
    duals: impl Fn(&mut B) -> &mut [ChunkDual<T, C>],
    grad: &mut [T],
    mut eval: impl FnMut(&B) -> ChunkDual<T, C>,
) -> T {
    let mut value = T::zero();
    for_each_chunk(buf, n, duals, |b, start| {
        let y = eval(b);
        value = y.re;
        store(grad, start, &y.eps);
    });
    value
}

/// The gradient of a scalar function of a tensor, evaluating it once per
/// `C` inputs with a `C`-wide tangent: [`crate::ad::grad`] for inputs too
/// large for an `N`-wide tangent. The function is called `⌈N / C⌉` times
/// (so it is `FnMut`), each time on a tensor of [`ChunkDual`]s; the result
/// equals [`crate::ad::grad`]'s bit for bit.
///
/// Stack: the seeded input is `N·(C + 1)·size_of::<T>()` bytes, and each
/// whole-tensor temporary of the function as much again (see
/// `grad_chunked_heap` (feature `alloc`) to take them off the stack).
///
/// # Example
///
/// ```
/// use constgrad::ad::{grad_chunked, DEFAULT_CHUNK};
/// use constgrad::{Rank1, Tensor};
///
/// // 256 inputs: `grad` would carry 256 × 257 numbers per tensor, here 256 × 9.
/// let x = Tensor::<Rank1<256>>::linspace(0.0, 1.0);
/// let g = grad_chunked(|x| (x * x).sum(), x, DEFAULT_CHUNK);
/// assert_eq!(g, x * 2.0);
/// ```
#[inline]
pub fn grad_chunked<const C: usize, S, T, F, R>(
    f: F,
    x: Tensor<S, T>,
    chunk: Chunk<C>,
) -> Tensor<S, T>
where
    S: Shape,
    T: Scalar,
    F: FnMut(Tensor<S, ChunkDual<T, C>>) -> R,
    R: ScalarOutput<ChunkDual<T, C>>,
{
    const {
        if C == 0 {
            panic!("{}", ZERO_WIDTH)
        }
    };
    inline_value_and_grad(f, x, chunk).1
}

/// The value and the gradient, as [`grad_chunked`].
///
/// # Example
///
/// ```
/// use constgrad::ad::{value_and_grad_chunked, Chunk};
/// use constgrad::Tensor;
///
/// let (v, g) = value_and_grad_chunked(|x| x.product(), Tensor::from([2.0, 3.0, 4.0]), Chunk::<2>);
/// assert_eq!((v, g), (24.0, Tensor::from([12.0, 8.0, 6.0])));
/// ```
#[inline]
pub fn value_and_grad_chunked<const C: usize, S, T, F, R>(
    f: F,
    x: Tensor<S, T>,
    chunk: Chunk<C>,
) -> (T, Tensor<S, T>)
where
    S: Shape,
    T: Scalar,
    F: FnMut(Tensor<S, ChunkDual<T, C>>) -> R,
    R: ScalarOutput<ChunkDual<T, C>>,
{
    const {
        if C == 0 {
            panic!("{}", ZERO_WIDTH)
        }
    };
    inline_value_and_grad(f, x, chunk)
}

/// The body of [`value_and_grad_chunked`], without the width check (so that a wrong width
/// is reported once, at the entry point the user called).
#[inline]
fn inline_value_and_grad<const C: usize, S, T, F, R>(
    mut f: F,
    x: Tensor<S, T>,
    _chunk: Chunk<C>,
) -> (T, Tensor<S, T>)
where
    S: Shape,
    T: Scalar,
    F: FnMut(Tensor<S, ChunkDual<T, C>>) -> R,
    R: ScalarOutput<ChunkDual<T, C>>,
{
    let mut d = x.map(Dual::constant);
    let mut g = Tensor::<S, T>::zeros();
    let v = value_and_grad_into(
        &mut d,
        S::NUMEL,
        Tensor::as_mut_slice,
        g.as_mut_slice(),
        |d| f(*d).into_scalar(),
    );
    (v, g)
}

/// The gradient with the duals on the heap: the function receives a
/// reference to one [`HeapTensor`] of [`ChunkDual`]s (reseeded in place
/// between passes), so the stack holds only the function's own scalars and
/// whatever it keeps inline. With the `HeapTensor` stencils (whose results
/// are heap tensors too), a loss over `gradient()` of 4096 samples runs in a
/// 256 KiB thread even in a debug build (`tests/ad_stack.rs`). Allocates
/// the `N·(C + 1)` duals and the gradient: not for a hard real-time loop.
///
/// # Example
///
/// ```
/// use constgrad::ad::{grad_chunked_heap, ChunkDual, DEFAULT_CHUNK};
/// use constgrad::stencil::{Unit, EDGE2};
/// use constgrad::{HeapTensor, Rank1};
///
/// type X = Rank1<4096>;
/// let x = HeapTensor::<X>::from_flat_fn(|i| (i as f64 * 0.01).sin());
/// // The squared slope of the samples, summed.
/// let loss = |x: &HeapTensor<X, ChunkDual<f64, 8>>| {
///     let [g] = x.gradient(Unit, EDGE2);
///     g.as_slice().iter().fold(ChunkDual::constant(0.0), |s, &d| s + d * d)
/// };
/// let g = grad_chunked_heap(loss, &x, DEFAULT_CHUNK);
/// assert_eq!(g.as_slice().len(), 4096);
/// assert!(g.as_slice().iter().all(|v| v.is_finite()));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn grad_chunked_heap<const C: usize, S, T, F, R>(
    f: F,
    x: &HeapTensor<S, T>,
    chunk: Chunk<C>,
) -> HeapTensor<S, T>
where
    S: Shape,
    T: Scalar,
    F: FnMut(&HeapTensor<S, ChunkDual<T, C>>) -> R,
    R: ScalarOutput<ChunkDual<T, C>>,
{
    const {
        if C == 0 {
            panic!("{}", ZERO_WIDTH)
        }
    };
    heap_value_and_grad(f, x, chunk).1
}

/// The value and the gradient, as [`grad_chunked_heap`].
///
/// # Example
///
/// ```
/// use constgrad::ad::{value_and_grad_chunked_heap, Chunk};
/// use constgrad::{HeapTensor, Rank1};
///
/// let x = HeapTensor::<Rank1<3>>::from_flat_fn(|i| i as f64 + 2.0);
/// let (v, g) = value_and_grad_chunked_heap(
///     |x: &HeapTensor<Rank1<3>, _>| x.as_slice().iter().fold(constgrad::Dual::constant(1.0), |p, &d| p * d),
///     &x,
///     Chunk::<2>,
/// );
/// assert_eq!((v, g.as_slice()), (24.0, &[12.0, 8.0, 6.0][..]));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn value_and_grad_chunked_heap<const C: usize, S, T, F, R>(
    f: F,
    x: &HeapTensor<S, T>,
    chunk: Chunk<C>,
) -> (T, HeapTensor<S, T>)
where
    S: Shape,
    T: Scalar,
    F: FnMut(&HeapTensor<S, ChunkDual<T, C>>) -> R,
    R: ScalarOutput<ChunkDual<T, C>>,
{
    const {
        if C == 0 {
            panic!("{}", ZERO_WIDTH)
        }
    };
    heap_value_and_grad(f, x, chunk)
}

/// The body of [`value_and_grad_chunked_heap`], without the width check (so that a wrong width
/// is reported once, at the entry point the user called).
#[cfg(feature = "alloc")]
#[inline]
fn heap_value_and_grad<const C: usize, S, T, F, R>(
    mut f: F,
    x: &HeapTensor<S, T>,
    _chunk: Chunk<C>,
) -> (T, HeapTensor<S, T>)
where
    S: Shape,
    T: Scalar,
    F: FnMut(&HeapTensor<S, ChunkDual<T, C>>) -> R,
    R: ScalarOutput<ChunkDual<T, C>>,
{
    let mut d = x.map(Dual::constant);
    let mut g = HeapTensor::<S, T>::zeros();
    let v = value_and_grad_into(
        &mut d,
        S::NUMEL,
        HeapTensor::as_mut_slice,
        g.as_mut_slice(),
        |d| f(d).into_scalar(),
    );
    (v, g)
}

/// The Jacobian of a tensor-to-tensor function, evaluating it once per `C`
/// inputs: [`crate::ad::jacobian`] for inputs too large for an `N`-wide
/// tangent, with the same shape rule (`Out ++ In`) and the same bits.
///
/// # Example
///
/// ```
/// use constgrad::ad::{jacobian, jacobian_chunked, Chunk};
/// use constgrad::{Rank1, Rank2, Scalar, Tensor};
///
/// fn f<T: Scalar>(x: Tensor<Rank1<5>, T>) -> Tensor<Rank1<5>, T> {
///     x * x.sum()
/// }
/// let x = Tensor::from([1.0, 2.0, 3.0, 4.0, 5.0]);
/// let j: Tensor<Rank2<5, 5>> = jacobian_chunked(f, x, Chunk::<2>);
/// assert_eq!(j, jacobian(f, x));
/// ```
#[inline]
pub fn jacobian_chunked<const C: usize, SI, SO, J, T, F>(
    f: F,
    x: Tensor<SI, T>,
    chunk: Chunk<C>,
) -> Tensor<J, T>
where
    SI: Shape,
    SO: JacobianShape<SI, J>,
    J: Shape,
    T: Scalar,
    F: FnMut(Tensor<SI, ChunkDual<T, C>>) -> Tensor<SO, ChunkDual<T, C>>,
{
    const {
        if C == 0 {
            panic!("{}", ZERO_WIDTH)
        }
    };
    inline_value_and_jacobian(f, x, chunk).1
}

/// The value and the Jacobian, as [`jacobian_chunked`].
///
/// # Example
///
/// ```
/// use constgrad::ad::{value_and_jacobian_chunked, Chunk};
/// use constgrad::{Rank2, Tensor};
///
/// let (y, j): (_, Tensor<Rank2<2, 3>>) = value_and_jacobian_chunked(
///     |x| Tensor::from([x.sum(), x.product()]),
///     Tensor::from([1.0, 2.0, 3.0]),
///     Chunk::<2>,
/// );
/// assert_eq!(y, Tensor::from([6.0, 6.0]));
/// assert_eq!(j, Tensor::from([[1.0, 1.0, 1.0], [6.0, 3.0, 2.0]]));
/// ```
#[inline]
pub fn value_and_jacobian_chunked<const C: usize, SI, SO, J, T, F>(
    f: F,
    x: Tensor<SI, T>,
    chunk: Chunk<C>,
) -> (Tensor<SO, T>, Tensor<J, T>)
where
    SI: Shape,
    SO: JacobianShape<SI, J>,
    J: Shape,
    T: Scalar,
    F: FnMut(Tensor<SI, ChunkDual<T, C>>) -> Tensor<SO, ChunkDual<T, C>>,
{
    const {
        if C == 0 {
            panic!("{}", ZERO_WIDTH)
        }
    };
    inline_value_and_jacobian(f, x, chunk)
}

/// The body of [`value_and_jacobian_chunked`], without the width check (so that a wrong width
/// is reported once, at the entry point the user called).
#[inline]
fn inline_value_and_jacobian<const C: usize, SI, SO, J, T, F>(
    mut f: F,
    x: Tensor<SI, T>,
    _chunk: Chunk<C>,
) -> (Tensor<SO, T>, Tensor<J, T>)
where
    SI: Shape,
    SO: JacobianShape<SI, J>,
    J: Shape,
    T: Scalar,
    F: FnMut(Tensor<SI, ChunkDual<T, C>>) -> Tensor<SO, ChunkDual<T, C>>,
{
    let mut d = x.map(Dual::constant);
    let mut j = Tensor::<J, T>::zeros();
    let mut value = Tensor::<SO, T>::zeros();
    for_each_chunk(&mut d, SI::NUMEL, Tensor::as_mut_slice, |d, start| {
        let y = f(*d);
        value = y.map(|d| d.re);
        // `J` is `Out ++ In`: row `o` holds output `o`'s derivatives. (`max(1)`:
        // with no inputs there are no rows, and a zero width would panic.)
        let rows = j.as_mut_slice().chunks_mut(SI::NUMEL.max(1));
        for (row, yo) in rows.zip(y.iter()) {
            store(row, start, &yo.eps);
        }
    });
    (value, j)
}
