//! Rendering as Jekyll renders: a variable that is not defined, or a field a value does not have
//! (`{{ event.event_date_end }}` for an event without one), is nil and renders as nothing. liquid
//! stops at it with an error; [`Lax`] wraps any runtime (the render's, and each loop's and
//! include's frame) and answers nil instead, noting the path for a warning.
//!
//! What a render forgives is noted in the runtime's registers ([`Notes`]), which every frame
//! shares, and reported once the render is done.

use liquid_core::model::{KString, KStringCow, KStringRef, ScalarCow, Value, ValueCow, ValueView};
use liquid_core::runtime::{PartialStore, Registers};
use liquid_core::{Result, Runtime};

/// What a render forgave, for its warnings.
#[derive(Default)]
pub struct Notes {
    /// Variables and fields that were not there, as their paths (`site.data.x`), each once.
    pub undefined: Vec<String>,
    /// Other things assumed, in the editor's words (an integer too large, ...).
    pub assumed: Vec<String>,
}

/// Notes `message` among what the render forgave.
pub fn assume(runtime: &dyn Runtime, message: String) {
    let mut notes = runtime.registers().get_mut::<Notes>();
    if !notes.assumed.contains(&message) {
        notes.assumed.push(message);
    }
}

/// A runtime that answers nil for what is not there.
pub struct Lax<R> {
    inner: R,
}

impl<R: Runtime> Lax<R> {
    pub fn new(inner: R) -> Self {
        Self { inner }
    }
}

/// Whether liquid's error says a variable or a field is not there.
fn is_missing(error: &liquid_core::Error) -> bool {
    let message = error.to_string();
    let first = message.lines().next().unwrap_or("");
    first.ends_with("Unknown variable") || first.ends_with("Unknown index")
}

impl<R: Runtime> Runtime for Lax<R> {
    fn partials(&self) -> &dyn PartialStore {
        self.inner.partials()
    }

    fn name(&self) -> Option<KStringRef<'_>> {
        self.inner.name()
    }

    fn roots(&self) -> std::collections::BTreeSet<KStringCow<'_>> {
        self.inner.roots()
    }

    fn try_get(&self, path: &[ScalarCow<'_>]) -> Option<ValueCow<'_>> {
        self.inner.try_get(path)
    }

    fn get(&self, path: &[ScalarCow<'_>]) -> Result<ValueCow<'_>> {
        match self.inner.get(path) {
            Err(error) if is_missing(&error) => {
                // The first step that is not there (`a.b` of `a.b.c`) is what to report.
                let missing = (1..=path.len())
                    .find(|&n| self.inner.try_get(&path[..n]).is_none())
                    .unwrap_or(path.len());
                let written = path[..missing]
                    .iter()
                    .map(|segment| segment.to_kstr().to_string())
                    .collect::<Vec<_>>()
                    .join(".");
                let mut notes = self.registers().get_mut::<Notes>();
                if !notes.undefined.contains(&written) {
                    notes.undefined.push(written);
                }
                Ok(ValueCow::Owned(Value::Nil))
            }
            other => other,
        }
    }

    fn set_global(&self, name: KString, val: Value) -> Option<Value> {
        self.inner.set_global(name, val)
    }

    fn set_index(&self, name: KString, val: Value) -> Option<Value> {
        self.inner.set_index(name, val)
    }

    fn get_index<'a>(&'a self, name: &str) -> Option<ValueCow<'a>> {
        self.inner.get_index(name)
    }

    fn registers(&self) -> &Registers {
        self.inner.registers()
    }
}
