//! `smartcity-workbench`: open a workbook window, or run a headless subcommand (see `--help`).

use std::process::ExitCode;

use smartcity_workbench::cli::{self, Invocation};
use smartcity_workbench::paths::DataDir;
use smartcity_workbench::ui;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::parse(&args) {
        Ok(Invocation::Window(startup)) => match ui::run(startup, DataDir::from_env()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("smartcity-workbench: cannot open a window: {e}");
                ExitCode::FAILURE
            }
        },
        Ok(Invocation::Headless(command)) => cli::run(command),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
