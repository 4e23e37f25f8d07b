using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Patients;

/// <summary>The validator needs no database, but is resolved from the same wiring as the hub.</summary>
public sealed class PatientValidatorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    public static TheoryData<PatientInput, string> BadInputs => new()
    {
        { new PatientInput(null), "fullName" },
        { new PatientInput("   "), "fullName" },
        { new PatientInput(new string('x', 201)), "fullName" },
        { new PatientInput("A", Gender: "alien"), "gender" },
        { new PatientInput("A", Phones: [new PhoneInput("12345")]), "phones[0].number" },
        { new PatientInput("A", Phones: [new PhoneInput("13812345678", Kind: "fax")]), "phones[0].kind" },
        { new PatientInput("A", Phones: [new PhoneInput("13812345678", IsPrimary: true), new PhoneInput("13912345678", IsPrimary: true)]), "phones[1].isPrimary" },
        { new PatientInput("A", Phones: [new PhoneInput("13812345678"), new PhoneInput("+86 138 1234 5678")]), "phones[1].number" },
        { new PatientInput("A", Email: "not-an-email"), "email" },
        { new PatientInput("A", TimeZone: "Mars/Olympus"), "timeZone" },
        { new PatientInput("A", PreferredLanguage: "xx-NOTREAL"), "preferredLanguage" },
        { new PatientInput("A", DateOfBirth: new DateOnly(2026, 11, 25)), "dateOfBirth" },
        { new PatientInput("A", Notes: new string('n', 4001)), "notes" },
        { new PatientInput("A", Tags: [""]), "tags[0]" },
        { new PatientInput("A", Mrn: "has space"), "mrn" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Validate_BadField_NamesTheField(PatientInput input, string field)
    {
        await using var services = (await fixture.GetAsync(TestEngines.Sqlite)).CreateServices(_time);

        var (patient, errors) = services.GetRequiredService<PatientValidator>().Validate(input);

        Assert.Null(patient);
        Assert.Equal([field], errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Validate_GoodInput_NormalisesPhonesLanguageAndTimeZone()
    {
        await using var services = (await fixture.GetAsync(TestEngines.Sqlite)).CreateServices(_time);

        var (patient, errors) = services.GetRequiredService<PatientValidator>().Validate(new PatientInput(
            " 王芳 ",
            Gender: "Female",
            DateOfBirth: new DateOnly(2026, 11, 23),
            Phones: [new PhoneInput("138 1234 5678", "home"), new PhoneInput("008613912345678")],
            PreferredLanguage: "zh-cn",
            TimeZone: "China Standard Time",
            Tags: ["VIP", "vip", "chronic"]));

        Assert.Empty(errors);
        Assert.Equal("王芳", patient!.FullName);
        Assert.Equal(Genders.Female, patient.Gender);
        Assert.Equal(["+8613812345678", "+8613912345678"], patient.Phones.Select(p => p.E164));
        Assert.Equal([true, false], patient.Phones.Select(p => p.IsPrimary));
        Assert.Equal("zh-CN", patient.PreferredLanguage);
        Assert.Equal("Asia/Shanghai", patient.TimeZone);
        Assert.Equal(["VIP", "chronic"], patient.Tags);
    }
}
