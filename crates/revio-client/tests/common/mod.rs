//! Helpers shared by the integration tests: SOAP answers for the mock server.

#![allow(dead_code)]

use mock_http::{Reply, Request, Response};

pub(crate) const NS: &str = "http://api.myh2o.com/v20";

/// The operation a request calls, read from its `SOAPAction` header.
pub(crate) fn operation(req: &Request) -> String {
    req.header("SOAPAction")
        .unwrap_or("")
        .trim_matches('"')
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_owned()
}

/// A SOAP response for `op` with a header and the given result body.
pub(crate) fn answer(op: &str, header: &str, body: &str) -> Reply {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\
         <soap:Body><{op}Response xmlns=\"{NS}\"><{op}Result><Header>{header}</Header>{body}</{op}Result></{op}Response></soap:Body></soap:Envelope>"
    );
    Response::new(200)
        .header("Content-Type", "text/xml; charset=utf-8")
        .body(xml)
        .into()
}

/// A success header.
pub(crate) fn ok(op: &str, body: &str) -> Reply {
    answer(
        op,
        "<Success>true</Success><Impersonated>false</Impersonated>",
        body,
    )
}

/// A failure header with a code.
pub(crate) fn fail(op: &str, code: &str, description: &str) -> Reply {
    answer(
        op,
        &format!(
            "<Success>false</Success><Error_Code>{code}</Error_Code><Error_Description>{description}</Error_Description>"
        ),
        "",
    )
}
