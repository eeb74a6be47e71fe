//! A panic in one page's compile (a bug here, or in a crate the compiler uses: the `liquid`
//! crates panic on some templates) becomes an error at that page instead of the end of the build.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `work`, or says what panicked in it.
pub fn caught<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an unknown panic".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_message() {
        assert_eq!(caught(|| 1), Ok(1));
        let caught = caught(|| -> u8 { panic!("stopped at {}", 3) });
        assert_eq!(caught, Err("stopped at 3".to_owned()));
    }
}
