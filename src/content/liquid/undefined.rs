//! Variables that are not defined: liquid stops at one, Jekyll renders it as nothing. The engine
//! finds which one liquid stopped at and defines it as nil (see `Liquid::render`).

use liquid::model::{KString, Object, Value};

/// The variable (as its path) that liquid reports as not defined, if that is the error.
pub fn undefined_path(error: &liquid::Error) -> Option<Vec<String>> {
    let message = error.to_string();
    let context = |key: &str| {
        message
            .lines()
            .find_map(|line| line.trim().strip_prefix(&format!("{key}=")))
            .map(str::to_owned)
    };
    let first_line = message.lines().next().unwrap_or("");
    if first_line.ends_with("Unknown index") {
        let mut path: Vec<String> = context("variable")?.split('.').map(str::to_owned).collect();
        path.push(context("requested index")?);
        Some(path)
    } else if first_line.ends_with("Unknown variable") {
        Some(vec![context("requested variable").filter(|v| v != "nil")?])
    } else {
        None
    }
}

/// Defines the variable at `path` as nil in `globals`, making the objects on the way; false when
/// it cannot be (a step is a list or text, or the variable is there already).
pub fn define_nil(globals: &mut Object, path: &[String]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let entry = globals.entry(KString::from_ref(first));
    if rest.is_empty() {
        return match entry {
            liquid::model::map::Entry::Vacant(vacant) => {
                vacant.insert(Value::Nil);
                true
            }
            liquid::model::map::Entry::Occupied(_) => false,
        };
    }
    let value = entry.or_insert(Value::Nil);
    if matches!(value, Value::Nil) {
        *value = Value::Object(Object::new());
    }
    match value {
        Value::Object(object) => define_nil(object, rest),
        _ => false,
    }
}
