//! [`Tangent`]: the static-size storage of a dual number's derivative part.

use crate::shape::{Rank0, Rank1, Rank2, Rank3, Rank4, Rank5, Rank6, Shape};

/// The shape of a dual number's tangent: how many partial derivatives it
/// carries and how they are stored, with no heap.
///
/// Every rank marker is a tangent shape whose storage is the shape's own
/// nested array, so the tangent of a function of a `Tensor<Rank2<3, 4>>` is a
/// `[[T; 4]; 3]`: the gradient already has the input's shape. Tuples of
/// tangent shapes (up to four) join the tangents of several arguments into
/// one (see [`crate::ad::grad_args`]), and `()` is the empty tangent of an
/// argument held fixed.
///
/// The storage is a separate associated type (not [`Shape::Array`]) so that
/// it can promise `Send + Sync` for every element type, which a generic
/// [`Shape`] cannot.
///
/// # Example
///
/// ```
/// use constgrad::dual::Tangent;
/// use constgrad::{Rank1, Rank2};
///
/// let e: <Rank2<2, 3> as Tangent>::Eps<f64> = Rank2::<2, 3>::eps_from_fn(|k| k as f64);
/// assert_eq!(e, [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]);
/// assert_eq!(<(Rank1<2>, Rank2<2, 3>) as Tangent>::LEN, 8);
/// ```
pub trait Tangent: Copy + core::fmt::Debug + Send + Sync + 'static {
    /// The number of partial derivatives carried.
    const LEN: usize;
    /// The storage of `LEN` values of type `E`.
    type Eps<E: Copy + Send + Sync + 'static>: Copy + Send + Sync + 'static;

    /// Builds the storage from a function of the flat position `0..LEN`.
    fn eps_from_fn<E: Copy + Send + Sync + 'static>(f: impl FnMut(usize) -> E) -> Self::Eps<E>;
    /// The value at flat position `i` (panics when `i >= LEN`).
    fn eps_get<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, i: usize) -> E;
    /// Writes `v` at flat position `i`; does nothing when `i >= LEN` (no
    /// panic path, so seeding stays panic-free at every opt-level).
    #[inline(always)]
    fn eps_put<E: Copy + Send + Sync + 'static>(e: &mut Self::Eps<E>, i: usize, v: E) {
        let mut k = 0;
        Self::eps_map_mut(e, |x| {
            if k == i {
                *x = v;
            }
            k += 1;
        });
    }
    /// Calls `f` on every value, in flat order.
    fn eps_for_each<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, f: impl FnMut(E));
    /// Updates every value in place.
    fn eps_map_mut<E: Copy + Send + Sync + 'static>(e: &mut Self::Eps<E>, f: impl FnMut(&mut E));
    /// Updates every value of `a` in place from the value of `b` at the same
    /// position.
    fn eps_zip_mut<E: Copy + Send + Sync + 'static, F: Copy + Send + Sync + 'static>(
        a: &mut Self::Eps<E>,
        b: &Self::Eps<F>,
        f: impl FnMut(&mut E, F),
    );
    /// Updates every value of `a` in place from the values of `b`, `c` and
    /// `d` at the same position: one fused pass where a chain rule reads
    /// several tangents (the Hessian updates of [`super::Dual2`]).
    fn eps_zip3_mut<Xa, Xb, Xc, Xd>(
        a: &mut Self::Eps<Xa>,
        b: &Self::Eps<Xb>,
        c: &Self::Eps<Xc>,
        d: &Self::Eps<Xd>,
        f: impl FnMut(&mut Xa, Xb, Xc, Xd),
    ) where
        Xa: Copy + Send + Sync + 'static,
        Xb: Copy + Send + Sync + 'static,
        Xc: Copy + Send + Sync + 'static,
        Xd: Copy + Send + Sync + 'static;

    /// Updates the values at flat positions `lo..hi` in place (positions
    /// past `LEN` are skipped): a pass over part of a Hessian's row.
    #[doc(hidden)]
    fn eps_map_range_mut<E: Copy + Send + Sync + 'static>(
        e: &mut Self::Eps<E>,
        lo: usize,
        hi: usize,
        f: impl FnMut(&mut E),
    );
    /// [`Tangent::eps_zip3_mut`] over the flat positions `lo..hi` only.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    fn eps_zip3_range_mut<Xa, Xb, Xc, Xd>(
        a: &mut Self::Eps<Xa>,
        b: &Self::Eps<Xb>,
        c: &Self::Eps<Xc>,
        d: &Self::Eps<Xd>,
        lo: usize,
        hi: usize,
        f: impl FnMut(&mut Xa, Xb, Xc, Xd),
    ) where
        Xa: Copy + Send + Sync + 'static,
        Xb: Copy + Send + Sync + 'static,
        Xc: Copy + Send + Sync + 'static,
        Xd: Copy + Send + Sync + 'static;
    /// A reference to the value at flat position `i`, or `None` past the
    /// end (no panic path).
    #[doc(hidden)]
    fn eps_try_ref<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, i: usize) -> Option<&E>;
}

/// `Tangent` for one rank marker: the storage is the shape's nested array.
macro_rules! shape_tangent {
    ($([$($d:ident),*] $ty:ty;)*) => {$(
        impl<$(const $d: usize),*> Tangent for $ty {
            const LEN: usize = <$ty as Shape>::NUMEL;
            type Eps<E: Copy + Send + Sync + 'static> = <$ty as Shape>::Array<E>;

            #[inline(always)]
            fn eps_from_fn<E: Copy + Send + Sync + 'static>(
                f: impl FnMut(usize) -> E,
            ) -> Self::Eps<E> {
                <$ty as Shape>::array_from_fn(f)
            }
            #[inline(always)]
            fn eps_get<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, i: usize) -> E {
                <$ty as Shape>::flat(e)[i]
            }
            #[inline(always)]
            fn eps_put<E: Copy + Send + Sync + 'static>(e: &mut Self::Eps<E>, i: usize, v: E) {
                if let Some(x) = <$ty as Shape>::flat_mut(e).get_mut(i) {
                    *x = v;
                }
            }
            #[inline(always)]
            fn eps_for_each<E: Copy + Send + Sync + 'static>(
                e: &Self::Eps<E>,
                mut f: impl FnMut(E),
            ) {
                for &x in <$ty as Shape>::flat(e) {
                    f(x);
                }
            }
            #[inline(always)]
            fn eps_map_mut<E: Copy + Send + Sync + 'static>(
                e: &mut Self::Eps<E>,
                mut f: impl FnMut(&mut E),
            ) {
                for x in <$ty as Shape>::flat_mut(e) {
                    f(x);
                }
            }
            #[inline(always)]
            fn eps_zip_mut<E: Copy + Send + Sync + 'static, F: Copy + Send + Sync + 'static>(
                a: &mut Self::Eps<E>,
                b: &Self::Eps<F>,
                mut f: impl FnMut(&mut E, F),
            ) {
                for (x, &y) in <$ty as Shape>::flat_mut(a).iter_mut().zip(<$ty as Shape>::flat(b)) {
                    f(x, y);
                }
            }
            #[inline(always)]
            fn eps_zip3_mut<Xa, Xb, Xc, Xd>(
                a: &mut Self::Eps<Xa>,
                b: &Self::Eps<Xb>,
                c: &Self::Eps<Xc>,
                d: &Self::Eps<Xd>,
                mut f: impl FnMut(&mut Xa, Xb, Xc, Xd),
            ) where
                Xa: Copy + Send + Sync + 'static,
                Xb: Copy + Send + Sync + 'static,
                Xc: Copy + Send + Sync + 'static,
                Xd: Copy + Send + Sync + 'static,
            {
                let bcd = <$ty as Shape>::flat(b)
                    .iter()
                    .zip(<$ty as Shape>::flat(c))
                    .zip(<$ty as Shape>::flat(d));
                for (x, ((&y, &z), &w)) in <$ty as Shape>::flat_mut(a).iter_mut().zip(bcd) {
                    f(x, y, z, w);
                }
            }
            #[inline(always)]
            fn eps_map_range_mut<E: Copy + Send + Sync + 'static>(
                e: &mut Self::Eps<E>,
                lo: usize,
                hi: usize,
                mut f: impl FnMut(&mut E),
            ) {
                // Clamped, then `get_mut`: no bounds check, no panic path.
                let hi = hi.min(<$ty as Shape>::NUMEL);
                if let Some(e) = <$ty as Shape>::flat_mut(e).get_mut(lo.min(hi)..hi) {
                    for x in e {
                        f(x);
                    }
                }
            }
            #[inline(always)]
            fn eps_zip3_range_mut<Xa, Xb, Xc, Xd>(
                a: &mut Self::Eps<Xa>,
                b: &Self::Eps<Xb>,
                c: &Self::Eps<Xc>,
                d: &Self::Eps<Xd>,
                lo: usize,
                hi: usize,
                mut f: impl FnMut(&mut Xa, Xb, Xc, Xd),
            ) where
                Xa: Copy + Send + Sync + 'static,
                Xb: Copy + Send + Sync + 'static,
                Xc: Copy + Send + Sync + 'static,
                Xd: Copy + Send + Sync + 'static,
            {
                let hi = hi.min(<$ty as Shape>::NUMEL);
                let r = lo.min(hi)..hi;
                let a = <$ty as Shape>::flat_mut(a).get_mut(r.clone());
                let b = <$ty as Shape>::flat(b).get(r.clone());
                let c = <$ty as Shape>::flat(c).get(r.clone());
                if let (Some(a), Some(b), Some(c), Some(d)) = (a, b, c, <$ty as Shape>::flat(d).get(r)) {
                    for (x, ((&y, &z), &w)) in a.iter_mut().zip(b.iter().zip(c).zip(d)) {
                        f(x, y, z, w);
                    }
                }
            }
            #[inline(always)]
            fn eps_try_ref<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, i: usize) -> Option<&E> {
                <$ty as Shape>::flat(e).get(i)
            }
        }
    )*};
}

shape_tangent! {
    [] Rank0;
    [A] Rank1<A>;
    [A, B] Rank2<A, B>;
    [A, B, C] Rank3<A, B, C>;
    [A, B, C, D] Rank4<A, B, C, D>;
    [A, B, C, D, H] Rank5<A, B, C, D, H>;
    [A, B, C, D, H, G] Rank6<A, B, C, D, H, G>;
}

/// The empty tangent: an argument held fixed carries no derivatives.
impl Tangent for () {
    const LEN: usize = 0;
    type Eps<E: Copy + Send + Sync + 'static> = ();

    #[inline(always)]
    fn eps_from_fn<E: Copy + Send + Sync + 'static>(_: impl FnMut(usize) -> E) {}
    #[inline(always)]
    fn eps_get<E: Copy + Send + Sync + 'static>(_: &(), i: usize) -> E {
        panic!("tangent position {i} of an empty tangent")
    }
    #[inline(always)]
    fn eps_for_each<E: Copy + Send + Sync + 'static>(_: &(), _: impl FnMut(E)) {}
    #[inline(always)]
    fn eps_map_mut<E: Copy + Send + Sync + 'static>(_: &mut (), _: impl FnMut(&mut E)) {}
    #[inline(always)]
    fn eps_zip_mut<E: Copy + Send + Sync + 'static, F: Copy + Send + Sync + 'static>(
        _: &mut (),
        _: &(),
        _: impl FnMut(&mut E, F),
    ) {
    }
    #[inline(always)]
    fn eps_zip3_mut<Xa, Xb, Xc, Xd>(
        _: &mut (),
        _: &(),
        _: &(),
        _: &(),
        _: impl FnMut(&mut Xa, Xb, Xc, Xd),
    ) where
        Xa: Copy + Send + Sync + 'static,
        Xb: Copy + Send + Sync + 'static,
        Xc: Copy + Send + Sync + 'static,
        Xd: Copy + Send + Sync + 'static,
    {
    }
    #[inline(always)]
    fn eps_map_range_mut<E: Copy + Send + Sync + 'static>(
        _: &mut (),
        _: usize,
        _: usize,
        _: impl FnMut(&mut E),
    ) {
    }
    #[inline(always)]
    fn eps_zip3_range_mut<Xa, Xb, Xc, Xd>(
        _: &mut (),
        _: &(),
        _: &(),
        _: &(),
        _: usize,
        _: usize,
        _: impl FnMut(&mut Xa, Xb, Xc, Xd),
    ) where
        Xa: Copy + Send + Sync + 'static,
        Xb: Copy + Send + Sync + 'static,
        Xc: Copy + Send + Sync + 'static,
        Xd: Copy + Send + Sync + 'static,
    {
    }
    #[inline(always)]
    fn eps_try_ref<E: Copy + Send + Sync + 'static>(_: &(), _: usize) -> Option<&E> {
        None
    }
}

/// `Tangent` for a tuple: the parts' tangents one after the other.
macro_rules! tuple_tangent {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: Tangent),+> Tangent for ($($name,)+) {
            const LEN: usize = 0 $(+ $name::LEN)+;
            type Eps<E: Copy + Send + Sync + 'static> = ($($name::Eps<E>,)+);

            #[inline(always)]
            fn eps_from_fn<E: Copy + Send + Sync + 'static>(
                mut f: impl FnMut(usize) -> E,
            ) -> Self::Eps<E> {
                let mut _offset = 0;
                ($({
                    let o = _offset;
                    _offset += $name::LEN;
                    $name::eps_from_fn(|i| f(o + i))
                },)+)
            }
            #[inline(always)]
            fn eps_get<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, i: usize) -> E {
                let mut _offset = 0;
                $(
                    if i < _offset + $name::LEN {
                        return $name::eps_get(&e.$idx, i - _offset);
                    }
                    _offset += $name::LEN;
                )+
                panic!("tangent position {i} out of range (length {})", Self::LEN)
            }
            #[inline(always)]
            fn eps_for_each<E: Copy + Send + Sync + 'static>(
                e: &Self::Eps<E>,
                mut f: impl FnMut(E),
            ) {
                $($name::eps_for_each(&e.$idx, &mut f);)+
            }
            #[inline(always)]
            fn eps_map_mut<E: Copy + Send + Sync + 'static>(
                e: &mut Self::Eps<E>,
                mut f: impl FnMut(&mut E),
            ) {
                $($name::eps_map_mut(&mut e.$idx, &mut f);)+
            }
            #[inline(always)]
            fn eps_zip_mut<E: Copy + Send + Sync + 'static, F: Copy + Send + Sync + 'static>(
                a: &mut Self::Eps<E>,
                b: &Self::Eps<F>,
                mut f: impl FnMut(&mut E, F),
            ) {
                $($name::eps_zip_mut(&mut a.$idx, &b.$idx, &mut f);)+
            }
            #[inline(always)]
            fn eps_zip3_mut<Xa, Xb, Xc, Xd>(
                a: &mut Self::Eps<Xa>,
                b: &Self::Eps<Xb>,
                c: &Self::Eps<Xc>,
                d: &Self::Eps<Xd>,
                mut f: impl FnMut(&mut Xa, Xb, Xc, Xd),
            ) where
                Xa: Copy + Send + Sync + 'static,
                Xb: Copy + Send + Sync + 'static,
                Xc: Copy + Send + Sync + 'static,
                Xd: Copy + Send + Sync + 'static,
            {
                $($name::eps_zip3_mut(&mut a.$idx, &b.$idx, &c.$idx, &d.$idx, &mut f);)+
            }
            #[inline(always)]
            fn eps_map_range_mut<E: Copy + Send + Sync + 'static>(
                e: &mut Self::Eps<E>,
                lo: usize,
                hi: usize,
                mut f: impl FnMut(&mut E),
            ) {
                // Each part takes the positions of `lo..hi` it holds, in its
                // own numbering (and clamps the end to its length).
                let mut _offset = 0;
                $(
                    $name::eps_map_range_mut(
                        &mut e.$idx, lo.saturating_sub(_offset), hi.saturating_sub(_offset), &mut f,
                    );
                    _offset += $name::LEN;
                )+
            }
            #[inline(always)]
            fn eps_zip3_range_mut<Xa, Xb, Xc, Xd>(
                a: &mut Self::Eps<Xa>,
                b: &Self::Eps<Xb>,
                c: &Self::Eps<Xc>,
                d: &Self::Eps<Xd>,
                lo: usize,
                hi: usize,
                mut f: impl FnMut(&mut Xa, Xb, Xc, Xd),
            ) where
                Xa: Copy + Send + Sync + 'static,
                Xb: Copy + Send + Sync + 'static,
                Xc: Copy + Send + Sync + 'static,
                Xd: Copy + Send + Sync + 'static,
            {
                let mut _offset = 0;
                $(
                    $name::eps_zip3_range_mut(
                        &mut a.$idx, &b.$idx, &c.$idx, &d.$idx,
                        lo.saturating_sub(_offset), hi.saturating_sub(_offset), &mut f,
                    );
                    _offset += $name::LEN;
                )+
            }
            #[inline(always)]
            fn eps_try_ref<E: Copy + Send + Sync + 'static>(e: &Self::Eps<E>, i: usize) -> Option<&E> {
                let mut _offset = 0;
                $(
                    if i < _offset + $name::LEN {
                        return $name::eps_try_ref(&e.$idx, i - _offset);
                    }
                    _offset += $name::LEN;
                )+
                None
            }
        }
    };
}

tuple_tangent!(A 0);
tuple_tangent!(A 0, B 1);
tuple_tangent!(A 0, B 1, C 2);
tuple_tangent!(A 0, B 1, C 2, D 3);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_tangents_concatenate_their_parts() {
        type T = (Rank1<2>, (), Rank2<1, 2>);
        assert_eq!(T::LEN, 4);
        let e = T::eps_from_fn(|k| k as f64);
        assert_eq!(e, ([0.0, 1.0], (), [[2.0, 3.0]]));
        assert_eq!(T::eps_get(&e, 3), 3.0);
        let mut sum = 0.0;
        T::eps_for_each(&e, |x| sum += x);
        assert_eq!(sum, 6.0);
    }
}
