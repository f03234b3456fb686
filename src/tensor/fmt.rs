//! `Debug` and `Display` for tensors: nested rows, as numpy prints them.

use core::fmt;

use crate::shape::Shape;
use crate::tensor::{Storage, Tensor};

/// Writes `data` (row-major, of shape `dims`) as nested brackets. `depth` is
/// the number of brackets already open, used to indent continuation rows as
/// numpy does (`[[1 2]\n [3 4]]`).
fn write_nested<E>(
    f: &mut fmt::Formatter<'_>,
    data: &[E],
    dims: &[usize],
    depth: usize,
    sep: &str,
    elem: &dyn Fn(&E, &mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    let Some((&n, rest)) = dims.split_first() else {
        return elem(&data[0], f);
    };
    let block = data.len() / n.max(1);
    f.write_str("[")?;
    for i in 0..n {
        if i > 0 {
            if rest.is_empty() {
                f.write_str(sep)?;
            } else {
                // numpy separates blocks of rank r by r - 1 blank lines.
                f.write_str(sep.trim_end())?;
                for _ in 0..rest.len() {
                    f.write_str("\n")?;
                }
                for _ in 0..=depth {
                    f.write_str(" ")?;
                }
            }
        }
        write_nested(
            f,
            &data[i * block..(i + 1) * block],
            rest,
            depth + 1,
            sep,
            elem,
        )?;
    }
    f.write_str("]")
}

/// Prints nested rows as numpy does: `[[1 2]` / ` [3 4]]`, elements with
/// their own `Display` (so the precision flag applies: `{:.3}`).
///
/// # Example
///
/// ```
/// use constgrad::Tensor;
///
/// let t = Tensor::from([[1.5, 2.0], [3.0, 4.0]]);
/// assert_eq!(t.to_string(), "[[1.5 2]\n [3 4]]");
/// assert_eq!(format!("{:.1}", t), "[[1.5 2.0]\n [3.0 4.0]]");
/// ```
impl<S: Shape, E: Copy + fmt::Display, D: Storage> fmt::Display for Tensor<S, E, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let precision = f.precision();
        let elem = |e: &E, f: &mut fmt::Formatter<'_>| match precision {
            Some(p) => write!(f, "{e:.p$}"),
            None => write!(f, "{e}"),
        };
        write_nested(f, self.as_slice(), S::DIMS, 0, " ", &elem)
    }
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
        let elem = |e: &E, f: &mut fmt::Formatter<'_>| write!(f, "{e:?}");
        write_nested(f, self.as_slice(), S::DIMS, 0, ", ", &elem)?;
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use crate::Tensor;
    use std::string::ToString;

    #[test]
    fn display_rank3_like_numpy() {
        let t = Tensor::from([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
        // numpy: print(np.arange(1, 9).reshape(2, 2, 2))
        assert_eq!(t.to_string(), "[[[1 2]\n  [3 4]]\n\n [[5 6]\n  [7 8]]]");
        assert_eq!(Tensor::<crate::Rank0, i32>::new(3).to_string(), "3");
        assert_eq!(Tensor::from([1, 2, 3]).to_string(), "[1 2 3]");
    }
}
