//! The EKF examples of `pendulum-ekf` on a Cortex-M4F, run by QEMU
//! (`mps2-an386`): every scenario is simulated and checked on the target,
//! then the cost of the Jacobians and of one filter step is measured there
//! (instructions and stack). The exit status, through semihosting, is
//! QEMU's: non-zero if any check failed or anything panicked.
#![no_std]
#![no_main]

mod measure;

use core::hint::black_box;
use core::panic::PanicInfo;

use cortex_m_rt::entry;
use cortex_m_semihosting::{debug, hprintln};
use pendulum_ekf::{
    pendulum, quadrotor, run, tracker, HandJacobians, Pendulum, PlanarQuadrotor, Scenario, Tracker,
};

#[entry]
fn main() -> ! {
    hprintln!("constgrad EKF on a Cortex-M4F (QEMU mps2-an386)");
    let counter = measure::Counter::start(cortex_m::Peripherals::take());
    match &counter {
        Some(c) => hprintln!(
            "SysTick calibrated: {} instructions per tick",
            c.instructions_per_tick()
        ),
        None => hprintln!("SysTick does not count instructions (run with -icount): no counts"),
    }
    let mut passed = true;
    passed &= check_and_measure(
        "pendulum",
        &Pendulum::EXAMPLE,
        &pendulum_scenario(),
        &counter,
    );
    passed &= check_and_measure("tracker", &Tracker::EXAMPLE, &tracker::scenario(), &counter);
    passed &= check_and_measure(
        "quadrotor",
        &PlanarQuadrotor::EXAMPLE,
        &quadrotor::scenario(),
        &counter,
    );
    if passed {
        hprintln!("all on-target checks passed");
    } else {
        hprintln!("ON-TARGET CHECK FAILED");
    }
    exit(passed)
}

/// Ends the run with QEMU's exit status 0 (`passed`) or 1.
fn exit(passed: bool) -> ! {
    debug::exit(if passed {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    // Only reached if the host ignores the exit request.
    loop {
        cortex_m::asm::wfi();
    }
}

/// The pendulum's scenario; with the `self-test-failure` feature its
/// tolerance is zero, which no run can meet, so that CI can see a failing
/// check fail the image.
fn pendulum_scenario() -> Scenario<2, 2> {
    let mut s = pendulum::scenario();
    if cfg!(feature = "self-test-failure") {
        s.tolerance *= 0.0;
    }
    s
}

/// Runs `scenario` (every check of [`run`]), prints its outcome, then the
/// instruction counts and stack depths of the Jacobians and of one step at
/// the scenario's true initial state (where the angles are not zero, so
/// that sin and cos take their general path). Returns whether the checks
/// passed.
fn check_and_measure<const N: usize, const M: usize>(
    name: &str,
    model: &impl HandJacobians<N, M>,
    scenario: &Scenario<N, M>,
    counter: &Option<measure::Counter>,
) -> bool {
    let (result, run_stack) = measure::stack_bytes(|| run(model, scenario, |_, _| {}));
    let passed = match result {
        Ok(outcome) => {
            hprintln!(
                "{} ({} states, {} measured): {} steps ok; |x̂ − x| = {:?}; AD Jacobians within {} ulps of the hand-derived ones; {} bytes of stack",
                name,
                N,
                M,
                scenario.steps,
                outcome.error.as_array(),
                outcome.jacobian_ulps,
                run_stack
            );
            true
        }
        Err(failure) => {
            hprintln!("{}: FAILED: {:?}", name, failure);
            false
        }
    };
    let x = scenario.truth;
    let z = model.measurement(model.dynamics(x));
    let ekf = pendulum_ekf::Ekf::new(x, scenario.covariance);
    let step = || {
        let mut e = black_box(ekf);
        let r = e.step(model, &scenario.noise, &black_box(z));
        (e, r)
    };
    if let Some(counter) = counter {
        // The bare loop; what a figure counts beyond it is the call as the
        // firmware makes it: the argument read, the call, the result stored.
        let base = counter.ticks(|| ());
        let per_call = |t| counter.per_call(t, base);
        // Each step runs on a fresh copy of the filter, so that every call
        // sees the same state; the copy is not counted.
        let copy = counter.ticks(|| black_box(ekf));
        hprintln!(
            "{}: instructions per call: F by AD {}, F by hand {}, H by AD {}, H by hand {}, EKF step {}",
            name,
            per_call(counter.ticks(|| model.dynamics_jacobian(black_box(x)))),
            per_call(counter.ticks(|| model.dynamics_jacobian_by_hand(black_box(x)))),
            per_call(counter.ticks(|| model.measurement_jacobian(black_box(x)))),
            per_call(counter.ticks(|| model.measurement_jacobian_by_hand(black_box(x)))),
            counter.per_call(counter.ticks(step), copy),
        );
    }
    hprintln!(
        "{}: stack bytes: F by AD {}, F by hand {}, H by AD {}, EKF step {}",
        name,
        measure::stack_bytes(|| model.dynamics_jacobian(black_box(x))).1,
        measure::stack_bytes(|| model.dynamics_jacobian_by_hand(black_box(x))).1,
        measure::stack_bytes(|| model.measurement_jacobian(black_box(x))).1,
        measure::stack_bytes(step).1,
    );
    passed
}

/// A panic is a failed run: print it and exit with failure.
#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    hprintln!("PANIC: {}", info);
    exit(false)
}
