//! The `plenary` binary: parse the command line, load configuration, start tracing,
//! and hand over to the library.

fn main() -> std::process::ExitCode {
    plenary::cli::main()
}
