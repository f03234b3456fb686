"""Writes tests/data/jax_stencil_coords.json: JAX's derivatives of losses
built on `numpy.gradient` with respect to the stencil's coordinates, its
uniform step and the sampled values, for `tests/stencil_coords.rs`.

Run from the repository root with numpy and jax installed:

    python tools/jax_stencil_coords.py > tests/data/jax_stencil_coords.json

`jnp.gradient` has edge order 1 only, so numpy's formulas (both edge orders,
uniform and non-uniform) are written out below in jnp, operation for
operation as numpy's `gradient` applies them, and differentiated by
`jax.grad` / `jax.hessian`. Two checks tie that transcription to the
references: its values equal `numpy.gradient`'s (to rounding: XLA may
turn a division by a constant into a multiplication), and for edge order 1 its
gradients equal `jax.grad` through `jnp.gradient` (to rounding: JAX's
uniform interior is `(f[2:] - f[:-2]) * 0.5 / h`, numpy's `/ (2 h)`).
Coordinate arrays are never reduced to a uniform step here (numpy reduces
exactly equally spaced real coordinates; a traced array cannot be), as
constgrad does not reduce dual coordinates.

Every number is written as a string (Python's shortest round-trip repr).
"""

import json

import numpy as np
import jax

jax.config.update("jax_enable_x64", True)
jax.config.update("jax_platforms", "cpu")

import jax.numpy as jnp  # noqa: E402


def along(f, axis, lo, hi=None):
    """f[lo:hi] along `axis`."""
    ix = [slice(None)] * f.ndim
    ix[axis] = slice(lo, hi)
    return f[tuple(ix)]


def shaped(h, f, axis):
    """A 1-D array along `axis` of `f`, broadcastable against it."""
    shape = [1] * f.ndim
    shape[axis] = -1
    return h.reshape(shape)


def np_gradient_axis(f, h, axis, edge):
    """numpy.gradient's formulas along one axis, in jnp: `h` a scalar step or
    an array of coordinates."""
    s = lambda lo, hi=None: along(f, axis, lo, hi)  # noqa: E731
    if jnp.ndim(h) == 0:
        inner = (s(2) - s(None, -2)) / (2.0 * h)
        if edge == 1:
            first = (s(1, 2) - s(0, 1)) / h
            last = (s(-1) - s(-2, -1)) / h
        else:
            a, b, c = -1.5 / h, 2.0 / h, -0.5 / h
            first = a * s(0, 1) + b * s(1, 2) + c * s(2, 3)
            a, b, c = 0.5 / h, -2.0 / h, 1.5 / h
            last = a * s(-3, -2) + b * s(-2, -1) + c * s(-1)
    else:
        x = lambda lo, hi=None: shaped(h[lo:hi], f, axis)  # noqa: E731
        dx = jnp.diff(h)
        dx1 = shaped(dx[:-1], f, axis)
        dx2 = shaped(dx[1:], f, axis)
        a = -(dx2) / (dx1 * (dx1 + dx2))
        b = (dx2 - dx1) / (dx1 * dx2)
        c = dx1 / (dx2 * (dx1 + dx2))
        inner = a * s(None, -2) + b * s(1, -1) + c * s(2)
        if edge == 1:
            first = (s(1, 2) - s(0, 1)) / (x(1, 2) - x(0, 1))
            last = (s(-1) - s(-2, -1)) / (x(-1) - x(-2, -1))
        else:
            dx1, dx2 = dx[0], dx[1]
            a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2))
            b = (dx1 + dx2) / (dx1 * dx2)
            c = -dx1 / (dx2 * (dx1 + dx2))
            first = a * s(0, 1) + b * s(1, 2) + c * s(2, 3)
            dx1, dx2 = dx[-2], dx[-1]
            a = (dx2) / (dx1 * (dx1 + dx2))
            b = -(dx2 + dx1) / (dx1 * dx2)
            c = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2))
            last = a * s(-3, -2) + b * s(-2, -1) + c * s(-1)
    return jnp.concatenate([first, inner, last], axis=axis)


def weights(shape):
    """Fixed weights of the loss's linear term: cos(0.7 k), k the flat index."""
    return jnp.cos(0.7 * jnp.arange(np.prod(shape), dtype=jnp.float64)).reshape(shape)


def loss(gs):
    """Σ over axes of Σ g² + Σ w·g (the linear term keeps signs visible)."""
    return sum(jnp.sum(g * g) + jnp.sum(weights(g.shape) * g) for g in gs)


def np_loss(f, spacings, edge):
    return loss([np_gradient_axis(f, h, ax, edge) for ax, h in enumerate(spacings)])


def jnp_loss(f, spacings):
    gs = jnp.gradient(f, *spacings)
    return loss(gs if isinstance(gs, list) else [gs])


def s(x):
    return repr(float(x))


def flat(a):
    return [s(v) for v in np.asarray(a).ravel()]


X6 = np.array([0.0, 0.4, 1.1, 1.5, 2.3, 3.0])
Y6 = np.sin(1.3 * X6) + 0.25 * X6**2
X4 = np.array([-1.0, -0.2, 0.5, 1.7])
X5 = np.array([0.0, 0.3, 0.9, 1.0, 1.8])
F45 = np.cos(np.add.outer(0.8 * X4, 1.1 * X5**2))
H = 0.35


def case(name, edge, f, spacings, wrt):
    """The loss of `f` with `spacings` and its gradient with respect to the
    arguments `wrt` names: "f", or the index of a spacing."""
    f = jnp.asarray(f)
    spacings = [jnp.asarray(h) for h in spacings]

    def of(*args):
        ff, sp = f, list(spacings)
        for w, a in zip(wrt, args):
            if w == "f":
                ff = a
            else:
                sp[w] = a
        return np_loss(ff, sp, edge)

    args = [f if w == "f" else spacings[w] for w in wrt]
    value = of(*args)
    grads = jax.grad(of, argnums=tuple(range(len(args))))(*args)
    # The transcription against numpy's own numbers.
    for ax, h in enumerate(spacings):
        want = np.gradient(np.asarray(f), np.asarray(h), axis=ax, edge_order=edge)
        got = np.asarray(np_gradient_axis(f, h, ax, edge))
        # Not bit for bit: XLA may rewrite a division by a constant.
        assert np.allclose(got, want, rtol=1e-14, atol=1e-14), name
    # ... and against jax.grad through jnp.gradient where JAX has the stencil.
    if edge == 1:

        def of_jnp(*args):
            ff, sp = f, list(spacings)
            for w, a in zip(wrt, args):
                if w == "f":
                    ff = a
                else:
                    sp[w] = a
            return jnp_loss(ff, sp)

        ref = jax.grad(of_jnp, argnums=tuple(range(len(args))))(*args)
        for g, r in zip(grads, ref):
            assert np.allclose(g, r, rtol=1e-13, atol=1e-13), name
    out = {
        "name": name,
        "edge": edge,
        "value": s(value),
        "grads": [flat(g) for g in grads],
    }
    return out


def hessian_case(name, edge, f, x):
    """The Hessian of the 1-D loss with respect to the coordinates."""
    f, x = jnp.asarray(f), jnp.asarray(x)
    of = lambda x: np_loss(f, [x], edge)  # noqa: E731
    return {
        "name": name,
        "edge": edge,
        "value": s(of(x)),
        "grads": [flat(jax.grad(of)(x))],
        "hess": flat(jax.hessian(of)(x)),
    }


def main():
    cases = []
    for edge in (1, 2):
        cases.append(case(f"coords_1d_edge{edge}", edge, Y6, [X6], [0]))
        cases.append(case(f"values_and_coords_1d_edge{edge}", edge, Y6, [X6], ["f", 0]))
        cases.append(case(f"step_1d_edge{edge}", edge, Y6, [H], [0]))
        cases.append(case(f"coords_2d_edge{edge}", edge, F45, [X4, X5], [0, 1]))
        cases.append(case(f"step_and_coords_2d_edge{edge}", edge, F45, [H, X5], ["f", 0, 1]))
        cases.append(hessian_case(f"hessian_coords_1d_edge{edge}", edge, Y6, X6))
    out = {
        "jax": jax.__version__,
        "numpy": np.__version__,
        "inputs": {
            "x6": flat(X6),
            "y6": flat(Y6),
            "x4": flat(X4),
            "x5": flat(X5),
            "f45": flat(F45),
            "h": s(H),
        },
        "cases": cases,
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
