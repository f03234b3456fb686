//! The elementary functions, each written once as its value and its first
//! and second derivatives. The dual types consume this table through their
//! chain rules: [`super::Dual`] uses the value and the first derivative,
//! [`super::Dual2`] all three.
//!
//! Each row reads `name |x, f, d| value, first derivative, second derivative;`
//! where `x` is the argument's value, `f` the function's value and `d` the
//! first derivative (the later expressions may use the earlier names).
//!
//! The non-smooth points and domain edges, and where the values differ from
//! JAX's, are listed in the [`super`] module documentation (and pinned by
//! `tests/nonsmooth.rs` against JAX's numbers).

/// Calls `$callback!` with the table of unary elementary functions.
macro_rules! for_each_unary {
    ($callback:ident) => {
        $callback! {
            // JAX's abs' is 1 at ±0 (the right-hand derivative), so |x|² has
            // its true Hessian 2 at 0, not 0.
            abs |x, f, d| x.abs(), if x < T::zero() { -T::one() } else { T::one() }, T::zero();
            signum |x, f, d| x.signum(), T::zero(), T::zero();
            floor |x, f, d| x.floor(), T::zero(), T::zero();
            ceil |x, f, d| x.ceil(), T::zero(), T::zero();
            round |x, f, d| x.round(), T::zero(), T::zero();
            sqrt |x, f, d| x.sqrt(), (f + f).recip(), -d / (x + x);
            cbrt |x, f, d| x.cbrt(), (T::from_f64(3.0) * f * f).recip(),
                T::from_f64(-2.0) * d / (T::from_f64(3.0) * x);
            recip |x, f, d| x.recip(), -(f * f), T::from_f64(-2.0) * f * d;
            exp |x, f, d| x.exp(), f, f;
            exp2 |x, f, d| x.exp2(), f * T::from_f64(core::f64::consts::LN_2),
                d * T::from_f64(core::f64::consts::LN_2);
            exp_m1 |x, f, d| x.exp_m1(), x.exp(), d;
            ln |x, f, d| x.ln(), x.recip(), -(d * d);
            log2 |x, f, d| x.log2(), (x * T::from_f64(core::f64::consts::LN_2)).recip(), -d / x;
            log10 |x, f, d| x.log10(), (x * T::from_f64(core::f64::consts::LN_10)).recip(), -d / x;
            ln_1p |x, f, d| x.ln_1p(), (T::one() + x).recip(), -(d * d);
            sin |x, f, d| x.sin(), x.cos(), -f;
            cos |x, f, d| x.cos(), -x.sin(), -f;
            tan |x, f, d| x.tan(), T::one() + f * f, T::from_f64(2.0) * f * d;
            asin |x, f, d| x.asin(), ((T::one() - x) * (T::one() + x)).sqrt().recip(), x * d * d * d;
            acos |x, f, d| x.acos(), -((T::one() - x) * (T::one() + x)).sqrt().recip(), x * d * d * d;
            atan |x, f, d| x.atan(), (T::one() + x * x).recip(), T::from_f64(-2.0) * x * d * d;
            sinh |x, f, d| x.sinh(), x.cosh(), f;
            cosh |x, f, d| x.cosh(), x.sinh(), f;
            tanh |x, f, d| x.tanh(), T::one() - f * f, T::from_f64(-2.0) * f * d;
            asinh |x, f, d| x.asinh(), (x * x + T::one()).sqrt().recip(), -(x * d * d * d);
            acosh |x, f, d| x.acosh(), ((x - T::one()) * (x + T::one())).sqrt().recip(), -(x * d * d * d);
            atanh |x, f, d| x.atanh(), ((T::one() - x) * (T::one() + x)).recip(),
                T::from_f64(2.0) * x * d * d;
            erf |x, f, d| x.erf(), T::from_f64(core::f64::consts::FRAC_2_SQRT_PI) * (-(x * x)).exp(),
                T::from_f64(-2.0) * x * d;
        }
    };
}
pub(crate) use for_each_unary;

/// The partial derivatives of `atan2(y, x)` at `(y, x)`: value, `[∂y, ∂x]`,
/// `[∂yy, ∂yx, ∂xx]`.
#[inline(always)]
pub(crate) fn atan2<T: crate::Scalar>(y: T, x: T, second: bool) -> (T, [T; 2], [T; 3]) {
    let f = y.atan2(x);
    let r2 = (x * x + y * y).recip();
    let g = [x * r2, -y * r2];
    let h = if second {
        let r4 = r2 * r2;
        let two_xy = T::from_f64(2.0) * x * y * r4;
        [-two_xy, (y * y - x * x) * r4, two_xy]
    } else {
        [T::zero(); 3]
    };
    (f, g, h)
}

/// The partial derivatives of `hypot(a, b)`: value, gradient, `[∂aa, ∂ab, ∂bb]`.
/// At the origin the gradient is JAX's `(½, ½)` and the Hessian 0.
#[inline(always)]
pub(crate) fn hypot<T: crate::Scalar>(a: T, b: T, second: bool) -> (T, [T; 2], [T; 3]) {
    let f = a.hypot(b);
    if f == T::zero() {
        let half = T::from_f64(0.5);
        return (f, [half; 2], [T::zero(); 3]);
    }
    let r = f.recip();
    let g = [a * r, b * r];
    let h = if second {
        let r3 = r * r * r;
        [b * b * r3, -(a * b * r3), a * a * r3]
    } else {
        [T::zero(); 3]
    };
    (f, g, h)
}

/// The partial derivatives of `powf(x, y) = xʸ`: value, `[∂x, ∂y]`,
/// `[∂xx, ∂xy, ∂yy]`.
///
/// As JAX: `∂y = xʸ ln x` with `ln 0` taken as 0, so `∂y` is 0 at `x = 0`
/// (for `y ≥ 0`) and NaN for `x < 0`, where `xʸ` is real only at integer
/// `y`. A constant exponent still gives a finite derivative there, because
/// the chain rules skip zero tangent entries under a NaN partial. Unlike
/// JAX, `∂x = y xʸ⁻¹` is 0 at `(0, 0)` and `∂xx` is 0 at `x = 0` when `y` is
/// 0 or 1 (`xʸ` is constant or linear in `x`; the formula would give `0 · ∞`).
#[inline(always)]
pub(crate) fn powf<T: crate::Scalar>(x: T, y: T, second: bool) -> (T, [T; 2], [T; 3]) {
    let f = x.powf(y);
    let zero = T::zero();
    let one = T::one();
    let at_zero = x == zero;
    // x^(y-1), without dividing by a zero base.
    let pm1 = if at_zero { x.powf(y - one) } else { f / x };
    // Only at x = 0 is the product 0 · ∞: elsewhere `y * pm1` is computed even
    // for y = 0, because on a nested dual `y` carries a tangent (∂²/∂x∂y = x⁻¹
    // at y = 0) that a constant 0 would throw away.
    let dx = if y == zero && at_zero { zero } else { y * pm1 };
    let lnx = if at_zero { zero } else { x.ln() };
    let dy = f * lnx;
    let h = if second {
        let dxx = if (y == zero || y == one) && at_zero {
            zero
        } else {
            let pm2 = if at_zero {
                x.powf(y - T::from_f64(2.0))
            } else {
                pm1 / x
            };
            y * (y - one) * pm2
        };
        // At x = 0 with y < 1 the mixed partial has no limit (x^(y-1) ln x
        // blows up): NaN, as JAX, rather than the ∞ the formula gives.
        let dxy = if at_zero && !pm1.is_finite() {
            T::from_f64(f64::NAN)
        } else {
            pm1 * (one + y * lnx)
        };
        let dyy = dy * lnx;
        [dxx, dxy, dyy]
    } else {
        [zero; 3]
    };
    (f, [dx, dy], h)
}

/// The value and derivatives of `xⁿ`: value, first, second.
#[inline(always)]
pub(crate) fn powi<T: crate::Scalar>(x: T, n: i32, second: bool) -> (T, T, T) {
    match n {
        0 => (T::one(), T::zero(), T::zero()),
        1 => (x, T::one(), T::zero()),
        2 => (
            x * x,
            x + x,
            if second { T::from_f64(2.0) } else { T::zero() },
        ),
        _ => {
            let nf = f64::from(n);
            let f = x.powi(n);
            let d = T::from_f64(nf) * powi_below(x, n, f, 1);
            let d2 = if second {
                // n (n - 1) is exact in f64 (|n| < 2³¹).
                T::from_f64(nf * (nf - 1.0)) * powi_below(x, n, f, 2)
            } else {
                T::zero()
            };
            (f, d, d2)
        }
    }
}

/// `xⁿ⁻ᵏ` given `f = xⁿ`, also where `n - k` is below `i32::MIN`: there
/// `xⁿ⁻ᵏ = xⁿ / xᵏ` (0 for `|x| > 1`, ±∞ for `|x| < 1`, where `xⁿ` already is).
#[inline(always)]
fn powi_below<T: crate::Scalar>(x: T, n: i32, f: T, k: i32) -> T {
    match n.checked_sub(k) {
        Some(m) => x.powi(m),
        None => powi_below_min(x, f, k),
    }
}

/// `xⁿ / xᵏ` for `n - k < i32::MIN`: out of line, so that `powi` stays small
/// enough to inline into the user's function.
#[cold]
#[inline(never)]
fn powi_below_min<T: crate::Scalar>(x: T, f: T, k: i32) -> T {
    f / x.powi(k)
}
