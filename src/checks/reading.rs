//! Reading level (being written).
use crate::config::CheckConfig;
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::model::Site;
pub fn check(_site: &Site, _rendered: &[Rendered], _config: &CheckConfig) -> Vec<Diagnostic> {
    Vec::new()
}
