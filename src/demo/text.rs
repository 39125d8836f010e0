//! What the demo's staff write in the records (narratives, reasons, notes, outcomes), in both
//! languages. This is record content, not interface text: it is written once into the database in
//! the language the school keeps its records in (`--lang`), as a real duty teacher would type it,
//! so it lives here rather than in the i18n tables.

use crate::i18n::Lang;

/// One phrase in Chinese and English.
pub type Pair = (&'static str, &'static str);

pub fn say(lang: Lang, p: Pair) -> &'static str {
    match lang {
        Lang::Zh => p.0,
        Lang::En => p.1,
    }
}

/// `template` with `{a}`, `{b}` and `{place}` filled in.
pub fn fill(template: &str, a: &str, b: &str, place: &str) -> String {
    template
        .replace("{a}", a)
        .replace("{b}", b)
        .replace("{place}", place)
}

pub const GRADES: [Pair; 3] = [("七", "7"), ("八", "8"), ("九", "9")];

pub fn class_name(lang: Lang, grade: usize, class: usize) -> String {
    let g = say(lang, GRADES[grade.min(2)]);
    match lang {
        Lang::Zh => format!("{g}年级{class}班"),
        Lang::En => format!("Grade {g} Class {class}"),
    }
}

pub const MALE: Pair = ("男", "M");
pub const FEMALE: Pair = ("女", "F");

// --- Incidents ---------------------------------------------------------------------------------

/// Places typed in because they are not in the patrol plan.
pub const TYPED_PLACES: [Pair; 4] = [
    ("教学楼三楼走廊", "3rd-floor corridor, teaching building"),
    ("七年级教室", "Grade 7 classroom"),
    ("校外放学路上", "Outside school, on the way home"),
    ("图书馆后门", "Library back door"),
];

/// Narrative, the child's words, and the immediate action, for one category.
pub struct Story {
    pub narrative: Pair,
    pub words: Pair,
    pub action: Pair,
}

const fn story(narrative: Pair, words: Pair, action: Pair) -> Story {
    Story {
        narrative,
        words,
        action,
    }
}

pub fn story_of(category: &str) -> &'static Story {
    match category {
        "physical" => &PHYSICAL,
        "verbal" => &VERBAL,
        "relational" => &RELATIONAL,
        "cyber" => &CYBER,
        "fight" => &FIGHT,
        "extortion" => &EXTORTION,
        "intrusion" => &INTRUSION,
        "dangerous_item" => &DANGEROUS,
        "injury" => &INJURY,
        "self_harm" => &SELF_HARM,
        "property" => &PROPERTY,
        _ => &OTHER,
    }
}

const PHYSICAL: Story = story(
    (
        "{a}在{place}把{b}推倒在地并踢打，{b}手臂擦伤。",
        "{a} pushed {b} to the ground and kicked {b} ({place}); {b} has a grazed arm.",
    ),
    (
        "“他们说我再告诉老师就还要打我。”",
        "\"They said they'd hit me again if I told a teacher.\"",
    ),
    (
        "分开双方，校医处理伤口，通知班主任。",
        "Separated them, school doctor treated the graze, class teacher told.",
    ),
);
const VERBAL: Story = story(
    (
        "{a}等人在{place}多次给{b}起侮辱性绰号并当众嘲笑。",
        "{a} and others repeatedly called {b} insulting names and mocked {b} in front of others ({place}).",
    ),
    (
        "“每天都这样叫我，我不想来上学了。”",
        "\"They call me that every day. I don't want to come to school.\"",
    ),
    (
        "当场制止，分别谈话，告知班主任。",
        "Stopped it, spoke to each separately, told the class teacher.",
    ),
);
const RELATIONAL: Story = story(
    (
        "{a}组织同学孤立{b}，不许别人和{b}说话、一起吃饭。",
        "{a} got classmates to shut {b} out: no one may talk to or eat with {b}.",
    ),
    (
        "“没有人跟我坐一起，她们说谁理我就不跟谁玩。”",
        "\"Nobody sits with me. They said whoever talks to me is out too.\"",
    ),
    (
        "与{b}谈话安抚，约谈{a}。",
        "Talked with and reassured {b}; {a} called in for a talk.",
    ),
);
const CYBER: Story = story(
    (
        "{a}在班级群外另建群，发布{b}的丑化图片和辱骂言论。",
        "{a} set up a chat group outside the class group and posted doctored pictures of and insults about {b}.",
    ),
    (
        "“群里有一百多人，大家都看到了。”",
        "\"There are over a hundred people in that group. Everyone has seen it.\"",
    ),
    (
        "截图留证，要求删除，通知双方家长。",
        "Screenshots kept, deletion required, both families told.",
    ),
);
const FIGHT: Story = story(
    (
        "{a}与{b}因琐事在{place}发生口角后互相殴打。",
        "{a} and {b} argued over something small and came to blows ({place}).",
    ),
    ("“是他先动手的。”", "\"He hit me first.\""),
    (
        "当场拉开，带至政教处，校医检查无明显外伤。",
        "Pulled apart, taken to the student affairs office; school doctor found no visible injury.",
    ),
);
const EXTORTION: Story = story(
    (
        "{a}多次在{place}向{b}索要零花钱和饭卡。",
        "{a} repeatedly demanded pocket money and the meal card from {b} ({place}).",
    ),
    (
        "“不给就说放学后在外面等我。”",
        "\"If I don't pay they say they'll wait for me outside after school.\"",
    ),
    (
        "追回财物，保护{b}，约谈{a}及家长。",
        "Money recovered, {b} protected, {a} and parents called in.",
    ),
);
const INTRUSION: Story = story(
    (
        "两名校外青年翻越围栏进入{place}，找{b}“算账”，{a}为其带路。",
        "Two young outsiders climbed the fence into {place} looking to 'settle a score' with {b}; {a} showed them the way.",
    ),
    (
        "“他们说认识我哥，要我出去。”",
        "\"They said they know my brother and told me to come out.\"",
    ),
    (
        "保安劝离并报警，{b}由班主任陪同。",
        "Guards saw them off and called the police; class teacher stayed with {b}.",
    ),
);
const DANGEROUS: Story = story(
    (
        "宿舍安检时在{a}床铺下发现一把管制刀具。",
        "A controlled knife found under {a}'s bed in the dormitory check.",
    ),
    (
        "“是买来削水果的，没想伤人。”",
        "\"I bought it to peel fruit. I didn't mean to hurt anyone.\"",
    ),
    (
        "没收刀具，登记上报，通知家长。",
        "Knife confiscated, recorded and reported, parents told.",
    ),
);
const INJURY: Story = story(
    (
        "{b}在{place}追逐时摔倒，额头磕破；{a}在场。",
        "{b} fell while chasing about ({place}) and cut their forehead; {a} was there.",
    ),
    ("“我自己没站稳。”", "\"I lost my footing.\""),
    (
        "校医包扎，通知家长带去医院复查。",
        "School doctor dressed the cut; parents told to take {b} for a check-up.",
    ),
);
const SELF_HARM: Story = story(
    (
        "同学反映{b}手腕有划痕，近期情绪低落。",
        "Classmates report cuts on {b}'s wrist and that {b} has been very low lately.",
    ),
    ("“觉得什么都没意思。”", "\"Nothing feels worth it.\""),
    (
        "心理教师当天约谈，24小时看护，通知家长。",
        "Counsellor saw {b} the same day; watched round the clock; parents told.",
    ),
);
const PROPERTY: Story = story(
    (
        "{a}故意损坏{b}的眼镜和文具。",
        "{a} deliberately broke {b}'s glasses and stationery.",
    ),
    (
        "“他把我的眼镜扔地上踩。”",
        "\"He threw my glasses on the floor and stamped on them.\"",
    ),
    (
        "登记损坏物品，约谈双方，商议赔偿。",
        "Damage recorded, both spoken to, compensation discussed.",
    ),
);
const OTHER: Story = story(
    (
        "{a}与{b}在{place}发生纠纷。",
        "A dispute between {a} and {b} ({place}).",
    ),
    ("", ""),
    ("已调解。", "Mediated."),
);

pub const CONCLUDED: [Pair; 4] = [
    (
        "调查结束：已询问双方及证人并查看监控，作出认定",
        "Investigation finished: both sides and witnesses heard, cameras viewed, decision made",
    ),
    (
        "学生欺凌治理委员会会议讨论后认定",
        "Decided at the bullying prevention committee meeting",
    ),
    (
        "家长到校面谈后结案",
        "Closed after meeting the parents at school",
    ),
    (
        "补充调查材料后认定",
        "Decided after further statements were taken",
    ),
];

pub const FIXES: [Pair; 3] = [
    (
        "经监控核实，发生时间更正",
        "Time corrected after checking the camera footage",
    ),
    ("补记一名证人", "A witness added"),
    ("补记家长通知时间", "Time the parents were told added"),
];

pub const VOIDS: [Pair; 2] = [
    (
        "重复录入，与{a}为同一事件",
        "Entered twice: the same incident as {a}",
    ),
    (
        "录错学生，已作废重新登记为{a}",
        "Wrong student entered; voided and recorded again as {a}",
    ),
];
