using System.Net.Http.Json;
using CallCenter.Api.Ivr;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Accounts;
using CallCenter.Core.Ivr;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

public sealed class FlowHotReloadTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Edit_Valid_ServesNewCallsWhileCallInProgressKeepsItsVersion(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (file, number, flowId) = (TestFlows.FileName("edit"), TestFlows.Number(), "edit-" + Guid.NewGuid().ToString("N")[..8]);
        await hub.WriteFlowAsync(file, TestFlows.Gather(flowId, number, reply: "Old"));
        var (oldCall, newCall) = (TwilioWebhookClient.Sid("CA"), TwilioWebhookClient.Sid("CA"));
        var oldFirst = await hub.CallAsync(oldCall, number);

        var edited = TestFlows.Gather(flowId, number, reply: "New");
        await hub.WriteFlowAsync(file, edited);
        var newFirst = await hub.CallAsync(newCall, number);
        var oldAnswer = await hub.AnswerGatherAsync(oldFirst, oldCall, number, "1111");
        var newAnswer = await hub.AnswerGatherAsync(newFirst, newCall, number, "2222");

        Assert.Equal(["Old 1111"], IvrHub.Spoken(oldAnswer));
        Assert.Equal(["New 2222"], IvrHub.Spoken(newAnswer));
        var listed = await ListAsync(hub, file);
        Assert.Equal(ActiveFlow.VersionOf(edited), listed.ActiveVersion);
        Assert.Empty(listed.Errors);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Edit_Invalid_IsRefusedWithPreciseErrorAndOldVersionKeepsServing(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (file, number, flowId) = (TestFlows.FileName("broken"), TestFlows.Number(), "broken-" + Guid.NewGuid().ToString("N")[..8]);
        var good = TestFlows.Gather(flowId, number, reply: "Good");
        await hub.WriteFlowAsync(file, good);

        await hub.WriteFlowAsync(file, TestFlows.Broken(flowId, number));
        var sid = TwilioWebhookClient.Sid("CA");
        var answer = await hub.AnswerGatherAsync(await hub.CallAsync(sid, number), sid, number, "3333");

        Assert.Equal(["Good 3333"], IvrHub.Spoken(answer));
        var listed = await ListAsync(hub, file);
        Assert.Equal(ActiveFlow.VersionOf(good), listed.ActiveVersion);
        Assert.Equal(flowId, listed.FlowId);
        var error = Assert.Single(listed.Errors, e => e.Field == "next");
        Assert.Equal((file, "pin"), (error.File, error.Step));
        Assert.Contains("nowhere", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{file}: step 'pin', field 'next': ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Remove_File_StopsAnsweringNewCalls(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (file, number) = (TestFlows.FileName("removed"), TestFlows.Number());
        await hub.WriteFlowAsync(file, TestFlows.Gather("removed-" + Guid.NewGuid().ToString("N")[..8], number));

        File.Delete(Path.Combine(hub.FlowsPath, file));
        await hub.Registry.ReloadAsync(CancellationToken.None);
        var twiml = await hub.CallAsync(TwilioWebhookClient.Sid("CA"), number);

        Assert.Null(twiml.Root!.Element("Gather"));
        Assert.DoesNotContain(hub.Registry.Current.Files.Keys, name => name == file);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task NewFile_ClaimingAnotherFilesNumber_IsRefused(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = TestFlows.Number();
        var (first, second) = ("a-" + TestFlows.FileName("claim"), "b-" + TestFlows.FileName("claim"));
        await hub.WriteFlowAsync(first, TestFlows.Gather("claim-" + Guid.NewGuid().ToString("N")[..8], number, reply: "First"));

        await hub.WriteFlowAsync(second, TestFlows.Gather("claim-" + Guid.NewGuid().ToString("N")[..8], number, reply: "Second"));
        var listed = await ListAsync(hub, second);

        Assert.Null(listed.ActiveVersion);
        Assert.Contains(listed.Errors, e => e.Field == "numbers" && e.Reason.Contains(first, StringComparison.Ordinal));
    }

    private static async Task<FlowFileResponse> ListAsync(IvrHub hub, string file)
    {
        var supervisor = await hub.Api.SignInAsAsync(Roles.Supervisor);
        var files = await supervisor.Client.GetFromJsonAsync<FlowFileResponse[]>("/api/flows", Json);
        return Assert.Single(files!, f => f.FileName == file);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower) },
    };
}
