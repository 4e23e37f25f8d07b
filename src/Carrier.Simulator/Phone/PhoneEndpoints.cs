using System.Reflection;
using System.Text.RegularExpressions;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Phone;

/// <summary>Simulated patients: place calls, press digits, speak, hang up, text, and read what happened.</summary>
internal static partial class PhoneEndpoints
{
    private static readonly Lazy<string> PhonePage = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Carrier.Simulator.phone.html")
            ?? throw new InvalidOperationException("The test phone page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapPhoneEndpoints(this RouteGroupBuilder simulator)
    {
        simulator.MapGet("/phone", () => TypedResults.Content(PhonePage.Value, "text/html; charset=utf-8"));
        simulator.MapPost("/calls", PlaceCall);
        simulator.MapGet("/calls", ListCalls);
        simulator.MapGet("/calls/{callSid}", GetCall);
        simulator.MapPost("/calls/{callSid}/digits", PressDigits);
        simulator.MapPost("/calls/{callSid}/speech", Speak);
        simulator.MapPost("/calls/{callSid}/hangup", HangUp);
        simulator.MapPost("/calls/{callSid}/dial/hangup", HangUpDialedParty);
        simulator.MapPost("/sms", SendSmsAsync);
        simulator.MapGet("/sms", Thread);
        simulator.MapPut("/far-ends/{number}", SetFarEnd);
    }

    private static Results<Created<CallPlaced>, ValidationProblem> PlaceCall(PlaceCallBody? body, CallRunner runner)
    {
        var errors = new Dictionary<string, string[]>();
        RequirePhone(errors, "from", body?.From);
        RequirePhone(errors, "to", body?.To);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var call = runner.PlaceInbound(body!.From!, body.To!);
        return TypedResults.Created("/simulator/calls/" + call.Sid, new CallPlaced(call.Sid));
    }

    private static Results<Ok<IReadOnlyList<CallSummary>>, ValidationProblem> ListCalls(string? number, CallRegistry registry)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return Field("number", "is required");
        }

        IReadOnlyList<CallSummary> calls = [.. registry.ForNumber(number).Select(c => new CallSummary(
            c.Sid, c.From, c.To, WebhookNames.Direction.ToWire(c.Direction), CallStatuses.Names.ToWire(c.Status), c.CreatedAt))];
        return TypedResults.Ok(calls);
    }

    private static Results<Ok<CallView>, NotFound> GetCall(string callSid, CallRegistry registry, TimeProvider time)
    {
        if (registry.Find(callSid) is not { } call)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new CallView(
            call.Sid,
            call.From,
            call.To,
            WebhookNames.Direction.ToWire(call.Direction),
            CallStatuses.Names.ToWire(call.Status),
            call.DurationSeconds(time.GetUtcNow()),
            call.QueueName,
            [.. call.Transcript().Select(t => new TranscriptLine(t.At, t.Kind, t.Text, t.Details))]));
    }

    private static Results<Accepted, NotFound, ValidationProblem, Conflict<string>> PressDigits(string callSid, DigitsBody? body, CallRegistry registry, CallRunner runner)
    {
        if (body?.Digits is not { Length: > 0 } digits || !Keys().IsMatch(digits))
        {
            return Field("digits", "must be one or more of 0-9, * and #");
        }

        return Deliver(callSid, new CallerEvent(CallerEventKind.Digits, digits), registry, runner);
    }

    private static Results<Accepted, NotFound, ValidationProblem, Conflict<string>> Speak(string callSid, SpeechBody? body, CallRegistry registry, CallRunner runner)
    {
        if (string.IsNullOrWhiteSpace(body?.Text))
        {
            return Field("text", "is required");
        }

        return Deliver(callSid, new CallerEvent(CallerEventKind.Speech, body.Text.Trim()), registry, runner);
    }

    private static Results<Accepted, NotFound, ValidationProblem, Conflict<string>> HangUp(string callSid, CallRegistry registry, CallRunner runner) =>
        Deliver(callSid, new CallerEvent(CallerEventKind.Hangup, "caller hung up"), registry, runner);

    // The party the call is connected to by a Dial (the agent's phone) hangs up; the caller stays on the line.
    private static Results<Accepted, NotFound, ValidationProblem, Conflict<string>> HangUpDialedParty(string callSid, CallRegistry registry, CallRunner runner) =>
        Deliver(callSid, new CallerEvent(CallerEventKind.DialedPartyHangup, "dialled party hung up"), registry, runner);

    private static async Task<Results<Created<MessageView>, ValidationProblem>> SendSmsAsync(SendSmsBody? body, MessageService messages, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RequirePhone(errors, "from", body?.From);
        RequirePhone(errors, "to", body?.To);
        if (string.IsNullOrEmpty(body?.Body))
        {
            errors["body"] = ["is required"];
        }
        else if (body.Body.Length > 1600)
        {
            errors["body"] = ["must be at most 1600 characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var message = await messages.ReceiveAsync(body!.From!, body.To!, body.Body!, cancellationToken);
        return TypedResults.Created("/simulator/sms?number=" + Uri.EscapeDataString(message.From), View(message));
    }

    private static Results<Ok<IReadOnlyList<MessageView>>, ValidationProblem> Thread(string? number, MessageStore store)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return Field("number", "is required");
        }

        IReadOnlyList<MessageView> thread = [.. store.Thread(number.Trim()).Select(View)];
        return TypedResults.Ok(thread);
    }

    private static Results<NoContent, ValidationProblem> SetFarEnd(string number, FarEndBody? body, CallRegistry registry)
    {
        FarEndAnswer? answer = body?.Answer switch
        {
            "answer" => FarEndAnswer.Answer,
            "busy" => FarEndAnswer.Busy,
            "no-answer" => FarEndAnswer.NoAnswer,
            "failed" => FarEndAnswer.Failed,
            "machine" => FarEndAnswer.Machine,
            _ => null,
        };
        if (answer is null)
        {
            return Field("answer", "must be answer, busy, no-answer, failed or machine");
        }

        registry.SetFarEnd(number, answer.Value);
        return TypedResults.NoContent();
    }

    private static Results<Accepted, NotFound, ValidationProblem, Conflict<string>> Deliver(string callSid, CallerEvent callerEvent, CallRegistry registry, CallRunner runner)
    {
        if (registry.Find(callSid) is null)
        {
            return TypedResults.NotFound();
        }

        return runner.Send(callSid, callerEvent) ? TypedResults.Accepted("/simulator/calls/" + callSid) : TypedResults.Conflict("The call has ended.");
    }

    private static MessageView View(SimulatedMessage m) =>
        new(m.Sid, m.From, m.To, m.Body, m.Direction, WebhookNames.MessageStatus.ToWire(m.Status), m.NumSegments, m.DateCreated);

    private static void RequirePhone(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["is required"];
        }
        else if (!PhoneNumber().IsMatch(value))
        {
            errors[field] = ["must be an E.164 phone number, e.g. +8613800138000"];
        }
    }

    private static ValidationProblem Field(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[0-9*#]+$")]
    private static partial Regex Keys();
}
