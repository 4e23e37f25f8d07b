using CallCenter.Core.Conversations;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Conversations;

public sealed class ConversationRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddMessage_TwoMessagesFromOnePhone_ShareTheOpenConversation(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var conversations = services.GetRequiredService<IConversationRepository>();
        var phone = UniqueData.ChinaMobile();

        var first = await conversations.AddMessageAsync(Candidate(phone, T0), "SM1" + phone, Guid.CreateVersion7(), T0);
        var second = await conversations.AddMessageAsync(Candidate(phone, T0.AddMinutes(5)), "SM2" + phone, Guid.CreateVersion7(), T0.AddMinutes(5));

        Assert.Equal(first, second);
        Assert.Equal(["SM1" + phone, "SM2" + phone], await conversations.MessageSidsAsync(first));
        var stored = await conversations.FindAsync(first);
        Assert.Equal((ConversationStatuses.Open, T0, T0.AddMinutes(5), "free-text"), (stored!.Status, stored.OpenedAt, stored.LastMessageAt, stored.Reason));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddMessage_SameMessageTwice_AddsItOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var conversations = services.GetRequiredService<IConversationRepository>();
        var phone = UniqueData.ChinaMobile();

        var first = await conversations.AddMessageAsync(Candidate(phone, T0), "SM" + phone, Guid.CreateVersion7(), T0);
        var repeat = await conversations.AddMessageAsync(Candidate(phone, T0), "SM" + phone, Guid.CreateVersion7(), T0);

        Assert.Equal(first, repeat);
        Assert.Single(await conversations.MessageSidsAsync(first));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddMessage_OtherPhones_GetTheirOwnConversations(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var conversations = services.GetRequiredService<IConversationRepository>();
        var (a, b) = (UniqueData.ChinaMobile(), UniqueData.ChinaMobile());

        var first = await conversations.AddMessageAsync(Candidate(a, T0), "SM" + a, Guid.CreateVersion7(), T0);
        var other = await conversations.AddMessageAsync(Candidate(b, T0), "SM" + b, Guid.CreateVersion7(), T0);

        Assert.NotEqual(first, other);
    }

    private static Conversation Candidate(string phone, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        Phone = phone,
        Status = ConversationStatuses.Open,
        OpenedAt = at,
        LastMessageAt = at,
        Reason = "free-text",
    };
}
