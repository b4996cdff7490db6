fn main() -> std::process::ExitCode {
    trayecto::cli::main()
}
