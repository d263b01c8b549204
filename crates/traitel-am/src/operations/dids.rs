//! DIDs: `querynumbers`, `assignnumber`, `querydidcountries`, `querydidcities`,
//! `querydids`, `subscribedid`.

use crate::client::Client;
use crate::error::Result;
use crate::models::Service;
use crate::models::did::{
    AssignNumber, CityQuery, DidCity, DidCountry, DidQuery, Number, NumberFilter, OfferedDid,
    SubscribeDid, known_service,
};
use crate::transport::CallKind;
use crate::wire;

impl Client {
    /// `querynumbers`: the account's DIDs and their assignments.
    pub async fn query_numbers(&self, filter: &NumberFilter) -> Result<Vec<Number>> {
        let mode = "querynumbers";
        let params = filter.params()?;
        let payload = self.call(mode, CallKind::Read, &params).await?;
        wire::parse_table(mode, &payload)
    }

    /// `assignnumber`: points a DID at fax, an IVR menu, an IVML configuration or SIP.
    pub async fn assign_number(&self, assign: &AssignNumber) -> Result<()> {
        let mode = "assignnumber";
        let params = assign.params()?;
        self.call(mode, CallKind::Idempotent, &params).await?;
        Ok(())
    }

    /// `querydidcountries`: countries with DIDs of `service` for subscription.
    pub async fn query_did_countries(&self, service: &Service) -> Result<Vec<DidCountry>> {
        let mode = "querydidcountries";
        let params = [("service", known_service("service", service)?)];
        let payload = self.call(mode, CallKind::Read, &params).await?;
        wire::parse_table(mode, &payload)
    }

    /// `querydidcities`: cities of a country with DIDs for subscription.
    pub async fn query_did_cities(&self, query: &CityQuery) -> Result<Vec<DidCity>> {
        let mode = "querydidcities";
        let params = query.params()?;
        let payload = self.call(mode, CallKind::Read, &params).await?;
        wire::parse_table(mode, &payload)
    }

    /// `querydids`: DIDs offered for subscription (not yet registered).
    pub async fn query_dids(&self, query: &DidQuery) -> Result<Vec<OfferedDid>> {
        let mode = "querydids";
        let params = query.params()?;
        let payload = self.call(mode, CallKind::Read, &params).await?;
        wire::parse_table(mode, &payload)
    }

    /// `subscribedid`: subscribes to an offered DID (monthly charges may apply). Not
    /// resent once it may have reached a gateway.
    pub async fn subscribe_did(&self, subscribe: &SubscribeDid) -> Result<()> {
        let mode = "subscribedid";
        let params = subscribe.params()?;
        self.call(mode, CallKind::Unsafe, &params).await?;
        Ok(())
    }
}
