//! Helpers for tests that search captured text for secrets.

/// `text` with the port of every loopback address replaced by `<port>`.
///
/// URLs, `Debug` output and hyper's logs show the server's port, and its five digits can
/// hold four of a numeric secret's (an SSN, a card number) by chance; a test that looks
/// for such pieces scrubs ports first.
pub fn without_ports(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..at]);
        let len = rest[at..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - at);
        let is_port = out.ends_with("127.0.0.1:") || out.ends_with("Port(");
        out.push_str(if is_port {
            "<port>"
        } else {
            &rest[at..at + len]
        });
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_ports;

    #[test]
    fn only_loopback_ports_are_replaced() {
        assert_eq!(
            without_ports("GET http://127.0.0.1:41111/x 1111 Port(41111) ssn=0707"),
            "GET http://127.0.0.1:<port>/x 1111 Port(<port>) ssn=0707"
        );
    }
}
