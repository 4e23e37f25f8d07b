namespace DeskLoad;

/// <summary>Signs in and connects the load agents, a few at a time (each sign-in hashes a password on the hub).</summary>
internal static class AgentPool
{
    public static async Task<List<BenchAgent>> ConnectAsync(StaffSetup staff, DeskLoadOptions options, DeskEvents events, CancellationToken cancellationToken)
    {
        await staff.EnsureAgentsAsync(options.Agents, cancellationToken);
        var agents = new BenchAgent[options.Agents];
        var next = 0;
        var connected = 0;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) <= options.Agents)
            {
                var name = StaffSetup.AgentName(index);
                var token = await staff.TokenAsync(name, options.AgentPassword, cancellationToken);
                agents[index - 1] = await BenchAgent.ConnectAsync(options.Url, name, token, events, cancellationToken);
                var done = Interlocked.Increment(ref connected);
                if (done % 50 == 0 || done == options.Agents)
                {
                    Console.WriteLine($"desks connected and available: {done}/{options.Agents}");
                }
            }
        });
        await Task.WhenAll(workers);
        return [.. agents];
    }
}
