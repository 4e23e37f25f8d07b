using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Steps;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Hotline;

/// <summary>The shipped reminder call (flows/visit-reminder-call.json) passes the flow validator; its behaviour is tested end to end in the API tests.</summary>
public sealed class VisitReminderCallFlowTests
{
    [Fact]
    public void ShippedFile_PassesTheValidator_BilingualVoiceFlowAnsweringNoNumber()
    {
        var result = FlowLoader.Load("visit-reminder-call.json", File.ReadAllText(RepoFiles.Path("flows", "visit-reminder-call.json")));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var flow = result.Flow!;
        Assert.Equal(("visit-reminder-call", FlowKind.Voice), (flow.Id, flow.Kind));
        Assert.Empty(flow.Numbers);
        Assert.Equal(["zh-CN", "en-US"], flow.Languages);
        var ask = Assert.IsType<MenuStep>(flow.Find("ask"));
        Assert.Equal((1, "no-answer"), (ask.Retries, ask.Fallback));
        Assert.Equal(AppointmentAction.Confirm, Assert.IsType<AppointmentStep>(flow.Find(ask.Options["1"])).Action);
        Assert.Equal(AppointmentAction.Cancel, Assert.IsType<AppointmentStep>(flow.Find(ask.Options["2"])).Action);
    }

    [Fact]
    public void ShippedFile_WithAPromptMissingALanguage_IsRefused()
    {
        var json = File.ReadAllText(RepoFiles.Path("flows", "visit-reminder-call.json"))
            .Replace("\"en-US\": \"Hello, this is the hospital with an appointment reminder.\"", "\"fr-FR\": \"Bonjour\"", StringComparison.Ordinal);

        var result = FlowLoader.Load("visit-reminder-call.json", json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StepId == "greet");
    }
}
