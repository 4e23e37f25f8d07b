using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Validation;

/// <summary>
/// A flow that answers callers is refused when any way from its start reaches a step that discloses or changes patient
/// data without passing a verify step; the error names the file, the step and the field that leads there.
/// </summary>
public sealed class VerificationPathTests
{
    // The shape the hotline had: a caller recognised by number went straight to their appointments.
    private const string CallerIdShortcut = """
        {
          "id": "t", "numbers": ["*"], "languages": ["en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "menu", "unknown": "menu" },
            { "id": "menu", "type": "menu", "prompt": { "en-US": "Press 1" }, "options": { "1": "route" }, "fallback": "bye" },
            { "id": "route", "type": "split", "cases": [ { "when": "caller.known || patient.verified", "next": "next" } ], "else": "verify" },
            { "id": "verify", "type": "verify", "prompt": { "en-US": "Record number" }, "verified": "next", "fallback": "bye" },
            { "id": "next", "type": "appointment", "action": "next", "found": "book", "none": "bye" },
            { "id": "book", "type": "book", "department": "cardiology", "prompt": { "en-US": "Choose" }, "booked": "bye", "none": "bye", "fallback": "bye" },
            { "id": "bye", "type": "hangup" }
          ]
        }
        """;

    [Fact]
    public void Validate_CallerIdShortcutToAppointments_IsRefusedNamingFileStepAndField()
    {
        var errors = FlowRun.Errors(CallerIdShortcut);

        var error = Assert.Single(errors);
        Assert.Equal(("test.json", "route", "cases[0].next"), (error.File, error.StepId, error.Field));
        Assert.Contains("'next'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("who -> menu -> route -> next", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("test.json: step 'route', field 'cases[0].next'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryPathThroughVerify_IsAccepted()
    {
        var flow = CallerIdShortcut.Replace("\"when\": \"caller.known || patient.verified\", \"next\": \"next\"", "\"when\": \"caller.known\", \"next\": \"verify\"", StringComparison.Ordinal);

        Assert.Empty(FlowRun.Errors(flow));
    }

    [Fact]
    public void Validate_VerifyFallbackLeadingToAPatientStep_IsRefused()
    {
        var flow = CallerIdShortcut
            .Replace("\"when\": \"caller.known || patient.verified\", \"next\": \"next\"", "\"when\": \"caller.known\", \"next\": \"verify\"", StringComparison.Ordinal)
            .Replace("\"verified\": \"next\", \"fallback\": \"bye\"", "\"verified\": \"next\", \"fallback\": \"book\"", StringComparison.Ordinal);

        var error = Assert.Single(FlowRun.Errors(flow));

        Assert.Equal(("verify", "fallback"), (error.StepId, error.Field));
        Assert.Contains("'book'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StartIsAPatientStep_IsRefusedOnTheStartField()
    {
        var flow = CallerIdShortcut.Replace("\"start\": \"who\"", "\"start\": \"next\"", StringComparison.Ordinal)
            .Replace("\"when\": \"caller.known || patient.verified\", \"next\": \"next\"", "\"when\": \"caller.known\", \"next\": \"verify\"", StringComparison.Ordinal)
            .Replace("\"known\": \"menu\", \"unknown\": \"menu\"", "\"known\": \"menu\", \"unknown\": \"next\"", StringComparison.Ordinal);

        var errors = FlowRun.Errors(flow);

        Assert.Contains(errors, e => e.StepId is null && e.Field == "start" && e.Reason.Contains("'next'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_FlowTheHubOnlyPlaces_IsNotChecked()
    {
        var flow = CallerIdShortcut.Replace("\"numbers\": [\"*\"], ", string.Empty, StringComparison.Ordinal);

        Assert.Empty(FlowRun.Errors(flow));
    }
}
