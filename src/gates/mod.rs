//! One gate per kind of danger, used by every stage that needs it: the URL
//! allow-list (`safe_url`), and the active-content scan of finished pages
//! and SVG files (`active_content`). Path containment lives in
//! `fsutil::inside`, beside the file helpers that use it.
//!
//! A second code path that forgets a gate is how holes appear, so nothing
//! writes an address or publishes a file without passing through here.

pub mod active_content;
pub mod safe_url;
