//! Forward-mode automatic differentiation: the entry points, modelled on
//! JAX's (`jax.grad`, `jax.value_and_grad`, `jax.jvp`, `jax.jacfwd`,
//! `jax.hessian`, `has_aux`, `argnums`).
//!
//! | JAX | here | returns |
//! |---|---|---|
//! | `grad(f)(x)` for scalar `x` | [`derivative`] | `f'(x)` |
//! | | [`value_and_derivative`], [`second_derivative`] | `(f, f')`, `(f, f', f'')` |
//! | `grad(f)(x)` | [`grad`] | a tensor of `x`'s shape |
//! | `value_and_grad(f)(x)` | [`value_and_grad`] | `(f(x), ∇f)` |
//! | `grad(f, has_aux=True)(x)` | [`grad_with_aux`], [`value_and_grad_with_aux`] | `(∇f, aux)`, `((f, aux), ∇f)` |
//! | `grad(f, argnums=(0, 2))(x, y, z)` | [`grad_args`] with [`Fixed`] | one gradient per argument |
//! | `jvp(f, (x,), (v,))` | [`jvp`] | `(f(x), J·v)` |
//! | `jacfwd(f)(x)` | [`jacobian`], [`value_and_jacobian`] | shape `Out ++ In` |
//! | `hessian(f)(x)` | [`hessian`] (fast, [`Dual2`]), [`hessian_nested`] (`jacfwd(grad(f))`) | `(f, ∇f, ∇²f)` |
//!
//! In a function generic over the scalar, write constants as
//! `T::from_f64(2.0)`, or ask for [`RealArith<f64>`](crate::RealArith)
//! instead of `Scalar` and write `x * 2.0`, `x - 1.0` (faster on duals).
//!
//! When the function mixes float literals with dual numbers (`2.0 * x`),
//! give the point a concrete type (`1.0_f64`, `Tensor::from([1.0_f64, 2.0])`
//! or a typed variable): a literal whose type is still open could be `f32`
//! or `f64`, and Rust will not pick between the operators for each.
//!
//! Every entry point takes the function first and the point second, and
//! evaluates the function once: the tangent of a [`Dual`] carries every
//! partial derivative at once. Nothing allocates.
//!
//! # Stack use, and the chunked forms
//!
//! A tangent as large as the input makes one pass enough, but it makes
//! every element of every tensor of duals `N + 1` numbers for a function of
//! `N` inputs, so each such tensor is `N·(N + 1)·size_of::<T>()` bytes (a
//! [`Dual2`] Hessian pass: `N·(1 + N + N²)`), all on the stack. A call needs
//! `m` of them: the seeded input, the function's temporaries and the copies
//! its by-value calls make. `tests/ad_stack.rs` measures `m` by running
//! gradients in threads of decreasing stack size (`f64`, N = 32 and 64):
//!
//! | function | release | debug |
//! |---|---|---|
//! | `(x * x).sum()` | 3.2–3.7 | 11.5–12.5 |
//! | a loss over `x.gradient(Unit, EDGE2)` | 4.3–4.7 | 32–45 |
//!
//! So at N = 64 a gradient takes 100 KB to 1 MB of stack, and a spawned
//! thread has 2 MiB by default. Past a few hundred inputs use the chunked
//! forms ([`grad_chunked`], [`jacobian_chunked`], their `value_and_` forms):
//! they evaluate the function once per `C` inputs with a `C`-wide tangent,
//! `N·(C + 1)` numbers per tensor, with the same results bit for bit, and
//! past a few dozen inputs in fewer instructions too (64 inputs: a third of
//! `grad`'s, 256: a fifth; `benches/ad_count.rs`). The
//! heap forms (`grad_chunked_heap`, feature `alloc`) take the duals off the stack: the
//! gradient of a loss over `gradient()` of 4096 samples runs in under 56 KB of
//! stack in a debug build.
//!
//! The function receives tensors of dual numbers; write it once, generic
//! over [`Scalar`], and it also runs on plain `f64`, on [`Dual2`] and on
//! nested duals. A closure works whenever it is used at one type; to
//! differentiate the same function twice by nesting (grad of grad), pass a
//! generic `fn` item, which Rust instantiates at each type:
//!
//! ```
//! use constgrad::ad::{derivative, grad, jacobian};
//! use constgrad::{Scalar, Shape, Tensor};
//!
//! fn f<T: Scalar>(x: T) -> T {
//!     x * x * x
//! }
//! // d²/dx² x³ at 2 = 12: the derivative of the derivative.
//! assert_eq!(derivative(|x| derivative(f, x), 2.0), 12.0);
//!
//! fn energy<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
//!     (x * x).sum()
//! }
//! // The Jacobian of the gradient is the Hessian (2·I here).
//! let h = jacobian(|x| grad(energy, x), Tensor::from([1.0, 2.0]));
//! assert_eq!(h, Tensor::from([[2.0, 0.0], [0.0, 2.0]]));
//! ```

mod chunked;

pub use chunked::{
    grad_chunked, jacobian_chunked, value_and_grad_chunked, value_and_jacobian_chunked, Chunk,
    ChunkDual, DEFAULT_CHUNK,
};
#[cfg(feature = "alloc")]
pub use chunked::{grad_chunked_heap, value_and_grad_chunked_heap};

use crate::dual::{Dual, Dual2, Tangent};
use crate::scalar::Scalar;
#[cfg(doc)]
use crate::shape::Concat;
use crate::shape::{for_rank_pairs, rank_ty, Rank0, Shape};
use crate::tensor::Tensor;

/// What a function differentiated by [`grad`], [`value_and_grad`] or
/// [`hessian`] may return: one scalar `D` (a dual number), either bare or as
/// a rank-0 tensor.
///
/// # Example
///
/// ```
/// use constgrad::ad::grad;
/// use constgrad::{Rank0, Tensor};
///
/// // Returning the dual number itself or a rank-0 tensor of it both work.
/// let g1 = grad(|x| x.sum(), Tensor::from([1.0, 2.0]));
/// let g2 = grad(|x| Tensor::<Rank0, _>::new(x.sum()), Tensor::from([1.0, 2.0]));
/// assert_eq!(g1, g2);
/// ```
#[diagnostic::on_unimplemented(
    message = "a gradient or Hessian needs a function that returns one scalar, but this function returns `{Self}`",
    label = "this returns `{Self}`, not one scalar",
    note = "a function with a tensor output has a Jacobian, not a gradient: use `jacobian`, or reduce the output to one scalar (`.sum()`, `.max()`, …)"
)]
pub trait ScalarOutput<D: Scalar> {
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// The scalar.
    fn into_scalar(self) -> D;
}

impl<D: Scalar> ScalarOutput<D> for D {
    #[inline(always)]
    fn into_scalar(self) -> D {
        self
    }
}

impl<D: Scalar> ScalarOutput<D> for Tensor<Rank0, D> {
    #[inline(always)]
    fn into_scalar(self) -> D {
        self.item()
    }
}

/// `J` is the shape of the Jacobian of a function from shape `In` to shape
/// `Self`: the output's axes followed by the input's (`Self ++ In`, see
/// [`Concat`]). A Jacobian bound to any other shape does not compile.
///
/// # Example
///
/// ```
/// use constgrad::ad::JacobianShape;
/// use constgrad::{Rank1, Rank2, Rank3};
///
/// fn check<O: JacobianShape<I, J>, I: constgrad::Shape, J: constgrad::Shape>() {}
/// check::<Rank1<3>, Rank1<2>, Rank2<3, 2>>();
/// check::<Rank2<2, 2>, Rank1<4>, Rank3<2, 2, 4>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "the Jacobian of a function from shape `{In}` to shape `{Self}` cannot have shape `{J}`",
    label = "the Jacobian's shape is the output's axes `{Self}` followed by the input's axes `{In}`, not `{J}`",
    note = "a function from `Rank1<N>` to `Rank1<M>` has an `M × N` Jacobian, `Rank2<M, N>`"
)]
pub trait JacobianShape<In: Shape, J: Shape>: Shape {}

/// One `JacobianShape` entry per pair of ranks (the output's dimensions,
/// then the input's), written out rather than derived from [`Concat`] so
/// that a wrong `J` finds no impl and gets the message above. The pairs come
/// from the same table as [`Concat`]'s ([`for_rank_pairs`]).
macro_rules! jacobian_entry {
    ([$($a:ident)*], [$($b:ident)*]) => {
        impl<$(const $a: usize,)* $(const $b: usize),*>
            JacobianShape<rank_ty!($($b)*), rank_ty!($($a)* $($b)*)> for rank_ty!($($a)*) {}
    };
}

for_rank_pairs!(jacobian_entry);

/// Seeds `x` for a gradient: element `k` becomes the variable `k` of the
/// tangent `S`.
#[inline(always)]
fn seed<S: Shape + Tangent, T: Scalar>(x: &Tensor<S, T>) -> Tensor<S, Dual<T, S>> {
    // In place: one zero fill, then the value and the diagonal one. Zipped
    // iterators, not indexing into `x`: no bounds check (and no panic path)
    // at opt-level "s"/"z".
    let mut d = Tensor::<S, Dual<T, S>>::zeros();
    for (k, (d, &v)) in d.iter_mut().zip(x.iter()).enumerate() {
        d.re = v;
        S::eps_put(&mut d.eps, k, T::one());
    }
    d
}

/// The tangent of `d` as a tensor of shape `S`.
#[inline(always)]
fn tangent_tensor<S: Shape + Tangent, T: Scalar>(eps: &S::Eps<T>) -> Tensor<S, T> {
    let mut t = Tensor::<S, T>::zeros();
    copy_eps::<S, T>(&mut t.iter_mut(), eps);
    t
}

/// Writes the tangent values of `eps`, in flat order, into the next slots.
/// An iterator over the slots rather than an index: no bounds check, so no
/// panic path survives even at opt-level "s" or "z" (both kept one with
/// `eps_get(eps, k)` or `out[k / NUMEL]`).
#[inline(always)]
fn copy_eps<'a, S: Tangent, T: Scalar>(slots: &mut core::slice::IterMut<'a, T>, eps: &S::Eps<T>) {
    S::eps_for_each(eps, |e| {
        if let Some(slot) = slots.next() {
            *slot = e;
        }
    });
}

/// The derivative of a scalar function of one scalar at `x`.
///
/// `T` may itself be a dual number, which nests derivatives.
///
/// # Example
///
/// ```
/// use constgrad::ad::derivative;
/// use constgrad::Scalar;
///
/// // d tanh/dx at 0.2 = 1 - tanh²(0.2).
/// let d = derivative(|x| x.tanh(), 0.2_f64);
/// assert!((d - (1.0 - 0.2_f64.tanh().powi(2))).abs() < 1e-16);
/// ```
#[inline]
pub fn derivative<T: Scalar, F: FnOnce(Dual<T>) -> Dual<T>>(f: F, x: T) -> T {
    f(Dual::var(x)).eps
}

/// The value and the derivative of a scalar function of one scalar.
///
/// # Example
///
/// ```
/// use constgrad::ad::value_and_derivative;
///
/// assert_eq!(value_and_derivative(|x| x * x, 3.0), (9.0, 6.0));
/// ```
#[inline]
pub fn value_and_derivative<T: Scalar, F: FnOnce(Dual<T>) -> Dual<T>>(f: F, x: T) -> (T, T) {
    let y = f(Dual::var(x));
    (y.re, y.eps)
}

/// The value, first and second derivative of a scalar function of one
/// scalar, in one pass with [`Dual2`].
///
/// # Example
///
/// ```
/// use constgrad::ad::second_derivative;
/// use constgrad::Scalar;
///
/// let (f, d1, d2) = second_derivative(|x| x.powi(3), 2.0);
/// assert_eq!((f, d1, d2), (8.0, 12.0, 12.0));
/// ```
#[inline]
pub fn second_derivative<T: Scalar, F: FnOnce(Dual2<T>) -> Dual2<T>>(f: F, x: T) -> (T, T, T) {
    let y = f(Dual2::variable(x, 0));
    (y.re, y.grad, y.hess)
}

/// The gradient of a scalar function of a tensor of any rank, in one
/// forward pass; it has the input's shape.
///
/// The function receives `x` as a tensor of [`Dual`] numbers whose tangent
/// has `x`'s shape, and must return one scalar (see [`ScalarOutput`]).
///
/// Stack: about `m·N·(N + 1)·size_of::<T>()` bytes for `N` inputs, `m`
/// being the number of tensors of duals alive at once (3 to 5 in a release
/// build, up to about 35 in a debug build; measured in the [module
/// documentation](self#stack-use-and-the-chunked-forms)). Past that, use
/// [`grad_chunked`] or `grad_chunked_heap` (feature `alloc`).
///
/// # Example
///
/// ```
/// use constgrad::ad::grad;
/// use constgrad::Tensor;
///
/// let g = grad(|x| (x * x).sum(), Tensor::from([1.0, 2.0, 3.0, 4.0]));
/// assert_eq!(g, Tensor::from([2.0, 4.0, 6.0, 8.0]));
///
/// // Any rank: the gradient of a function of a 2 × 2 matrix is a 2 × 2 matrix.
/// let m = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(grad(|x| x.product(), m), Tensor::from([[24.0, 12.0], [8.0, 6.0]]));
/// ```
#[inline]
pub fn grad<S, T, F, R>(f: F, x: Tensor<S, T>) -> Tensor<S, T>
where
    S: Shape + Tangent,
    T: Scalar,
    F: FnOnce(Tensor<S, Dual<T, S>>) -> R,
    R: ScalarOutput<Dual<T, S>>,
{
    let y = f(seed(&x)).into_scalar();
    tangent_tensor::<S, T>(&y.eps)
}

/// The value and the gradient of a scalar function of a tensor, in one pass.
///
/// # Example
///
/// ```
/// use constgrad::ad::value_and_grad;
/// use constgrad::Tensor;
///
/// let (v, g) = value_and_grad(|x| (x * x).sum(), Tensor::from([3.0, 4.0]));
/// assert_eq!(v, 25.0);
/// assert_eq!(g, Tensor::from([6.0, 8.0]));
/// ```
#[inline]
pub fn value_and_grad<S, T, F, R>(f: F, x: Tensor<S, T>) -> (T, Tensor<S, T>)
where
    S: Shape + Tangent,
    T: Scalar,
    F: FnOnce(Tensor<S, Dual<T, S>>) -> R,
    R: ScalarOutput<Dual<T, S>>,
{
    let y = f(seed(&x)).into_scalar();
    // Filled in the returned value, as `value_and_jacobian`.
    let mut out = (y.re, Tensor::<S, T>::zeros());
    copy_eps::<S, T>(&mut out.1.iter_mut(), &y.eps);
    out
}

/// The gradient of a function that returns `(scalar, aux)`: JAX's
/// `has_aux=True`. The auxiliary data is passed through untouched.
///
/// # Example
///
/// ```
/// use constgrad::ad::grad_with_aux;
/// use constgrad::Tensor;
///
/// let (g, count) = grad_with_aux(|x| ((x * x).sum(), x.iter().count()), Tensor::from([1.0, 5.0]));
/// assert_eq!(g, Tensor::from([2.0, 10.0]));
/// assert_eq!(count, 2);
/// ```
#[inline]
pub fn grad_with_aux<S, T, F, R, A>(f: F, x: Tensor<S, T>) -> (Tensor<S, T>, A)
where
    S: Shape + Tangent,
    T: Scalar,
    F: FnOnce(Tensor<S, Dual<T, S>>) -> (R, A),
    R: ScalarOutput<Dual<T, S>>,
{
    let (y, aux) = f(seed(&x));
    (tangent_tensor::<S, T>(&y.into_scalar().eps), aux)
}

/// The value, auxiliary data and gradient of a function that returns
/// `(scalar, aux)`, as JAX's `value_and_grad(f, has_aux=True)`:
/// `((value, aux), gradient)`.
///
/// # Example
///
/// ```
/// use constgrad::ad::value_and_grad_with_aux;
/// use constgrad::Tensor;
///
/// // The auxiliary output here is the prediction, as plain values.
/// let ((loss, pred), g) = value_and_grad_with_aux(
///     |w| {
///         let pred = w * 2.0;
///         ((pred - 1.0).sum(), pred.re())
///     },
///     Tensor::from([1.0_f64, 3.0]),
/// );
/// assert_eq!(loss, 6.0);
/// assert_eq!(pred, Tensor::from([2.0, 6.0]));
/// assert_eq!(g, Tensor::from([2.0, 2.0]));
/// ```
#[inline]
pub fn value_and_grad_with_aux<S, T, F, R, A>(f: F, x: Tensor<S, T>) -> ((T, A), Tensor<S, T>)
where
    S: Shape + Tangent,
    T: Scalar,
    F: FnOnce(Tensor<S, Dual<T, S>>) -> (R, A),
    R: ScalarOutput<Dual<T, S>>,
{
    let (y, aux) = f(seed(&x));
    let y = y.into_scalar();
    ((y.re, aux), tangent_tensor::<S, T>(&y.eps))
}

/// Pushes the tangent `v` through `f` at `x`: returns `(f(x), J·v)`, the
/// directional derivative, with a one-number tangent per element.
///
/// # Example
///
/// ```
/// use constgrad::ad::jvp;
/// use constgrad::{Scalar, Tensor};
///
/// let x = Tensor::from([0.0, 1.0]);
/// let v = Tensor::from([1.0, 0.5]);
/// let (y, t) = jvp(|x| x.apply(Scalar::exp), x, v);
/// let e = Scalar::exp(1.0_f64);
/// assert_eq!(y, Tensor::from([1.0, e]));
/// assert_eq!(t, Tensor::from([1.0, 0.5 * e]));
/// ```
#[inline]
pub fn jvp<SI, SO, T, F>(f: F, x: Tensor<SI, T>, v: Tensor<SI, T>) -> (Tensor<SO, T>, Tensor<SO, T>)
where
    SI: Shape,
    SO: Shape,
    T: Scalar,
    F: FnOnce(Tensor<SI, Dual<T>>) -> Tensor<SO, Dual<T>>,
{
    let y = f(x.zip_map(&v, Dual::new));
    (y.map(|d| d.re), y.map(|d| d.eps))
}

/// The Jacobian of a tensor-to-tensor function, in one forward pass: for a
/// function from shape `In` to shape `Out` it has shape `Out ++ In`
/// (`J[o…, i…] = ∂out[o…] / ∂x[i…]`), as `jax.jacfwd`.
///
/// Binding the result to a tensor of another shape does not compile (see
/// [`JacobianShape`]).
///
/// Stack: the seeded input is `N·(N + 1)·size_of::<T>()` bytes for `N`
/// inputs and the dual output `M·(N + 1)·size_of::<T>()` for `M` outputs,
/// times the number of such tensors alive at once as for [`grad`]. Past
/// that, use [`jacobian_chunked`].
///
/// # Example
///
/// ```
/// use constgrad::ad::jacobian;
/// use constgrad::{Rank2, Tensor};
///
/// // The Lorenz system at (1, 2, 3).
/// let j: Tensor<Rank2<3, 3>> = jacobian(
///     |v| {
///         let [x, y, z] = v.into_array();
///         Tensor::from([10.0 * (y - x), x * (28.0 - z) - y, x * y - 8.0 / 3.0 * z])
///     },
///     Tensor::from([1.0, 2.0, 3.0]),
/// );
/// assert_eq!(j[[1, 0]], 25.0);
/// assert_eq!(j[[2, 2]], -8.0 / 3.0);
/// ```
#[inline]
pub fn jacobian<SI, SO, J, T, F>(f: F, x: Tensor<SI, T>) -> Tensor<J, T>
where
    SI: Shape + Tangent,
    SO: JacobianShape<SI, J>,
    J: Shape,
    T: Scalar,
    F: FnOnce(Tensor<SI, Dual<T, SI>>) -> Tensor<SO, Dual<T, SI>>,
{
    let y = f(seed(&x));
    jacobian_of::<SI, SO, J, T>(&y)
}

/// The Jacobian tensor from the dual outputs of a seeded evaluation.
#[inline(always)]
fn jacobian_of<SI: Shape + Tangent, SO: Shape, J: Shape, T: Scalar>(
    y: &Tensor<SO, Dual<T, SI>>,
) -> Tensor<J, T> {
    // Row after row through one iterator over the slots.
    let mut j = Tensor::<J, T>::zeros();
    let mut slots = j.iter_mut();
    for d in y.iter() {
        copy_eps::<SI, T>(&mut slots, &d.eps);
    }
    j
}

/// The value and the Jacobian of a tensor-to-tensor function, in one pass.
///
/// # Example
///
/// ```
/// use constgrad::ad::value_and_jacobian;
/// use constgrad::{Scalar, Tensor};
///
/// let (y, j) = value_and_jacobian(|x| x * x, Tensor::from([1.0, 3.0]));
/// assert_eq!(y, Tensor::from([1.0, 9.0]));
/// assert_eq!(j, Tensor::from([[2.0, 0.0], [0.0, 6.0]]));
/// ```
#[inline]
pub fn value_and_jacobian<SI, SO, J, T, F>(f: F, x: Tensor<SI, T>) -> (Tensor<SO, T>, Tensor<J, T>)
where
    SI: Shape + Tangent,
    SO: JacobianShape<SI, J>,
    J: Shape,
    T: Scalar,
    F: FnOnce(Tensor<SI, Dual<T, SI>>) -> Tensor<SO, Dual<T, SI>>,
{
    let y = f(seed(&x));
    // Both results filled in the value that is returned: built apart and
    // then paired, the Jacobian was copied into place with a `memcpy` call.
    let mut out = (Tensor::<SO, T>::zeros(), Tensor::<J, T>::zeros());
    let mut slots = out.1.iter_mut();
    for (v, d) in out.0.iter_mut().zip(y.iter()) {
        *v = d.re;
        copy_eps::<SI, T>(&mut slots, &d.eps);
    }
    out
}

/// The value, gradient and Hessian of a scalar function of a tensor, in one
/// forward pass with the second-order dual [`Dual2`] (the fast path). The
/// Hessian has shape `In ++ In` (`Rank2<N, N>` for `Rank1<N>`).
///
/// Stack: each element carries its gradient and full Hessian, so a tensor
/// of [`Dual2`] is `N·(1 + N + N²)·size_of::<T>()` bytes (N = 16, `f64`:
/// 35 KB), times the number alive at once as for [`grad`]: cubic in `N`,
/// for a few dozen inputs at most. For more, nest the chunked forms,
/// `jacobian_chunked(|x| grad_chunked(f, x, c), x, c)`: `N·(C + 1)²`
/// numbers per tensor (`tests/ad_chunked.rs` checks it against this one).
///
/// # Example
///
/// ```
/// use constgrad::ad::hessian;
/// use constgrad::{Scalar, Tensor};
///
/// // Rosenbrock at (-1.2, 1).
/// let (v, g, h) = hessian(
///     |x| {
///         let [a, b] = x.into_array();
///         (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
///     },
///     Tensor::from([-1.2_f64, 1.0]),
/// );
/// assert!((v - 24.2).abs() < 1e-12);
/// assert!((g[[0]] + 215.6).abs() < 1e-12);
/// assert!((h[[0, 0]] - 1330.0).abs() < 1e-9 && (h[[0, 1]] - 480.0).abs() < 1e-12);
/// ```
#[inline]
#[allow(clippy::type_complexity)]
pub fn hessian<S, H, T, F, R>(f: F, x: Tensor<S, T>) -> (T, Tensor<S, T>, Tensor<H, T>)
where
    S: Shape + Tangent + JacobianShape<S, H>,
    H: Shape,
    T: Scalar,
    F: FnOnce(Tensor<S, Dual2<T, S>>) -> R,
    R: ScalarOutput<Dual2<T, S>>,
{
    let mut d = Tensor::<S, Dual2<T, S>>::zeros();
    for (k, (d, &v)) in d.iter_mut().zip(x.iter()).enumerate() {
        d.re = v;
        S::eps_put(&mut d.grad, k, T::one());
    }
    let y = f(d).into_scalar();
    // Filled in the returned value, as `value_and_jacobian`; the Hessian
    // row after row through one iterator over the slots.
    let mut out = (y.re, Tensor::<S, T>::zeros(), Tensor::<H, T>::zeros());
    copy_eps::<S, T>(&mut out.1.iter_mut(), &y.grad);
    let mut slots = out.2.iter_mut();
    S::eps_for_each(&y.hess, |row| copy_eps::<S, T>(&mut slots, &row));
    out
}

/// The value, gradient and Hessian by nesting first-order duals
/// (`Dual<Dual<T, S>, S>`, JAX's `jacfwd(grad(f))`): the same results as
/// [`hessian`], slower, and a check that nesting composes.
///
/// # Example
///
/// ```
/// use constgrad::ad::{hessian, hessian_nested};
/// use constgrad::{Scalar, Shape, Tensor};
///
/// fn f<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
///     x.apply(Scalar::sin).product()
/// }
/// let x = Tensor::from([0.3, 0.7, 1.1]);
/// let (v1, g1, h1) = hessian(f, x);
/// let (v2, g2, h2) = hessian_nested(f, x);
/// assert_eq!(v1, v2);
/// for (a, b) in g1.iter().zip(g2.iter()).chain(h1.iter().zip(h2.iter())) {
///     assert!((a - b).abs() < 1e-15);
/// }
/// ```
#[inline]
#[allow(clippy::type_complexity)]
pub fn hessian_nested<S, H, T, F, R>(f: F, x: Tensor<S, T>) -> (T, Tensor<S, T>, Tensor<H, T>)
where
    S: Shape + Tangent + JacobianShape<S, H>,
    H: Shape,
    T: Scalar,
    F: FnOnce(Tensor<S, Dual<Dual<T, S>, S>>) -> R,
    R: ScalarOutput<Dual<Dual<T, S>, S>>,
{
    let v = x.as_slice();
    let y = f(Tensor::from_flat_fn(|k| Dual {
        re: Dual::variable(v[k], k),
        eps: S::eps_from_fn(|i| Dual::constant(if i == k { T::one() } else { T::zero() })),
    }))
    .into_scalar();
    let g = tangent_tensor::<S, T>(&y.re.eps);
    let h = Tensor::from_flat_fn(|k| S::eps_get(&y.eps, k / S::NUMEL).eps_at(k % S::NUMEL));
    (y.re.re, g, h)
}

/// A tensor of constants for a dual computation: the values of `x` with
/// zero tangents. Use it to bring a captured tensor into a differentiated
/// function (JAX does this implicitly).
///
/// # Example
///
/// ```
/// use constgrad::ad::{constant, grad};
/// use constgrad::Tensor;
///
/// let y = Tensor::from([1.0, 1.0]);
/// let g = grad(|x| (x * constant(y)).sum(), Tensor::from([3.0, 4.0]));
/// assert_eq!(g, Tensor::from([1.0, 1.0]));
/// ```
#[inline]
#[must_use]
pub fn constant<S: Shape, T: Scalar, D: Tangent>(x: Tensor<S, T>) -> Tensor<S, Dual<T, D>> {
    x.map(Dual::constant)
}

/// Marks an argument of [`grad_args`] as held fixed: it is passed to the
/// function as constants and gets no gradient (`()` in its place).
///
/// # Example
///
/// ```
/// use constgrad::ad::{grad_args, Fixed};
/// use constgrad::Tensor;
///
/// let x = Tensor::from([1.0, 2.0]);
/// let y = Tensor::from([0.5, 0.5]);
/// let (gx, ()) = grad_args(|(x, y)| ((x - y) * (x - y)).sum(), (x, Fixed(y)));
/// assert_eq!(gx, Tensor::from([1.0, 3.0]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed<X>(pub X);

/// One argument of [`grad_args`]: a tensor (differentiated) or a [`Fixed`]
/// tensor (held constant).
pub trait Arg {
    /// The element type (`f64`, `f32`, or a dual number for nesting).
    type Elem: Scalar;
    /// The part of the joint tangent this argument contributes: its shape,
    /// or `()` when fixed.
    type Tangent: Tangent;
    /// The argument as the function receives it, for the joint tangent `D`.
    type Lifted<D: Tangent>;
    /// Its gradient: a tensor of its shape, or `()` when fixed.
    type Grad;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Lifts the argument to dual numbers, its components being the joint
    /// tangent's positions `offset..offset + Self::Tangent::LEN`.
    fn lift<D: Tangent>(self, offset: usize) -> Self::Lifted<D>;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Reads its gradient from the joint tangent.
    fn read_grad<D: Tangent>(eps: &D::Eps<Self::Elem>, offset: usize) -> Self::Grad;
}

impl<S: Shape + Tangent, T: Scalar> Arg for Tensor<S, T> {
    type Elem = T;
    type Tangent = S;
    type Lifted<D: Tangent> = Tensor<S, Dual<T, D>>;
    type Grad = Tensor<S, T>;
    #[inline(always)]
    fn lift<D: Tangent>(self, offset: usize) -> Tensor<S, Dual<T, D>> {
        let v = self.as_slice();
        Tensor::from_flat_fn(|k| Dual::variable(v[k], offset + k))
    }
    #[inline(always)]
    fn read_grad<D: Tangent>(eps: &D::Eps<T>, offset: usize) -> Tensor<S, T> {
        Tensor::from_flat_fn(|k| D::eps_get(eps, offset + k))
    }
}

impl<S: Shape, T: Scalar> Arg for Fixed<Tensor<S, T>> {
    type Elem = T;
    type Tangent = ();
    type Lifted<D: Tangent> = Tensor<S, Dual<T, D>>;
    type Grad = ();
    #[inline(always)]
    fn lift<D: Tangent>(self, _offset: usize) -> Tensor<S, Dual<T, D>> {
        constant(self.0)
    }
    #[inline(always)]
    fn read_grad<D: Tangent>(_: &D::Eps<T>, _: usize) {}
}

/// The arguments of [`grad_args`]: a tuple of one to four [`Arg`]s with the
/// same element type. Their tangents are joined into one (a tuple tangent),
/// so all the gradients come from one pass.
pub trait Args {
    /// The common element type.
    type Elem: Scalar;
    /// The joint tangent: the tuple of the arguments' tangents.
    type Tangent: Tangent;
    /// The tuple the function receives.
    type Lifted;
    /// The tuple of gradients (`()` for fixed arguments).
    type Grads;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Lifts every argument.
    fn lift(self) -> Self::Lifted;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Reads every gradient from the joint tangent.
    fn grads(eps: &<Self::Tangent as Tangent>::Eps<Self::Elem>) -> Self::Grads;
}

macro_rules! args_tuple {
    ($first:ident $fi:tt $(, $name:ident $i:tt)*) => {
        impl<$first: Arg $(, $name: Arg<Elem = $first::Elem>)*> Args for ($first, $($name,)*) {
            type Elem = $first::Elem;
            type Tangent = ($first::Tangent, $($name::Tangent,)*);
            type Lifted = ($first::Lifted<Self::Tangent>, $($name::Lifted<Self::Tangent>,)*);
            type Grads = ($first::Grad, $($name::Grad,)*);
            #[inline(always)]
            #[allow(unused_assignments, unused_mut)]
            fn lift(self) -> Self::Lifted {
                let mut offset = 0;
                (
                    {
                        let o = offset;
                        offset += <$first::Tangent as Tangent>::LEN;
                        self.$fi.lift::<Self::Tangent>(o)
                    },
                    $({
                        let o = offset;
                        offset += <$name::Tangent as Tangent>::LEN;
                        self.$i.lift::<Self::Tangent>(o)
                    },)*
                )
            }
            #[inline(always)]
            #[allow(unused_assignments, unused_mut)]
            fn grads(eps: &<Self::Tangent as Tangent>::Eps<Self::Elem>) -> Self::Grads {
                let mut offset = 0;
                (
                    {
                        let o = offset;
                        offset += <$first::Tangent as Tangent>::LEN;
                        $first::read_grad::<Self::Tangent>(eps, o)
                    },
                    $({
                        let o = offset;
                        offset += <$name::Tangent as Tangent>::LEN;
                        $name::read_grad::<Self::Tangent>(eps, o)
                    },)*
                )
            }
        }
    };
}

args_tuple!(A 0);
args_tuple!(A 0, B 1);
args_tuple!(A 0, B 1, C 2);
args_tuple!(A 0, B 1, C 2, D 3);

/// The gradients of a scalar function of several tensors with respect to
/// any chosen subset of them (JAX's `argnums`), in one pass.
///
/// `args` is a tuple of up to four tensors; wrap those to hold constant in
/// [`Fixed`]. The function receives the tuple lifted to dual numbers that
/// share one joint tangent, and the result is the tuple of gradients, `()`
/// in the place of each fixed argument.
///
/// # Example
///
/// ```
/// use constgrad::ad::grad_args;
/// use constgrad::Tensor;
///
/// // sum((x - y)²) with respect to x and y (argnums = (0, 1)).
/// let x = Tensor::from([1.0, 2.0, 3.0, 4.0]);
/// let y = Tensor::from([1.5, 2.0, 2.0, 4.0]);
/// let (gx, gy) = grad_args(|(x, y)| ((x - y) * (x - y)).sum(), (x, y));
/// assert_eq!(gx, Tensor::from([-1.0, 0.0, 2.0, 0.0]));
/// assert_eq!(gy, -gx);
/// ```
#[inline]
pub fn grad_args<A, F, R>(f: F, args: A) -> A::Grads
where
    A: Args,
    F: FnOnce(A::Lifted) -> R,
    R: ScalarOutput<Dual<A::Elem, A::Tangent>>,
{
    let y = f(args.lift()).into_scalar();
    A::grads(&y.eps)
}

/// The value and the gradients of a scalar function of several tensors, as
/// [`grad_args`].
///
/// # Example
///
/// ```
/// use constgrad::ad::{value_and_grad_args, Fixed};
/// use constgrad::Tensor;
///
/// let (v, (gx, (), gz)) = value_and_grad_args(
///     |(x, y, z)| (x * y * z).sum(),
///     (Tensor::from([2.0]), Fixed(Tensor::from([3.0])), Tensor::from([4.0])),
/// );
/// assert_eq!(v, 24.0);
/// assert_eq!((gx, gz), (Tensor::from([12.0]), Tensor::from([6.0])));
/// ```
#[inline]
pub fn value_and_grad_args<A, F, R>(f: F, args: A) -> (A::Elem, A::Grads)
where
    A: Args,
    F: FnOnce(A::Lifted) -> R,
    R: ScalarOutput<Dual<A::Elem, A::Tangent>>,
{
    let y = f(args.lift()).into_scalar();
    (y.re, A::grads(&y.eps))
}

// ---------------------------------------------------------------------------
// Jacobians with respect to several arguments
// ---------------------------------------------------------------------------

/// One argument of [`jacobian_args`] for a function whose output has shape
/// `SO`: a tensor of shape `S` gets the Jacobian `SO ++ S`, a [`Fixed`]
/// tensor gets `()`.
pub trait JacobianArg<SO: Shape>: Arg {
    /// Its Jacobian: a tensor of shape `SO ++ S`, or `()` when fixed.
    type Jacobian;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Reads its Jacobian from the outputs' joint tangents; its own
    /// partial derivatives start at position `offset` of each tangent.
    fn read_jacobian<D: Tangent>(
        y: &Tensor<SO, Dual<Self::Elem, D>>,
        offset: usize,
    ) -> Self::Jacobian;
}

impl<SO, S, T> JacobianArg<SO> for Tensor<S, T>
where
    SO: Shape + crate::shape::Concat<S>,
    S: Shape,
    T: Scalar,
{
    type Jacobian = Tensor<<SO as crate::shape::Concat<S>>::Output, T>;
    #[inline(always)]
    fn read_jacobian<D: Tangent>(y: &Tensor<SO, Dual<T, D>>, offset: usize) -> Self::Jacobian {
        // Row-major over (output element, input element): each output's
        // tangent slice for this argument is one row.
        let y = y.as_slice();
        let n = S::NUMEL;
        Tensor::from_flat_fn(|k| D::eps_get(&y[k / n].eps, offset + k % n))
    }
}

impl<SO: Shape, S: Shape, T: Scalar> JacobianArg<SO> for Fixed<Tensor<S, T>> {
    type Jacobian = ();
    #[inline(always)]
    fn read_jacobian<D: Tangent>(_: &Tensor<SO, Dual<T, D>>, _: usize) {}
}

/// The arguments of [`jacobian_args`]: a tuple of one to four
/// [`JacobianArg`]s, as [`Args`] is for [`grad_args`].
pub trait JacobianArgs<SO: Shape>: Args {
    /// The tuple of Jacobians (`()` for fixed arguments).
    type Jacobians;
    #[doc(hidden)] // machinery of the entry points, not for users to call
    /// Reads every Jacobian from the outputs' joint tangents.
    fn jacobians(y: &Tensor<SO, Dual<Self::Elem, Self::Tangent>>) -> Self::Jacobians;
}

macro_rules! jacobian_args_tuple {
    ($($name:ident)*) => {
        impl<SO: Shape, $($name: JacobianArg<SO>),*> JacobianArgs<SO> for ($($name,)*)
        where
            ($($name,)*): Args,
            $($name: Arg<Elem = <Self as Args>::Elem>,)*
        {
            type Jacobians = ($($name::Jacobian,)*);
            #[inline(always)]
            #[allow(unused_assignments)]
            fn jacobians(y: &Tensor<SO, Dual<Self::Elem, Self::Tangent>>) -> Self::Jacobians {
                let mut offset = 0;
                ($({
                    let o = offset;
                    offset += <$name::Tangent as Tangent>::LEN;
                    $name::read_jacobian::<Self::Tangent>(y, o)
                },)*)
            }
        }
    };
}

jacobian_args_tuple!(A);
jacobian_args_tuple!(A B);
jacobian_args_tuple!(A B C);
jacobian_args_tuple!(A B C D);

/// The Jacobians of a tensor-valued function of several tensors with
/// respect to any chosen subset of them, in one pass (JAX's `jacobian` with
/// `argnums`). An extended Kalman filter's `∂f/∂x` and `∂f/∂w` come from one
/// evaluation of `f`.
///
/// `args` is a tuple of up to four tensors; wrap those to hold constant in
/// [`Fixed`]. For an output of shape `SO`, the Jacobian with respect to an
/// argument of shape `S` has shape `SO ++ S` (`Rank2<M, N>` for a
/// `Rank1<M>` output and a `Rank1<N>` argument).
///
/// # Example
///
/// ```
/// use constgrad::ad::jacobian_args;
/// use constgrad::{Rank2, Tensor};
///
/// // A constant-velocity model with process noise w: x' = (p + v·dt + w0, v + w1).
/// let dt = 0.1;
/// let f = |(x, w): (Tensor<_, _>, Tensor<_, _>)| {
///     let [p, v] = x.into_array();
///     let [w0, w1] = w.into_array();
///     Tensor::from([p + v * dt + w0, v + w1])
/// };
/// let (fx, fw): (Tensor<Rank2<2, 2>>, Tensor<Rank2<2, 2>>) =
///     jacobian_args(f, (Tensor::from([1.0, 2.0]), Tensor::from([0.0, 0.0])));
/// assert_eq!(fx, Tensor::from([[1.0, 0.1], [0.0, 1.0]]));
/// assert_eq!(fw, Tensor::identity());
/// ```
#[inline]
pub fn jacobian_args<A, SO, F>(f: F, args: A) -> A::Jacobians
where
    SO: Shape,
    A: JacobianArgs<SO>,
    F: FnOnce(A::Lifted) -> Tensor<SO, Dual<A::Elem, A::Tangent>>,
{
    A::jacobians(&f(args.lift()))
}

/// The value and the Jacobians of a tensor-valued function of several
/// tensors, in one pass, as [`jacobian_args`].
///
/// # Example
///
/// ```
/// use constgrad::ad::{value_and_jacobian_args, Fixed};
/// use constgrad::Tensor;
///
/// let (y, (jx, ())) = value_and_jacobian_args(
///     |(x, c)| x * x * c,
///     (Tensor::from([1.0, 3.0]), Fixed(Tensor::from([2.0, 0.5]))),
/// );
/// assert_eq!(y, Tensor::from([2.0, 4.5]));
/// assert_eq!(jx, Tensor::from([[4.0, 0.0], [0.0, 3.0]]));
/// ```
#[inline]
pub fn value_and_jacobian_args<A, SO, F>(f: F, args: A) -> (Tensor<SO, A::Elem>, A::Jacobians)
where
    SO: Shape,
    A: JacobianArgs<SO>,
    F: FnOnce(A::Lifted) -> Tensor<SO, Dual<A::Elem, A::Tangent>>,
{
    let y = f(args.lift());
    (y.map(|d| d.re), A::jacobians(&y))
}
