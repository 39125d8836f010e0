//! What the gate's visitors and guards say, in both languages (see `text.rs` for why it is not in
//! the i18n tables): who the regular visitors are and why they come, the watchlist's reasons,
//! notes on visitors who left without signing out, and early leaves.

use super::text::Pair;

pub const RELATIONS: [Pair; 7] = [
    ("父亲", "father"),
    ("母亲", "mother"),
    ("母亲", "mother"),
    ("爷爷", "grandfather"),
    ("奶奶", "grandmother"),
    ("外婆", "grandmother"),
    ("舅舅", "uncle"),
];

pub const LEAVE_NOTES: [Pair; 5] = [
    ("发烧，回家就医", "Fever; going to the doctor"),
    ("看牙医", "Dentist appointment"),
    ("家中有事", "Family matter"),
    ("参加区体育比赛", "District sports competition"),
    ("复查眼睛", "Eye check-up"),
];

pub const UNSIGNED: [Pair; 2] = [
    (
        "交班时未见此人，已电话确认其已离校",
        "Not seen at handover; phoned and confirmed they had left",
    ),
    (
        "从侧门离开未登记，已提醒",
        "Left by the side gate without signing out; reminded",
    ),
];

pub const PARENT_PURPOSE: [Pair; 3] = [
    ("给孩子送衣物", "Bringing clothes for their child"),
    ("与班主任面谈", "Meeting the class teacher"),
    ("接孩子看病", "Taking their child to the doctor"),
];

/// A kind of regular visitor: organisation, purpose, and whether they come by car.
pub struct Regular {
    pub org: Pair,
    pub purpose: Pair,
    pub car: bool,
}

pub const SUPPLIERS: [Regular; 3] = [
    Regular {
        org: ("绿源蔬菜配送公司", "Green Source vegetable delivery"),
        purpose: ("食堂蔬菜配送", "Vegetables for the canteen"),
        car: true,
    },
    Regular {
        org: ("苏食肉类供应站", "Su Foods meat supply"),
        purpose: ("食堂肉类配送", "Meat for the canteen"),
        car: true,
    },
    Regular {
        org: ("金谷粮油商行", "Golden Grain rice and oil"),
        purpose: ("米面粮油配送", "Rice and oil delivery"),
        car: true,
    },
];

pub const COURIERS: [Regular; 2] = [
    Regular {
        org: ("顺丰速运", "SF Express"),
        purpose: ("派送快递", "Parcel delivery"),
        car: false,
    },
    Regular {
        org: ("中通快递", "ZTO Express"),
        purpose: ("派送快递", "Parcel delivery"),
        car: false,
    },
];

pub const OFFICIALS: [Regular; 5] = [
    Regular {
        org: ("区教育局督导室", "District education inspectorate"),
        purpose: ("安全工作督导检查", "Safety inspection"),
        car: true,
    },
    Regular {
        org: ("市场监管局", "Market regulation bureau"),
        purpose: ("食堂食品安全检查", "Canteen food safety check"),
        car: true,
    },
    Regular {
        org: ("城南派出所", "Chengnan police station"),
        purpose: ("社区民警走访", "Community police visit"),
        car: true,
    },
    Regular {
        org: ("消防救援大队", "Fire and rescue brigade"),
        purpose: ("消防安全检查", "Fire safety check"),
        car: true,
    },
    Regular {
        org: ("区疾控中心", "District disease control centre"),
        purpose: ("传染病防控检查", "Infection control check"),
        car: true,
    },
];

pub const CONTRACTORS: [Regular; 3] = [
    Regular {
        org: ("安达安防工程", "Anda security systems"),
        purpose: ("监控设备维修", "Camera repairs"),
        car: true,
    },
    Regular {
        org: ("恒通电梯", "Hengtong lifts"),
        purpose: ("电梯维保", "Lift maintenance"),
        car: true,
    },
    Regular {
        org: ("佳美装饰", "Jiamei builders"),
        purpose: ("教室维修", "Classroom repairs"),
        car: true,
    },
];

pub const GUESTS: [Regular; 3] = [
    Regular {
        org: ("师范大学", "Normal university"),
        purpose: ("实习教师报到", "Student teacher reporting"),
        car: false,
    },
    Regular {
        org: ("兄弟学校", "Partner school"),
        purpose: ("听课交流", "Observing lessons"),
        car: false,
    },
    Regular {
        org: ("", ""),
        purpose: ("应聘面试", "Job interview"),
        car: false,
    },
];

/// Why each of the three watchlist entries is there.
pub const WATCH: [Pair; 3] = [
    (
        "法院人身安全保护令：不得接近其子女，不得到校",
        "Court protection order: may not approach the children or come to the school",
    ),
    (
        "曾在校门口向学生兜售违禁品的车辆",
        "Vehicle seen selling banned goods to students at the gate",
    ),
    (
        "原后勤人员，因违纪解聘，未经批准不得入校",
        "Former support staff dismissed for misconduct; no entry without approval",
    ),
];

/// Why a guard let the dismissed employee in despite the match (always escorted).
pub const DESPITE: [Pair; 3] = [
    (
        "来办理离职档案手续，人事科长到门口陪同",
        "Came to collect employment papers; the head of personnel escorted them from the gate",
    ),
    (
        "来领取社保材料，经校长同意，保卫科长全程陪同",
        "Came for social insurance papers; the head agreed, security escorted them throughout",
    ),
    (
        "劳动仲裁调解会，经校长批准，由人事科长陪同",
        "Labour arbitration meeting approved by the head; escorted by the head of personnel",
    ),
];
