//! Prints how long the default gazetteer takes to build and its size:
//! `cargo run --release --example gazetteer_load`.

use std::time::Instant;

use factspan::gazetteer::GazetteerBuilder;

fn main() -> Result<(), factspan::Error> {
    for _ in 0..3 {
        let t = Instant::now();
        let g = GazetteerBuilder::new().build()?;
        let took = t.elapsed();
        println!(
            "build {:7.1} ms  entries {}  forms {}  matcher {:.1} MiB",
            took.as_secs_f64() * 1e3,
            g.len(),
            g.form_count(),
            g.matcher_memory() as f64 / (1 << 20) as f64
        );
    }
    Ok(())
}
