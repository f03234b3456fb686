//! The jnp.gradient documentation example as a picture:
//! `cargo run --example gradient_plot [OUT.svg]`.
//!
//! `f(x) = sin(x)·exp(-x/4)` is sampled on the coarse grid `linspace(0, 5, 10)`
//! and differentiated four ways: numerically with numpy's `edge_order` 1 and 2
//! (`Tensor::gradient`), numerically with a 4th-order stencil
//! (`Tensor::diff_along`), and automatically (`ad::derivative`, forward mode).
//! The exact derivative `(cos x − ¼ sin x)·exp(-x/4)` is drawn as a smooth
//! curve. The upper panel shows the derivatives, the lower one each method's
//! distance from the exact derivative at the grid points (log scale).
//!
//! The example prints the values as a table and writes the SVG to its
//! argument, `docs/gradient-comparison.svg` by default. Before drawing, it
//! checks every value against a bound on its error (see [`Comparison::check`]);
//! `cargo test --example gradient_plot` runs the same checks and compares the
//! regenerated picture with the committed one.

use std::error::Error;
use std::fmt::Write as _;

use constgrad::ad::derivative;
use constgrad::stencil::{Accuracy, Coords, EDGE1, EDGE2};
use constgrad::{Rank1, Scalar, Tensor};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Number of grid points, as in `jnp.linspace(0, 5, 10)`.
const N: usize = 10;
/// The ends of the grid.
const X0: f64 = 0.0;
const X1: f64 = 5.0;
/// Where the picture goes unless the command line names another file.
const DEFAULT_OUT: &str = "docs/gradient-comparison.svg";
/// Size of the picture in pixels.
const SIZE: (u32, u32) = (960, 820);

/// The function, generic so that forward-mode AD can evaluate it on duals.
fn f<T: Scalar>(x: T) -> T {
    x.sin() * (-x / T::from_f64(4.0)).exp()
}

/// The exact derivative, written out by hand.
fn exact(x: f64) -> f64 {
    (x.cos() - 0.25 * x.sin()) * (-x / 4.0).exp()
}

/// Every derivative of `f` is bounded by `R^n` on `x ≥ 0`, with
/// `R = |i − ¼| = √17 / 4`: `f = Im e^{(i − 1/4) x}`, so
/// `f⁽ⁿ⁾ = Im (i − ¼)ⁿ e^{(i − 1/4) x}` and `|e^{(i − 1/4) x}| = e^{-x/4} ≤ 1`.
fn derivative_bound(n: i32) -> f64 {
    (17.0_f64.sqrt() / 4.0).powi(n)
}

/// The four derivatives of `f` at the grid points, and the exact one.
struct Comparison {
    x: [f64; N],
    edge1: [f64; N],
    edge2: [f64; N],
    order4: [f64; N],
    automatic: [f64; N],
    exact: [f64; N],
}

impl Comparison {
    fn compute() -> Self {
        let x = Tensor::<Rank1<N>>::linspace(X0, X1);
        let samples = x.map(f);
        // `jnp.gradient(y, x)`: the grid is given by its coordinates.
        let grid = Coords::new(*x.as_array()).expect("linspace is finite and increasing");
        let [edge1] = samples.gradient(grid, EDGE1);
        let [edge2] = samples.gradient(grid, EDGE2);
        let order4 = samples.diff_along::<0>(grid, Accuracy::<4>);
        let automatic = x.map(|x| derivative(f, x));
        Self {
            x: *x.as_array(),
            edge1: *edge1.as_array(),
            edge2: *edge2.as_array(),
            order4: *order4.as_array(),
            automatic: *automatic.as_array(),
            exact: *x.map(exact).as_array(),
        }
    }

    /// The grid step.
    fn h(&self) -> f64 {
        (X1 - X0) / (N - 1) as f64
    }

    /// The largest error each method may have, from the leading term of its
    /// truncation error with `|f⁽ⁿ⁾| ≤ Rⁿ` ([`derivative_bound`]):
    ///
    /// * edge order 1: `h/2 · M₂` at the edges (two-point one-sided),
    ///   `h²/6 · M₃` inside (central);
    /// * edge order 2: `h²/3 · M₃` at the edges (three-point one-sided);
    /// * accuracy order 4: `h⁴/5 · M₅` (five-point one-sided, the largest of
    ///   the order-4 stencils' error constants; `h⁴/30` for the central one);
    /// * automatic: rounding only, `1e-12`.
    fn bounds(&self) -> [f64; 4] {
        let h = self.h();
        let m = derivative_bound;
        [
            (h / 2.0 * m(2)).max(h * h / 6.0 * m(3)),
            h * h / 3.0 * m(3),
            h.powi(4) / 5.0 * m(5),
            1e-12,
        ]
    }

    /// Checks every method against the exact derivative, within its bound.
    fn check(&self) -> Result<(), String> {
        let names = [
            "edge order 1",
            "edge order 2",
            "accuracy order 4",
            "automatic",
        ];
        let series = [&self.edge1, &self.edge2, &self.order4, &self.automatic];
        for ((name, values), bound) in names.iter().zip(series).zip(self.bounds()) {
            for ((v, e), x) in values.iter().zip(&self.exact).zip(&self.x) {
                let err = (v - e).abs();
                if err.is_nan() || err > bound {
                    return Err(format!(
                        "{name}: error {err:e} at x = {x} exceeds its bound {bound:e}"
                    ));
                }
            }
        }
        // The rows the jnp.gradient documentation prints, to its digits.
        let quoted: [(&str, &[f64; N], &[f64]); 2] = [
            ("numerical", &self.edge1, &[0.83, 0.61, 0.18]),
            ("automatic", &self.automatic, &[1.0, 0.62, 0.17, -0.23]),
        ];
        for (name, values, doc) in quoted {
            for (v, d) in values.iter().zip(doc) {
                if (v - d).abs() > 0.005 {
                    return Err(format!("{name}: {v} here, {d} in the JAX documentation"));
                }
            }
        }
        Ok(())
    }

    /// The table the example prints.
    fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:>11}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}",
            "x", "edge 1", "edge 2", "order 4", "automatic", "exact"
        );
        for i in 0..N {
            let _ = writeln!(
                s,
                "{:11.3}  {:10.6}  {:10.6}  {:10.6}  {:10.6}  {:10.6}",
                self.x[i],
                self.edge1[i],
                self.edge2[i],
                self.order4[i],
                self.automatic[i],
                self.exact[i]
            );
        }
        let max_err = |v: &[f64; N]| {
            v.iter()
                .zip(&self.exact)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max)
        };
        let _ = writeln!(
            s,
            "{:>11}  {:>10.2e}  {:>10.2e}  {:>10.2e}  {:>10.2e}",
            "max |error|",
            max_err(&self.edge1),
            max_err(&self.edge2),
            max_err(&self.order4),
            max_err(&self.automatic)
        );
        s
    }
}

/// Colours distinguishable with the common colour-vision deficiencies
/// (Okabe–Ito, and Paul Tol's purple, darker than Okabe–Ito's).
const VERMILLION: RGBColor = RGBColor(213, 94, 0);
const BLUE: RGBColor = RGBColor(0, 114, 178);
const GREEN: RGBColor = RGBColor(0, 158, 115);
const PURPLE: RGBColor = RGBColor(170, 51, 119);

/// Text styles: the SVG backend writes text as `<text>` elements, so no font
/// files are needed; the viewer picks a sans-serif font.
const FONT: &str = "sans-serif";

/// One series of points: how it is drawn and named.
#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Triangle,
    Square,
    Cross,
}

impl Marker {
    /// The numerical series get a thin line through their points, as
    /// `plt.plot` would draw them; the automatic one is points only.
    fn is_numerical(self) -> bool {
        !matches!(self, Marker::Cross)
    }
}

/// Runs `$body` with `$shape` bound to a function from a pixel offset to the
/// marker's element. A macro rather than a function returning a boxed
/// element: each marker is its own plotters type, and the body is
/// instantiated once per type.
macro_rules! with_shape {
    ($marker:expr, $colour:expr, |$shape:ident| $body:expr) => {{
        let colour: RGBColor = $colour;
        match $marker {
            Marker::Circle => {
                let $shape = move |c: (i32, i32)| Circle::new(c, 7, colour.stroke_width(2));
                $body
            }
            Marker::Triangle => {
                let $shape = move |c: (i32, i32)| TriangleMarker::new(c, 8, colour.stroke_width(2));
                $body
            }
            Marker::Square => {
                let $shape = move |(x, y): (i32, i32)| {
                    Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], colour.stroke_width(2))
                };
                $body
            }
            Marker::Cross => {
                let $shape = move |c: (i32, i32)| Cross::new(c, 5, colour.stroke_width(3));
                $body
            }
        }
    }};
}

/// The sampled methods, in the order they are drawn and listed.
fn series(c: &Comparison) -> [(&'static str, &[f64; N], RGBColor, Marker); 4] {
    [
        (
            "numerical, edge_order 1 (np.gradient)",
            &c.edge1,
            VERMILLION,
            Marker::Circle,
        ),
        ("numerical, edge_order 2", &c.edge2, GREEN, Marker::Triangle),
        (
            "numerical, accuracy order 4 (diff_along)",
            &c.order4,
            PURPLE,
            Marker::Square,
        ),
        (
            "automatic (forward-mode AD)",
            &c.automatic,
            BLUE,
            Marker::Cross,
        ),
    ]
}

/// Draws both panels onto `root`.
fn draw<DB: DrawingBackend>(
    c: &Comparison,
    root: &DrawingArea<DB, Shift>,
) -> Result<(), Box<dyn Error + 'static>>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let root = root.titled(
        "Derivative of f(x) = sin(x)·exp(−x/4) on linspace(0, 5, 10)",
        (FONT, 26).into_font().style(FontStyle::Bold),
    )?;
    let (upper, lower) = root.split_vertically(SIZE.1 * 62 / 100 - 40);
    let xr = -0.1..5.1;

    // Upper panel: the derivatives.
    let mut chart = ChartBuilder::on(&upper)
        .margin_left(20)
        .margin_right(30)
        .margin_top(10)
        .x_label_area_size(48)
        .y_label_area_size(70)
        .build_cartesian_2d(xr.clone(), -0.75..1.1)?;
    chart
        .configure_mesh()
        .x_desc("x")
        .y_desc("f′(x)")
        .axis_desc_style((FONT, 20))
        .label_style((FONT, 16))
        .y_label_formatter(&|v: &f64| format!("{:.1}", if v.abs() < 1e-9 { 0.0 } else { *v }))
        .light_line_style(BLACK.mix(0.05))
        .bold_line_style(BLACK.mix(0.15))
        .draw()?;
    // Segments of about 8 pixels: plotters rounds to whole pixels, and
    // shorter segments would make the rounding show as a jagged line.
    let fine = 100;
    let curve = (0..=fine).map(|k| {
        let x = X0 + (X1 - X0) * k as f64 / fine as f64;
        (x, exact(x))
    });
    chart
        .draw_series(LineSeries::new(curve, BLACK.stroke_width(2)))?
        .label("exact: (cos x − ¼ sin x)·exp(−x/4)")
        .legend(|(x, y)| PathElement::new(vec![(x - 4, y), (x + 24, y)], BLACK.stroke_width(2)));
    for (name, values, colour, marker) in series(c) {
        let points: Vec<(f64, f64)> = c.x.iter().copied().zip(values.iter().copied()).collect();
        if marker.is_numerical() {
            chart.draw_series(LineSeries::new(
                points.clone(),
                colour.mix(0.6).stroke_width(1),
            ))?;
        }
        let line = if marker.is_numerical() {
            colour.mix(0.6).stroke_width(1)
        } else {
            TRANSPARENT.stroke_width(0)
        };
        with_shape!(marker, colour, |shape| {
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| EmptyElement::at(p) + shape((0, 0))),
                )?
                .label(name)
                .legend(move |(x, y)| {
                    EmptyElement::at((x + 10, y))
                        + PathElement::new(vec![(-14, 0), (14, 0)], line)
                        + shape((0, 0))
                });
        });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font((FONT, 16))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.4))
        .margin(12)
        .draw()?;

    // Lower panel: the distance from the exact derivative, log scale.
    // Automatic differentiation is exact up to rounding; an error of exactly
    // zero is drawn at the bottom of the panel.
    let floor = 1e-17;
    let mut chart = ChartBuilder::on(&lower)
        .caption(
            "Distance from the exact derivative at the grid points (an error of exactly 0 sits on the axis)",
            (FONT, 17),
        )
        .margin_left(20)
        .margin_right(30)
        .margin_top(10)
        .margin_bottom(10)
        .x_label_area_size(48)
        .y_label_area_size(70)
        .build_cartesian_2d(xr, (floor..1.0).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("x")
        .y_desc("|error|")
        .axis_desc_style((FONT, 20))
        .label_style((FONT, 16))
        .y_labels(9)
        .y_label_formatter(&|v| format!("1e{}", v.log10().round()))
        .light_line_style(BLACK.mix(0.05))
        .bold_line_style(BLACK.mix(0.15))
        .draw()?;
    for (_, values, colour, marker) in series(c) {
        let points: Vec<(f64, f64)> = (0..N)
            .map(|i| (c.x[i], (values[i] - c.exact[i]).abs().max(floor)))
            .collect();
        if marker.is_numerical() {
            chart.draw_series(LineSeries::new(
                points.clone(),
                colour.mix(0.6).stroke_width(1),
            ))?;
        }
        with_shape!(marker, colour, |shape| {
            chart.draw_series(
                points
                    .into_iter()
                    .map(|p| EmptyElement::at(p) + shape((0, 0))),
            )?;
        });
    }
    root.present()?;
    Ok(())
}

/// The picture as an SVG document.
fn svg(c: &Comparison) -> Result<String, Box<dyn Error>> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        draw(c, &root)?;
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_OUT.into());
    let c = Comparison::compute();
    c.check()?;
    print!("{}", c.table());
    let svg = svg(&c)?;
    if let Some(dir) = std::path::Path::new(&path).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    std::fs::write(&path, svg)?;
    println!("wrote {path}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_is_within_its_error_bound() {
        Comparison::compute().check().unwrap();
    }

    #[test]
    fn the_bounds_are_meaningful() {
        // The bounds separate the methods: each is tighter than the last.
        let b = Comparison::compute().bounds();
        assert!(b[0] > b[1] && b[1] > b[2] && b[2] > b[3], "{b:?}");
        assert!(b[2] < 0.05, "{b:?}");
    }

    #[test]
    fn the_committed_picture_is_up_to_date() {
        let committed = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/",
            "docs/gradient-comparison.svg"
        );
        let want = std::fs::read_to_string(committed).unwrap();
        let got = svg(&Comparison::compute()).unwrap();
        assert!(
            got == want,
            "docs/gradient-comparison.svg is stale: run `cargo run --example gradient_plot`"
        );
    }

    #[test]
    fn the_picture_has_its_text() {
        let s = svg(&Comparison::compute()).unwrap();
        for text in [
            "sin(x)",
            "|error|",
            "edge_order 1",
            "edge_order 2",
            "accuracy order 4",
            "automatic",
            "exact",
        ] {
            assert!(s.contains(text), "{text} missing from the SVG");
        }
    }
}
