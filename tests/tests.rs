//! Integration tests: one binary, one module per area.

mod util;

mod bad_input;
mod cli;
mod eval;
mod golden;
mod property;
mod review;
mod rules;
