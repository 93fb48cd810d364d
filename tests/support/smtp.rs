//! A small SMTP server for tests: it turns away the first sessions it is given (as a mail server
//! that is down), and records every message it takes.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// A message the server took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub to: String,
    pub message_id: String,
}

#[derive(Debug, Default)]
struct State {
    turn_away: usize,
    turned_away: usize,
    received: Vec<Received>,
}

pub struct SmtpServer {
    port: u16,
    state: Arc<Mutex<State>>,
}

impl SmtpServer {
    /// Listens on a free port; the first `turn_away` sessions get a temporary failure (451).
    pub fn start(turn_away: usize) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("an address").port();
        let state = Arc::new(Mutex::new(State {
            turn_away,
            ..State::default()
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // A session that breaks off is the client's business, not the server's.
                let _ = session(stream, &shared);
            }
        });
        Self { port, state }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.lock().expect("state").received.clone()
    }

    pub fn turned_away(&self) -> usize {
        self.state.lock().expect("state").turned_away
    }
}

fn session(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    out.write_all(b"220 test.example ESMTP\r\n")?;
    let mut to = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
            b"250 test.example\r\n"
        } else if command.starts_with("MAIL FROM") {
            let mut state = state.lock().expect("state");
            if state.turn_away > 0 {
                state.turn_away -= 1;
                state.turned_away += 1;
                b"451 4.3.0 Try again later\r\n"
            } else {
                b"250 OK\r\n"
            }
        } else if command.starts_with("RCPT TO") {
            to = line.trim_end()[8..]
                .trim_matches(['<', '>', ' '])
                .to_owned();
            b"250 OK\r\n"
        } else if command == "DATA" {
            out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut message_id = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                let text = line.trim_end();
                if text == "." {
                    break;
                }
                if let Some(id) = text.strip_prefix("Message-ID: ") {
                    message_id = id.to_owned();
                }
            }
            state.lock().expect("state").received.push(Received {
                to: to.clone(),
                message_id,
            });
            b"250 OK: queued\r\n"
        } else if command == "QUIT" {
            out.write_all(b"221 Bye\r\n")?;
            return Ok(());
        } else {
            b"250 OK\r\n"
        };
        out.write_all(reply)?;
    }
}
