//! A webhook receiver for tests: an HTTP server that answers 500 to the first requests it is
//! given (as a receiver that is down) or keeps them waiting (as one that hangs), and records
//! every request with its headers.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::Value;

/// A request the receiver got.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: String,
    pub timestamp: String,
    pub signature: String,
    pub body: String,
    /// Whether the receiver answered 2xx.
    pub accepted: bool,
}

impl Delivery {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

#[derive(Debug, Default)]
struct State {
    fail_next: usize,
    hold_next: usize,
    requests: Vec<Delivery>,
}

/// Serves until the test's runtime ends.
pub struct Receiver {
    port: u16,
    state: Arc<Mutex<State>>,
}

impl Receiver {
    /// Listens on a free port of 127.0.0.1; the first `fail` requests get 500.
    pub fn start(fail: usize) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("an address").port();
        let state = Arc::new(Mutex::new(State {
            fail_next: fail,
            ..State::default()
        }));
        let shared = web::Data::from(state.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(shared.clone())
                .default_service(web::to(receive))
        })
        .workers(1)
        .listen(listener)
        .expect("the receiver listens")
        .run();
        actix_web::rt::spawn(server);
        Self { port, state }
    }

    /// The address of the receiver, with `host` (`127.0.0.1`, `localhost`).
    pub fn url(&self, host: &str) -> String {
        format!("http://{host}:{}/hooks/partnernet", self.port)
    }

    /// Makes the next `n` requests fail with 500.
    pub fn fail_next(&self, n: usize) {
        self.state.lock().expect("state").fail_next = n;
    }

    /// Keeps the next `n` requests waiting for a minute before a 500: longer than a sender
    /// waits.
    pub fn hold_next(&self, n: usize) {
        self.state.lock().expect("state").hold_next = n;
    }

    pub fn requests(&self) -> Vec<Delivery> {
        self.state.lock().expect("state").requests.clone()
    }

    /// The requests answered 2xx.
    pub fn accepted(&self) -> Vec<Delivery> {
        self.requests().into_iter().filter(|d| d.accepted).collect()
    }
}

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    state: web::Data<Mutex<State>>,
) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (accepted, held) = {
        let mut state = state.lock().expect("state");
        let held = state.hold_next > 0;
        state.hold_next = state.hold_next.saturating_sub(1);
        let accepted = !held && state.fail_next == 0;
        if !held {
            state.fail_next = state.fail_next.saturating_sub(1);
        }
        state.requests.push(Delivery {
            id: header("webhook-id"),
            timestamp: header("webhook-timestamp"),
            signature: header("webhook-signature"),
            body: String::from_utf8_lossy(&body).into_owned(),
            accepted,
        });
        (accepted, held)
    };
    if held {
        actix_web::rt::time::sleep(Duration::from_secs(60)).await;
    }
    if accepted {
        HttpResponse::NoContent().finish()
    } else {
        HttpResponse::InternalServerError().body("down for maintenance")
    }
}
