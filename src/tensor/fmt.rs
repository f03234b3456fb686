//! `Debug` and `Display` for tensors: nested rows, as numpy prints them.
//!
//! `Display` follows numpy's `str(array)` (`np.array2string` with its
//! defaults): floats with at most 8 fractional digits, each with as few as
//! it needs and all aligned (`[1.5 2. ]`), an integral float keeps its `.`,
//! scientific notation when the largest magnitude is at least `1e8` (`1e6`
//! for `f32`), the
//! smallest non-zero one is below `1e-4`, or they are more than 1000 apart
//! (`[1.0e-05 1.5e+00]`), rows wrapped at 75 characters, and only the first
//! and last 3 entries of each axis (with `...`) for more than 1000 elements.
//! The one precision rule is numpy's `precision`: the `{:.3}` flag sets it
//! (default 8). Integers are right-aligned and booleans print as `True` and
//! `False`.
//!
//! # Example
//!
//! ```
//! use constgrad::Tensor;
//!
//! assert_eq!(Tensor::from([[1.0, 2.0, 3.0]]).to_string(), "[[1. 2. 3.]]");
//! assert_eq!(Tensor::from([0.1, 0.25, -3.0]).to_string(), "[ 0.1   0.25 -3.  ]");
//! assert_eq!(format!("{:.3}", Tensor::from([1.0 / 3.0, 1.0])), "[0.333 1.   ]");
//! assert_eq!(Tensor::from([1e-5, 1.5]).to_string(), "[1.0e-05 1.5e+00]");
//! assert_eq!(Tensor::from([1, -10, 100]).to_string(), "[  1 -10 100]");
//! ```

use core::fmt::{self, Write};

use crate::dual::{Dual, Dual2, Tangent};
use crate::scalar::Scalar;
use crate::shape::Shape;
use crate::tensor::{Storage, Tensor};

/// An element as numpy's printing rules see it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Printed {
    /// A 64-bit float (its shortest digits are `f64`'s).
    F64(f64),
    /// A 32-bit float (its shortest digits are `f32`'s, as numpy prints
    /// `float32`).
    F32(f32),
    /// A signed integer.
    Int(i128),
    /// An unsigned integer.
    UInt(u128),
    /// A boolean.
    Bool(bool),
}

/// An element type that tensors print with [`fmt::Display`]: `f32`, `f64`,
/// the primitive integers, `bool`, and dual numbers (their value).
///
/// # Example
///
/// ```
/// use constgrad::tensor::fmt::{DisplayElement, Printed};
///
/// assert_eq!(2.5_f64.printed(), Printed::F64(2.5));
/// assert_eq!(7_u8.printed(), Printed::UInt(7));
/// ```
pub trait DisplayElement: Copy {
    /// The value printed for this element.
    fn printed(&self) -> Printed;
}

impl DisplayElement for f64 {
    #[inline]
    fn printed(&self) -> Printed {
        Printed::F64(*self)
    }
}

impl DisplayElement for f32 {
    #[inline]
    fn printed(&self) -> Printed {
        Printed::F32(*self)
    }
}

impl DisplayElement for bool {
    #[inline]
    fn printed(&self) -> Printed {
        Printed::Bool(*self)
    }
}

macro_rules! int_element {
    ($variant:ident: $($t:ty),*) => {$(
        impl DisplayElement for $t {
            #[inline]
            fn printed(&self) -> Printed {
                Printed::$variant((*self).into())
            }
        }
    )*};
}
int_element!(Int: i8, i16, i32, i64, i128);
int_element!(UInt: u8, u16, u32, u64, u128);

impl DisplayElement for isize {
    #[inline]
    fn printed(&self) -> Printed {
        // isize is at most 64 bits on every target Rust supports.
        Printed::Int(*self as i128)
    }
}

impl DisplayElement for usize {
    #[inline]
    fn printed(&self) -> Printed {
        Printed::UInt(*self as u128)
    }
}

/// A dual number prints its value, as a plain number would.
impl<T: Scalar, S: Tangent> DisplayElement for Dual<T, S>
where
    T::Real: DisplayElement,
{
    #[inline]
    fn printed(&self) -> Printed {
        self.re().printed()
    }
}

/// A dual number prints its value, as a plain number would.
impl<T: Scalar, S: Tangent> DisplayElement for Dual2<T, S>
where
    T::Real: DisplayElement,
{
    #[inline]
    fn printed(&self) -> Printed {
        self.re().printed()
    }
}

/// numpy's line width and summarization settings.
const LINE_WIDTH: usize = 75;
const THRESHOLD: usize = 1000;
const EDGE_ITEMS: usize = 3;

/// Text formatted into a fixed buffer (no heap): one element at a time.
struct Buf {
    b: [u8; 160],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            b: [0; 160],
            len: 0,
        }
    }
    fn as_str(&self) -> &str {
        // Only formatted numbers (ASCII) are written.
        core::str::from_utf8(&self.b[..self.len]).unwrap_or("")
    }
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.b.len() {
            return Err(fmt::Error);
        }
        self.b[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The longest precision honoured (numpy accepts any; this keeps every
/// formatted element inside [`Buf`]).
const MAX_PRECISION: usize = 100;

/// A float in one of the four forms the rules need: shortest or rounded to
/// `prec` fractional digits, positional or scientific.
fn write_float<T: fmt::Display + fmt::LowerExp>(
    buf: &mut Buf,
    x: T,
    sci: bool,
    prec: Option<usize>,
) -> fmt::Result {
    match (sci, prec) {
        (false, None) => write!(buf, "{x}"),
        (false, Some(p)) => write!(buf, "{x:.p$}"),
        (true, None) => write!(buf, "{x:e}"),
        (true, Some(p)) => write!(buf, "{x:.p$e}"),
    }
}

/// The value of a float element as `f64` (for the magnitude tests), or
/// `None` for integers and booleans.
fn float_value(p: Printed) -> Option<f64> {
    match p {
        Printed::F64(x) => Some(x),
        Printed::F32(x) => Some(f64::from(x)),
        _ => None,
    }
}

/// One finite float as numpy's first pass prints it: the shortest digits,
/// rounded to `prec` fractional digits when they need more, trailing zeros
/// removed but the `.` kept. Returns the text (`-12.5`, `1.5e+00` style is
/// split by the caller) in `buf`.
///
/// Rounding goes through Rust's `{:.p$}`, which rounds the exact binary
/// value as numpy's Dragon4 does (not the shortest digits, which could
/// round twice).
fn unique_digits(buf: &mut Buf, p: Printed, sci: bool, prec: usize) -> fmt::Result {
    let shortest = |buf: &mut Buf, prec| match p {
        Printed::F64(x) => write_float(buf, x, sci, prec),
        Printed::F32(x) => write_float(buf, x, sci, prec),
        _ => Err(fmt::Error),
    };
    shortest(buf, None)?;
    // Rust's shortest positional form never has an exponent, and the
    // scientific one's fractional digits are its mantissa's.
    let (mantissa, exp) = split_exp(buf.as_str());
    let frac = mantissa.split_once('.').map_or(0, |(_, f)| f.len());
    if frac > prec {
        buf.len = 0;
        shortest(buf, Some(prec))?;
        trim_zeros(buf);
    } else if let Some(x) = float_value(p) {
        // Rust's shortest digits round an exact tie up; numpy's Dragon4
        // rounds it to even, as Rust's fixed precision does.
        let places = frac as i32 - exp.unwrap_or(0);
        if is_tie(x, places) {
            buf.len = 0;
            shortest(buf, Some(frac))?;
        }
    }
    Ok(())
}

/// Whether `x` lies exactly halfway between two decimals with `places`
/// fractional digits: `x · 10^(places + 1)` is an integer ending in 5.
/// For `places ≥ 0` that is `y = x · 2^(places + 1)` being an odd integer
/// (the factor `5^(places + 1)` is odd and ends in 5; scaling by a power of
/// two is exact).
fn is_tie(x: f64, places: i32) -> bool {
    let n = places + 1;
    if n > 1000 {
        return false;
    }
    if n >= 0 {
        let y = x * pow2(n);
        y.is_finite() && y % 1.0 == 0.0 && y % 2.0 != 0.0 && (n > 0 || y % 5.0 == 0.0)
    } else {
        // Large integers: x / 10^-n must be an integer ending in 5; the
        // power of ten is exact up to 10^22.
        let m = -n;
        m < 22 && x % 1.0 == 0.0 && {
            let unit = pow10(m);
            (x % (10.0 * unit)).abs() == 5.0 * unit
        }
    }
}

/// `2ⁿ` for `0 ≤ n ≤ 1000`, exactly, from its bits.
fn pow2(n: i32) -> f64 {
    f64::from_bits(((n + 1023) as u64) << 52)
}

/// `10ᵐ` for `0 ≤ m ≤ 22`, exactly.
fn pow10(m: i32) -> f64 {
    let mut y = 1.0;
    for _ in 0..m {
        y *= 10.0;
    }
    y
}

/// Removes trailing zeros of the fractional part (numpy's `trim='.'`),
/// keeping the exponent if there is one.
fn trim_zeros(buf: &mut Buf) {
    let s = buf.as_str();
    let (mantissa, _) = split_exp(s);
    if !mantissa.contains('.') {
        return;
    }
    let m_len = mantissa.len();
    let trimmed = mantissa.trim_end_matches('0').len();
    if trimmed == m_len {
        return;
    }
    let removed = m_len - trimmed;
    buf.b.copy_within(m_len..buf.len, trimmed);
    buf.len -= removed;
}

/// Splits Rust's `1.5e-7` into `("1.5", Some(-7))`.
fn split_exp(s: &str) -> (&str, Option<i32>) {
    match s.split_once('e') {
        Some((m, e)) => (m, e.parse().ok()),
        None => (s, None),
    }
}

/// Visits every shown element (all of them, or the corners of a summary).
type Shown<'a> = &'a dyn Fn(&mut dyn FnMut(Printed));

/// How every float of one tensor is laid out (numpy's `FloatingFormat`).
#[derive(Clone, Copy)]
struct FloatLayout {
    sci: bool,
    precision: usize,
    /// Characters before the `.` (sign included).
    pad_left: usize,
    /// Fractional digits: the most any element needs (positional: shorter
    /// ones are padded with spaces; scientific: every mantissa gets this
    /// many digits of its exact value).
    pad_right: usize,
    /// Exponent digits (scientific only).
    exp_size: usize,
}

impl FloatLayout {
    /// numpy's `fillFormat` over the shown elements.
    fn new(precision: usize, shown: Shown<'_>) -> Result<Self, fmt::Error> {
        let (mut max, mut min, mut any_nonzero, mut any_finite) =
            (0.0_f64, f64::INFINITY, false, false);
        let (mut nonfinite, mut neg_inf) = (false, false);
        // numpy's cutoff is 10^min(8, decimal digits of the type): 1e8 for
        // f64, 1e6 for f32.
        let mut cutoff = 1e8;
        shown(&mut |p| {
            if let Printed::F32(_) = p {
                cutoff = 1e6;
            }
            let Some(x) = float_value(p) else { return };
            if x.is_finite() {
                any_finite = true;
                let a = x.abs();
                if a != 0.0 {
                    any_nonzero = true;
                    max = max.max(a);
                    min = min.min(a);
                }
            } else {
                nonfinite = true;
                neg_inf |= x == f64::NEG_INFINITY;
            }
        });
        let sci = any_nonzero && (max >= cutoff || min < 1e-4 || max / min > 1e3);
        let mut l = FloatLayout {
            sci,
            precision,
            pad_left: 0,
            pad_right: 0,
            exp_size: 0,
        };
        let mut err = false;
        if any_finite {
            shown(&mut |p| {
                let Some(x) = float_value(p) else { return };
                if !x.is_finite() {
                    return;
                }
                let mut buf = Buf::new();
                if unique_digits(&mut buf, p, sci, precision).is_err() {
                    err = true;
                    return;
                }
                let (mantissa, exp) = split_exp(buf.as_str());
                let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
                l.pad_left = l.pad_left.max(int.len());
                l.pad_right = l.pad_right.max(frac.len());
                if let Some(e) = exp {
                    l.exp_size = l.exp_size.max(digit_count(e.unsigned_abs()).max(2));
                }
            });
        }
        if err {
            return Err(fmt::Error);
        }
        if sci {
            l.precision = l.pad_right;
        }
        if nonfinite {
            // nan and inf are right-aligned in the full width.
            let offset = l.width() - l.pad_left;
            let longest = 3 + usize::from(neg_inf);
            l.pad_left = l.pad_left.max(longest.saturating_sub(offset));
        }
        Ok(l)
    }

    /// The width of every element.
    fn width(&self) -> usize {
        if self.sci {
            self.pad_left + 1 + self.precision + 2 + self.exp_size
        } else {
            self.pad_left + 1 + self.pad_right
        }
    }

    /// One element in this layout.
    fn write(&self, buf: &mut Buf, p: Printed) -> fmt::Result {
        let x = float_value(p).ok_or(fmt::Error)?;
        if !x.is_finite() {
            let text = if x.is_nan() {
                "nan"
            } else if x > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            for _ in text.len()..self.width() {
                buf.write_char(' ')?;
            }
            return buf.write_str(text);
        }
        let mut digits = Buf::new();
        if self.sci {
            // Every mantissa gets `precision` digits, the exact value's
            // digits past its shortest ones (numpy's `min_digits`), not zeros.
            match p {
                Printed::F64(x) => write_float(&mut digits, x, true, Some(self.precision))?,
                Printed::F32(x) => write_float(&mut digits, x, true, Some(self.precision))?,
                _ => return Err(fmt::Error),
            }
        } else {
            unique_digits(&mut digits, p, false, self.precision)?;
        }
        let (mantissa, exp) = split_exp(digits.as_str());
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        for _ in int.len()..self.pad_left {
            buf.write_char(' ')?;
        }
        write!(buf, "{int}.{frac}")?;
        if self.sci {
            let e = exp.unwrap_or(0);
            buf.write_str(if e < 0 { "e-" } else { "e+" })?;
            for _ in digit_count(e.unsigned_abs())..self.exp_size {
                buf.write_char('0')?;
            }
            write!(buf, "{}", e.unsigned_abs())
        } else {
            for _ in frac.len()..self.pad_right {
                buf.write_char(' ')?;
            }
            Ok(())
        }
    }
}

/// The number of decimal digits of `n` (1 for 0).
fn digit_count(mut n: u32) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// How every element of one tensor is laid out.
#[derive(Clone, Copy)]
enum Layout {
    Float(FloatLayout),
    /// Right-aligned in the width of the longest.
    Int(usize),
    /// `True` padded to the width of `False`.
    Bool,
}

impl Layout {
    fn new(precision: usize, shown: Shown<'_>) -> Result<Self, fmt::Error> {
        let mut first = None;
        shown(&mut |p| {
            first.get_or_insert(p);
        });
        Ok(match first {
            Some(Printed::Int(_) | Printed::UInt(_)) => {
                let mut width = 0;
                shown(&mut |p| {
                    let mut buf = Buf::new();
                    let _ = match p {
                        Printed::Int(i) => write!(buf, "{i}"),
                        Printed::UInt(u) => write!(buf, "{u}"),
                        _ => Ok(()),
                    };
                    width = buf.len.max(width);
                });
                Layout::Int(width)
            }
            Some(Printed::Bool(_)) => Layout::Bool,
            _ => Layout::Float(FloatLayout::new(precision, shown)?),
        })
    }

    fn write(&self, buf: &mut Buf, p: Printed) -> fmt::Result {
        match (*self, p) {
            (Layout::Float(l), _) => l.write(buf, p),
            (Layout::Int(w), Printed::Int(i)) => write!(buf, "{i:>w$}"),
            (Layout::Int(w), Printed::UInt(u)) => write!(buf, "{u:>w$}"),
            (Layout::Bool, Printed::Bool(b)) => buf.write_str(if b { " True" } else { "False" }),
            _ => Err(fmt::Error),
        }
    }
}

/// The positions shown along an axis of length `n`: all, or the first and
/// last [`EDGE_ITEMS`] when summarizing. Returns `(leading, trailing)` counts.
fn shown_items(n: usize, summarize: bool) -> (usize, usize) {
    if summarize && n > 2 * EDGE_ITEMS {
        (EDGE_ITEMS, EDGE_ITEMS)
    } else {
        (n, 0)
    }
}

/// Calls `f` on the flat position of every shown element, in order.
fn for_each_shown(dims: &[usize], summarize: bool, offset: usize, f: &mut dyn FnMut(usize)) {
    let Some((&n, rest)) = dims.split_first() else {
        return f(offset);
    };
    let stride: usize = rest.iter().product();
    let (lead, trail) = shown_items(n, summarize);
    for i in (0..lead).chain(n - trail..n) {
        for_each_shown(rest, summarize, offset + i * stride, f);
    }
}

/// What the recursion over the axes shares.
struct Printer<'a> {
    at: &'a dyn Fn(usize) -> Printed,
    layout: Layout,
    summarize: bool,
}

impl Printer<'_> {
    /// One block of `dims` starting at flat position `offset`, at `depth`
    /// brackets (numpy's `_formatArray`). The caller has written the indent
    /// of the first line.
    fn block(
        &self,
        f: &mut fmt::Formatter<'_>,
        dims: &[usize],
        depth: usize,
        offset: usize,
    ) -> fmt::Result {
        let Some((&n, rest)) = dims.split_first() else {
            let mut buf = Buf::new();
            self.layout.write(&mut buf, (self.at)(offset))?;
            return f.write_str(buf.as_str());
        };
        let stride: usize = rest.iter().product();
        let (lead, trail) = shown_items(n, self.summarize);
        let items = (0..lead)
            .map(Some)
            .chain((trail > 0).then_some(None))
            .chain((n - trail..n).map(Some));
        f.write_str("[")?;
        if rest.is_empty() {
            // numpy wraps a row when the next word would pass the line
            // width, which shrinks by one for every enclosing bracket.
            let indent = depth + 1;
            let limit = LINE_WIDTH - depth - 1;
            let mut line = indent;
            // The padding after the last word is held back: a wrapped line
            // ends without it (numpy strips the line).
            let mut held = 0;
            for (k, item) in items.enumerate() {
                let mut buf = Buf::new();
                match item {
                    Some(i) => self
                        .layout
                        .write(&mut buf, (self.at)(offset + i * stride))?,
                    None => buf.write_str("...")?,
                }
                if k > 0 {
                    line += 1; // the separator
                    if line + buf.len > limit && line > indent {
                        f.write_str("\n")?;
                        write_spaces(f, indent)?;
                        line = indent;
                    } else {
                        write_spaces(f, held + 1)?;
                    }
                }
                let word = buf.as_str().trim_end();
                f.write_str(word)?;
                held = buf.len - word.len();
                line += buf.len;
            }
            write_spaces(f, held)?;
        } else {
            for (k, item) in items.enumerate() {
                if k > 0 {
                    // Blocks of rank r are separated by r - 1 blank lines.
                    for _ in 0..rest.len() {
                        f.write_str("\n")?;
                    }
                    write_spaces(f, depth + 1)?;
                }
                match item {
                    Some(i) => self.block(f, rest, depth + 1, offset + i * stride)?,
                    None => f.write_str("...")?,
                }
            }
        }
        f.write_str("]")
    }
}

fn write_spaces(f: &mut fmt::Formatter<'_>, n: usize) -> fmt::Result {
    for _ in 0..n {
        f.write_str(" ")?;
    }
    Ok(())
}

/// numpy's `str(array)` of `len` elements read by `at`, of shape `dims`.
fn write_numpy(
    f: &mut fmt::Formatter<'_>,
    at: &dyn Fn(usize) -> Printed,
    len: usize,
    dims: &[usize],
    precision: usize,
) -> fmt::Result {
    if len == 0 {
        return f.write_str("[]");
    }
    let summarize = len > THRESHOLD;
    let shown = |g: &mut dyn FnMut(Printed)| for_each_shown(dims, summarize, 0, &mut |k| g(at(k)));
    let layout = Layout::new(precision.min(MAX_PRECISION), &shown)?;
    Printer {
        at,
        layout,
        summarize,
    }
    .block(f, dims, 0, 0)
}

/// Prints as numpy's `str(array)` does (see the [module](self) for the
/// rules): `[[1.5 2. ]` / ` [3.  4. ]]`. The precision flag is numpy's
/// `precision` (`{:.3}`; default 8).
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
///
/// let t = Tensor::from([[1.5, 2.0], [3.0, 4.0]]);
/// assert_eq!(t.to_string(), "[[1.5 2. ]\n [3.  4. ]]");
/// assert_eq!(format!("{:.1}", Tensor::from([0.25, 1.0])), "[0.2 1. ]");
/// ```
impl<S: Shape, E: DisplayElement, D: Storage> fmt::Display for Tensor<S, E, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.as_slice();
        write_numpy(
            f,
            &|k| s[k].printed(),
            s.len(),
            S::DIMS,
            f.precision().unwrap_or(8),
        )
    }
}

/// Writes `data` (row-major, of shape `dims`) as nested brackets with each
/// element's `Debug`. `depth` is the number of brackets already open.
fn write_debug<E: fmt::Debug>(
    f: &mut fmt::Formatter<'_>,
    data: &[E],
    dims: &[usize],
    depth: usize,
) -> fmt::Result {
    let Some((&n, rest)) = dims.split_first() else {
        return write!(f, "{:?}", data[0]);
    };
    let block = data.len() / n.max(1);
    f.write_str("[")?;
    for i in 0..n {
        if i > 0 {
            f.write_str(",")?;
            if rest.is_empty() {
                f.write_str(" ")?;
            } else {
                for _ in 0..rest.len() {
                    f.write_str("\n")?;
                }
                write_spaces(f, depth + 1)?;
            }
        }
        write_debug(f, &data[i * block..(i + 1) * block], rest, depth + 1)?;
    }
    f.write_str("]")
}

/// Prints the type's name (`Tensor` or `HeapTensor`), the shape and the
/// nested elements with their `Debug`.
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
///
/// let t = Tensor::from([[1.0, 2.0], [3.0, 4.0]]);
/// assert_eq!(format!("{t:?}"), "Tensor<Rank2<2, 2>>([[1.0, 2.0],\n [3.0, 4.0]])");
/// ```
impl<S: Shape, E: Copy + fmt::Debug, D: Storage> fmt::Debug for Tensor<S, E, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = core::any::type_name::<S>();
        let short = name.rsplit("::").next().unwrap_or(name);
        write!(f, "{}<{short}>(", D::NAME)?;
        write_debug(f, self.as_slice(), S::DIMS, 0)?;
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use crate::{Rank0, Rank1, Rank2, Tensor};
    use std::string::ToString;

    /// Each case's expected text is numpy 2.4's `str(np.array(...))`.
    #[test]
    fn display_like_numpy() {
        let t = Tensor::from([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
        assert_eq!(t.to_string(), "[[[1 2]\n  [3 4]]\n\n [[5 6]\n  [7 8]]]");
        assert_eq!(Tensor::<Rank0, i32>::new(3).to_string(), "3");
        assert_eq!(Tensor::from([1, 2, 3]).to_string(), "[1 2 3]");
        assert_eq!(Tensor::from([1.0, 2.0, 3.0]).to_string(), "[1. 2. 3.]");
        assert_eq!(
            Tensor::from([f64::NAN, f64::NEG_INFINITY]).to_string(),
            "[ nan -inf]"
        );
        assert_eq!(Tensor::from([1.0, f64::NAN]).to_string(), "[ 1. nan]");
        assert_eq!(Tensor::from([1e8, 1.0]).to_string(), "[1.e+08 1.e+00]");
        assert_eq!(Tensor::from([true, false]).to_string(), "[ True False]");
        assert_eq!(
            Tensor::from([0.1_f32, 1.2345679]).to_string(),
            "[0.1       1.2345679]"
        );
        assert_eq!(
            Tensor::from([1.0 / 3.0, 2.0 / 3.0]).to_string(),
            "[0.33333333 0.66666667]"
        );
        assert_eq!(Tensor::from([-0.0, 1.0]).to_string(), "[-0.  1.]");
        assert_eq!(Tensor::from([0.0, 0.0]).to_string(), "[0. 0.]");
        assert_eq!(Tensor::from([1e-5, 1e-5]).to_string(), "[1.e-05 1.e-05]");
        assert_eq!(Tensor::<Rank2<2, 0>>::zeros().to_string(), "[]");
    }

    #[test]
    fn long_rows_wrap_at_75_columns() {
        // np.arange(30.) * 1.5
        let t = Tensor::<Rank1<30>>::from_fn(|[i]| i as f64 * 1.5);
        assert_eq!(
            t.to_string(),
            "[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n \
             21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n \
             42.  43.5]"
        );
        // np.full((2, 9), 1/3)
        let r = Tensor::<Rank2<2, 9>>::filled(1.0 / 3.0);
        let row = "0.33333333 0.33333333 0.33333333 0.33333333 0.33333333 0.33333333";
        let rest = "0.33333333 0.33333333 0.33333333";
        assert_eq!(
            r.to_string(),
            std::format!("[[{row}\n  {rest}]\n [{row}\n  {rest}]]")
        );
    }

    #[test]
    fn more_than_1000_elements_are_summarized() {
        // np.arange(2000.)
        let t = Tensor::<Rank1<2000>>::from_fn(|[i]| i as f64);
        assert_eq!(
            t.to_string(),
            "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]"
        );
    }
}
