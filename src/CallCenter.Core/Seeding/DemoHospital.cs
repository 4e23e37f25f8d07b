namespace CallCenter.Core.Seeding;

/// <summary>The demo hospital's departments and doctors: fixed, so a demo looks the same every time.</summary>
internal static class DemoHospital
{
    public sealed record DepartmentSeed(string Code, string Name, string NameEn, string[] Doctors);

    public static readonly IReadOnlyList<DepartmentSeed> Departments =
    [
        new("IM", "内科", "Internal Medicine", ["张建国", "李秀英", "王志强", "陈晓燕"]),
        new("SURG", "外科", "General Surgery", ["刘伟", "杨海涛", "赵明", "黄丽"]),
        new("PED", "儿科", "Paediatrics", ["周婷", "吴浩", "徐静", "孙文"]),
        new("OBGYN", "妇产科", "Obstetrics and Gynaecology", ["马兰", "朱红", "胡玉", "郭芳"]),
        new("OPH", "眼科", "Ophthalmology", ["何欣", "林宇", "高鹏", "罗雪"]),
    ];

    public static readonly string[] DoctorTitles = ["主任医师", "副主任医师", "主治医师", "住院医师"];

    public static readonly string[] VisitReasons =
        ["复诊 follow-up", "体检 check-up", "咳嗽 cough", "血压复查 blood pressure review", "视力检查 eye test", "产检 antenatal visit", "术后复查 post-op review"];

    public static readonly (string UserName, string DisplayName, string Role)[] Staff =
    [
        ("agent1", "坐席 Agent 1", Accounts.Roles.Agent),
        ("agent2", "坐席 Agent 2", Accounts.Roles.Agent),
        ("agent3", "坐席 Agent 3", Accounts.Roles.Agent),
        ("agent4", "坐席 Agent 4", Accounts.Roles.Agent),
        ("agent5", "坐席 Agent 5", Accounts.Roles.Agent),
        ("supervisor1", "班长 Supervisor 1", Accounts.Roles.Supervisor),
        ("supervisor2", "班长 Supervisor 2", Accounts.Roles.Supervisor),

        // The TV on the floor: may only watch the wallboard, which shows no patient data.
        ("wallboard1", "大屏 Wallboard 1", Accounts.Roles.Wallboard),
    ];
}
