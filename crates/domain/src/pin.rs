//! PINs: what a PIN must be, and the Argon2id hash that is all the database ever holds of it.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The shortest PIN accepted.
pub const MIN_DIGITS: usize = 6;
/// The longest PIN accepted (a PIN is typed, not pasted from a manager).
pub const MAX_DIGITS: usize = 12;
/// Wrong PINs in a row that lock an account.
pub const MAX_FAILURES: i64 = 5;

/// Why a new PIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    /// Not 6–12 digits.
    Shape,
    /// One digit repeated, or a run like 123456: the first a person at the desk would try.
    Guessable,
    /// The two entries differ.
    Mismatch,
}

/// Checks a new PIN and its confirmation.
pub fn check_new(pin: &str, again: &str) -> Result<(), PinError> {
    let digits: Vec<u32> = pin.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != pin.chars().count() || !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
        return Err(PinError::Shape);
    }
    let same = digits.windows(2).all(|w| w[0] == w[1]);
    let up = digits.windows(2).all(|w| w[1] == (w[0] + 1) % 10);
    let down = digits.windows(2).all(|w| w[0] == (w[1] + 1) % 10);
    if same || up || down {
        return Err(PinError::Guessable);
    }
    if pin != again {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

/// The hashing parameters: Argon2id with 7 MiB and 5 passes (one of OWASP's equivalent
/// settings). The default 19 MiB would double the app's peak memory on an old PC for the same
/// cost to an attacker; each hash keeps its parameters, so older hashes still verify.
fn hasher() -> Argon2<'static> {
    let params = argon2::Params::new(7 * 1024, 5, 1, None).unwrap_or_default();
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// The Argon2id hash (PHC string, with its own random salt and parameters) of a PIN.
pub fn hash(pin: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(pin.as_bytes(), &salt)
        .map_or_else(|_| String::new(), |h| h.to_string())
}

/// Whether `pin` is the one `stored` was made from. A malformed or empty hash matches nothing.
pub fn verify(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_six_to_twelve_digits_and_not_the_first_one_tried() {
        assert_eq!(check_new("12345", "12345"), Err(PinError::Shape));
        assert_eq!(check_new("12a456", "12a456"), Err(PinError::Shape));
        assert_eq!(
            check_new("1234567890123", "1234567890123"),
            Err(PinError::Shape)
        );
        assert_eq!(check_new("000000", "000000"), Err(PinError::Guessable));
        assert_eq!(check_new("123456", "123456"), Err(PinError::Guessable));
        assert_eq!(check_new("987654", "987654"), Err(PinError::Guessable));
        assert_eq!(check_new("284913", "284914"), Err(PinError::Mismatch));
        assert_eq!(check_new("284913", "284913"), Ok(()));
    }

    #[test]
    fn the_hash_is_argon2id_salted_and_verifies_only_its_pin() {
        let h = hash("284913");
        assert!(h.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"), "{h}");
        assert_ne!(h, hash("284913"), "each hash has its own salt");
        assert!(verify("284913", &h));
        assert!(!verify("284914", &h));
        assert!(!verify("284913", ""));
        assert!(!verify("284913", "284913"));
    }
}
