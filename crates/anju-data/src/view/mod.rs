//! View logic without a browser: the URL state, measures and ranking, chart geometry.
//! The app renders what these compute; tests check them natively.

pub mod axis;
pub mod geom;
pub mod growth;
pub mod live;
pub mod measure;
pub mod page;
pub mod published;
pub mod query;
pub mod staff;
