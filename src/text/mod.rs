//! Text measures shared by the stages: reading level and sentences
//! (`readability`), word lists (`plain_words`), colour contrast
//! (`contrast`), the word tables they read (`data`, TSV files), HTML escaping (`escape`), language tags, names and directions (`languages`), case folding that keeps offsets (`text_fold`), and fast substring search in long text (`substring`). Pure
//! functions over strings; they depend on nothing else in Signpost.

pub mod contrast;
pub(crate) mod data;
pub mod escape;
pub mod languages;
pub mod plain_words;
pub mod readability;
pub mod substring;
pub mod text_fold;
