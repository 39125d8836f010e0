//! Made-up people: Chinese names from common surnames (weighted roughly by how common they are)
//! and given-name characters, mobile numbers, resident ID numbers that pass the GB 11643 check,
//! and licence plates.

use chrono::{Datelike, NaiveDate};

use super::rng::Rng;
use crate::domain::idcard::{self, IdError};

/// Common surnames, most common first; `surname` favours the front of the list.
const SURNAMES: [&str; 100] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹", "彭", "曾",
    "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁",
    "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾",
    "夏", "付", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "尹", "薛", "闫", "段", "雷",
    "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵", "万", "覃", "武", "钱", "戴", "严",
    "欧阳", "莫", "孔", "汤",
];

const BOY: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "浩", "宇", "轩", "晨", "博", "文", "俊", "鹏",
    "辉", "昊", "天", "泽", "子", "嘉", "明", "一", "志", "航", "睿", "然", "瑞", "凯", "铭", "豪",
    "鑫", "毅", "哲", "翔", "峰", "宏", "建", "恒", "诚", "思", "锦", "逸", "梓", "皓", "煜", "晟",
];

const GIRL: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "婷", "雪", "琳", "欣", "怡", "佳", "雨", "萱", "梦", "涵", "诗",
    "悦", "晴", "妍", "可", "馨", "彤", "玥", "琪", "思", "语", "若", "紫", "心", "雅", "子", "一",
    "慧", "颖", "洁", "倩", "瑶", "月", "宁", "珊", "璐", "蕾", "菲", "岚", "楠", "安", "嘉", "晓",
];

/// A surname, the common ones far more often (a Zipf-like weight).
pub fn surname(rng: &mut Rng) -> &'static str {
    // The product of two uniform numbers puts most of the mass on the first entries.
    let i = rng.below(SURNAMES.len()) * rng.below(SURNAMES.len()) / SURNAMES.len();
    SURNAMES[i.min(SURNAMES.len() - 1)]
}

/// A given name of one or (more often) two characters.
pub fn given(rng: &mut Rng, male: bool) -> String {
    let chars = if male { BOY } else { GIRL };
    let mut out = String::new();
    let n = if rng.chance(0.78) { 2 } else { 1 };
    let mut last = "";
    for _ in 0..n {
        let mut c = rng.pick(chars).copied().unwrap_or("明");
        if c == last {
            c = rng.pick(chars).copied().unwrap_or("明");
        }
        out.push_str(c);
        last = c;
    }
    out
}

/// A whole name: surname and given name.
pub fn full(rng: &mut Rng, male: bool) -> String {
    let s = surname(rng);
    format!("{s}{}", given(rng, male))
}

/// A mainland mobile number: 1, a carrier digit, nine more.
pub fn mobile(rng: &mut Rng) -> String {
    const SECOND: [&str; 7] = ["3", "5", "7", "8", "8", "9", "3"];
    let second = rng.pick(&SECOND).copied().unwrap_or("3");
    format!("1{second}{:09}", rng.range(0, 999_999_999))
}

/// Districts whose codes start a resident ID number (Nanjing and a few other cities).
const REGIONS: [&str; 12] = [
    "320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116",
    "321102", "340104", "370102",
];

/// A resident ID number that passes every check of `idcard::validate_resident_id`: a real
/// district, a birth date `age_from..=age_to` years before `today`, the sex digit, the check.
pub fn resident_id(rng: &mut Rng, male: bool, today: NaiveDate, ages: (i32, i32)) -> String {
    let region = rng.pick(&REGIONS).copied().unwrap_or("320102");
    let year = today.year() - i32::try_from(rng.range(ages.0.into(), ages.1.into())).unwrap_or(40);
    let birth = NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.range(0, 364).unsigned_abs())))
        .unwrap_or_else(|| today - chrono::Duration::days(365 * 40));
    // The 17th digit is odd for men and even for women.
    let order = rng.range(0, 49) * 2 + i64::from(male);
    let body = format!(
        "{region}{}{:02}{order}",
        birth.format("%Y%m%d"),
        rng.range(10, 99)
    );
    let body: String = body.chars().take(17).collect();
    // Ask the domain's own check what the last character must be, rather than keep a copy of it.
    match idcard::validate_resident_id(&format!("{body}0"), today) {
        Err(IdError::Check { expected }) => format!("{body}{expected}"),
        _ => format!("{body}0"),
    }
}

/// The last four characters of a number, as the gate keeps them.
pub fn last4(number: &str) -> String {
    idcard::last_four(number)
}

/// A car or van plate of the province (苏) and a neighbour, as a guard writes it: `苏A·3K8M2`.
pub fn plate(rng: &mut Rng) -> String {
    const PREFIX: [&str; 6] = ["苏A", "苏A", "苏A", "苏H", "皖A", "苏E"];
    const CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let prefix = rng.pick(&PREFIX).copied().unwrap_or("苏A");
    let tail: String = (0..5)
        .map(|i| {
            // Digits are far more common than letters on a plate.
            let pool = if i == 0 || rng.chance(0.7) {
                &CHARS[..10]
            } else {
                CHARS
            };
            char::from(*rng.pick(pool).unwrap_or(&b'0'))
        })
        .collect();
    format!("{prefix}·{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_numbers_pass_the_real_checks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let mut rng = Rng::new(3);
        for i in 0..500 {
            let id = resident_id(&mut rng, i % 2 == 0, today, (25, 60));
            assert_eq!(
                idcard::validate_resident_id(&id, today),
                Ok(id.clone()),
                "{id}"
            );
            let phone = mobile(&mut rng);
            assert_eq!(phone.len(), 11, "{phone}");
            let name = full(&mut rng, i % 2 == 0);
            assert!((2..=4).contains(&name.chars().count()), "{name}");
        }
    }
}
