//! The `telecom-sandbox` binary's argument handling.

use std::process::Command;

#[test]
fn a_taken_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let out = Command::new(env!("CARGO_BIN_EXE_telecom-sandbox"))
        .args(["--vendor", "vcare", "--port", &port.to_string()])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("cannot bind 127.0.0.1:{port}")),
        "{stderr}"
    );
}

#[test]
fn an_unknown_vendor_is_refused_with_usage() {
    let out = Command::new(env!("CARGO_BIN_EXE_telecom-sandbox"))
        .args(["--vendor", "nope"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: telecom-sandbox"));
}
