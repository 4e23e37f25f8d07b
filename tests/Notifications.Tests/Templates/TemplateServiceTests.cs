using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Notifications.Templates;
using Notifications.Tests.Infrastructure;
using Twilio.Protocol.Sms;

namespace Notifications.Tests.Templates;

public sealed class TemplateServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void Validate_UnknownVariable_IsRefusedByName()
    {
        var errors = TemplateService.Validate(new TemplateInput("appointment-reminder", "sms", "en-US", null, "Hi {{patientName}}, bring {{insuranceCard}}"), bodyRequired: true);

        var error = Assert.Single(errors);
        Assert.Equal("body", error.Field);
        Assert.StartsWith("unknown variable 'insuranceCard'; appointment-reminder allows patientName,", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reminder", "sms", "en-US", "Hi", null, "purpose")]
    [InlineData("survey", "fax", "en-US", "Hi", null, "channel")]
    [InlineData("survey", "sms", "fr-FR", "Hi", null, "language")]
    [InlineData("survey", "sms", "en-US", " ", null, "body")]
    [InlineData("survey", "sms", "en-US", "Hi {{ patientName }", null, "body")]
    [InlineData("survey", "sms", "en-US", "Hi", "A subject", "subject")]
    [InlineData("ops-report", "email", "en-US", "Report", null, "subject")]
    public void Validate_BadField_NamesIt(string purpose, string channel, string language, string body, string? subject, string field)
    {
        var errors = TemplateService.Validate(new TemplateInput(purpose, channel, language, subject, body), bodyRequired: true);

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Preview_SeededChineseSms_IsUcs2WithItsSegments(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var templates = harness.Hub.GetRequiredService<TemplateService>();

        var result = await templates.PreviewAsync(new TemplateInput("appointment-confirmation", "sms", "zh-CN", null, null));

        var preview = result.Value!;
        Assert.StartsWith("示范医院：张伟您好，您预约了12月8日 09:30心内科李娜医生的门诊。", preview.Body, StringComparison.Ordinal);
        Assert.Equal((SmsEncoding.Ucs2, 1), (preview.Encoding!.Value, preview.Segments!.Value));
        Assert.Equal(preview.Body.Length, preview.Characters);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Preview_GivenGsmText_CountsGsmSegments(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var templates = harness.Hub.GetRequiredService<TemplateService>();
        var body = "{{hospitalName}}: " + new string('x', 150);

        var preview = (await templates.PreviewAsync(new TemplateInput("survey", "sms", "en-US", null, body))).Value!;

        Assert.Equal((SmsEncoding.Gsm7, 2, 165), (preview.Encoding!.Value, preview.Segments!.Value, preview.Characters!.Value));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_WithVariables_RendersTheStoredTemplateInTheTransaction(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var templates = harness.Hub.GetRequiredService<TemplateService>();
        var saved = await templates.SaveAsync(Actor.Ivr, new TemplateInput("waitlist-offer", "sms", "en-US", null, "{{doctorName}} at {{appointmentTime}}: reply 1 within {{offerMinutes}} min"));
        Assert.Empty(saved.Errors);

        var id = await harness.Outbox.EnqueueAsync(new OutboundMessage
        {
            Channel = NotificationChannels.Sms, Purpose = NotificationPurposes.WaitlistOffer, Recipient = UniqueData.ChinaMobile(), Language = "en-US",
            Variables = new Dictionary<string, string> { ["doctorName"] = "Dr Li", ["appointmentTime"] = "09:30", ["offerMinutes"] = "30" },
        });

        var row = await harness.RowAsync(id);
        Assert.Equal(("Dr Li at 09:30: reply 1 within 30 min", "waitlist-offer/sms"), (row.Body, row.TemplateKey));
    }
}
