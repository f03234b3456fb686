//! Measuring on the target: instructions by SysTick under QEMU's `-icount`,
//! stack depth by painting.

use core::arch::asm;
use core::fmt;
use core::hint::black_box;

use cortex_m::peripheral::syst::SystClkSource;
use cortex_m::peripheral::SYST;

/// Calls per measurement: the SysTick counter ticks once per several
/// instructions, so one call is averaged over many.
const REPS: u32 = 256;

/// SysTick's counter is 24 bits wide.
const MASK: u32 = 0x00FF_FFFF;

/// Counts instructions with SysTick. Under `-icount shift=0` QEMU's virtual
/// clock advances one nanosecond per guest instruction, and SysTick counts
/// that clock (divided by the board's CPU clock period), so a tick is a
/// fixed number of instructions, measured once by [`Counter::start`].
pub struct Counter {
    instructions_per_tick: u32,
}

impl Counter {
    /// Starts SysTick free-running and calibrates it against a loop of
    /// known length; `None` if the peripherals are taken or SysTick does
    /// not count (as without `-icount`, where the count is host time).
    pub fn start(peripherals: Option<cortex_m::Peripherals>) -> Option<Self> {
        let mut syst = peripherals?.SYST;
        syst.set_clock_source(SystClkSource::Core);
        syst.set_reload(MASK);
        syst.clear_current();
        syst.enable_counter();
        let spin_ticks = |iterations: u32| {
            let start = SYST::get_current();
            spin(iterations);
            elapsed(start, SYST::get_current())
        };
        // The difference cancels the reads and the call: what is left is
        // 100 000 more iterations of a two-instruction loop.
        let extra = spin_ticks(101_000).checked_sub(spin_ticks(1_000))?;
        let instructions = 200_000;
        (extra != 0 && instructions % extra == 0).then(|| Self {
            instructions_per_tick: instructions / extra,
        })
    }

    /// The instructions a tick stands for.
    pub fn instructions_per_tick(&self) -> u32 {
        self.instructions_per_tick
    }

    /// SysTick ticks for [`REPS`] calls of `f`.
    pub fn ticks<R>(&self, mut f: impl FnMut() -> R) -> u32 {
        let start = SYST::get_current();
        for _ in 0..REPS {
            black_box(f());
        }
        elapsed(start, SYST::get_current())
    }

    /// Instructions per call, from the ticks of a measured loop and of the
    /// same loop around a call that does nothing.
    pub fn per_call(&self, ticks: u32, baseline: u32) -> Instructions {
        Instructions {
            tenths: ticks.saturating_sub(baseline) * self.instructions_per_tick * 10 / REPS,
        }
    }
}

/// An instruction count per call, to a tenth.
pub struct Instructions {
    tenths: u32,
}

impl fmt::Display for Instructions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.tenths / 10, self.tenths % 10)
    }
}

/// Ticks from `start` to `end` of the down-counting 24-bit SysTick.
fn elapsed(start: u32, end: u32) -> u32 {
    start.wrapping_sub(end) & MASK
}

/// Exactly `2·iterations` instructions, plus the constant set-up.
#[inline(never)]
fn spin(iterations: u32) {
    // SAFETY: only a register is touched.
    unsafe {
        asm!(
            "2:",
            "subs {n}, #1",
            "bne 2b",
            n = inout(reg) iterations => _,
            options(nomem, nostack),
        );
    }
}

/// The word written over the free stack before a measured call.
const PAINT: u32 = 0xDEAD_BEEF;

/// How far below the current stack pointer the paint reaches.
const WINDOW: usize = 64 * 1024;

extern "C" {
    /// The end of the static data (cortex-m-rt): the stack never goes below.
    static __sheap: u32;
}

/// What `f` returns and the bytes of stack it used below this function's
/// frame: paints the free stack, calls `f`, and finds the lowest word that
/// changed.
#[inline(never)]
pub fn stack_bytes<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let sp: usize;
    // SAFETY: reads the stack pointer into a register.
    unsafe { asm!("mov {}, sp", out(reg) sp, options(nomem, nostack)) };
    // Taking the address of a linker symbol reads nothing.
    let heap_start = core::ptr::addr_of!(__sheap) as usize;
    let bottom = sp.saturating_sub(WINDOW).max(heap_start) & !3;
    let words = (sp - bottom) / 4;
    let base = bottom as *mut u32;
    for i in 0..words {
        // SAFETY: [bottom, sp) is free stack between the statics and the
        // current frame, and nothing else runs (no interrupts are enabled).
        unsafe { base.add(i).write_volatile(PAINT) };
    }
    let result = black_box(f());
    // SAFETY: as above; the words were written by the loop or by `f`.
    let untouched = (0..words)
        .take_while(|&i| unsafe { base.add(i).read_volatile() } == PAINT)
        .count();
    (result, (words - untouched) * 4)
}
