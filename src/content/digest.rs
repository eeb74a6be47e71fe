//! Digests of values, the keys under which builds remember what they made (pages compiled by
//! the development server, pages drawn by the last build): SHA-256 fed through a value's derived
//! `Hash`, so that two different values do not share a key by chance (64 bits of
//! `DefaultHasher` would do for one page's record; this costs no more).

use std::hash::{Hash, Hasher};

use sha2::{Digest as _, Sha256};

/// What a value comes to, as a digest.
pub type Key = [u8; 16];

/// A [`Hasher`] that feeds SHA-256.
#[derive(Default)]
pub struct Digest(Sha256);

impl Hasher for Digest {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        let digest = self.0.clone().finalize();
        u64::from_le_bytes(digest[..8].try_into().unwrap_or_default())
    }
}

impl Digest {
    /// The key of everything fed in.
    pub fn key(self) -> Key {
        let digest = self.0.finalize();
        let mut key = Key::default();
        key.copy_from_slice(&digest[..16]);
        key
    }
}

/// The key of `value`.
pub fn key_of(value: &impl Hash) -> Key {
    let mut digest = Digest::default();
    value.hash(&mut digest);
    digest.key()
}
