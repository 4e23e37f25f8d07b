using CallCenter.Api.Tests.Telephony;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

public sealed class FlowRestartTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Restart_MidCall_SecondHubContinuesOnTheCallsVersion(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var (file, number, flowId) = (TestFlows.FileName("restart"), TestFlows.Number(), "restart-" + Guid.NewGuid().ToString("N")[..8]);
        var sid = TwilioWebhookClient.Sid("CA");
        var first = IvrHub.Start(database);
        var flowsPath = first.FlowsPath;
        await first.WriteFlowAsync(file, TestFlows.Gather(flowId, number, reply: "Before"));
        var asked = await first.CallAsync(sid, number);
        await first.Api.DisposeAsync();

        // Edited while the hub was down: the restarted hub serves the edit to new calls only.
        await File.WriteAllTextAsync(Path.Combine(flowsPath, file), TestFlows.Gather(flowId, number, reply: "After"));
        await using var second = IvrHub.Start(database, flowsPath);
        var answer = await second.AnswerGatherAsync(asked, sid, number, "5555");
        var newCall = TwilioWebhookClient.Sid("CA");
        var newAnswer = await second.AnswerGatherAsync(await second.CallAsync(newCall, number), newCall, number, "6666");

        Assert.Equal(["Before 5555"], IvrHub.Spoken(answer));
        Assert.Equal(["After 6666"], IvrHub.Spoken(newAnswer));
    }
}
