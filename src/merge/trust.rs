//! Whether a file merged in is believed, and how far: checked before anything is planned. A copy this
//! workbook wrote proves itself by its signing key (a workbook holds the secret whose public key we recorded;
//! a package is signed with it); its scope is our record's, never the file's claim. The workbook this copy
//! was made from is believed as before. Anything else is refused unless the user trusts it explicitly.

use super::package::Decoded;
use crate::i18n::{Message, Text};
use crate::model::Id;
use crate::signing;
use crate::store::{IssuedCopy, Session};

/// How far the other file is believed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    /// A copy this workbook wrote, verified by its key: it may change only what its scope allows.
    Copy { scope: Option<Id> },
    /// The workbook this copy was made from (the coordinator).
    Origin,
    /// Not a signed copy, merged because the user said to trust it: every change counts as made here.
    Unsigned,
}

impl Trust {
    /// The agency whose programs alone the other file may change, by our record.
    pub fn scope(&self) -> Option<Id> {
        match self {
            Trust::Copy { scope } => *scope,
            Trust::Origin | Trust::Unsigned => None,
        }
    }
}

fn record(ours: &Session, id: Id) -> Result<Option<IssuedCopy>, Message> {
    let record = ours.issued_copy(id)?;
    if record.as_ref().is_some_and(|r| r.revoked_at.is_some()) {
        return Err(Message::new(Text::TrustRevoked));
    }
    Ok(record)
}

/// Check a change package against our record of the copy it claims to come from.
pub fn check_package(ours: &Session, decoded: &Decoded) -> Result<Trust, Message> {
    let record = record(ours, decoded.package.from.replica_id)?.ok_or_else(|| Message::new(Text::TrustUnknownCopy))?;
    if !decoded.signed_by(&record.public_key) {
        return Err(Message::new(Text::TrustBadSignature));
    }
    Ok(Trust::Copy { scope: record.scope })
}

/// Check a workbook merged in: a copy we wrote must hold the key we recorded; the workbook we were made from
/// is believed; anything else only when `trust` is given.
pub fn check_workbook(ours: &Session, theirs: &Session, trust: bool) -> Result<Trust, Message> {
    let id = theirs.replica().map(|r| r.id);
    if let Some(record) = id.map(|id| record(ours, id)).transpose()?.flatten() {
        let key = theirs.signing_key()?;
        if key.as_deref().and_then(signing::public_of).as_deref() != Some(record.public_key.as_str()) {
            return Err(Message::new(Text::TrustKeyMismatch));
        }
        return Ok(Trust::Copy { scope: record.scope });
    }
    // Only a copy has an origin to believe: a coordinator's first peer is the first copy it wrote.
    let from_origin = ours.signing_key()?.is_some() && ours.origin()?.is_some_and(|(origin, _)| Some(origin.id) == id);
    match (from_origin, trust) {
        (true, _) => Ok(Trust::Origin),
        (false, true) => Ok(Trust::Unsigned),
        (false, false) => Err(Message::new(Text::TrustNotACopy)),
    }
}
