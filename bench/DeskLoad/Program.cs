using DeskLoad;

var options = DeskLoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
var staff = new StaffSetup(client, options);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

DeskEvents events = options.Scenario switch
{
    "calls" => new CallsRun(client, options),
    "callbacks" => new CallbacksRun(client, staff, options),
    _ => new ScreenPopRun(new SignedWebhooks(client, options), options),
};
var agents = await AgentPool.ConnectAsync(staff, options, events, cancel.Token);
try
{
    return events switch
    {
        CallsRun calls => await calls.RunAsync(cancel.Token),
        CallbacksRun callbacks => await callbacks.RunAsync(cancel.Token),
        ScreenPopRun screenPops => await screenPops.RunAsync(cancel.Token),
        _ => 2,
    };
}
finally
{
    foreach (var agent in agents)
    {
        await agent.DisposeAsync();
    }
}
