//! What one render may spend, so that no template ends the build: loop steps, the size of any text
//! it makes, how deeply includes and `liquify` nest, and what it writes.
//!
//! Ruby's Liquid, which Jekyll runs, has render limits for the same reason; liquid-rust has none.
//! The budget is per render of a page's text (nested renders, `include` and `liquify`, share
//! it), kept in a thread-local because a render never leaves its thread and the crate's tags
//! cannot carry state of their own across a render. The tags and filters this engine adds
//! (`for`, `tablerow`, `capture`, `include`, `append`, `prepend`, ...) charge it; the writer the
//! output goes to charges every byte.
//!
//! The limits are far above any real page (the largest corpus page loops over 2,000 rows of CSV
//! and writes 215 KB) and far below what would take the build's time or memory: 5,000,000 loop
//! steps take about a second.

use std::cell::Cell;
use std::io::Write;

use crate::content::limits::MAX_NESTING;

/// Loop iterations (and includes) one render may run.
pub const MAX_STEPS: u64 = 5_000_000;

/// The longest text one render may make, whether written out, captured or built by filters.
pub const MAX_TEXT: usize = 16 << 20;

/// What the current render has left.
#[derive(Clone, Copy)]
struct Left {
    steps: u64,
    depth: usize,
}

thread_local! {
    static LEFT: Cell<Option<Left>> = const { Cell::new(None) };
    /// What ran out, if something did: liquid reports a writer's refusal only as "Failed to
    /// render", so the render's error is replaced with this.
    static RAN_OUT: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Runs `render` within a budget: a fresh one for an outermost render, the enclosing render's
/// for one inside it. An error caused by the budget running out says what ran out.
pub fn within<T>(render: impl FnOnce() -> liquid_core::Result<T>) -> liquid_core::Result<T> {
    let outermost = LEFT.with(|left| left.get().is_none());
    if outermost {
        RAN_OUT.with(|ran_out| ran_out.set(None));
        LEFT.with(|left| {
            left.set(Some(Left {
                steps: MAX_STEPS,
                depth: MAX_NESTING,
            }))
        });
    }
    let result = render();
    if outermost {
        LEFT.with(|left| left.set(None));
        if result.is_err()
            && let Some(what) = RAN_OUT.with(|ran_out| ran_out.take())
        {
            return Err(liquid_core::Error::with_msg(what));
        }
    }
    result
}

/// Notes that `what` ran out, and says so as an error.
fn ran_out(what: &'static str) -> liquid_core::Error {
    RAN_OUT.with(|ran_out| ran_out.set(Some(what)));
    liquid_core::Error::with_msg(what)
}

/// What went over the budget, as the message liquid's error carries (see `errors::liquid_error`).
pub const OVER_STEPS: &str = "this Liquid runs more than 5,000,000 loop steps";
pub const OVER_TEXT: &str = "this Liquid makes a text larger than 16 MB";
pub const OVER_DEPTH: &str = "includes (or `liquify`) nest more than 100 deep";

/// Spends `steps` loop steps.
pub fn spend(steps: u64) -> liquid_core::Result<()> {
    LEFT.with(|left| match left.get() {
        Some(mut budget) => {
            if budget.steps < steps {
                return Err(ran_out(OVER_STEPS));
            }
            budget.steps -= steps;
            left.set(Some(budget));
            Ok(())
        }
        None => Ok(()),
    })
}

/// Checks that a text of `len` bytes may be made.
pub fn check_text(len: usize) -> liquid_core::Result<()> {
    if len > MAX_TEXT {
        return Err(ran_out(OVER_TEXT));
    }
    Ok(())
}

/// Runs `nested` one level deeper (an include, a `liquify`), or refuses past the limit.
pub fn deeper<T>(nested: impl FnOnce() -> liquid_core::Result<T>) -> liquid_core::Result<T> {
    let entered = LEFT.with(|left| match left.get() {
        Some(budget) if budget.depth == 0 => false,
        Some(mut budget) => {
            budget.depth -= 1;
            left.set(Some(budget));
            true
        }
        None => true,
    });
    if !entered {
        return Err(ran_out(OVER_DEPTH));
    }
    let result = nested();
    LEFT.with(|left| {
        if let Some(mut budget) = left.get() {
            budget.depth += 1;
            left.set(Some(budget));
        }
    });
    result
}

/// A writer that refuses to grow past [`MAX_TEXT`].
pub struct Bounded<'w> {
    inner: &'w mut dyn Write,
    written: usize,
}

impl<'w> Bounded<'w> {
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Self { inner, written: 0 }
    }
}

impl Write for Bounded<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.written += bytes.len();
        if self.written > MAX_TEXT {
            let _ = ran_out(OVER_TEXT);
            return Err(std::io::Error::other(OVER_TEXT));
        }
        self.inner.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_out_only_inside_a_render_and_come_back_after_it() {
        assert!(spend(MAX_STEPS * 2).is_ok(), "no budget outside a render");
        let _ = within(|| {
            assert!(spend(MAX_STEPS - 1).is_ok());
            assert!(spend(1).is_ok());
            assert!(spend(1).is_err());
            // A nested render shares the budget.
            within(|| spend(1)).expect_err("the enclosing render's budget is spent");
            Ok(())
        });
        assert!(within(|| spend(MAX_STEPS)).is_ok());
    }

    #[test]
    fn nesting_is_refused_past_the_limit() {
        fn nest(levels: usize) -> liquid_core::Result<()> {
            if levels == 0 {
                return Ok(());
            }
            deeper(|| nest(levels - 1))
        }
        let _ = within(|| {
            assert!(nest(MAX_NESTING).is_ok());
            assert!(nest(MAX_NESTING + 1).is_err());
            Ok(())
        });
    }

    #[test]
    fn the_writer_stops_at_the_largest_text_and_the_render_says_why() {
        let mut out = Vec::new();
        let result = within(|| {
            let mut writer = Bounded::new(&mut out);
            assert!(writer.write_all(&vec![b'a'; MAX_TEXT]).is_ok());
            writer
                .write_all(b"a")
                .map_err(|_| liquid_core::Error::with_msg("Failed to render"))
        });
        let message = result.unwrap_err().to_string();
        assert!(
            message.lines().next().unwrap().ends_with(OVER_TEXT),
            "{message}"
        );
    }
}
