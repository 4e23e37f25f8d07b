using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Routing;

/// <summary>
/// One test's routing world on a shared database: its own queue needing a skill only its agents have, so the
/// router never hands this test's calls to another test's agents or the other way round.
/// </summary>
internal sealed class RoutingWorld : IAsyncDisposable
{
    public static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private RoutingWorld(ServiceProvider services, FakeTimeProvider time, string skill)
    {
        Services = services;
        Time = time;
        Skill = skill;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The skill every queue of this world requires and every agent of it has.</summary>
    public string Skill { get; }

    public List<Guid> Agents { get; } = [];

    public IWorkRouter Router => Services.GetRequiredService<IWorkRouter>();

    public IOfferLifecycle Offers => Services.GetRequiredService<IOfferLifecycle>();

    public IOfferReader Reader => Services.GetRequiredService<IOfferReader>();

    public IQueueMoves Moves => Services.GetRequiredService<IQueueMoves>();

    public IQueueRepository Queues => Services.GetRequiredService<IQueueRepository>();

    public AgentStateService States => Services.GetRequiredService<AgentStateService>();

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static async Task<RoutingWorld> CreateAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(T0));
        var skill = "t" + Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        return new RoutingWorld(database.CreateServices(time, all), time, skill);
    }

    public async Task<string> AddQueueAsync(QueueStrategy strategy = QueueStrategy.LongestIdle, Func<QueueSettings, QueueSettings>? change = null)
    {
        var queue = new QueueSettings
        {
            Name = UniqueData.Name("q"), DisplayName = "Test", RequiredSkills = [Skill], Strategy = strategy, CreatedAt = T0,
        };
        queue = change?.Invoke(queue) ?? queue;
        Assert.True(await Services.GetRequiredService<IQueueSettingsRepository>().TryCreateAsync(queue));
        return queue.Name;
    }

    /// <summary>An agent with the world's skill (and any others), made available now, then a second passes.</summary>
    public async Task<Guid> AddAgentAsync(int smsCapacity = 3, params (string Skill, int Proficiency)[] skills)
    {
        var id = Guid.NewGuid();
        var user = new UserAccount
        {
            Id = id, UserName = UniqueData.Name("agent"), DisplayName = "Agent", Role = Roles.Agent, PasswordHash = "x", CreatedAt = T0,
        };
        Assert.True(await Services.GetRequiredService<IUserRepository>().TryCreateAsync(user));
        var all = skills.Select(s => new AgentSkill(s.Skill, s.Proficiency)).Where(s => s.Skill != Skill).Prepend(new AgentSkill(Skill, 5)).ToList();
        if (skills.FirstOrDefault(s => s.Skill == Skill) is { Skill: not null } own)
        {
            all[0] = new AgentSkill(Skill, own.Proficiency);
        }

        await Services.GetRequiredService<IAgentProfileRepository>().UpsertAsync(new AgentProfile
        {
            UserId = id, EndpointKind = AgentEndpointKind.Client, Endpoint = user.UserName, SmsCapacity = smsCapacity, Skills = all,
        });
        await ApplyAsync(id, AgentEvent.Of(AgentEventKind.SetAvailable));
        Agents.Add(id);
        Time.Advance(TimeSpan.FromSeconds(1));
        return id;
    }

    public async Task ApplyAsync(Guid agent, AgentEvent e, AgentEventSource source = AgentEventSource.Agent)
    {
        var result = await States.ApplyAsync(agent, e, source);
        Assert.True(result.Outcome == AgentChangeOutcome.Applied, $"{e.Kind}: {result.Outcome} {result.Reason}");
    }

    public async Task<QueueEntry> EnqueueAsync(string queue, DateTime at, int priority = 0, string? skills = null) =>
        await Queues.EnqueueAsync(new QueueEntry
        {
            Id = Guid.CreateVersion7(), QueueName = queue, CallSid = "CA" + Guid.NewGuid().ToString("N"), CallerNumber = UniqueData.ChinaMobile(),
            Priority = priority, Skills = skills, Language = "zh-CN", Status = QueueStatuses.Waiting, EnqueuedAt = at,
        });

    public Task<IReadOnlyList<Offer>> RouteAsync(params Guid[] agents) => Router.RouteAsync(agents.Length == 0 ? Agents : agents);

    public async Task<AgentState> StateOfAsync(Guid agent) => (await States.GetAsync(agent))!.State;

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
