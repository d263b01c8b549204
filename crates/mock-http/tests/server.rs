//! The server speaks enough HTTP/1.1 for reqwest, and its faults look like real ones.

use std::time::Duration;

use mock_http::{MockServer, Reply, Response, refused_url};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn exchange(server: &MockServer, raw: &str) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(server.addr()).await?;
    stream.write_all(raw.as_bytes()).await?;
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out))
        .await
        .map_err(|_| std::io::Error::other("timed out"))??;
    Ok(out)
}

#[tokio::test]
async fn answers_and_records_requests() {
    let server = MockServer::start(|req| {
        Response::new(201)
            .header("X-Echo", req.path.clone())
            .body(req.body.clone())
            .into()
    })
    .await
    .unwrap();
    let raw = "POST /a%2Fb?x=1&y=two+words HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";
    let out = String::from_utf8(exchange(&server, raw).await.unwrap()).unwrap();
    assert!(out.starts_with("HTTP/1.1 201 Created\r\n"), "{out}");
    assert!(out.contains("X-Echo: /a%2Fb\r\n"));
    assert!(out.ends_with("Content-Length: 5\r\n\r\nhello"));
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(
        seen[0].query_pairs(),
        [("x".into(), "1".into()), ("y".into(), "two words".into())]
    );
    assert_eq!(seen[0].header("content-length"), Some("5"));
}

#[tokio::test]
async fn keeps_the_connection_for_several_requests_and_reads_chunked_bodies() {
    let server = MockServer::start(|req| Response::new(200).body(req.body.clone()).into())
        .await
        .unwrap();
    let raw = "POST /1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n\
               GET /2 HTTP/1.1\r\nConnection: close\r\n\r\n";
    let out = String::from_utf8(exchange(&server, raw).await.unwrap()).unwrap();
    assert_eq!(out.matches("HTTP/1.1 200 OK").count(), 2, "{out}");
    assert_eq!(server.requests()[0].body, b"abcde");
    assert_eq!(server.requests()[1].path, "/2");
}

#[tokio::test]
async fn truncate_sends_part_of_the_promised_body() {
    let server = MockServer::start(|_| Reply::Truncate {
        response: Response::new(200).body("0123456789"),
        at: 4,
    })
    .await
    .unwrap();
    let out =
        String::from_utf8(exchange(&server, "GET / HTTP/1.1\r\n\r\n").await.unwrap()).unwrap();
    assert!(out.ends_with("Content-Length: 10\r\n\r\n0123"), "{out}");
}

#[tokio::test]
async fn reset_and_close_answer_nothing() {
    for reply in [Reply::Reset, Reply::Close] {
        let server = MockServer::start(move |_| reply.clone()).await.unwrap();
        let out = exchange(&server, "GET / HTTP/1.1\r\n\r\n")
            .await
            .unwrap_or_default();
        assert!(out.is_empty());
    }
}

#[tokio::test]
async fn delay_then_answer() {
    let server = MockServer::start(|_| {
        Reply::Delay(
            Duration::from_millis(20),
            Box::new(Response::new(204).into()),
        )
    })
    .await
    .unwrap();
    let out = String::from_utf8(
        exchange(&server, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(out.starts_with("HTTP/1.1 204"));
}

#[tokio::test]
async fn malformed_request_gets_400_and_refused_url_refuses() {
    let server = MockServer::start(|_| Response::new(200).into())
        .await
        .unwrap();
    let out = String::from_utf8(exchange(&server, "NOT HTTP\r\n\r\n").await.unwrap()).unwrap();
    assert!(out.starts_with("HTTP/1.1 400"), "{out}");
    let url = refused_url().unwrap();
    let addr = url.trim_start_matches("http://");
    assert!(TcpStream::connect(addr).await.is_err());
}
