//! Integration tests: one binary, one module per area.

mod util;

mod audit;
mod bad_input;
mod claims;
mod cli;
mod compare;
mod eval;
mod gazetteers;
mod golden;
mod property;
mod regression;
mod review;
mod rules;
mod run;
mod shard;
