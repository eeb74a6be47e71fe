//! The limits every stage of the compiler holds to, so that no input, however it is written,
//! makes a stage recurse without end, exhaust the stack or take unbounded time.

/// How deeply blocks (quotes, lists, definitions, footnotes, HTML elements) and spans (emphasis,
/// links, HTML), YAML collections and Liquid blocks may nest. Deeper content is refused with an
/// error instead of being parsed by a recursion that would exhaust the stack, and the later
/// stages (conversion, drawing) can rely on the limit.
pub const MAX_NESTING: usize = 100;
