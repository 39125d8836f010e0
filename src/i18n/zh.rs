//! 简体中文。

use super::Strings;

pub const ZH: Strings = Strings {
    app_name: "值班台",
    weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    too_small: |w, h| {
        format!("当前窗口为 {w}×{h}，值班台至少需要 80×24。请把窗口调大，或按 q 退出。")
    },
    too_small_unsaved: "表单中有未保存的内容：请先把窗口调大，再保存或放弃。",
    yes: "是",
    no: "否",
    confirm_title: "请确认",

    tab_now: "当前",
    tab_patrols: "巡查",
    tab_shift: "班次",
    tab_staff: "教职工",
    no_slot_short: "当前不在巡查时段",
    no_shift_short: "未开班",
    shift: "班次",
    operator: "本机操作人：",

    key_quit: "退出",
    key_help: "帮助",
    key_back: "返回",
    key_choose: "选择",
    key_check: "检查",
    key_all_ok: "全部正常",
    key_all_ok_save: "正常并保存",
    key_save: "保存",
    key_item: "选项",
    key_note: "备注",
    key_done_typing: "完成",
    key_reason: "填写原因",
    key_prev_next_day: "前一天/后一天",
    key_today: "今天",
    key_open_shift: "开班",
    key_open_shift_hint: "班次页",
    key_close_shift: "结束班次",
    key_switch_operator: "切换操作人",
    key_add_staff: "添加教职工",
    key_next_field: "下一项",
    key_accept: "确定",
    key_change: "更改",

    help_title: "帮助",
    help_this_screen: "本页按键",
    help_everywhere: "全局按键（表单外）",
    global_keys: &[
        ("n", "当前：待查项目"),
        ("p", "巡查：当天巡查表"),
        ("s", "班次：值班人员"),
        ("f", "教职工名单"),
        ("? / F1", "本帮助"),
        ("q", "退出"),
        ("Esc", "回到“当前”"),
        ("Ctrl+C", "退出（未保存会先询问）"),
    ],
    help_states: &[
        "未到：时段未开始 · 待查：进行中、未检查 · 已查：所有项目已填写 ·",
        "补查：时段过后才检查 · 部分：有项目未填 · 漏查：时段已过、未检查 ·",
        "!n 发现问题 · * 已说明原因。漏查、补查或部分完成须写明原因（巡查表上按 r）。",
    ],
    help_in_form: "在表单中，字母会输入到当前栏目。F1：本帮助 · Esc：离开表单。",

    state_upcoming: "未到",
    state_due: "待查",
    state_done: "已查",
    state_late: "补查",
    state_partial: "部分",
    state_partial_short: "部分",
    state_missed: "漏查",
    state_untracked: "–",

    no_shift_open: "尚未开班。请按 s，再按 o 开班：记录须属于一个班次。",
    no_slot_now: "当前不在巡查时段。",
    ends_in: |d| format!("还剩 {d}"),
    starts_in: |d| format!("{d}后开始"),
    next_slot: "下一时段：",
    today_rounds: "今日巡查",
    open_exceptions: |n| format!("{n} 次漏查或部分完成的巡查尚未说明原因"),
    press_e_to_see: "按 e 查看",
    press_e_short: "查看漏查",
    press_o_all_ok: "按 o 全部正常",
    problems_n: |n| format!("{n} 个问题"),
    hours_minutes: |h, m| format!("{h} 小时 {m} 分钟"),
    minutes: |m| format!("{m} 分钟"),

    patrols_of: "巡查",
    not_today: "（非今天）",
    slot: "时段",
    no_rounds_this_day: "这一天没有巡查时段。",
    legend: "!n 发现问题 · * 已说明原因 · 未到 / 待查 / 已查 / 补查 / 部分 / 漏查",
    checked_line: |at, by, ok, total| format!("{by} 于 {at} 检查 · {total} 项中 {ok} 项正常"),
    needs_reason_hint: "须写明原因：按 r。",

    checked_by: "检查人",
    result_unset: "未填",
    result_ok: "正常",
    result_problem: "问题",
    result_na: "不适用",
    item_note: "问题说明",
    round_note: "本次备注",
    hint_problem_note: "发现问题须写明：什么事、谁、在哪里。",
    confirm_partial: |n| {
        format!("有 {n} 项未填写。按“部分完成”保存吗？（部分完成的巡查之后须说明原因。）")
    },
    check_saved: |place, complete, problems| {
        let what = match (complete, problems) {
            (false, _) => "已保存（部分完成）".to_owned(),
            (true, 0) => "已保存，全部正常".to_owned(),
            (true, n) => format!("已保存，发现 {n} 个问题"),
        };
        format!("{place}：{what}。")
    },
    already_checked: "已检查过。按 Enter 打开修改。",
    not_open_yet: |t| format!("该巡查 {t} 开始。"),

    reason_title: "漏查或未完成的原因",
    reason_label: "原因",
    reason_keys: "Enter 保存 · Esc 取消",
    esc_again_discards: "再按一次 Esc 放弃已输入的内容，或继续输入。",
    reason_saved: "原因已保存。",
    reason_not_needed: "只有漏查或部分完成的巡查需要说明原因。",

    current_shift: "当前班次",
    opened_at: "开班于",
    operator_hint: "（按 u 更换本机操作人）",
    operator_now: |n| format!("本机之后的记录署名为 {n}。"),
    recent_shifts: "最近班次",
    still_open: "进行中",
    open_shift_title: "开班",
    open_shift_help: "输入姓名中的几个字，用 ↓ 和 Enter 选择。* 为必填。",
    confirm_new_staff: |names| format!("以下人员不在教职工名单中：{names}。添加并开班吗？"),
    confirm_close_shift: "结束本班次吗？之后的记录须属于新的班次。",
    shift_opened: "已开班。",
    shift_closed: "班次已结束。",
    shift_already_open: "已有班次在进行中，请先结束（c）。",
    need_shift: "尚未开班：请按 s，再按 o 开班。",
    duty_roles: ["值班教师", "带班领导", "保安", "值宿人员"],
    duty_roles_short: ["值班", "带班", "保安", "值宿"],

    staff_count: |n| format!("教职工（{n} 人）"),
    name: "姓名",
    job: "岗位",
    no_staff_yet: "   还没有教职工：按 a 添加，或在开班时直接输入姓名。",
    add_staff_title: "添加教职工",
    staff_added: |n| format!("已将 {n} 加入教职工名单。"),
    staff_roles: [
        "教师",
        "学校领导",
        "保安",
        "宿管",
        "心理教师",
        "班主任",
        "安全干部",
        "其他",
    ],

    confirm_quit: "表单中有未保存的内容。仍要退出并放弃吗？",
    confirm_discard: "离开此表单并放弃已输入的内容吗？",

    err_required: "必填。",
    err_too_long: |max| format!("太长：最多 {max} 个字。"),
    err_forbidden: "此处不能使用该字符。",
    err_problem_note: "发现问题须填写说明。",
    err_same_person: "此人已在该岗位中。",
    err_ambiguous: "有多位同名教职工：请从列表中选择（↓）。",

    se_not_sqlite: |p| {
        format!("{p} 不是值班台数据库，文件未作任何改动。请用 --db 指定正确的文件。")
    },
    se_foreign: |p| {
        format!("{p} 属于其他程序，文件未作任何改动。请用 --db 指定值班台的数据库文件。")
    },
    se_too_new: |p, found, supported| {
        format!(
            "{p} 由更新版本的值班台创建（结构版本 {found}，本程序最高支持 {supported}），文件未作任何改动。请安装新版本。"
        )
    },
    se_sqlite_old: |v| format!("SQLite {v} 版本过旧，值班台需要 3.51.3 或更新版本。"),
    se_io: |p, e| format!("{p}：{e}"),
    se_busy: "数据库正被其他终端占用，未保存；已输入的内容仍在，请重试。",
    se_disk_full: "磁盘已满，未保存；已输入的内容仍在。",
    se_read_only: "数据库文件只读，未保存；已输入的内容仍在。",
    se_changed: "该记录已在其他终端修改，未保存：请按 Esc 后重新打开。",
    se_shift_open: "已有班次在进行中（可能在其他终端开班）。",
    se_no_shift: "班次已结束（可能在其他终端）。请开班后再保存。",
    se_not_found: "该记录已不存在。",
    se_db: |e| format!("数据库错误：{e}。未保存；已输入的内容仍在。"),
};
