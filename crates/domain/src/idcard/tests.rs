//! Tests of the ID number check: the worked examples, every one-digit change and neighbour swap
//! caught, the error named, and masking.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

const GOOD: [&str; 2] = ["11010519491231002X", "440524188001010014"];

#[test]
fn the_worked_examples_pass_with_a_lower_case_x_folded() {
    assert_eq!(
        validate_resident_id(GOOD[0], today()),
        Ok(GOOD[0].to_owned())
    );
    assert_eq!(
        validate_resident_id("11010519491231002x", today()),
        Ok(GOOD[0].to_owned())
    );
    // 1880 is before 1900: the second example from DATA-SAFETY.md has a valid check
    // character but an impossible birth year for a living visitor.
    assert_eq!(
        validate_resident_id(GOOD[1], today()),
        Err(IdError::BirthDate)
    );
}

#[test]
fn every_single_digit_change_is_caught() {
    let base: Vec<char> = GOOD[0].chars().collect();
    for i in 0..17 {
        for d in '0'..='9' {
            if d == base[i] {
                continue;
            }
            let mut changed = base.clone();
            changed[i] = d;
            let s: String = changed.iter().collect();
            assert!(validate_resident_id(&s, today()).is_err(), "{s} passed");
        }
    }
}

#[test]
fn every_swap_of_neighbours_is_caught() {
    for good in [
        "11010519491231002X",
        "110105200001010016",
        "310101199912319998",
    ] {
        let base: Vec<char> = good.chars().collect();
        for i in 0..17 {
            if base[i] == base[i + 1] {
                continue;
            }
            let mut swapped = base.clone();
            swapped.swap(i, i + 1);
            let s: String = swapped.iter().collect();
            assert!(
                validate_resident_id(&s, today()).is_err(),
                "{s} passed (from {good})"
            );
        }
    }
}

#[test]
fn the_error_says_what_is_wrong() {
    assert_eq!(
        validate_resident_id("110105194912310021", today()),
        Err(IdError::Check { expected: 'X' })
    );
    assert_eq!(
        validate_resident_id("1101051949", today()),
        Err(IdError::Length { have: 10 })
    );
    assert_eq!(
        validate_resident_id("11010519491231002A", today()),
        Err(IdError::Chars)
    );
    assert_eq!(
        validate_resident_id("1101051949X231002X", today()),
        Err(IdError::Chars)
    );
    // 9… is the 2023 foreign permanent-resident card: its region is accepted.
    let digits: Vec<u32> = "99010519491231002"
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    let card = format!("99010519491231002{}", check_char(&digits));
    assert_eq!(validate_resident_id(&card, today()), Ok(card.clone()));
    assert_eq!(
        validate_resident_id("191212194912310027", today()),
        Err(IdError::Region)
    );
    assert_eq!(
        validate_resident_id("110105202712310022", today()),
        Err(IdError::BirthDate)
    );
    assert_eq!(
        validate_resident_id("110105194902300028", today()),
        Err(IdError::BirthDate)
    );
}

#[test]
fn numbers_are_masked_to_the_last_four() {
    assert_eq!(masked(GOOD[0], 18), "**************002X");
    assert_eq!(masked("002X", 18), "**************002X");
    assert_eq!(masked("E1234567", 8), "****4567");
    assert_eq!(last_four(GOOD[0]), "002X");
}
