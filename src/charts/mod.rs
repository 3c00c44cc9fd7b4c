//! Charts of the current result set: statistics ([`stats`]) and their ECharts options as
//! `charming` values ([`specs`]). Pure and natively tested; the browser shell renders the
//! JSON and turns clicks back into filters.

pub mod specs;
pub mod stats;

#[cfg(test)]
mod tests;
