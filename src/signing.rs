//! Ed25519 keys of agency copies, as hex text. Each copy holds its own secret key inside its file; the
//! coordinator that made it keeps only the public key. A change package is signed with the secret key over
//! its body; a copy's workbook proves it is the copy by holding the secret whose public key was recorded.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// A fresh key pair: (secret, public), both as lowercase hex.
pub fn generate() -> Result<(String, String), String> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| e.to_string())?;
    let key = SigningKey::from_bytes(&secret);
    Ok((hex(&secret), hex(key.verifying_key().as_bytes())))
}

/// The public key of the secret `secret` (`None` when it is not a 32-byte hex key).
pub fn public_of(secret: &str) -> Option<String> {
    Some(hex(signing_key(secret)?.verifying_key().as_bytes()))
}

/// The signature of `body` with `secret`, as hex.
pub fn sign(secret: &str, body: &[u8]) -> Option<String> {
    Some(hex(&signing_key(secret)?.sign(body).to_bytes()))
}

/// True when `signature` is `public`'s signature of `body`. Malformed keys or signatures never verify.
pub fn verify(public: &str, body: &[u8], signature: &str) -> bool {
    let Some(key) = unhex::<32>(public).and_then(|k| VerifyingKey::from_bytes(&k).ok()) else { return false };
    let Some(signature) = unhex::<64>(signature).map(|s| Signature::from_bytes(&s)) else { return false };
    key.verify(body, &signature).is_ok()
}

fn signing_key(secret: &str) -> Option<SigningKey> {
    unhex::<32>(secret).map(|s| SigningKey::from_bytes(&s))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.as_bytes();
    if text.len() != N * 2 {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; N];
    for (i, pair) in text.chunks(2).enumerate() {
        out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_only_for_its_key_and_body() {
        let (secret, public) = generate().unwrap();
        assert_eq!(public_of(&secret).as_deref(), Some(public.as_str()));
        let signature = sign(&secret, b"body").unwrap();
        assert!(verify(&public, b"body", &signature));
        assert!(!verify(&public, b"bodY", &signature));
        let (_, other) = generate().unwrap();
        assert!(!verify(&other, b"body", &signature));
        assert!(!verify(&public, b"body", "00"));
        assert!(!verify("zz", b"body", &signature));
        assert_ne!(generate().unwrap().0, secret, "keys are random");
    }
}
