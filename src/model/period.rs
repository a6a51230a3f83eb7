//! The period a view shows, resolved by one rule for the dashboard, the slides and the
//! big screen.

use anju_data::view::growth;
use anju_data::view::query::ViewState;
use anju_data::Dataset;

/// The period in view (an index into `ds.periods`): the URL's `period=` where the data
/// has it, else the latest (and `model::notices` says so).
pub fn in_view(ds: &Dataset, st: &ViewState) -> usize {
    ds.period_or_latest(st.period)
}

/// The period the slides compare `t` with: the URL's `compare=` where the data has it,
/// else the same month a year before, else none.
pub fn compared(ds: &Dataset, st: &ViewState, t: usize) -> Option<usize> {
    st.compare.and_then(|p| ds.period_ix(p)).or_else(|| growth::year_before(ds, t))
}
