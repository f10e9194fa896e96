//! Contacts that nobody has checked for too long: an out-of-date phone
//! number is the most harmful mistake a help page can make.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::site::dates::Date;
use crate::site::model::Site;

pub fn check(site: &Site, today: Date) -> Vec<Diagnostic> {
    let months = site.config.check.contact_max_age_months;
    let oldest_allowed = today.months_before(i32::try_from(months).unwrap_or(i32::MAX));
    let data = &site.data;
    data.contacts
        .iter()
        .filter(|c| c.verified < oldest_allowed)
        .map(|c| {
            let (file, text, line) = data.contact_place(&c.id);
            finding(
                "contact-stale",
                format!(
                    "`{}` was last checked on {}, more than {months} months ago",
                    c.id,
                    c.verified.long()
                ),
            )
            .in_file(file)
            .at_source(text, line, 1)
            .help("check the number and hours with the organisation, then update `verified`")
        })
        .collect()
}
