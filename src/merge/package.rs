//! The change package: the changes an agency copy made since it last met the coordinator, small enough for a
//! messaging app or a USB stick. The file is one header line and a JSON body:
//!
//! ```text
//! SMARTCITY-PACKAGE 2 sha256=<64 hex digits of the body> ed25519=<128 hex digits: the copy's signature of the body>
//! {"format":"smartcity-workbench/change-package","version":2,"masterplan_id":…,"rows":[…],…}
//! ```
//!
//! Each row carries its kind and id, the state the coordinator had when they last met (`base`, `null` for a
//! new row) and the copy's state now (`row`, `null` for a removed row), both as field maps, and who changed it
//! last. The hash covers the body byte for byte: a damaged or truncated package is refused before anything is
//! read from it. The signature is made with the copy's own key; only the coordinator's record of that copy
//! (its public key) can verify it, so the body's `from` (even its scope) is a claim, never believed. Version 1
//! packages (unsigned) are refused. Reading never writes the package.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::fields::Fields;
use super::plan::Stamp;
use crate::i18n::{Message, Text};
use crate::model::Id;
use crate::signing;

pub const MAGIC: &str = "SMARTCITY-PACKAGE";
pub const FORMAT: &str = "smartcity-workbench/change-package";
pub const VERSION: u32 = 2;
/// The file name extension of change packages.
pub const EXTENSION: &str = "smartcity-package";

/// The copy that made the package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    pub replica_id: Id,
    pub name: String,
    pub scope: Option<Id>,
}

/// One changed row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackageRow {
    pub kind: String,
    pub id: Id,
    pub base: Option<Fields>,
    pub row: Option<Fields>,
    pub stamp: Option<Stamp>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Package {
    pub format: String,
    pub version: u32,
    pub masterplan_id: Id,
    pub from: Sender,
    pub made_at: String,
    pub made_by: String,
    /// When the sender last met the coordinator: the package holds the changes since then.
    pub since: String,
    pub rows: Vec<PackageRow>,
    /// The sender's history entries since then, as the store writes them.
    pub journal: Vec<serde_json::Value>,
}

/// Why bytes are not a change package we can apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageError {
    NotAPackage,
    /// The hash does not match: damaged or truncated on the way.
    Corrupt,
    TooNew(u32),
    /// An unsigned package of version 1.
    TooOld,
    Malformed(String),
    /// The key to sign with is not a key.
    BadKey,
}

/// A package read from bytes whose hash matched: its content, the hash, and the signature still to check.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub package: Package,
    pub hash: String,
    signature: String,
    body: Vec<u8>,
}

impl Decoded {
    /// True when the package was signed by the key whose public half is `public_key` (hex).
    pub fn signed_by(&self, public_key: &str) -> bool {
        signing::verify(public_key, &self.body, &self.signature)
    }
}

impl PackageError {
    pub fn message(&self) -> Message {
        match self {
            PackageError::NotAPackage => Message::new(Text::PackageNotAPackage),
            PackageError::Corrupt => Message::new(Text::PackageCorrupt),
            PackageError::TooNew(v) => Message::with(Text::PackageTooNew, [v.to_string()]),
            PackageError::TooOld => Message::new(Text::PackageTooOld),
            PackageError::Malformed(detail) => Message::with(Text::PackageMalformed, [detail.clone()]),
            PackageError::BadKey => Message::new(Text::PackageNoKey),
        }
    }
}

/// True when `bytes` start like a change package (whether or not they are intact).
pub fn looks_like_package(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC.as_bytes())
}

/// The package as file bytes, with the hash of its body and its signature with `secret` (the copy's signing
/// key, hex) in the header line.
pub fn encode(package: &Package, secret: &str) -> Result<Vec<u8>, PackageError> {
    let body = serde_json::to_vec(package).map_err(|e| PackageError::Malformed(e.to_string()))?;
    let signature = signing::sign(secret, &body).ok_or(PackageError::BadKey)?;
    let mut out =
        format!("{MAGIC} {VERSION} sha256={} ed25519={signature}\n", signing::hex(&Sha256::digest(&body))).into_bytes();
    out.extend_from_slice(&body);
    Ok(out)
}

/// Read a package: the header's hash checked against the body (the hash identifies its content). The
/// signature is returned unchecked: only the coordinator's record of the copy says whose key must verify it.
pub fn decode(bytes: &[u8]) -> Result<Decoded, PackageError> {
    if !looks_like_package(bytes) {
        return Err(PackageError::NotAPackage);
    }
    let Some(end) = bytes.iter().position(|b| *b == b'\n') else { return Err(PackageError::Corrupt) };
    let header = std::str::from_utf8(&bytes[..end]).map_err(|_| PackageError::Corrupt)?;
    let mut words = header.split(' ');
    let (Some(_), Some(version), Some(hash)) = (words.next(), words.next(), words.next()) else {
        return Err(PackageError::Corrupt);
    };
    let version: u32 = version.parse().map_err(|_| PackageError::Corrupt)?;
    if version > VERSION {
        return Err(PackageError::TooNew(version));
    }
    if version < VERSION {
        return Err(PackageError::TooOld);
    }
    let expected = hash.strip_prefix("sha256=").ok_or(PackageError::Corrupt)?;
    let signature = words.next().and_then(|w| w.strip_prefix("ed25519=")).ok_or(PackageError::Corrupt)?;
    if words.next().is_some() {
        return Err(PackageError::Corrupt);
    }
    let body = &bytes[end + 1..];
    let actual = signing::hex(&Sha256::digest(body));
    if actual != expected {
        return Err(PackageError::Corrupt);
    }
    let package: Package = serde_json::from_slice(body).map_err(|e| PackageError::Malformed(e.to_string()))?;
    if package.format != FORMAT {
        return Err(PackageError::NotAPackage);
    }
    if package.version != VERSION {
        return Err(if package.version > VERSION {
            PackageError::TooNew(package.version)
        } else {
            PackageError::TooOld
        });
    }
    Ok(Decoded { package, hash: actual, signature: signature.to_string(), body: body.to_vec() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::new_id;
    use crate::signing::hex;

    fn sample() -> Package {
        let mut fields = Fields::new();
        fields.insert("name".into(), serde_json::json!("Dinas Kominfo"));
        Package {
            format: FORMAT.into(),
            version: VERSION,
            masterplan_id: new_id(),
            from: Sender { replica_id: new_id(), name: "Dinkes".into(), scope: Some(new_id()) },
            made_at: "2026-11-28T04:00:00Z".into(),
            made_by: "Ani".into(),
            since: "2026-11-27T04:00:00Z".into(),
            rows: vec![PackageRow {
                kind: "agency".into(),
                id: new_id(),
                base: None,
                row: Some(fields),
                stamp: Some(Stamp { at: "2026-11-28T03:59:00Z".into(), by: "Ani".into() }),
            }],
            journal: vec![serde_json::json!({"id": "x"})],
        }
    }

    #[test]
    fn a_package_round_trips_with_its_hash_and_signature() {
        let (secret, public) = signing::generate().unwrap();
        let package = sample();
        let bytes = encode(&package, &secret).unwrap();
        assert!(bytes.starts_with(b"SMARTCITY-PACKAGE 2 sha256="));
        let read = decode(&bytes).unwrap();
        assert_eq!(read.package, package);
        assert_eq!(read.hash.len(), 64);
        assert!(read.signed_by(&public));
        assert!(!read.signed_by(&signing::generate().unwrap().1), "another copy's key does not verify");
        // The same content always has the same hash: that is how a second application is recognised.
        assert_eq!(decode(&encode(&package, &secret).unwrap()).unwrap().hash, read.hash);
        assert_eq!(encode(&package, "not a key"), Err(PackageError::BadKey));
    }

    #[test]
    fn damaged_truncated_old_and_foreign_bytes_are_refused() {
        let (secret, _) = signing::generate().unwrap();
        let bytes = encode(&sample(), &secret).unwrap();
        assert_eq!(decode(&bytes[..bytes.len() - 10]), Err(PackageError::Corrupt));
        assert_eq!(decode(&bytes[..30]), Err(PackageError::Corrupt));
        let mut flipped = bytes.clone();
        let at = flipped.len() - 5;
        flipped[at] ^= 0x01;
        assert_eq!(decode(&flipped), Err(PackageError::Corrupt));
        assert_eq!(decode(b"SQLite format 3\0"), Err(PackageError::NotAPackage));
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(decode(text.replacen("PACKAGE 2", "PACKAGE 9", 1).as_bytes()), Err(PackageError::TooNew(9)));
        assert_eq!(decode(text.replacen("PACKAGE 2", "PACKAGE 1", 1).as_bytes()), Err(PackageError::TooOld));
        let unsigned = text.replacen(" ed25519=", " x=", 1);
        assert_eq!(decode(unsigned.as_bytes()), Err(PackageError::Corrupt));
    }

    #[test]
    fn a_body_rewritten_with_its_hash_recomputed_no_longer_verifies() {
        let (secret, public) = signing::generate().unwrap();
        let bytes = encode(&sample(), &secret).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let (header, body) = text.split_once('\n').unwrap();
        let body = body.replace("Dinas Kominfo", "Dinas Lain");
        let words: Vec<&str> = header.split(' ').collect();
        let forged =
            format!("{} {} sha256={} {}\n{body}", words[0], words[1], hex(&Sha256::digest(body.as_bytes())), words[3]);
        let read = decode(forged.as_bytes()).expect("the hash matches again");
        assert!(!read.signed_by(&public));
    }

    #[test]
    fn the_hash_is_sha256_of_the_body() {
        // Known answer: SHA-256 of "abc".
        assert_eq!(hex(&Sha256::digest(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
