//! One use of a filter, as each filter function receives it.

use liquid::model::{Value, ValueView};
use liquid_core::{Result, Runtime};

use crate::content::liquid::jekyll_site::JekyllSite;

/// One use of a filter: its input, its arguments' values, and where it runs.
pub struct Call<'a> {
    pub name: &'a str,
    pub input: &'a dyn ValueView,
    pub args: Vec<Value>,
    pub runtime: &'a dyn Runtime,
    pub site: &'a JekyllSite,
}

impl Call<'_> {
    /// The `n`th argument, or nil.
    pub fn arg(&self, n: usize) -> &Value {
        self.args.get(n).unwrap_or(&Value::Nil)
    }

    /// The input as text.
    pub fn text(&self) -> String {
        self.input.to_kstr().to_string()
    }
}

/// What a filter does.
pub type Run = fn(&Call) -> Result<Value>;
