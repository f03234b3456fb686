//! The elementary functions, each written once as its value and its first
//! and second derivatives. The dual types consume this table through their
//! chain rules: [`super::Dual`] uses the value and the first derivative,
//! [`super::Dual2`] all three.
//!
//! Each row reads `name |x, f, d| value, first derivative, second derivative;`
//! where `x` is the argument's value, `f` the function's value and `d` the
//! first derivative (the later expressions may use the earlier names).
//!
//! Non-smooth points (also in the [`super`] module documentation):
//! `abs` has derivative `signum(x)`, which is 0 at 0 (the mean of the two
//! one-sided derivatives, as JAX); `sqrt` at 0 has an infinite derivative;
//! `floor`, `ceil`, `round` and `signum` have zero derivatives everywhere.

/// Calls `$callback!` with the table of unary elementary functions.
macro_rules! for_each_unary {
    ($callback:ident) => {
        $callback! {
            abs |x, f, d| x.abs(), x.signum(), T::zero();
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
/// At the origin every derivative is taken as 0 (as `abs` at 0).
#[inline(always)]
pub(crate) fn hypot<T: crate::Scalar>(a: T, b: T, second: bool) -> (T, [T; 2], [T; 3]) {
    let f = a.hypot(b);
    if f == T::zero() {
        return (f, [T::zero(); 2], [T::zero(); 3]);
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
/// `∂y = xʸ ln x` is taken as 0 where `x ≤ 0` (there `xʸ` is real only for
/// integer `y`, so the exponent is treated as a constant, and a constant
/// exponent never turns into `0 · ∞ = NaN`); `∂x = y xʸ⁻¹` is 0 when `y = 0`.
#[inline(always)]
pub(crate) fn powf<T: crate::Scalar>(x: T, y: T, second: bool) -> (T, [T; 2], [T; 3]) {
    let f = x.powf(y);
    let zero = T::zero();
    let one = T::one();
    // x^(y-1), without dividing by a zero base.
    let pm1 = if x != zero { f / x } else { x.powf(y - one) };
    let dx = if y == zero { zero } else { y * pm1 };
    let positive = x > zero;
    let lnx = if positive { x.ln() } else { zero };
    let dy = if positive { f * lnx } else { zero };
    let h = if second {
        let dxx = if y == zero || y == one {
            zero
        } else {
            let pm2 = if x != zero {
                pm1 / x
            } else {
                x.powf(y - T::from_f64(2.0))
            };
            y * (y - one) * pm2
        };
        let dxy = if positive {
            pm1 * (one + y * lnx)
        } else {
            zero
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
            let nf = T::from_f64(f64::from(n));
            let d = nf * x.powi(n - 1);
            let d2 = if second {
                nf * T::from_f64(f64::from(n - 1)) * x.powi(n - 2)
            } else {
                T::zero()
            };
            (x.powi(n), d, d2)
        }
    }
}
