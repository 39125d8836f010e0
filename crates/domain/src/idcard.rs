//! Identity documents: the mainland resident ID number (GB 11643) checked as it is typed, and
//! every number shown masked.

use chrono::{Datelike, NaiveDate};

use crate::coded;

coded! {
    /// The kind of document a visitor shows.
    pub enum DocType {
        ResidentId = "resident_id", Passport = "passport", HkMoTw = "hk_mo_tw_permit",
        Other = "other", None = "none",
    }
}

/// Why a resident ID number is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdError {
    /// Not 18 characters (yet).
    Length { have: usize },
    /// A character other than a digit (or X as the last).
    Chars,
    /// The first two digits are not a province code.
    Region,
    /// Digits 7–14 are not a real birth date between 1900 and today.
    BirthDate,
    /// The last character does not match; `expected` is what it should be.
    Check { expected: char },
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// The check character for the first 17 digits.
fn check_char(digits: &[u32]) -> char {
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    char::from(CHECK[(sum % 11) as usize])
}

fn region_ok(code: u32, first: u32) -> bool {
    // The 2023 foreign permanent-resident card starts with 9.
    first == 9
        || matches!(code, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81..=83)
}

/// Checks a mainland resident ID number; returns it normalised (upper-case X).
pub fn validate_resident_id(raw: &str, today: NaiveDate) -> Result<String, IdError> {
    let s: String = raw.trim().to_uppercase();
    let chars: Vec<char> = s.chars().collect();
    let ok_chars = chars
        .iter()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || (i == 17 && *c == 'X'));
    if !ok_chars {
        return Err(IdError::Chars);
    }
    if chars.len() != 18 {
        return Err(IdError::Length { have: chars.len() });
    }
    let digits: Vec<u32> = chars[..17].iter().filter_map(|c| c.to_digit(10)).collect();
    if !region_ok(digits[0] * 10 + digits[1], digits[0]) {
        return Err(IdError::Region);
    }
    let number = |from: usize, to: usize| digits[from..to].iter().fold(0, |n, d| n * 10 + d);
    let birth = NaiveDate::from_ymd_opt(
        i32::try_from(number(6, 10)).unwrap_or(0),
        number(10, 12),
        number(12, 14),
    );
    if !birth.is_some_and(|b| b.year() >= 1900 && b <= today) {
        return Err(IdError::BirthDate);
    }
    let expected = check_char(&digits);
    if chars[17] != expected {
        return Err(IdError::Check { expected });
    }
    Ok(s)
}

/// The last four characters, what is kept when the school does not store whole numbers.
pub fn last_four(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

/// A number as shown everywhere: every character but the last four hidden
/// (`**************002X`); a stored last-four alone shows as `****002X`.
pub fn masked(stored: &str, full_length: usize) -> String {
    // A stored number comes from the file: shown through the sanitizer like any stored text.
    let tail = last_four(&super::text::line(stored));
    let hidden = full_length.max(tail.chars().count() + 4) - tail.chars().count();
    format!("{}{tail}", "*".repeat(hidden))
}

#[cfg(test)]
mod tests;
