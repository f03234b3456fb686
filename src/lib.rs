#![no_std]
#![deny(missing_docs)]
// Without `nalgebra` no unsafe code at all. With it, simba's `SimdValue`
// requires two `unsafe fn`s, implemented (in `dual::nalgebra`) without any
// unsafe operation; they are the only items allowed.
#![cfg_attr(not(feature = "nalgebra"), forbid(unsafe_code))]
#![cfg_attr(feature = "nalgebra", deny(unsafe_code))]
//! # constgrad
//!
//! Tensors whose shapes are types, forward-mode automatic differentiation,
//! a vmap combinator and numpy-exact stencil gradients, for `no_std` and
//! real-time Rust: no heap, no panics on valid input, and shape mistakes
//! rejected by the compiler.
//!
//! If you know numpy and JAX, think of constgrad as the small, static corner
//! of them that fits on a microcontroller: `jax.grad`, `jax.jacfwd`,
//! `jax.vmap` and `numpy.gradient` on arrays whose shapes are fixed when the
//! program is written. If you know num-dual and nalgebra, it is dual numbers
//! with a tangent of any static size, on tensors of any rank up to six, with
//! the shape rules of every operation checked by the type system. What
//! numpy and JAX report at run time (`ValueError: operands could not be
//! broadcast`, `vmap got inconsistent sizes`, an axis out of range) is a
//! compile error here.
//!
//! The sections below go through each capability with a small example; the
//! module pages hold the details and the full numpy/JAX mapping tables.
//!
//! # Tensors and shape errors
//!
//! A [`Tensor<S, E>`](Tensor) stores the elements of shape `S` inline, row
//! major; `S` is one of the markers [`Rank0`] … [`Rank6`] (`Rank2<3, 4>` is a
//! 3 × 4 matrix) and the element `E` defaults to `f64`. Elementwise
//! arithmetic, reductions ([`reduce`](tensor::reduce)), matrix products, transposes and
//! reshapes ([`linalg`](tensor::linalg)) are all there; see [`tensor`] for construction.
//!
//! ```
//! use constgrad::{Rank1, Rank2, Tensor};
//!
//! let a = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]); // Rank2<2, 3>
//! let x: Tensor<Rank1<3>> = Tensor::from([1.0, 0.0, -1.0]);
//! assert_eq!(a.matmul(&x), Tensor::from([-2.0, -2.0]));
//! assert_eq!(a.sum(), 21.0);
//! assert_eq!(a[[1, 2]], 6.0);
//! let i: Tensor<Rank2<2, 2>> = Tensor::identity();
//! assert_eq!(a.matmul(&a.transpose()) * i, Tensor::from([[14.0, 0.0], [0.0, 77.0]]));
//! ```
//!
//! Shapes that do not fit are rejected by `cargo check`, with a message
//! that names both shapes:
//!
//! ```compile_fail,E0277
//! use constgrad::Tensor;
//!
//! let a = Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]); // 2 × 3
//! let b = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);           // 2 × 2
//! let _ = a.matmul(&b); // error: the left matrix has 3 columns, so the right operand needs 3 rows
//! ```
//!
//! ```compile_fail,E0277
//! use constgrad::Tensor;
//!
//! let a = Tensor::from([1.0, 2.0, 3.0]);
//! let b = Tensor::from([1.0, 2.0]);
//! let _ = a + b; // error: cannot add `Tensor<Rank1<2>>` to `Tensor<Rank1<3>>`
//! ```
//!
//! A few rules need arithmetic on the dimensions (a reshape keeps the
//! number of elements); those are checked when the code is compiled to a
//! binary (`cargo build`, `cargo test`), not by `cargo check`.
//!
//! # Automatic differentiation
//!
//! [`ad`] holds the entry points, named after JAX's. Each evaluates the
//! function once on [`Dual`] numbers whose tangent has the input's shape,
//! so one pass gives the whole gradient or Jacobian, and nothing allocates.
//!
//! ```
//! use constgrad::ad::{grad, grad_args, grad_with_aux, hessian, jacobian, jvp, value_and_grad, Fixed};
//! use constgrad::Tensor;
//!
//! let x = Tensor::from([1.0_f64, 2.0, 3.0]);
//!
//! // jax.grad and jax.value_and_grad: a scalar function of a tensor.
//! assert_eq!(grad(|x| (x * x).sum(), x), Tensor::from([2.0, 4.0, 6.0]));
//! let (v, g) = value_and_grad(|x| (x * x).sum(), x);
//! assert_eq!((v, g), (14.0, Tensor::from([2.0, 4.0, 6.0])));
//!
//! // has_aux=True: the function returns (scalar, anything).
//! let (g, n) = grad_with_aux(|x| (x.sum(), 3), x);
//! assert_eq!((g, n), (Tensor::from([1.0, 1.0, 1.0]), 3));
//!
//! // argnums: differentiate with respect to some arguments only.
//! let w = Tensor::from([0.5, 0.5, 0.5]);
//! let (gx, ()) = grad_args(|(x, w)| (x * w).sum(), (x, Fixed(w)));
//! assert_eq!(gx, w);
//!
//! // jax.jacfwd: the Jacobian's shape is the output's axes, then the input's.
//! let j = jacobian(|x| x * x, x); // Rank1<3> -> Rank1<3>: a Rank2<3, 3>
//! assert_eq!(j, Tensor::from([[2.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 6.0]]));
//!
//! // jax.jvp: the function and one directional derivative.
//! let (y, dy) = jvp(|x| x * x, x, Tensor::from([1.0, 0.0, 0.0]));
//! assert_eq!((y, dy), (Tensor::from([1.0, 4.0, 9.0]), Tensor::from([2.0, 0.0, 0.0])));
//!
//! // jax.hessian, with the value and gradient from the same pass.
//! let (v, g, h) = hessian(|x| x[[0]] * x[[1]] * x[[2]], x);
//! assert_eq!(v, 6.0);
//! assert_eq!(g, Tensor::from([6.0, 3.0, 2.0]));
//! assert_eq!(h, Tensor::from([[0.0, 3.0, 2.0], [3.0, 0.0, 1.0], [2.0, 1.0, 0.0]]));
//! ```
//!
//! A closure is fine when it is differentiated once. To differentiate a
//! function at several element types (plain `f64`, a [`Dual`], a dual of
//! duals for grad-of-grad), write it as a `fn` generic over [`Scalar`]:
//! Rust instantiates it at each type. Constants are `T::from_f64(…)`, or
//! ask for [`RealArith<f64>`] and write `x * 2.0`.
//!
//! ```
//! use constgrad::ad::{derivative, grad, jacobian};
//! use constgrad::{Scalar, Shape, Tensor};
//!
//! fn f<T: Scalar>(x: T) -> T {
//!     x.sin() * (-x / T::from_f64(4.0)).exp()
//! }
//! // The same body runs on f64, on a Dual, and on a Dual of a Dual.
//! let y = f(1.0);
//! let df = derivative(f, 1.0);
//! let d2f = derivative(|x| derivative(f, x), 1.0);
//! assert!((df - (1.0_f64.cos() - 0.25 * 1.0_f64.sin()) * (-0.25_f64).exp()).abs() < 1e-15);
//! assert!(y.is_finite() && d2f.is_finite());
//!
//! fn energy<S: Shape, T: Scalar>(x: Tensor<S, T>) -> T {
//!     (x * x).sum()
//! }
//! // The Jacobian of the gradient is the Hessian: 2·I.
//! let h = jacobian(|x| grad(energy, x), Tensor::from([1.0, 2.0]));
//! assert_eq!(h, Tensor::from([[2.0, 0.0], [0.0, 2.0]]));
//! ```
//!
//! Asking for the gradient of a function with a tensor output, or for a
//! Jacobian of the wrong shape, is a compile error that says what the
//! right shape is.
//!
//! # vmap
//!
//! [`vmap()`], [`vmap2`] and [`vmap3`] call a function once per entry of a
//! batch and stack the results along a new leading axis. A [`Tensor`]
//! argument is mapped along its leading axis, [`Tensor::in_axis`] maps along
//! another one, [`Broadcast`] passes the same value to every call. The batch
//! size is a const taken from the types of the mapped arguments, so two
//! arguments with different batch sizes do not compile, and neither does a
//! vmap with nothing mapped ([`Repeat`] names the number of calls instead).
//! vmap composes with the AD entry points in both directions:
//!
//! ```
//! use constgrad::ad::{derivative, grad};
//! use constgrad::{vmap, vmap2, Broadcast, Rank1, Scalar, Tensor};
//!
//! let m = Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
//! // One row per call: the squared norm of each row.
//! assert_eq!(vmap(|r: Tensor<Rank1<2>>| (r * r).sum(), m), Tensor::from([5.0, 25.0, 61.0]));
//! // One column per call, with a broadcast weight.
//! let w = Tensor::from([1.0, 10.0, 100.0]);
//! let cols = vmap2(|c: Tensor<Rank1<3>>, w| (c * w).sum(), m.in_axis::<1>(), Broadcast(w));
//! assert_eq!(cols, Tensor::from([531.0, 642.0]));
//!
//! fn cube<T: Scalar>(x: T) -> T {
//!     x * x * x
//! }
//! let xs = Tensor::from([1.0, 2.0, 3.0]);
//! // jax.vmap(jax.grad(f)): the derivative at every point.
//! let d = vmap(|x| derivative(cube, x), xs);
//! assert_eq!(d, Tensor::from([3.0, 12.0, 27.0]));
//! // jax.grad of a function that uses vmap inside.
//! assert_eq!(grad(|x| vmap(cube, x).sum(), xs), d);
//! ```
//!
//! # Stencil gradients
//!
//! [`stencil`] computes `numpy.gradient` on sampled data, with numpy's
//! formulas applied operation for operation so that `f64` results equal
//! numpy's bit for bit: unit, uniform ([`stencil::Step`]) or non-uniform
//! ([`stencil::Coords`]) spacing, `edge_order` 1 or 2, every axis or a chosen
//! one. One result per axis comes back in an array. Beyond numpy,
//! [`Tensor::diff_along`], [`Tensor::diff2_along`] and [`Tensor::laplacian`]
//! use Fornberg's weights of accuracy order 2 to 8 on any grid.
//!
//! ```
//! use constgrad::stencil::{Accuracy, Coords, Unit, EDGE1, EDGE2};
//! use constgrad::{Rank1, Tensor};
//!
//! // np.gradient([1, 2, 4, 7, 11, 16])
//! let f = Tensor::from([1.0_f64, 2.0, 4.0, 7.0, 11.0, 16.0]);
//! let [g] = f.gradient(Unit, EDGE1);
//! assert_eq!(g, Tensor::from([1.0, 1.5, 2.5, 3.5, 4.5, 5.0]));
//!
//! // np.gradient(f, axis=1, edge_order=2) on a 2 × 3 field
//! let f2 = Tensor::from([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]);
//! let gy = f2.gradient_along::<1>(Unit, EDGE2);
//! assert_eq!(gy, Tensor::from([[-0.5, 2.5, 5.5], [1.0, 1.0, 1.0]]));
//!
//! // Non-uniform coordinates, checked (finite, strictly monotonic).
//! let x = Coords::new([0.0, 1.0, 1.5, 3.5, 4.0, 6.0]).unwrap();
//! let [gx] = f.gradient(x, EDGE1);
//! assert!((gx[[3]] - 6.7).abs() < 1e-12);
//!
//! // A sixth-order stencil on a fine grid: far closer than numpy's.
//! let xs = Tensor::<Rank1<32>>::linspace(0.0, 1.0);
//! let s = xs.map(f64::sin);
//! let d = s.diff_along::<0>(1.0 / 31.0, Accuracy::<6>);
//! assert!(d.iter().zip(xs.iter()).all(|(d, x)| (d - x.cos()).abs() < 1e-7));
//! ```
//!
//! An axis shorter than the stencil, a coordinate array of the wrong length
//! or an axis out of range is a compile error, where numpy raises at run
//! time.
//!
//! # Heap tensors
//!
//! A [`Tensor`] lives on the stack (or wherever you put it). For fields too
//! large for a stack, feature `alloc` adds [`HeapTensor`] (module [`heap`]):
//! `Tensor<S, E, Heap>`, the same shapes in one heap buffer, built in place,
//! with every operation of the inline tensor (arithmetic, reductions,
//! products, reshapes, printing, the stencils and their `…_into` forms that
//! write into buffers you provide). The storage is the tensor's third type
//! parameter ([`Storage`]), so code written over `Tensor<S, E, D>` serves both.
#![cfg_attr(feature = "alloc", doc = "```")]
#![cfg_attr(not(feature = "alloc"), doc = "```ignore")]
//! use constgrad::stencil::{Unit, EDGE1};
//! use constgrad::{HeapTensor, Rank2};
//!
//! // 8 MB: too large for a debug build's thread stack as a temporary.
//! let f = HeapTensor::<Rank2<1000, 1000>>::from_fn(|[i, j]| (i * j) as f64);
//! let [gi, _gj] = f.gradient(Unit, EDGE1);
//! assert_eq!(gi[[10, 7]], 7.0);
//! let exact = HeapTensor::<Rank2<1000, 1000>>::from_fn(|[_, j]| j as f64);
//! assert_eq!((&gi - &exact).max(), 0.0);
//! ```
//!
//! # no_std and features
//!
//! The crate is `#![no_std]` and allocates nothing unless you ask for
//! [`HeapTensor`]. Features:
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | the float methods of `std` for `sin`, `exp`, …; `std::error::Error` for [`ShapeError`]; implies `alloc` |
//! | `alloc` | via `std` | [`HeapTensor`]: every tensor operation and stencil on the heap |
//! | `libm` | no | every elementary function from the `libm` crate, even with `std` (the same bits on every target) |
//! | `nalgebra` | no | conversions to and from `SVector`/`SMatrix`, and nalgebra's scalar traits for [`Dual`] |
//! | `ndarray` | no | conversions between ndarray's `Array`/`ArrayView` and [`HeapTensor`], the shape checked at run time; implies `alloc` |
//! | `rayon` | no | the stencils and the in-place elementwise operations on heap tensors of 2¹⁶ elements or more split over threads, bit-identical; implies `std` |
//!
//! For firmware, turn the defaults off; `libm` then supplies the math:
//!
//! ```toml
//! [dependencies]
//! constgrad = { version = "0.1", default-features = false }
//! ```
//!
//! # Where to go next
//!
//! - [`tensor`] (with [`ops`](tensor::ops), [`reduce`](tensor::reduce),
//!   [`linalg`](tensor::linalg), [`fmt`](tensor::fmt), [`error`](tensor::error)),
//!   [`shape`]: the tensor and its shapes;
//! - [`ad`], [`dual`], [`scalar`]: differentiation and the number types;
//! - [`vmap`](mod@vmap): batching;
//! - [`stencil`]: gradients of sampled data.
//!
//! `ARCHITECTURE.md` in the repository explains how the pieces fit.
//!
#![cfg_attr(feature = "alloc", doc = "[`HeapTensor`]: crate::HeapTensor")]
#![cfg_attr(feature = "alloc", doc = "[`heap`]: crate::tensor::heap")]
#![cfg_attr(not(feature = "alloc"), doc = "[`HeapTensor`]: #heap-tensors")]
#![cfg_attr(not(feature = "alloc"), doc = "[`heap`]: #heap-tensors")]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "alloc")]
extern crate alloc;

mod const_msg;

pub mod ad;
pub mod dual;
pub mod scalar;
pub mod shape;
pub mod stencil;
pub mod tensor;
pub mod vmap;

pub use ad::{grad, hessian, jacobian, value_and_grad};
pub use dual::{Dual, Dual2, RealArith, Tangent};
pub use scalar::{Element, Real, Scalar};
pub use shape::{
    AxisOfLen, Concat, HasAxis, Prepend, Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape,
};
pub use tensor::error::ShapeError;
#[cfg(feature = "alloc")]
pub use tensor::heap::{Heap, HeapTensor};
pub use tensor::linalg::{Axes, Axes1, Axes2, Axes3, Axes4, Axes5, Axes6, MatMulRhs, PermuteAxes};
pub use tensor::{Inline, Storage, Tensor};
pub use vmap::{vmap, vmap2, vmap3, Batched, Broadcast, Mapped, Repeat, VmapArg};

/// The README's examples, compiled and run as doctests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
