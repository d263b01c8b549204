//! Every enumerated type of the Standards page and the vendor sheet, as open enums: a value
//! this version does not know is kept in `Unknown` instead of failing the response.

use telecom_core::open_enum;

open_enum! {
    /// `Enum_Order_Status` (the Standards page), plus the values `Orders_Update` lists.
    pub enum OrderStatus {
        /// Not specified (Orders_Update).
        NotSpecified => "NOT_SPECIFIED",
        /// NEW.
        New => "NEW" : "Order has not yet been sent.",
        /// SENT.
        Sent => "SENT" : "Order has been sent and is waiting on confirmation from the provider/back-end system.",
        /// CONFIRMED.
        Confirmed => "CONFIRMED" : "Provider/back-end system has confirmed the order and it is in process.",
        /// COMPLETE.
        Complete => "COMPLETE" : "Order is complete and Rev.io has been updated.",
        /// CANCELED.
        Canceled => "CANCELED" : "Order is in a canceled state.",
        /// ERROR.
        Error => "ERROR" : "Provider/back-end system returned an error.",
        /// FLOW_ERROR.
        FlowError => "FLOW_ERROR" : "Provider/back-end system returned an error while trying to send the order automatically.",
        /// HOLD (Orders_Update).
        Hold => "HOLD",
        /// PAYMENT_HOLD (Orders_Update).
        PaymentHold => "PAYMENT_HOLD",
        /// LIFELINE_HOLD (Orders_Update).
        LifelineHold => "LIFELINE_HOLD",
        /// JEOPARDY (Orders_Update).
        Jeopardy => "JEOPARDY",
        /// PROVISIONED (Orders_Update).
        Provisioned => "PROVISIONED",
    }
}

open_enum! {
    /// `Enum_Order_Type`.
    pub enum OrderType {
        /// NEW.
        New => "NEW" : "New customer / new service.",
        /// DISCONNECT.
        Disconnect => "DISCONNECT" : "Entire account disconnect.",
        /// DENY.
        Deny => "DENY" : "Suspend/Deny/Hotline one or more services.",
        /// RESTORE.
        Restore => "RESTORE" : "Restore/Unhotline one or more services.",
        /// CHANGE_FEATURE.
        ChangeFeature => "CHANGE_FEATURE" : "Add/change/disconnect one or more products and/or services.",
        /// ADD_LINE.
        AddLine => "ADD_LINE" : "New service being added to a customer.",
        /// TRANSFER.
        Transfer => "TRANSFER" : "Moving service to a new address.",
        /// CONVERSION.
        Conversion => "CONVERSION" : "New customer / new service / with phone # migration.",
    }
}

open_enum! {
    /// `Enum_Lifeline_Status`.
    pub enum LifelineStatus {
        /// NEEDS_REVIEW.
        NeedsReview => "NEEDS_REVIEW" : "Lifeline form needs to be reviewed.",
        /// APPROVED.
        Approved => "APPROVED" : "Approved lifeline form.",
        /// REJECTED.
        Rejected => "REJECTED" : "Attached lifeline form was rejected.",
        /// NEEDS_FORM.
        NeedsForm => "NEEDS_FORM" : "No form is on file.",
    }
}

open_enum! {
    /// `Enum_Pin_Status`.
    pub enum PinStatus {
        /// AVAILABLE.
        Available => "AVAILABLE" : "PIN is available to be claimed.",
        /// CLAIMED.
        Claimed => "CLAIMED" : "PIN has been claimed.",
        /// INVALID.
        Invalid => "INVALID" : "PIN has not been claimed and is not available to be claimed.",
        /// LOCKED.
        Locked => "LOCKED" : "PIN has not been claimed and is temporarily locked from being claimed.",
    }
}

open_enum! {
    /// `Enum_Ticket_Status`.
    pub enum TicketStatus {
        /// OPEN.
        Open => "OPEN" : "General open status.",
        /// INWORK.
        InWork => "INWORK" : "Currently being worked.",
        /// CLOSED.
        Closed => "CLOSED" : "Ticket is closed.",
        /// PENDING_CANCELLATION.
        PendingCancellation => "PENDING_CANCELLATION" : "Ticket is in the process of being canceled.",
        /// CANCELED.
        Canceled => "CANCELED" : "Ticket has been canceled.",
    }
}

open_enum! {
    /// `Enum_TPIV_Status`.
    pub enum TpivStatus {
        /// APPROVED.
        Approved => "APPROVED" : "Customer's TPIVStatus has been Approved.",
        /// REJECTED.
        Rejected => "REJECTED" : "Customer's TPIVStatus has been Rejected.",
        /// PENDING.
        Pending => "PENDING" : "Customer's TPIVStatus is Pending.",
    }
}

open_enum! {
    /// `Enum_Customer_Product_Status`.
    pub enum CustomerProductStatus {
        /// PENDING.
        Pending => "PENDING" : "Product has not yet activated and is pending activation.",
        /// ACTIVE.
        Active => "ACTIVE" : "Product is active and billing.",
        /// DENIED.
        Denied => "DENIED" : "Product was active, but has been suspended.",
        /// DISCONNECTED.
        Disconnected => "DISCONNECTED" : "Product has been completely disconnected and is no longer billing.",
    }
}

open_enum! {
    /// `Enum_Inventory_Type`.
    pub enum InventoryType {
        /// General.
        General => "General" : "General inventory type for inventory not covered by another type.",
        /// Telephone_Number.
        TelephoneNumber => "Telephone_Number" : "Telephone number.",
        /// IP_Address.
        IpAddress => "IP_Address" : "An IP address.",
        /// Mobile_Device.
        MobileDevice => "Mobile_Device" : "A wireless mobile device.",
        /// SIM_Card.
        SimCard => "SIM_Card" : "A wireless SIM card.",
    }
}

open_enum! {
    /// `Enum_Inventory_Item_Status`.
    pub enum InventoryItemStatus {
        /// AVAILABLE.
        Available => "AVAILABLE" : "Inventory is not activated and is available to be associated with a customer or activated on a batch.",
        /// UNAVAILABLE.
        Unavailable => "UNAVAILABLE" : "Inventory is not activated and may not be used.",
        /// ASSIGNED.
        Assigned => "ASSIGNED" : "Inventory is assigned to a customer.",
        /// BATCHED.
        Batched => "BATCHED" : "Inventory is on a batch.",
    }
}

open_enum! {
    /// `CCHTaxExemption` (instances that do not use SureTax).
    pub enum CchTaxExemption {
        /// Federal.
        Federal => "Federal" : "Federal Taxes Exempt",
        /// State.
        State => "State" : "State Taxes Exempt",
        /// County.
        County => "County" : "County Taxes Exempt",
        /// City.
        City => "City" : "City Taxes Exempt",
        /// Local.
        Local => "Local" : "Local Taxes Exempt",
        /// Other.
        Other => "Other" : "Exempt from other, specific taxes (not available for query / update in the API)",
    }
}

open_enum! {
    /// `SureTaxTaxExemptionEnum` (instances that use SureTax).
    pub enum SureTaxTaxExemption {
        /// None.
        None => "None" : "No Exemptions (not usable or returned by the API)",
        /// FET.
        Fet => "FET" : "Federal Excise Tax Exempt",
        /// State.
        State => "State" : "State Taxes Exempt",
        /// FET_State.
        FetState => "FET_State" : "Federal Excise Tax and State Taxes Exempt",
        /// Local.
        Local => "Local" : "Local Taxes Exempt",
        /// FET_Local.
        FetLocal => "FET_Local" : "Federal Excise Tax and Local Taxes Exempt",
        /// State_Local.
        StateLocal => "State_Local" : "State and Local Taxes Exempt",
        /// FET_State_Local.
        FetStateLocal => "FET_State_Local" : "Federal Excise Tax and State and Local Taxes Exempt",
        /// Federal.
        Federal => "Federal" : "All Federal Level Taxes Exempt",
        /// Unit_Based.
        UnitBased => "Unit_Based" : "All Unit Based Taxes Exempt",
        /// Unit_Based_E911.
        UnitBasedE911 => "Unit_Based_E911" : "Unit Based E911 Exempt",
        /// Unit_Only.
        UnitOnly => "Unit_Only" : "Only apply Unit Based Fees",
        /// Gross_Receipts.
        GrossReceipts => "Gross_Receipts" : "Gross Receipts Tax (GRT) Exempt",
        /// USF.
        Usf => "USF" : "All Universal Service Fund (USF) Fees Exempt",
        /// Gross_Receipts_USF.
        GrossReceiptsUsf => "Gross_Receipts_USF" : "GRT and USF Exempt",
        /// FUSF.
        Fusf => "FUSF" : "Federal USF Tax Exempt",
        /// FET_FUSF_State_Sales_Use.
        FetFusfStateSalesUse => "FET_FUSF_State_Sales_Use" : "Federal Excise, Federal USF, and State Sales & Use Tax Exempt",
        /// State_Excise.
        StateExcise => "State_Excise" : "State Excise Tax Exempt (includes FL CST)",
        /// FET_FUSF_Local_Sales_Use.
        FetFusfLocalSalesUse => "FET_FUSF_Local_Sales_Use" : "Federal Excise, Federal USF, and Local Sales & Use Tax Exempt",
        /// FUSF_State_Local_Sales_Use.
        FusfStateLocalSalesUse => "FUSF_State_Local_Sales_Use" : "Federal USF and State Local Sales & Use Tax Exempt",
        /// State_Excise_Local_Telecom.
        StateExciseLocalTelecom => "State_Excise_Local_Telecom" : "State Excise and Local Telecommunications Tax Exempt",
        /// State_Sales_Use.
        StateSalesUse => "State_Sales_Use" : "State Level Sales & Use Tax Exempt",
        /// State_Local_Sales_Use.
        StateLocalSalesUse => "State_Local_Sales_Use" : "State and Local Sales & Use Tax Exempt",
        /// GST.
        Gst => "GST" : "Goods and Services Taxes (GST) Exempt",
        /// PST.
        Pst => "PST" : "Provincial Service Taxes (PST) Exempt",
        /// HST.
        Hst => "HST" : "Harmonized Service Taxes (HST) Exempt",
        /// Local_Utility_Users.
        LocalUtilityUsers => "Local_Utility_Users" : "Local Utility Users Tax Exempt",
        /// State_Excise_Local_Surcharge.
        StateExciseLocalSurcharge => "State_Excise_Local_Surcharge" : "State Excise Tax Exempt and Local Surcharge Exempt",
        /// State_Franchise.
        StateFranchise => "State_Franchise" : "State Franchise Fee Exempt",
        /// Los_Angeles_Comm_Users.
        LosAngelesCommUsers => "Los_Angeles_Comm_Users" : "Los Angeles Communications Users Tax Exempt",
        /// All.
        All => "All" : "All Taxes Exempt - Apply no tax or fees",
    }
}

open_enum! {
    /// A customer's class (Customers_Query, Packages_Query).
    pub enum CustomerClass {
        /// Residential.
        Residential => "Residential",
        /// Business.
        Business => "Business",
    }
}

open_enum! {
    /// How a customer's bill is delivered (Customers_Query).
    pub enum BillMethod {
        /// Printed only.
        PrintOnly => "PRINT_ONLY",
        /// Emailed only.
        EmailOnly => "EMAIL_ONLY",
        /// Printed and emailed.
        Both => "BOTH",
        /// Not delivered.
        None => "NONE",
    }
}

open_enum! {
    /// Shipping state of an order (Orders_Update).
    pub enum ShippingStatus {
        /// NOT_REQUIRED.
        NotRequired => "NOT_REQUIRED",
        /// NOT_SHIPPED.
        NotShipped => "NOT_SHIPPED",
        /// SHIPPED.
        Shipped => "SHIPPED",
    }
}

open_enum! {
    /// When a task is due (Tasks_Update).
    pub enum DueDateType {
        /// SINGLE.
        Single => "SINGLE",
        /// RECURRING_DAY.
        RecurringDay => "RECURRING_DAY",
        /// RECURRING_DATE.
        RecurringDate => "RECURRING_DATE",
        /// RECURRING_DAYOFWEEK.
        RecurringDayOfWeek => "RECURRING_DAYOFWEEK",
        /// RECURRING_DAILY.
        RecurringDaily => "RECURRING_DAILY",
        /// RECURRING_HOURLY.
        RecurringHourly => "RECURRING_HOURLY",
    }
}

open_enum! {
    /// How a payment is made (Payments_Create, PaymentAccounts_Create).
    pub enum PaymentType {
        /// CREDIT_CARD.
        CreditCard => "CREDIT_CARD",
        /// ACH.
        Ach => "ACH",
        /// MANUAL (Payments_Create only).
        Manual => "MANUAL",
        /// MANUAL_ELECTRONIC (Payments_Create only).
        ManualElectronic => "MANUAL_ELECTRONIC",
    }
}

open_enum! {
    /// A bank account type.
    pub enum AchAccountType {
        /// CHECKING.
        Checking => "CHECKING",
        /// SAVINGS.
        Savings => "SAVINGS",
    }
}

open_enum! {
    /// Charge or credit (Transactions_Create).
    pub enum TransactionType {
        /// CHARGE.
        Charge => "CHARGE",
        /// CREDIT.
        Credit => "CREDIT",
    }
}

open_enum! {
    /// A charge's type (Charges_Search `AType`).
    pub enum ChargeType {
        /// ADJ: adjustment.
        Adj => "ADJ",
        /// FCC.
        Fcc => "FCC",
        /// LPC: late payment charge.
        Lpc => "LPC",
        /// MRC: monthly recurring charge.
        Mrc => "MRC",
        /// NAC.
        Nac => "NAC",
        /// NRC: non-recurring charge.
        Nrc => "NRC",
        /// OCC: other charges and credits.
        Occ => "OCC",
        /// PICC.
        Picc => "PICC",
        /// PRO: proration.
        Pro => "PRO",
        /// TAX.
        Tax => "TAX",
        /// Usage.
        Usage => "Usage",
    }
}

open_enum! {
    /// The format of a downloaded bill (Bills_Download).
    pub enum BillFormat {
        /// XML.
        Xml => "XML",
        /// A base64-encoded PDF.
        Pdf => "PDF",
    }
}

open_enum! {
    /// Where a package is offered (Packages_Query).
    pub enum AvailabilityLocation {
        /// On the agent portal.
        AgentPortal => "Available_On_Agent_Portal_Flag",
        /// On signup.
        Signup => "Available_On_Signup_Flag",
    }
}
