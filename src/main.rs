//! `smartcity-workbench`: open a workbook window, or run a headless subcommand (see `--help`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match smartcity_workbench::cli::parse(&args) {
        Ok(smartcity_workbench::cli::Invocation::Window(startup)) => {
            let data_dir = smartcity_workbench::paths::DataDir::from_env();
            match smartcity_workbench::ui::run(startup, data_dir) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("smartcity-workbench: cannot open a window: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Ok(smartcity_workbench::cli::Invocation::Headless(command)) => smartcity_workbench::cli::run(command),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
