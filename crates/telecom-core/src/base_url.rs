//! The one rule for a base URL a user gives a client builder (`base_url`, a gateway, a token
//! service): every vendor crate checks it here, so a URL one client refuses no other takes.
//!
//! A base URL must be an absolute `http` or `https` URL that can carry a path, with no user
//! info (`https://user:pass@host/`: the client's `Debug`, its spans and its errors show the
//! base URL, and a password there would be in all of them; credentials go in the crate's
//! `Credentials`), no query and no fragment (each call's path and query are the client's).
//! No message repeats the URL's text, for the same reason.

use std::fmt;

/// Why a base URL was refused. Its `Display` never repeats the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BaseUrlError {
    /// The text does not parse as a URL.
    NotAUrl(url::ParseError),
    /// The scheme is not `http` or `https`, or the URL cannot carry a path (`mailto:`).
    NotHttp,
    /// The URL carries a user name or a password.
    UserInfo,
    /// The URL carries a query or a fragment.
    QueryOrFragment,
}

impl fmt::Display for BaseUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // `url::ParseError` names the kind of fault, not the input.
            BaseUrlError::NotAUrl(e) => write!(f, "is not a URL: {e}"),
            BaseUrlError::NotHttp => f.write_str("is not an http or https URL"),
            BaseUrlError::UserInfo => {
                f.write_str("must not carry user info: credentials go in `Credentials`")
            }
            BaseUrlError::QueryOrFragment => f.write_str("must not have a query or fragment"),
        }
    }
}

impl std::error::Error for BaseUrlError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BaseUrlError::NotAUrl(e) => Some(e),
            _ => None,
        }
    }
}

/// `text` parsed as a base URL, or why it cannot be one (see the module docs).
pub fn parse(text: &str) -> Result<url::Url, BaseUrlError> {
    let url = url::Url::parse(text).map_err(BaseUrlError::NotAUrl)?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
        return Err(BaseUrlError::NotHttp);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(BaseUrlError::UserInfo);
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(BaseUrlError::QueryOrFragment);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_http_or_https_root_with_a_path_is_a_base_url() {
        for text in [
            "https://api.example.com",
            "http://127.0.0.1:8080/",
            "https://proxy.example.com/vendor/v20/default.asmx",
        ] {
            assert!(parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn each_refusal_says_why_without_repeating_the_url() {
        let cases = [
            ("not a url", "is not a URL"),
            ("ftp://files.example.com/x", "is not an http or https URL"),
            ("mailto:ops@example.com", "is not an http or https URL"),
            ("https://user:hunter2@api.example.com/", "user info"),
            ("https://user@api.example.com/", "user info"),
            ("https://api.example.com/?key=hunter2", "query or fragment"),
            ("https://api.example.com/#hunter2", "query or fragment"),
        ];
        for (text, why) in cases {
            let error = parse(text).expect_err(text).to_string();
            assert!(error.contains(why), "{text}: {error}");
            assert!(
                !error.contains("hunter2") && !error.contains("example"),
                "{error}"
            );
        }
    }
}
