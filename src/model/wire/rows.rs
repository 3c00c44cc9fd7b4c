//! Rows: the positional arrays items, annotations and figures are written as — trailing
//! nulls and empty lists left out, span fields left out for a deferred document — and
//! reading their fields back.
//!
//! Cost: one copy of a row to read it back.

use serde_json::{json, Value};

pub(super) fn trimmed(mut row: Vec<Value>) -> Value {
    while row
        .last()
        .is_some_and(|v| v.is_null() || v.as_array().is_some_and(Vec::is_empty))
    {
        row.pop();
    }
    Value::Array(row)
}

pub(super) fn field<T: serde::de::DeserializeOwned>(row: &[Value], i: usize) -> Result<T, String> {
    T::deserialize(row.get(i).unwrap_or(&Value::Null)).map_err(|e| format!("field {i}: {e}"))
}

pub(super) fn row_of(value: &Value) -> Result<&[Value], String> {
    value
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| format!("expected an array, found {value}"))
}

/// The positions of the span fields in a row, left out of a deferred document's rows.
pub(super) const ITEM_SPANS: [usize; 2] = [1, 2];
pub(super) const ANNOTATION_SPANS: [usize; 2] = [0, 1];
pub(super) const FIGURE_SPANS: [usize; 4] = [1, 2, 3, 4];

/// A row without its span fields (`spans` false), trailing nulls and empty lists left out.
pub(super) fn row(mut fields: Vec<Value>, span_fields: &[usize], spans: bool) -> Value {
    if !spans {
        for &i in span_fields.iter().rev() {
            fields.remove(i);
        }
    }
    trimmed(fields)
}

/// A row read back with empty spans where a deferred document leaves them out.
pub(super) fn full_row(
    value: &Value,
    span_fields: &[usize],
    spans: bool,
) -> Result<Vec<Value>, String> {
    let mut row = row_of(value)?.to_vec();
    if !spans {
        for &i in span_fields {
            row.insert(i.min(row.len()), json!(0));
        }
    }
    Ok(row)
}
