//! DIDs: `querynumbers`, `assignnumber`, `querydidcountries`, `querydidcities`,
//! `querydids`, `subscribedid`.

use telecom_core::CallKind;

use crate::client::Client;
use crate::error::Result;
use crate::models::Service;
use crate::models::did::{
    AssignNumber, CityQuery, DidCity, DidCountry, DidForm, DidQuery, Number, NumberFilter,
    OfferedDid, SubscribeDid, known_service,
};
use crate::transport::Op;
use crate::wire;

const QUERYNUMBERS: Op<'static> = Op::new("querynumbers", CallKind::Read);
const ASSIGNNUMBER: Op<'static> = Op::new("assignnumber", CallKind::IdempotentWrite);
const QUERYDIDCOUNTRIES: Op<'static> = Op::new("querydidcountries", CallKind::Read);
const QUERYDIDCITIES: Op<'static> = Op::new("querydidcities", CallKind::Read);
const QUERYDIDS: Op<'static> = Op::new("querydids", CallKind::Read);
const SUBSCRIBEDID: Op<'static> = Op::new("subscribedid", CallKind::Write);

impl Client {
    /// `querynumbers`: the account's DIDs and their assignments.
    pub async fn query_numbers(&self, filter: &NumberFilter) -> Result<Vec<Number>> {
        let payload = self.call(QUERYNUMBERS, &filter.form()?).await?;
        wire::parse_table(self.redactor(), QUERYNUMBERS.mode, &payload)
    }

    /// `assignnumber`: points a DID at fax, an IVR menu, an IVML configuration or SIP.
    pub async fn assign_number(&self, assign: &AssignNumber) -> Result<()> {
        self.call(ASSIGNNUMBER, &assign.form()?).await?;
        Ok(())
    }

    /// `querydidcountries`: countries with DIDs of `service` for subscription.
    pub async fn query_did_countries(&self, service: &Service) -> Result<Vec<DidCountry>> {
        let form = DidForm {
            service: Some(known_service("service", service)?),
            ..DidForm::default()
        };
        let payload = self.call(QUERYDIDCOUNTRIES, &form).await?;
        wire::parse_table(self.redactor(), QUERYDIDCOUNTRIES.mode, &payload)
    }

    /// `querydidcities`: cities of a country with DIDs for subscription.
    pub async fn query_did_cities(&self, query: &CityQuery) -> Result<Vec<DidCity>> {
        let payload = self.call(QUERYDIDCITIES, &query.form()?).await?;
        wire::parse_table(self.redactor(), QUERYDIDCITIES.mode, &payload)
    }

    /// `querydids`: DIDs offered for subscription (not yet registered).
    pub async fn query_dids(&self, query: &DidQuery) -> Result<Vec<OfferedDid>> {
        let payload = self.call(QUERYDIDS, &query.form()?).await?;
        wire::parse_table(self.redactor(), QUERYDIDS.mode, &payload)
    }

    /// `subscribedid`: subscribes to an offered DID (monthly charges may apply). Not
    /// resent once it may have reached a gateway.
    pub async fn subscribe_did(&self, subscribe: &SubscribeDid) -> Result<()> {
        self.call(SUBSCRIBEDID, &subscribe.form()?).await?;
        Ok(())
    }
}
