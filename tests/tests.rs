//! Integration tests: one binary, one module per area.

mod util;

mod bad_input;
mod cli;
mod golden;
mod property;
mod shard;
