//! More record content for the demo, in both languages (see `text.rs` for why it is not in the
//! i18n tables): follow-up notes and outcomes, hazards and mailbox slips.

use super::text::Pair;
use crate::domain::followup::Kind;
use crate::domain::hazard::HazardKind;

// --- Follow-ups --------------------------------------------------------------------------------

/// What a follow-up of this kind asks, and what came of it when it was done.
#[allow(
    clippy::too_many_lines,
    reason = "a data table: one arm of words per kind of follow-up, no logic to split"
)]
pub fn followup(kind: Kind) -> (Pair, [Pair; 2]) {
    match kind {
        Kind::Counselling => (
            (
                "心理辅导室约谈，评估情绪状况",
                "Talk in the counselling room; assess how the student is",
            ),
            [
                (
                    "已约谈两次，情绪稳定，继续关注",
                    "Two sessions held; student settled; keep watching",
                ),
                (
                    "学生愿意倾诉，已建立心理档案",
                    "Student opened up; counselling file started",
                ),
            ],
        ),
        Kind::ParentContact => (
            (
                "电话联系家长，说明情况",
                "Phone the parents and explain what happened",
            ),
            [
                (
                    "已电话告知家长，家长表示配合",
                    "Parents phoned; they will support the school",
                ),
                (
                    "家长到校面谈，达成一致",
                    "Parents came in; agreed on the next steps",
                ),
            ],
        ),
        Kind::HomeVisit => (
            (
                "班主任与心理教师家访",
                "Home visit by the class teacher and the counsellor",
            ),
            [
                (
                    "已家访，了解家庭情况，提出教育建议",
                    "Visited; family situation understood; advice given",
                ),
                (
                    "家访完成，家长承诺加强监护",
                    "Visit done; parents will supervise more closely",
                ),
            ],
        ),
        Kind::Recheck => (
            ("一周内复查该地点", "Re-check the place within a week"),
            [
                ("复查无异常", "Re-checked: nothing wrong"),
                (
                    "复查发现仍有学生聚集，已加密巡查",
                    "Re-check found students still gathering; patrols stepped up",
                ),
            ],
        ),
        Kind::Repair => (
            ("报总务处维修", "Report to facilities for repair"),
            [
                ("已维修完毕", "Repaired"),
                ("已更换新设备", "Replaced with new equipment"),
            ],
        ),
        Kind::ReportUp => (
            (
                "按规定上报区教育局",
                "Report to the district education bureau as required",
            ),
            [
                ("已书面上报", "Reported in writing"),
                ("已电话及书面上报", "Reported by phone and in writing"),
            ],
        ),
        Kind::Committee => (
            (
                "提交学生欺凌治理委员会讨论",
                "Put to the bullying prevention committee",
            ),
            [
                (
                    "委员会已讨论并形成处理意见",
                    "Committee met and decided the handling",
                ),
                ("委员会认定并通报", "Committee decided and informed staff"),
            ],
        ),
        Kind::Other => (
            ("其他跟进", "Other follow-up"),
            [("已完成", "Done"), ("已处理", "Handled")],
        ),
    }
}

/// Students kept on file and followed without an incident (建档、跟踪).
pub const ATTENTION: [Pair; 4] = [
    ("留守儿童，定期谈心", "Left-behind child: regular talks"),
    (
        "父母离异，近期情绪波动",
        "Parents recently divorced; mood swings",
    ),
    (
        "学业困难，厌学情绪",
        "Struggling with school work; wants to give up",
    ),
    (
        "单亲家庭，经济困难",
        "Single-parent family in financial difficulty",
    ),
];

pub const RESCHEDULED: [Pair; 2] = [
    (
        "家长出差，改约下周",
        "Parents away on business; moved to next week",
    ),
    ("学生请病假，延后", "Student off sick; moved later"),
];

// --- Hazards -----------------------------------------------------------------------------------

/// Description, steps while rectifying, and steps once rectified.
pub fn hazards(kind: HazardKind) -> &'static [(Pair, Pair, Pair)] {
    match kind {
        HazardKind::Facility => &FACILITY,
        HazardKind::Safety => &SAFETY,
        HazardKind::Dispute => &DISPUTE,
        HazardKind::Surroundings => &SURROUNDINGS,
    }
}

const FACILITY: [(Pair, Pair, Pair); 3] = [
    (
        ("监控摄像头损坏，画面黑屏", "Camera broken: black screen"),
        ("已报修，等待配件", "Repair requested; waiting for parts"),
        ("已更换摄像头，画面正常", "Camera replaced; picture normal"),
    ),
    (
        (
            "楼梯间照明损坏，夜间昏暗",
            "Stairwell lights broken; dark at night",
        ),
        ("电工已检查线路", "Electrician has checked the wiring"),
        ("已更换灯具", "New light fittings installed"),
    ),
    (
        (
            "围栏有缺口，可翻越进出",
            "Gap in the fence; people can climb through",
        ),
        ("已临时封堵", "Temporarily blocked"),
        ("已焊接修复", "Welded shut"),
    ),
];

const SAFETY: [(Pair, Pair, Pair); 2] = [
    (
        (
            "宿舍消防通道堆放杂物",
            "Dormitory fire exit blocked with clutter",
        ),
        ("已通知宿管清理", "Dormitory staff told to clear it"),
        ("杂物已清理，通道畅通", "Cleared; exit free"),
    ),
    (
        ("教学楼栏杆松动", "Loose railing in the teaching building"),
        ("已设置警示，等待维修", "Warning put up; repair booked"),
        ("栏杆已加固", "Railing secured"),
    ),
];

const DISPUTE: [(Pair, Pair, Pair); 2] = [
    (
        (
            "两个宿舍学生因作息问题矛盾激化",
            "Two dormitory rooms at odds over noise at night",
        ),
        (
            "班主任分别谈话调解",
            "Class teachers mediating with each room",
        ),
        ("双方和解，调整宿舍", "Reconciled; room places changed"),
    ),
    (
        (
            "两个班学生因篮球比赛结怨",
            "Two classes hostile after a basketball match",
        ),
        (
            "年级组召开双方学生会议",
            "Year team held a meeting of both sides",
        ),
        ("已调解，双方握手言和", "Mediated; both sides shook hands"),
    ),
];

const SURROUNDINGS: [(Pair, Pair, Pair); 2] = [
    (
        (
            "校门外流动摊贩聚集，放学时拥堵",
            "Street vendors crowd the gate at home time",
        ),
        ("已联系城管", "City management contacted"),
        (
            "城管已清理，放学时段派人值守",
            "Cleared by city management; guarded at home time",
        ),
    ),
    (
        (
            "校外网吧接纳未成年学生",
            "Internet cafe near school lets in under-age students",
        ),
        (
            "已函告派出所和文化执法部门",
            "Police and cultural inspectors informed in writing",
        ),
        ("网吧已整改", "Internet cafe has complied"),
    ),
];

// --- Mailbox slips -----------------------------------------------------------------------------

pub const SLIPS: [Pair; 5] = [
    (
        "三楼男厕所经常有人抽烟，还向低年级同学要钱。",
        "People smoke in the 3rd-floor boys' toilets and take money from younger students.",
    ),
    (
        "我们班有人被同学起外号，大家都笑他，他不敢说。",
        "Someone in our class is called names and laughed at; he is afraid to say.",
    ),
    (
        "宿舍有人晚上不让别人睡觉，还拿走别人的东西。",
        "Someone in our dorm keeps others awake at night and takes their things.",
    ),
    (
        "放学后校门口小卖部旁有外校的人找我们班同学麻烦。",
        "After school, kids from another school pick on our classmates by the shop at the gate.",
    ),
    (
        "有同学在网上群里骂人、发别人照片。",
        "Someone insults people and posts others' photos in an online group.",
    ),
];

pub const UNFOUNDED: [Pair; 2] = [
    (
        "查看监控并询问相关学生，未发现所述情况",
        "Cameras viewed and students asked: nothing of the kind found",
    ),
    (
        "信息不足，无法核实，已加强该处巡查",
        "Too little to go on; patrols of the place stepped up",
    ),
];
