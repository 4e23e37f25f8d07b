using Notifications.Channels.Email;

namespace Notifications.Tests.Channels.Email;

public sealed class EmailOptionsValidatorTests
{
    [Fact]
    public void Validate_WithoutHost_EmailIsOffAndNothingIsChecked()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions { Port = 0 });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("FromAddress", "not-an-address", 587, null, null, null)]
    [InlineData("FromAddress", "仁心医院 <reminders@hospital.test>", 587, null, null, null)]
    [InlineData("Port", "reminders@hospital.test", 70000, null, null, null)]
    [InlineData("Password", "reminders@hospital.test", 587, "user", null, null)]
    [InlineData("TrustedCertificateSha256", "reminders@hospital.test", 587, null, null, "abc")]
    public void Validate_BadSetting_NamesIt(string setting, string from, int port, string? user, string? password, string? fingerprint)
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions
        {
            Host = "smtp.hospital.test",
            FromAddress = from,
            Port = port,
            UserName = user,
            Password = password,
            TrustedCertificateSha256 = fingerprint,
        });

        Assert.True(result.Failed);
        Assert.Contains("Notifications:Email:" + setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodSettings_Succeed()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions
        {
            Host = "smtp.hospital.test",
            FromAddress = "reminders@hospital.test",
            UserName = "mailer",
            Password = "secret",
            TrustedCertificateSha256 = new string('A', 64),
        });

        Assert.True(result.Succeeded);
    }
}
