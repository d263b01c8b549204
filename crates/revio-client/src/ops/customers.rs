//! Customers, contacts and agents.

use crate::error::Error;
use crate::models::{
    AgentCreated, AgentsCreate, AgentsQuery, AgentsQueryResult, ContactCreated, ContactsCreate,
    ContactsDelete, ContactsQuery, ContactsQueryResult, CustomersQuery, CustomersQueryResult,
    DuplicateQuery, Extra, NewCustomerCreated, NewCustomersCreate,
};
use crate::ops::{Validate, operations, positive};

impl Validate for CustomersQuery {
    fn validate(&self) -> Result<(), Error> {
        match self {
            CustomersQuery::CustomerId(id) => positive("CustomerID", *id),
            CustomersQuery::Tn(tn) if tn.trim().is_empty() => Err(Error::invalid("TN", "is empty")),
            CustomersQuery::Inventory(lookup) if lookup.identifier.trim().is_empty() => {
                Err(Error::invalid("Inventory/Identifier", "is empty"))
            }
            _ => Ok(()),
        }
    }
}

impl Validate for NewCustomersCreate {}

impl Validate for DuplicateQuery {
    fn validate(&self) -> Result<(), Error> {
        if let Some(last4) = &self.ssn_tax_id_last4
            && (last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(Error::invalid("SSNTaxIdLast4", "must be four digits"));
        }
        Ok(())
    }
}

impl Validate for ContactsCreate {
    fn validate(&self) -> Result<(), Error> {
        positive("Contact/CustomerID", self.contact.customer_id)?;
        if let Some(state) = self.contact.address.as_ref().and_then(|a| a.state.as_ref())
            && state.len() != 2
        {
            return Err(Error::invalid(
                "Contact/Address/State",
                "must be two letters",
            ));
        }
        Ok(())
    }
}

impl Validate for ContactsQuery {
    fn validate(&self) -> Result<(), Error> {
        if self.contact_id.is_none() && self.customer_id.is_none() {
            return Err(Error::invalid("ContactID", "send ContactID or CustomerID"));
        }
        Ok(())
    }
}

impl Validate for ContactsDelete {
    fn validate(&self) -> Result<(), Error> {
        positive("ContactID", self.contact_id)
    }
}

impl Validate for AgentsCreate {
    fn validate(&self) -> Result<(), Error> {
        if self.agent.id.is_some() {
            return Err(Error::invalid("Agent/ID", "is prohibited on create"));
        }
        if self.agent.address.as_ref().is_some_and(|a| a.id.is_some()) {
            return Err(Error::invalid(
                "Agent/Address/ID",
                "is prohibited on create",
            ));
        }
        Ok(())
    }
}

impl Validate for AgentsQuery {
    fn validate(&self) -> Result<(), Error> {
        match self {
            AgentsQuery::Id(id) => positive("ID", *id),
            AgentsQuery::Number(n) if n.trim().is_empty() => {
                Err(Error::invalid("Number", "is empty"))
            }
            AgentsQuery::Number(_) => Ok(()),
        }
    }
}

operations! {
    /// Looks up one customer by id, telephone number or inventory item.
    customers_query(CustomersQuery) -> CustomersQueryResult = "Customers_Query", Read;
    /// Creates a customer together with an order. No official page was visible: the shape
    /// comes from third-party code (unverified); the result keeps every element.
    new_customers_create(NewCustomersCreate) -> NewCustomerCreated = "NewCustomers_Create", Write;
    /// Searches for possible duplicate customers. The response fields were not visible on
    /// the vendor's page, so the result is every element by name.
    duplicate_query(DuplicateQuery) -> Extra = "Duplicate_Query", Read;
    /// Creates a contact on a customer.
    contacts_create(ContactsCreate) -> ContactCreated = "Contacts_Create", Write;
    /// Lists contacts by contact or customer.
    contacts_query(ContactsQuery) -> ContactsQueryResult = "Contacts_Query", Read;
    /// Deletes a contact.
    contacts_delete(ContactsDelete) -> () = "Contacts_Delete", Write;
    /// Creates an agent.
    agents_create(AgentsCreate) -> AgentCreated = "Agents_Create", Write;
    /// Looks up an agent by id or number.
    agents_query(AgentsQuery) -> AgentsQueryResult = "Agents_Query", Read;
}
