//! A `partnernet serve` process on a test's database: for what only a real process shows
//! (signals, several servers on one database). Killed when dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::TEST_SECRET;

pub struct ServerProcess {
    pub child: Child,
    pub port: u16,
    index_dir: PathBuf,
}

impl ServerProcess {
    /// Serves `database_url` on a free port with its own index directory, with the test
    /// servers' JWT secret (so the tests' sessions work) and `env`; returns once it listens.
    pub fn start(database_url: &str, env: &[(&str, &str)]) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let index_dir = std::env::temp_dir().join(format!("partnernet-process-{port}"));
        let child = Command::new(env!("CARGO_BIN_EXE_partnernet"))
            .arg("--database-url")
            .arg(database_url)
            .args(["serve", "--no-demo", "--bind"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--index-dir")
            .arg(&index_dir)
            .env(
                "PARTNERNET_JWT_SECRET",
                std::str::from_utf8(TEST_SECRET).expect("text"),
            )
            .env("PARTNERNET_ENV", "development")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("partnernet serve started");
        let server = Self {
            child,
            port,
            index_dir,
        };
        // Serving, not only bound: a signal sent before the server runs finds no handler.
        let started = Instant::now();
        while !server.alive() {
            assert!(started.elapsed() < Duration::from_secs(60), "never served");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Whether `/healthz` answers 200.
    fn alive(&self) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        let mut answer = String::new();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .and_then(|()| stream.read_to_string(&mut answer))
            .is_ok_and(|_| answer.starts_with("HTTP/1.1 200"))
    }

    /// Sends SIGTERM, as an orchestrator stopping it does.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.index_dir);
    }
}
