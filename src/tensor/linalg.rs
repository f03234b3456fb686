//! Matrix operations and shape changes: [`Tensor::dot`], [`Tensor::matmul`],
//! [`Tensor::transpose`], permutations of axes ([`Tensor::permute`],
//! [`Tensor::permute_into`]), [`Tensor::reshape`], [`Tensor::flatten`] and
//! [`Tensor::concat`].
//!
//! Every shape rule is checked by the compiler:
//!
//! - the inner dimension of a matrix product is one const parameter `K`
//!   shared by both operands; the right operand is a matrix `Rank2<K, N>` or a
//!   vector `Rank1<K>` through the [`MatMulRhs`] table, whose diagnostic names
//!   both numbers when they differ;
//! - a permutation of ranks 2 to 4 is looked up in the [`PermuteAxes`] table
//!   (one entry per permutation, 32 in all), which gives the output shape, so
//!   it is inferred; ranks 5 and 6 would need 840 entries, so there the caller
//!   names the output shape and [`Tensor::permute_into`] checks it with an
//!   inline `const` assertion (any rank from 1 to 6 is accepted there);
//! - a reshape keeps the element count, checked by an inline `const`
//!   assertion (a product of dimensions cannot be compared in a type on
//!   stable Rust). These assertions fail at `cargo build`, not `cargo check`.
//!
//! # Example
//!
//! ```
//! use constgrad::{Axes3, Rank2, Rank3, Tensor};
//!
//! let a = Tensor::from([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
//! let b = Tensor::from([[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]]);
//! assert_eq!(a.matmul(&b), Tensor::from([[1.0, 2.0, 8.0], [3.0, 4.0, 18.0], [5.0, 6.0, 28.0]]));
//! assert_eq!(a.matmul(&Tensor::from([1.0, 1.0])), Tensor::from([3.0, 7.0, 11.0]));
//! assert_eq!(a.transpose(), Tensor::from([[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]));
//!
//! let r: Tensor<Rank2<2, 3>> = a.reshape();
//! assert_eq!(r, Tensor::from([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]));
//!
//! let t = Tensor::<Rank3<2, 3, 4>>::from_fn(|[i, j, k]| (100 * i + 10 * j + k) as f64);
//! let p = t.permute::<Axes3<2, 0, 1>>(); // shape Rank3<4, 2, 3>, inferred
//! assert_eq!(p[[3, 1, 2]], t[[1, 2, 3]]);
//! ```

use crate::const_msg::{check, Msg};
use crate::scalar::Scalar;
use crate::shape::{rank_ty, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape};
use crate::tensor::{Storage, Tensor};

// ---------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------

/// `a[0]·b[0] + a[1]·b[1] + …`, summed left to right (0 when empty).
#[inline]
fn dot_kernel<E: Scalar>(a: &[E], b: &[E]) -> E {
    let mut it = a.iter().zip(b);
    let Some((&x, &y)) = it.next() else {
        return E::zero();
    };
    let mut acc = x * y;
    for (&x, &y) in it {
        acc += x * y;
    }
    acc
}

/// The right operand of a matrix product whose left operand has `K` columns:
/// a matrix `Rank2<K, N>` (the product is `Rank2<M, N>`) or a vector
/// `Rank1<K>` (the product is `Rank1<M>`).
///
/// # Example
///
/// ```
/// use constgrad::{MatMulRhs, Rank1, Rank2};
///
/// let _: <Rank2<3, 5> as MatMulRhs<3>>::Product<2> = Rank2::<2, 5>;
/// let _: <Rank1<3> as MatMulRhs<3>>::Product<2> = Rank1::<2>;
/// ```
#[diagnostic::on_unimplemented(
    message = "matrix product: the left matrix has {K} columns, so the right operand needs {K} rows, but its shape is `{Self}`",
    label = "expected a `Rank2<{K}, _>` matrix or a `Rank1<{K}>` vector, found `{Self}`",
    note = "in `a.matmul(&b)`, the last dimension of `a` must equal the first dimension of `b`"
)]
pub trait MatMulRhs<const K: usize>: Shape {
    /// The shape of the product with a left matrix of `M` rows.
    type Product<const M: usize>: Shape;
    /// The operand's number of columns (1 for a vector): the product's
    /// entry `(i, j)` is row `i` of the left matrix times column `j`.
    const COLS: usize;
}

impl<const K: usize, const N: usize> MatMulRhs<K> for Rank2<K, N> {
    type Product<const M: usize> = Rank2<M, N>;
    const COLS: usize = N;
}

impl<const K: usize> MatMulRhs<K> for Rank1<K> {
    type Product<const M: usize> = Rank1<M>;
    const COLS: usize = 1;
}

/// `out = a · b` for `a` of `k` columns and `b` of `k` rows of `cols`, all
/// row-major; `out` holds zeros on entry. Each entry is
/// `a[i][0]·b[0][j] + a[i][1]·b[1][j] + …`, summed left to right, starting
/// from the first product (not from 0: one addition less per entry, and the
/// sign of a zero kept, as a hand-written sum does).
#[inline]
fn matmul_kernel<E: Scalar>(a: &[E], b: &[E], out: &mut [E], k: usize, cols: usize) {
    if k == 0 || cols == 0 {
        return;
    }
    // One accumulator per entry in `i, j, k` order: for the small inline
    // sizes this unrolls into the shortest code (an `i, k, j` order that
    // vectorizes along rows of `b` measured a third more instructions at
    // 4 × 4).
    for (orow, arow) in out.chunks_exact_mut(cols).zip(a.chunks_exact(k)) {
        for (j, o) in orow.iter_mut().enumerate() {
            let mut acc = arow[0] * b[j];
            for (&x, brow) in arow[1..].iter().zip(b.chunks_exact(cols).skip(1)) {
                acc += x * brow[j];
            }
            *o = acc;
        }
    }
}

impl<const N: usize, E: Scalar, D: Storage> Tensor<Rank1<N>, E, D> {
    /// The dot product `Σ a[k]·b[k]`, summed in order.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([1.0, 2.0, 3.0]).dot(&Tensor::from([4.0, 5.0, 6.0])), 32.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn dot(&self, rhs: &Self) -> E {
        dot_kernel(self.as_slice(), rhs.as_slice())
    }
}

impl<const M: usize, const K: usize, E: Scalar, D: Storage> Tensor<Rank2<M, K>, E, D> {
    /// The matrix product with a `K × N` matrix (giving `M × N`) or with a
    /// vector of `K` elements (giving `M` elements). Each entry is summed
    /// in order of `k`.
    ///
    /// An operand whose first dimension is not `K` does not compile.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// let b = Tensor::from([[5.0, 6.0], [7.0, 8.0]]);
    /// assert_eq!(a.matmul(&b), Tensor::from([[19.0, 22.0], [43.0, 50.0]]));
    /// assert_eq!(a.matmul(&Tensor::from([1.0, -1.0])), Tensor::from([-1.0, -1.0]));
    /// ```
    ///
    /// ```compile_fail
    /// use constgrad::Tensor;
    ///
    /// let a = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
    /// let _ = a.matmul(&Tensor::from([1.0, 2.0, 3.0])); // 2 columns, 3 rows
    /// ```
    #[inline]
    #[must_use]
    pub fn matmul<R: MatMulRhs<K>>(&self, rhs: &Tensor<R, E, D>) -> Tensor<R::Product<M>, E, D> {
        let mut out = Tensor::zeros();
        matmul_kernel(
            self.as_slice(),
            rhs.as_slice(),
            out.as_mut_slice(),
            K,
            R::COLS,
        );
        out
    }
}

impl<const M: usize, const K: usize, E: Copy, D: Storage> Tensor<Rank2<M, K>, E, D> {
    /// The transpose: `out[[j, i]] == self[[i, j]]`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let a = Tensor::from([[1, 2, 3], [4, 5, 6]]);
    /// assert_eq!(a.transpose(), Tensor::from([[1, 4], [2, 5], [3, 6]]));
    /// ```
    #[inline]
    #[must_use]
    pub fn transpose(&self) -> Tensor<Rank2<K, M>, E, D> {
        let a = self.as_slice();
        // Output position p = j·M + i holds a[i][j].
        Tensor::from_flat_fn(|p| a[(p % M) * K + p / M])
    }
}

impl<const N: usize, E: Scalar, D: Storage> Tensor<Rank2<N, N>, E, D> {
    /// The sum of the diagonal.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// assert_eq!(Tensor::from([[1.0, 2.0], [3.0, 4.0]]).trace(), 5.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn trace(&self) -> E {
        let a = self.as_slice();
        (0..N).fold(E::zero(), |s, i| s + a[i * N + i])
    }
}

// ---------------------------------------------------------------------------
// Permutations of axes
// ---------------------------------------------------------------------------

/// A list of axes naming a permutation, as in `numpy.transpose(a, axes)`:
/// axis `i` of the result is axis `PERM[i]` of the input. Implemented by the
/// markers [`Axes1`] … [`Axes6`].
///
/// # Example
///
/// ```
/// use constgrad::{Axes, Axes3};
///
/// assert_eq!(<Axes3<2, 0, 1> as Axes>::PERM, &[2, 0, 1]);
/// ```
pub trait Axes: Copy + Default + core::fmt::Debug + 'static {
    /// The axes, in output order.
    const PERM: &'static [usize];
}

macro_rules! axes_marker {
    ($(#[$doc:meta])* $name:ident [$($p:ident)+]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name<$(const $p: usize),+>;

        impl<$(const $p: usize),+> Axes for $name<$($p),+> {
            const PERM: &'static [usize] = &[$($p),+];
        }
    };
}

axes_marker!(
    /// A permutation of one axis (only `Axes1<0>` is valid).
    Axes1 [P0]
);
axes_marker!(
    /// A permutation of two axes: `Axes2<1, 0>` is the transpose.
    Axes2 [P0 P1]
);
axes_marker!(
    /// A permutation of three axes, such as `Axes3<2, 0, 1>`.
    Axes3 [P0 P1 P2]
);
axes_marker!(
    /// A permutation of four axes, such as `Axes4<0, 2, 3, 1>` (NCHW → NHWC).
    Axes4 [P0 P1 P2 P3]
);
axes_marker!(
    /// A permutation of five axes (used with [`Tensor::permute_into`]).
    Axes5 [P0 P1 P2 P3 P4]
);
axes_marker!(
    /// A permutation of six axes (used with [`Tensor::permute_into`]).
    Axes6 [P0 P1 P2 P3 P4 P5]
);

/// The table of permutations for ranks 1 to 4: `Output` is this shape with
/// its axes in the order `P`. Only valid permutations are listed, so a
/// repeated or out-of-range axis, or a list of the wrong length, does not
/// compile.
///
/// # Example
///
/// ```
/// use constgrad::{Axes3, PermuteAxes, Rank3};
///
/// let _: <Rank3<2, 3, 4> as PermuteAxes<Axes3<2, 0, 1>>>::Output = Rank3::<4, 2, 3>;
/// ```
#[diagnostic::on_unimplemented(
    message = "`{P}` is not a permutation of the axes of a tensor of shape `{Self}`",
    label = "not a permutation of the axes of `{Self}`",
    note = "list every axis from 0 to rank - 1 exactly once, e.g. `Axes3<2, 0, 1>` for rank 3",
    note = "ranks 5 and 6 have no table: name the output shape with `permute_into`"
)]
pub trait PermuteAxes<P: Axes>: Shape {
    /// The permuted shape: its axis `i` is axis `P::PERM[i]` of `Self`.
    type Output: Shape;
}

/// Names the dimension parameter of axis `n` (0-based) in the table below.
macro_rules! dim {
    (0) => {
        A
    };
    (1) => {
        B
    };
    (2) => {
        C
    };
    (3) => {
        D
    };
}

/// One `PermuteAxes` entry per listed permutation of one rank.
macro_rules! permute_table {
    ($rank:ident, $axes:ident, $dims:tt, $($perm:tt)+) => {
        $(permute_table!(@entry $rank, $axes, $dims, $perm);)+
    };
    (@entry $rank:ident, $axes:ident, [$($d:ident)+], [$($p:tt)+]) => {
        impl<$(const $d: usize),+> PermuteAxes<$axes<$($p),+>> for $rank<$($d),+> {
            type Output = $rank<$(dim!($p)),+>;
        }
    };
}

permute_table!(Rank1, Axes1, [A], [0]);
permute_table!(Rank2, Axes2, [A B], [0 1] [1 0]);
permute_table!(Rank3, Axes3, [A B C],
    [0 1 2] [0 2 1] [1 0 2] [1 2 0] [2 0 1] [2 1 0]);
permute_table!(Rank4, Axes4, [A B C D],
    [0 1 2 3] [0 1 3 2] [0 2 1 3] [0 2 3 1] [0 3 1 2] [0 3 2 1]
    [1 0 2 3] [1 0 3 2] [1 2 0 3] [1 2 3 0] [1 3 0 2] [1 3 2 0]
    [2 0 1 3] [2 0 3 1] [2 1 0 3] [2 1 3 0] [2 3 0 1] [2 3 1 0]
    [3 0 1 2] [3 0 2 1] [3 1 0 2] [3 1 2 0] [3 2 0 1] [3 2 1 0]);

/// Whether `perm` lists each of `0..rank` exactly once.
#[must_use]
const fn is_permutation(perm: &[usize], rank: usize) -> bool {
    if perm.len() != rank {
        return false;
    }
    let mut seen = [false; 8];
    let mut i = 0;
    while i < perm.len() {
        let p = perm[i];
        if p >= rank || p >= seen.len() || seen[p] {
            return false;
        }
        seen[p] = true;
        i += 1;
    }
    true
}

/// Whether `out[i] == dims[perm[i]]` for every axis (`perm` is valid).
#[must_use]
const fn is_permuted_shape(dims: &[usize], perm: &[usize], out: &[usize]) -> bool {
    if out.len() != perm.len() {
        return false;
    }
    let mut i = 0;
    while i < perm.len() {
        if out[i] != dims[perm[i]] {
            return false;
        }
        i += 1;
    }
    true
}

/// Where each element of a permuted tensor comes from: output axis `i`
/// walks input axis `perm[i]`. Not generic at all, so every shape and element
/// type shares one copy of this code.
#[derive(Clone, Copy)]
struct PermuteMap {
    rank: usize,
    out_dims: [usize; 6],
    out_stride: [usize; 6],
}

impl PermuteMap {
    /// The map for input dimensions `dims` and a valid permutation `perm`.
    fn new(dims: &[usize], perm: &[usize]) -> Self {
        let rank = dims.len();
        let mut in_stride = [0usize; 6];
        let mut s = 1;
        for ax in (0..rank).rev() {
            in_stride[ax] = s;
            s *= dims[ax];
        }
        let mut map = Self {
            rank,
            out_dims: [0; 6],
            out_stride: [0; 6],
        };
        for i in 0..rank {
            map.out_dims[i] = dims[perm[i]];
            map.out_stride[i] = in_stride[perm[i]];
        }
        map
    }

    /// The input's flat position of the output's flat position `k`.
    #[inline]
    fn source(&self, mut k: usize) -> usize {
        let mut off = 0;
        for ax in (0..self.rank).rev() {
            let d = self.out_dims[ax];
            off += (k % d) * self.out_stride[ax];
            k /= d;
        }
        off
    }
}

impl<S: Shape, E: Copy, D: Storage> Tensor<S, E, D> {
    /// Reorders the axes (`numpy.transpose(a, axes)`): axis `i` of the result
    /// is axis `P::PERM[i]` of `self`. The output shape is inferred from the
    /// [`PermuteAxes`] table, which covers ranks 1 to 4; use
    /// [`Tensor::permute_into`] for ranks 5 and 6.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Axes4, Rank4, Tensor};
    ///
    /// // NCHW → NHWC
    /// let x = Tensor::<Rank4<1, 3, 2, 2>>::from_fn(|[n, c, h, w]| (c * 100 + h * 10 + w) as f64);
    /// let y: Tensor<Rank4<1, 2, 2, 3>> = x.permute::<Axes4<0, 2, 3, 1>>();
    /// assert_eq!(y[[0, 1, 0, 2]], 210.0);
    /// ```
    #[must_use]
    pub fn permute<P: Axes>(&self) -> Tensor<<S as PermuteAxes<P>>::Output, E, D>
    where
        S: PermuteAxes<P>,
    {
        self.permute_unchecked::<P, <S as PermuteAxes<P>>::Output>()
    }

    /// Reorders the axes into a shape the caller names (any rank 1 to 6):
    /// axis `i` of `S2` must be axis `P::PERM[i]` of `self`. Checked by
    /// inline `const` assertions when the program is built.
    ///
    /// The check runs when the program is built: `cargo build` and `cargo
    /// test` report it, `cargo check` (and so rust-analyzer) does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Axes5, Rank5, Tensor};
    ///
    /// let x = Tensor::<Rank5<1, 2, 3, 4, 5>>::from_flat_fn(|k| k as f64);
    /// let y = x.permute_into::<Axes5<4, 3, 2, 1, 0>, Rank5<5, 4, 3, 2, 1>>();
    /// assert_eq!(y[[4, 3, 2, 1, 0]], x[[0, 1, 2, 3, 4]]);
    /// ```
    ///
    /// ```compile_fail
    /// use constgrad::{Axes5, Rank5, Tensor};
    ///
    /// let x = Tensor::<Rank5<1, 2, 3, 4, 5>>::from_flat_fn(|k| k as f64);
    /// // Wrong output shape: axis 0 of the result is axis 4 of x, of length 5.
    /// let _ = x.permute_into::<Axes5<4, 3, 2, 1, 0>, Rank5<1, 2, 3, 4, 5>>();
    /// ```
    #[must_use]
    pub fn permute_into<P: Axes, S2: Shape>(&self) -> Tensor<S2, E, D> {
        const { permuted_into(S::DIMS, P::PERM, S2::DIMS) };
        self.permute_unchecked::<P, S2>()
    }

    /// The permutation itself, once the output shape is known to be right.
    #[inline]
    fn permute_unchecked<P: Axes, S2: Shape>(&self) -> Tensor<S2, E, D> {
        let src = self.as_slice();
        let map = PermuteMap::new(S::DIMS, P::PERM);
        Tensor::from_flat_fn(|k| src[map.source(k)])
    }

    /// The same elements in row-major order, viewed as shape `S2` (numpy's
    /// `reshape`). `S2` must have the same number of elements; otherwise the
    /// build fails with a `const` assertion.
    ///
    /// The element-count check runs when the program is built: `cargo
    /// build` and `cargo test` report it, `cargo check` (and so
    /// rust-analyzer) does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank3, Tensor};
    ///
    /// let t = Tensor::from([[1, 2, 3, 4], [5, 6, 7, 8]]);
    /// let r = t.reshape::<Rank3<2, 2, 2>>();
    /// assert_eq!(r, Tensor::from([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]));
    /// ```
    ///
    /// ```compile_fail
    /// use constgrad::{Rank2, Tensor};
    ///
    /// let t = Tensor::from([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    /// let _ = t.reshape::<Rank2<4, 2>>(); // 6 elements into 8
    /// ```
    #[inline]
    #[must_use]
    pub fn reshape<S2: Shape>(&self) -> Tensor<S2, E, D> {
        const { check::reshape(S::DIMS, S::NUMEL, S2::DIMS, S2::NUMEL) };
        let s = self.as_slice();
        Tensor::from_flat_fn(|k| s[k])
    }

    /// All elements as a vector of length `N`, row-major; `N` must be the
    /// element count (checked when the program is built). Usually inferred
    /// from the annotation.
    ///
    /// The element-count check runs when the program is built: `cargo
    /// build` and `cargo test` report it, `cargo check` (and so
    /// rust-analyzer) does not.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Tensor};
    ///
    /// let v: Tensor<Rank1<4>> = Tensor::from([[1.0, 2.0], [3.0, 4.0]]).flatten();
    /// assert_eq!(v, Tensor::from([1.0, 2.0, 3.0, 4.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn flatten<const N: usize>(&self) -> Tensor<Rank1<N>, E, D> {
        const { check::flatten(S::DIMS, S::NUMEL, N) };
        let s = self.as_slice();
        Tensor::from_flat_fn(|k| s[k])
    }
}

impl<const K: usize, E: Scalar> Tensor<Rank1<K>, E> {
    /// The product of a row vector with a `K × N` matrix (numpy's `v @ m`),
    /// giving `N` elements; each entry is summed in order of `k`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::Tensor;
    ///
    /// let v = Tensor::from([1.0, 2.0]);
    /// let m = Tensor::from([[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]]);
    /// assert_eq!(v.matmul(&m), Tensor::from([1.0, 2.0, 8.0]));
    /// assert_eq!(v.matmul(&m), m.transpose().matmul(&v));
    /// ```
    #[inline]
    #[must_use]
    pub fn matmul<const N: usize>(&self, rhs: &Tensor<Rank2<K, N>, E>) -> Tensor<Rank1<N>, E> {
        let (v, m) = (self.as_array(), rhs.as_array());
        let mut out = [E::zero(); N];
        if K == 0 {
            return Tensor::new(out);
        }
        // out[j] = v[0]·m[0][j] + v[1]·m[1][j] + …, left to right, as the
        // matrix-matrix product sums.
        for (j, o) in out.iter_mut().enumerate() {
            let mut acc = v[0] * m[0][j];
            for k in 1..K {
                acc += v[k] * m[k][j];
            }
            *o = acc;
        }
        Tensor::new(out)
    }
}

impl<S: Shape, E: Copy> Tensor<S, E> {
    /// `self` followed by `other` along axis 0 (numpy's `concatenate`), into
    /// the shape `S2` the caller names: stable Rust cannot compute
    /// `Rank1<{N + M}>` in a type, so, as for [`Tensor::reshape`], the
    /// output shape is written (or inferred from an annotation) and checked
    /// when the program is built (`cargo build`/`cargo test`; `cargo check`
    /// does not evaluate this check). Appending one element is concatenating
    /// a `Rank1<1>`.
    ///
    /// # Example
    ///
    /// ```
    /// use constgrad::{Rank1, Rank2, Tensor};
    ///
    /// let a = Tensor::from([1.0, 2.0, 3.0]);
    /// let b = Tensor::from([4.0, 5.0]);
    /// let c: Tensor<Rank1<5>> = a.concat(&b);
    /// assert_eq!(c, Tensor::from([1.0, 2.0, 3.0, 4.0, 5.0]));
    /// assert_eq!(b.concat::<_, Rank1<3>>(&Tensor::from([6.0])), Tensor::from([4.0, 5.0, 6.0]));
    ///
    /// let rows: Tensor<Rank2<3, 2>, i32> = Tensor::from([[1, 2]]).concat(&Tensor::from([[3, 4], [5, 6]]));
    /// assert_eq!(rows, Tensor::from([[1, 2], [3, 4], [5, 6]]));
    /// ```
    ///
    /// ```compile_fail,E0080
    /// use constgrad::{Rank1, Tensor};
    ///
    /// let c: Tensor<Rank1<4>> = Tensor::from([1.0, 2.0, 3.0]).concat(&Tensor::from([4.0, 5.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn concat<S1: Shape, S2: Shape>(&self, other: &Tensor<S1, E>) -> Tensor<S2, E> {
        const { check::concat(S::DIMS, S1::DIMS, S2::DIMS) };
        // Axis 0 is the outermost, so the row-major buffers simply follow
        // each other.
        let (a, b) = (self.as_slice(), other.as_slice());
        Tensor::from_flat_fn(|k| if k < a.len() { a[k] } else { b[k - a.len()] })
    }
}

/// The check of [`Tensor::permute_into`]: `perm` is a permutation of the
/// axes of `dims`, and reorders them into `out`. One call, so that the
/// error's source line is this check.
#[track_caller]
const fn permuted_into(dims: &[usize], perm: &[usize], out: &[usize]) {
    if !is_permutation(perm, dims.len()) {
        Msg::new()
            .s("permute_into: the axes ")
            .list(perm)
            .s(" are not a permutation of the ")
            .n(dims.len())
            .s(" axes of ")
            .shape(dims)
            .s(" (name every axis from 0 to rank - 1 exactly once)")
            .fail();
    }
    if !is_permuted_shape(dims, perm, out) {
        Msg::new()
            .s("permute_into: ")
            .shape(dims)
            .s(" with its axes in the order ")
            .list(perm)
            .s(" has shape ")
            .permuted_shape(dims, perm)
            .s(", not ")
            .shape(out)
            .fail();
    }
}

/// Never implemented: the bound of `matmul` on a tensor that is neither a
/// vector nor a matrix, whose message says which ranks `matmul` takes.
#[diagnostic::on_unimplemented(
    message = "`matmul` multiplies a vector (`Rank1`) or a matrix (`Rank2`); `{Self}` is neither",
    label = "`matmul` needs a rank-1 or rank-2 tensor here",
    note = "for a stack of matrices, map over the leading axis: `vmap(|m: Tensor<Rank2<_, _>>| m.matmul(&b), a)`"
)]
pub trait MatMulOperand {}

/// The shapes `matmul` is not defined for (rank 0 and ranks 3 to 6).
pub trait NoMatMul: Shape {}

macro_rules! no_matmul {
    ($([$($d:ident)*])*) => {$(
        impl<$(const $d: usize),*> NoMatMul for rank_ty!($($d)*) {}
    )*};
}

no_matmul!([] [A B C] [A B C D] [A B C D F] [A B C D F G]);

/// `matmul` on the ranks that have none: it exists so that the error says
/// which ranks do ([`MatMulOperand`]); its bound never holds.
impl<S: NoMatMul, E: Scalar> Tensor<S, E> {
    #[doc(hidden)]
    #[must_use]
    pub fn matmul<R: Shape>(&self, _rhs: &Tensor<R, E>) -> Tensor<R, E>
    where
        Tensor<S, E>: MatMulOperand,
    {
        Tensor::zeros()
    }
}

/// Never implemented: the bound of `permute` on ranks 5 and 6, which have
/// no permutation table; its message points to [`Tensor::permute_into`].
#[diagnostic::on_unimplemented(
    message = "`permute` infers the output shape up to rank 4; a `{S}` tensor needs `permute_into`",
    label = "no permutation table for this rank",
    note = "name the output shape: `x.permute_into::<{Self}, RankN<…>>()` (axis i of the result is axis i of the list in x), checked when the program is built"
)]
pub trait PermuteTable<S> {}

// Written out rather than by a macro: the error quotes this bound.
impl<P: Axes, const A: usize, const B: usize, const C: usize, const D: usize, const F: usize>
    PermuteAxes<P> for Rank5<A, B, C, D, F>
where
    P: PermuteTable<Rank5<A, B, C, D, F>>,
{
    type Output = Self;
}

impl<
        P: Axes,
        const A: usize,
        const B: usize,
        const C: usize,
        const D: usize,
        const F: usize,
        const G: usize,
    > PermuteAxes<P> for Rank6<A, B, C, D, F, G>
where
    P: PermuteTable<Rank6<A, B, C, D, F, G>>,
{
    type Output = Self;
}

// The markers are only used in types; these assertions document (and check)
// that the table and the kernel agree on the convention.
const _: () = {
    assert!(is_permutation(&[2, 0, 1], 3));
    assert!(!is_permutation(&[0, 0, 1], 3));
    assert!(!is_permutation(&[0, 1], 3));
    assert!(is_permuted_shape(&[2, 3, 4], &[2, 0, 1], &[4, 2, 3]));
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_kernel_matches_index_arithmetic() {
        let t = Tensor::<Rank3<2, 3, 4>, usize>::from_flat_fn(|k| k);
        let p = t.permute::<Axes3<1, 2, 0>>();
        assert_eq!(p.dims(), &[3, 4, 2]);
        for (ix, &v) in p.indexed_iter() {
            let [j, k, i] = ix;
            assert_eq!(v, t[[i, j, k]]);
        }
        let q = t.permute_into::<Axes3<1, 2, 0>, Rank3<3, 4, 2>>();
        assert_eq!(p, q);
    }

    #[test]
    fn empty_tensors_permute_and_multiply() {
        let t = Tensor::<Rank2<0, 3>>::zeros();
        assert_eq!(t.transpose().dims(), &[3, 0]);
        assert_eq!(t.permute::<Axes2<1, 0>>().dims(), &[3, 0]);
        let a = Tensor::<Rank2<2, 0>>::zeros();
        let b = Tensor::<Rank2<0, 2>>::zeros();
        assert_eq!(a.matmul(&b), Tensor::zeros());
        assert_eq!(Tensor::<Rank1<0>>::zeros().dot(&Tensor::zeros()), 0.0);
    }

    #[test]
    fn rank4_table_is_consistent() {
        let t = Tensor::<Rank4<2, 3, 4, 5>, usize>::from_flat_fn(|k| k);
        let p = t.permute::<Axes4<3, 1, 0, 2>>();
        assert_eq!(p.dims(), &[5, 3, 2, 4]);
        assert_eq!(p[[4, 2, 1, 3]], t[[1, 2, 3, 4]]);
    }
}
