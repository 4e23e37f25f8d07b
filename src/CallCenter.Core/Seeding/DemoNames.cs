namespace CallCenter.Core.Seeding;

/// <summary>Realistic, clearly fictional names for demo patients and doctors, drawn from a seeded random source.</summary>
internal static class DemoNames
{
    // The most common Chinese surnames, and given-name characters, so demo lists look like a real hospital's.
    private static readonly string[] ChineseSurnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];

    private static readonly string[] ChineseGivenParts =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "建", "国", "红", "志", "海", "晨", "欣", "宇", "浩", "婷", "雪", "琳", "鹏"];

    private static readonly string[] EnglishGivenNames =
        ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Emily", "Matthew", "Olivia", "Anthony", "Sophie", "Mark", "Grace", "Paul", "Chloe"];

    private static readonly string[] EnglishFamilyNames =
        ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott"];

    public static string Chinese(Random random) =>
        Pick(random, ChineseSurnames) + Pick(random, ChineseGivenParts) + (random.Next(3) == 0 ? string.Empty : Pick(random, ChineseGivenParts));

    public static string English(Random random) => $"{Pick(random, EnglishGivenNames)} {Pick(random, EnglishFamilyNames)}";

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
