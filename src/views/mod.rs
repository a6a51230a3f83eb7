//! The three views, one per `view=` mode. Each composes components, charts and models and
//! never imports a sibling (a test holds the line): what two views share is a component
//! or a model.

pub mod dashboard;
pub mod present;
pub mod screen;
