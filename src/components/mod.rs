//! Leaf widgets the views compose. A component imports models and other components'
//! types, never a view.

pub mod alerts;
pub mod breadcrumb;
pub mod building;
pub mod error;
pub mod filters;
pub mod header;
pub mod kpis;
pub mod notices;
pub mod provenance;
pub mod risk;
pub mod skip;
pub mod table;
pub mod wheretogo;
