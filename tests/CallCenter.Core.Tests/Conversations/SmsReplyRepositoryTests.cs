using CallCenter.Core.Conversations;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Conversations;

public sealed class SmsReplyRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindOpen_SeveralSent_ReturnsMostRecentOpenOne(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var replies = services.GetRequiredService<ISmsReplyRepository>();
        var phone = UniqueData.ChinaMobile();
        var older = Pending(phone, T0, ReplyPurposes.Appointment);
        var newer = Pending(phone, T0.AddHours(1), ReplyPurposes.Survey);
        var closed = Pending(phone, T0.AddHours(2), ReplyPurposes.Appointment);
        foreach (var reply in new[] { older, newer, closed })
        {
            await replies.AddPendingAsync(reply);
        }

        Assert.True(await replies.CloseAsync(closed.Id, "confirmed", T0.AddHours(3)));
        var open = await replies.FindOpenAsync(phone, T0.AddHours(3));

        Assert.Equal(newer.Id, open?.Id);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindOpen_AfterExpiry_ReturnsNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var replies = services.GetRequiredService<ISmsReplyRepository>();
        var phone = UniqueData.ChinaMobile();
        await replies.AddPendingAsync(Pending(phone, T0, ReplyPurposes.Appointment));

        Assert.NotNull(await replies.FindOpenAsync(phone, T0.AddHours(71)));
        Assert.Null(await replies.FindOpenAsync(phone, T0.AddHours(72)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Close_Twice_SecondChangesNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var replies = services.GetRequiredService<ISmsReplyRepository>();
        var reply = Pending(UniqueData.ChinaMobile(), T0, ReplyPurposes.Appointment);
        await replies.AddPendingAsync(reply);

        var first = await replies.CloseAsync(reply.Id, "confirmed", T0.AddMinutes(1));
        var second = await replies.CloseAsync(reply.Id, "cancelled", T0.AddMinutes(2));

        Assert.Equal((true, false), (first, second));
        var stored = await replies.FindAsync(reply.Id);
        Assert.Equal(("confirmed", T0.AddMinutes(1)), (stored!.Outcome, stored.ClosedAt));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddSurveyAnswer_SameMessageTwice_StoresOne(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var replies = services.GetRequiredService<ISmsReplyRepository>();
        var reply = Pending(UniqueData.ChinaMobile(), T0, ReplyPurposes.Survey);
        await replies.AddPendingAsync(reply);
        var answer = new SurveyAnswerRow
        {
            Id = Guid.CreateVersion7(), PendingReplyId = reply.Id, Phone = reply.Phone, MessageSid = "SM" + Guid.NewGuid().ToString("N"),
            AnswerText = "5 很满意", Score = 5, ReceivedAt = T0.AddMinutes(5),
        };

        var first = await replies.AddSurveyAnswerAsync(answer);
        var repeat = await replies.AddSurveyAnswerAsync(answer with { Id = Guid.CreateVersion7(), Score = 1 });

        Assert.Equal((true, false), (first, repeat));
        var stored = Assert.Single(await replies.SurveyAnswersAsync(reply.Id));
        Assert.Equal(("5 很满意", 5), (stored.AnswerText, stored.Score));
    }

    private static SmsPendingReply Pending(string phone, DateTime sentAt, string purpose) => new()
    {
        Id = Guid.CreateVersion7(),
        Phone = phone,
        Purpose = purpose,
        MessageSid = "SM" + Guid.NewGuid().ToString("N"),
        SentAt = sentAt,
        ExpiresAt = sentAt.AddHours(72),
    };
}
