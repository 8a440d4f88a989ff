//! The `strom` binary: with no arguments, a single node serving on 0.0.0.0:9092 with data
//! under ./data. Configuration uses Kafka's names, from `--config FILE` (TOML) and any
//! number of `--override KEY=VALUE`.

use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use strom::config::BrokerConfig;

#[derive(Parser)]
#[command(
    name = "strom",
    version,
    about = "A Kafka-compatible event streaming broker"
)]
struct Args {
    /// A TOML file of Kafka broker settings (`listeners = "PLAINTEXT://0.0.0.0:9092"`, ...).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// A setting by its Kafka name, overriding the file: `--override log.dirs=/var/lib/strom`.
    #[arg(long = "override", value_name = "KEY=VALUE")]
    overrides: Vec<String>,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,openraft=warn")),
        )
        .init();
    let args = Args::parse();
    let config = match BrokerConfig::load(args.config.as_deref(), &args.overrides) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("strom: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = check_log_dir(&config.log_dirs) {
        eprintln!("strom: configuration error: invalid value for log.dirs: {e}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("strom: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("strom: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A data directory that cannot be created or written is a configuration mistake (exit 2
/// naming `log.dirs`), not a runtime failure: found here, before anything else is opened.
fn check_log_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let probe = dir.join(".strom-write-check");
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

async fn run(config: BrokerConfig) -> anyhow::Result<()> {
    if config.process_roles.controller_only() {
        let controller = strom::start_controller(config).await?;
        wait_for_signal().await?;
        tracing::info!("shutting down");
        controller.shutdown().await;
        return Ok(());
    }
    let server = strom::start(config).await?;
    wait_for_signal().await?;
    tracing::info!("shutting down");
    server.shutdown().await;
    Ok(())
}

async fn wait_for_signal() -> std::io::Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate())?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result,
        _ = terminate.recv() => Ok(()),
    }
}
