using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Tests.Patients;

public sealed class PatientOptionsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("Patients:DefaultTimeZone", "Mars/Olympus", "Patients:DefaultTimeZone")]
    [InlineData("Patients:DefaultLanguage", "xx-NOTREAL", "Patients:DefaultLanguage")]
    public async Task Options_WithUnknownDefault_FailNamingTheSetting(string key, string value, string named)
    {
        await using var services = (await fixture.GetAsync(TestEngines.Sqlite)).CreateServices(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PatientOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_WithoutSettings_DefaultToShanghaiAndChinese()
    {
        await using var services = (await fixture.GetAsync(TestEngines.Sqlite)).CreateServices();

        var options = services.GetRequiredService<IOptions<PatientOptions>>().Value;

        Assert.Equal("Asia/Shanghai", options.DefaultTimeZone);
        Assert.Equal("zh-CN", options.DefaultLanguage);
    }
}
