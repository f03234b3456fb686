//! Stencils over any `Scalar`: with a minimal forward-mode dual number
//! (value, one tangent) as the sample type, the stencil result carries its
//! derivative with respect to the data. The crate's own dual numbers are
//! built elsewhere; this test only needs the `Scalar` contract.

use constgrad::stencil::{Accuracy, Coords, Unit, EDGE1, EDGE2};
use constgrad::{Rank1, Rank2, Scalar, Tensor};
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

/// `re + eps·ε` with `ε² = 0`.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
struct D {
    re: f64,
    eps: f64,
}

fn d(re: f64, eps: f64) -> D {
    D { re, eps }
}

impl Add for D {
    type Output = D;
    fn add(self, o: D) -> D {
        d(self.re + o.re, self.eps + o.eps)
    }
}
impl Sub for D {
    type Output = D;
    fn sub(self, o: D) -> D {
        d(self.re - o.re, self.eps - o.eps)
    }
}
impl Mul for D {
    type Output = D;
    fn mul(self, o: D) -> D {
        d(self.re * o.re, self.eps * o.re + self.re * o.eps)
    }
}
impl Div for D {
    type Output = D;
    fn div(self, o: D) -> D {
        d(
            self.re / o.re,
            (self.eps * o.re - self.re * o.eps) / (o.re * o.re),
        )
    }
}
impl Neg for D {
    type Output = D;
    fn neg(self) -> D {
        d(-self.re, -self.eps)
    }
}
impl AddAssign for D {
    fn add_assign(&mut self, o: D) {
        *self = *self + o;
    }
}
impl SubAssign for D {
    fn sub_assign(&mut self, o: D) {
        *self = *self - o;
    }
}
impl MulAssign for D {
    fn mul_assign(&mut self, o: D) {
        *self = *self * o;
    }
}
impl DivAssign for D {
    fn div_assign(&mut self, o: D) {
        *self = *self / o;
    }
}

/// A unary function from its value and derivative.
macro_rules! chain {
    ($($name:ident: |$x:ident| $v:expr, $dv:expr;)*) => {$(
        fn $name(self) -> D {
            let $x = self.re;
            d($v, self.eps * $dv)
        }
    )*};
}

impl Scalar for D {
    type Real = f64;
    fn zero() -> D {
        d(0.0, 0.0)
    }
    fn one() -> D {
        d(1.0, 0.0)
    }
    fn from_real(x: f64) -> D {
        d(x, 0.0)
    }
    fn from_f64(x: f64) -> D {
        d(x, 0.0)
    }
    fn re(&self) -> f64 {
        self.re
    }
    chain! {
        abs: |x| x.abs(), if x > 0.0 { 1.0 } else if x < 0.0 { -1.0 } else { 0.0 };
        signum: |x| Scalar::signum(x), 0.0;
        floor: |x| x.floor(), 0.0;
        ceil: |x| x.ceil(), 0.0;
        round: |x| x.round(), 0.0;
        sqrt: |x| x.sqrt(), 0.5 / x.sqrt();
        cbrt: |x| x.cbrt(), 1.0 / (3.0 * x.cbrt() * x.cbrt());
        recip: |x| 1.0 / x, -1.0 / (x * x);
        exp: |x| x.exp(), x.exp();
        exp2: |x| x.exp2(), x.exp2() * core::f64::consts::LN_2;
        exp_m1: |x| x.exp_m1(), x.exp();
        ln: |x| x.ln(), 1.0 / x;
        log2: |x| x.log2(), 1.0 / (x * core::f64::consts::LN_2);
        log10: |x| x.log10(), 1.0 / (x * core::f64::consts::LN_10);
        ln_1p: |x| x.ln_1p(), 1.0 / (1.0 + x);
        sin: |x| x.sin(), x.cos();
        cos: |x| x.cos(), -x.sin();
        tan: |x| x.tan(), 1.0 + x.tan() * x.tan();
        asin: |x| x.asin(), 1.0 / (1.0 - x * x).sqrt();
        acos: |x| x.acos(), -1.0 / (1.0 - x * x).sqrt();
        atan: |x| x.atan(), 1.0 / (1.0 + x * x);
        sinh: |x| x.sinh(), x.cosh();
        cosh: |x| x.cosh(), x.sinh();
        tanh: |x| x.tanh(), 1.0 - x.tanh() * x.tanh();
        asinh: |x| x.asinh(), 1.0 / (x * x + 1.0).sqrt();
        acosh: |x| x.acosh(), 1.0 / (x * x - 1.0).sqrt();
        atanh: |x| x.atanh(), 1.0 / (1.0 - x * x);
        erf: |x| Scalar::erf(x), 2.0 / core::f64::consts::PI.sqrt() * (-x * x).exp();
    }
    fn sin_cos(self) -> (D, D) {
        (self.sin(), self.cos())
    }
    fn atan2(self, o: D) -> D {
        let r2 = self.re * self.re + o.re * o.re;
        d(
            self.re.atan2(o.re),
            (o.re * self.eps - self.re * o.eps) / r2,
        )
    }
    fn powi(self, n: i32) -> D {
        d(
            self.re.powi(n),
            self.eps * f64::from(n) * self.re.powi(n - 1),
        )
    }
    fn powf(self, n: D) -> D {
        (n * self.ln()).exp()
    }
    fn hypot(self, o: D) -> D {
        (self * self + o * o).sqrt()
    }
    fn mul_add(self, a: D, b: D) -> D {
        self * a + b
    }
    fn min(self, o: D) -> D {
        if o < self {
            o
        } else {
            self
        }
    }
    fn max(self, o: D) -> D {
        if o > self {
            o
        } else {
            self
        }
    }
    fn clamp(self, lo: D, hi: D) -> D {
        self.max(lo).min(hi)
    }
}

#[test]
fn the_value_part_equals_the_f64_gradient_bit_for_bit() {
    let xs = [0.0, 0.4, 0.9, 1.0, 1.7, 2.5];
    let f = Tensor::from(xs.map(|x: f64| (x * 1.3).sin()));
    let x = Coords::new(xs).unwrap();
    for e in 0..2 {
        let (plain, dual) = if e == 0 {
            (
                f.gradient(x, EDGE1),
                f.map(|v| d(v, 1.0)).gradient(x, EDGE1),
            )
        } else {
            (
                f.gradient(x, EDGE2),
                f.map(|v| d(v, 1.0)).gradient(x, EDGE2),
            )
        };
        let re: Vec<u64> = dual[0].iter().map(|v| v.re.to_bits()).collect();
        let want: Vec<u64> = plain[0].iter().map(|v| v.to_bits()).collect();
        assert_eq!(re, want);
    }
}

#[test]
fn the_tangent_is_the_derivative_with_respect_to_the_data() {
    // Seeding sample k with tangent 1 gives column k of the (linear)
    // stencil: the interior weights of numpy's uniform stencil are -1/2, 0, 1/2.
    let f = Tensor::<Rank1<5>>::from([1.0, 4.0, 9.0, 16.0, 25.0]);
    let seeded = Tensor::<Rank1<5>, D>::from_fn(|[i]| d(f[[i]], if i == 2 { 1.0 } else { 0.0 }));
    let [g] = seeded.gradient(Unit, EDGE1);
    let tangents: Vec<f64> = g.iter().map(|v| v.eps).collect();
    assert_eq!(tangents, [0.0, 0.5, 0.0, -0.5, 0.0]);
    // Differentiating a smoothness penalty Σ (∂f/∂x)² with respect to f[i]
    // by seeding, against a finite difference of the penalty itself.
    let field = Tensor::<Rank2<4, 5>>::from_fn(|[i, j]| ((i * 5 + j) as f64 * 0.7).sin());
    let penalty = |t: Tensor<Rank2<4, 5>, D>| {
        let [a, b] = t.gradient(Unit, EDGE2);
        a.iter().chain(b.iter()).fold(D::zero(), |s, &g| s + g * g)
    };
    let at = [2, 3];
    let seeded = Tensor::from_fn(|ix| d(field[ix], if ix == at { 1.0 } else { 0.0 }));
    let dp = penalty(seeded).eps;
    let h = 1e-6;
    let shift = |s: f64| {
        penalty(Tensor::from_fn(|ix| {
            d(field[ix] + if ix == at { s } else { 0.0 }, 0.0)
        }))
        .re
    };
    let fd = (shift(h) - shift(-h)) / (2.0 * h);
    assert!((dp - fd).abs() < 1e-6, "{dp} vs {fd}");
    // Higher orders too.
    let l = Tensor::<Rank1<9>, D>::from_fn(|[i]| d((i * i) as f64, i as f64))
        .diff_along::<0>(Unit, Accuracy::<4>);
    assert!(l
        .iter()
        .enumerate()
        .all(|(i, v)| (v.re - 2.0 * i as f64).abs() < 1e-9 && (v.eps - 1.0).abs() < 1e-9));
}
