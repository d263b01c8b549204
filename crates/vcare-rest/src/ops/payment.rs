//! Payment actions.

use crate::Client;
use crate::error::Error;
use crate::models::payment::{MakePayment, Payment};

impl Client {
    /// `make_payment` (`POST /payment`). Never resent once it may have reached the vendor:
    /// after a timeout, find out whether it was charged before paying again.
    pub async fn make_payment(&self, request: &MakePayment) -> Result<Payment, Error> {
        self.send_action(request).await
    }
}
