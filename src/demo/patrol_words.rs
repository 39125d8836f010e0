//! What the demo's duty staff write about their rounds, in both languages (see `text.rs` for
//! why it is not in the i18n tables): reasons for missed, late and partial rounds, and the
//! problems a patrol finds, matched to the checklist item they concern.

use super::text::Pair;

pub const MISSED: [Pair; 6] = [
    (
        "正在处理学生打架，未能按时巡查",
        "Dealing with a fight between students at the time",
    ),
    (
        "陪同受伤学生去医院，无人替岗",
        "Took an injured student to hospital; nobody to cover",
    ),
    (
        "参加区教育局紧急会议",
        "Called to an urgent meeting at the district education bureau",
    ),
    (
        "接待上级检查，巡查时段被占用",
        "Receiving an inspection during the patrol time",
    ),
    (
        "值班教师突发身体不适，已报告带班领导",
        "Duty teacher taken ill; the leader on duty was told",
    ),
    (
        "暴雨，室外区域无法巡查，已查看监控",
        "Heavy rain: outdoor area watched on camera instead",
    ),
];

pub const LATE: [Pair; 5] = [
    (
        "处理家长来访，巡查推迟",
        "A parent came in; patrol made later",
    ),
    (
        "晚自习学生请假手续较多，巡查推迟",
        "Many evening-study leave requests; patrol made later",
    ),
    (
        "先处理了食堂学生纠纷，后补巡查",
        "Settled a quarrel in the canteen first, then patrolled",
    ),
    (
        "监控室报警，先去核实",
        "Camera room raised an alarm; checked that first",
    ),
    ("交接班时间延误", "Handover ran late"),
];

pub const PARTIAL: [Pair; 4] = [
    (
        "宿舍楼门禁故障，部分项目未能检查",
        "Dormitory door control broken; some items not checked",
    ),
    (
        "接到紧急电话中途离开，其余项目未查",
        "Left part-way for an urgent call; rest not checked",
    ),
    (
        "监控室无人，无法确认监控状态",
        "Camera room unstaffed; camera status not confirmed",
    ),
    (
        "停电，照明项目无法检查",
        "Power cut: lighting could not be checked",
    ),
];

/// A problem found on patrol: the words of a checklist item it fits (English wording of the
/// defaults, lower case), the note written, and the incident category it may become ("" for
/// none; a problem with the place itself becomes a hazard instead).
pub struct Finding {
    pub words: &'static [&'static str],
    pub note: Pair,
    pub category: &'static str,
}

const fn finding(words: &'static [&'static str], note: Pair, category: &'static str) -> Finding {
    Finding {
        words,
        note,
        category,
    }
}

/// Problems with what students (or people at the gate) do.
pub const BEHAVIOUR: [Finding; 9] = [
    finding(
        &["crowd", "gather", "jeer"],
        (
            "几名学生聚集起哄，已劝散并登记姓名",
            "Students crowding and jeering; dispersed, names taken",
        ),
        "verbal",
    ),
    finding(
        &["alone", "tears"],
        (
            "发现一名学生独自哭泣，已交班主任",
            "A student alone in tears; handed to the class teacher",
        ),
        "relational",
    ),
    finding(
        &["smok"],
        (
            "有学生在此吸烟，已没收并通知班主任",
            "Students smoking; cigarettes taken, class teacher told",
        ),
        "",
    ),
    finding(
        &["rough", "shov", "pushing", "queue"],
        (
            "两名学生推搡，已分开",
            "Two students shoving each other; separated",
        ),
        "fight",
    ),
    finding(
        &["lights-out", "outside rooms"],
        (
            "熄灯后仍有学生在走廊打闹",
            "Students messing about in the corridor after lights-out",
        ),
        "",
    ),
    finding(
        &["demand", "taking"],
        (
            "高年级学生向低年级学生索要饭菜",
            "Older students demanding food from younger ones",
        ),
        "extortion",
    ),
    finding(
        &["knife", "dangerous"],
        (
            "发现一把折叠刀，已没收",
            "A folding knife found and confiscated",
        ),
        "dangerous_item",
    ),
    finding(
        &["outsider", "suspicious"],
        (
            "门外有校外人员逗留，已劝离",
            "Outsiders hanging about outside; asked to leave",
        ),
        "intrusion",
    ),
    finding(
        &["guard", "registered"],
        (
            "门卫短暂离岗，一名来访人员未登记，已补登",
            "Guard briefly away; a visitor not registered, now added",
        ),
        "",
    ),
];

/// Problems with the place itself.
pub const FACILITY: [Finding; 6] = [
    finding(
        &["camera"],
        (
            "监控画面黑屏，已报修",
            "Camera shows a black screen; repair requested",
        ),
        "",
    ),
    finding(
        &["light"],
        ("灯不亮，夜间昏暗", "Light out; dark at night"),
        "",
    ),
    finding(&["fence"], ("围栏有缺口", "Gap in the fence"), ""),
    finding(
        &["exit"],
        ("消防通道堆放杂物", "Fire exit blocked with clutter"),
        "",
    ),
    finding(
        &["floor", "aisle"],
        (
            "地面湿滑，已放置警示牌",
            "Floor wet and slippery; warning sign put out",
        ),
        "",
    ),
    finding(
        &["equipment"],
        (
            "防护器械缺少一件，已报总务处",
            "A piece of protective equipment missing; facilities told",
        ),
        "",
    ),
];

/// The findings that fit an item (by its English text), else all of them.
pub fn findings_for<'a>(all: &'a [Finding], item_en: &str) -> Vec<&'a Finding> {
    let item = item_en.to_lowercase();
    let fitting: Vec<&Finding> = all
        .iter()
        .filter(|f| f.words.iter().any(|w| item.contains(w)))
        .collect();
    if fitting.is_empty() {
        all.iter().collect()
    } else {
        fitting
    }
}
