//! Customer actions.

use crate::Client;
use crate::error::Error;
use crate::models::customer::{
    CreateCustomerV2, CreateHomephoneCustomer, CreatedCustomer, CustomerInfoRequest,
    CustomerRecord, HomephoneCustomer,
};

impl Client {
    /// `create_homephone_customer` (`POST /customer`): create a home phone customer.
    ///
    /// Validated before sending; never resent once it may have reached the vendor (only a
    /// connect failure or a token rejection sends it again).
    pub async fn create_homephone_customer(
        &self,
        request: &CreateHomephoneCustomer,
    ) -> Result<HomephoneCustomer, Error> {
        self.send_action(request).await
    }

    /// `create_prepaid_postpaid_customer_v2` (`POST /customer`): create one or more lines.
    /// Check each line's result: one line can fail while others succeed.
    pub async fn create_prepaid_postpaid_customer_v2(
        &self,
        request: &CreateCustomerV2,
    ) -> Result<CreatedCustomer, Error> {
        self.send_action(request).await
    }

    /// `customer_info` (`POST /customer`): a customer's lines.
    pub async fn customer_info(
        &self,
        request: &CustomerInfoRequest,
    ) -> Result<Vec<CustomerRecord>, Error> {
        self.send_action(request).await
    }
}
