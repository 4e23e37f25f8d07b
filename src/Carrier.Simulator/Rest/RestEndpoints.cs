using System.Globalization;
using System.Text.RegularExpressions;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Rest;

/// <summary>The subset of Twilio's 2010-04-01 REST API the hub uses: create, list, fetch and update calls, create and list messages.</summary>
internal static partial class RestEndpoints
{
    public static void MapRestEndpoints(this RouteGroupBuilder simulator)
    {
        var accounts = simulator.MapGroup("/2010-04-01/Accounts/{accountSid}");
        accounts.MapPost("/Calls.json", CreateCallAsync);
        accounts.MapGet("/Calls.json", ListCalls);
        accounts.MapGet("/Calls/{callSid}.json", FetchCall);
        accounts.MapPost("/Calls/{callSid}.json", UpdateCallAsync);
        accounts.MapPost("/Messages.json", CreateMessageAsync);
        accounts.MapGet("/Messages.json", ListMessages);
    }

    private static async Task<IResult> CreateCallAsync(
        string accountSid, HttpRequest request, CallRunner runner, TimeProvider time, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        if (await ReadFormAsync(request) is not { } form)
        {
            return RestJson.Error(StatusCodes.Status415UnsupportedMediaType, 20001, "Requests must be application/x-www-form-urlencoded");
        }

        var to = form["To"];
        var from = form["From"];
        if (string.IsNullOrWhiteSpace(to))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 21201, "No 'To' number is specified");
        }

        if (!Dialable().IsMatch(to))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, TwilioErrorCodes.InvalidToNumber, $"The 'To' number {to} is not a valid phone number.");
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 21213, "No 'From' number is specified");
        }

        var url = form["Url"];
        var twiml = form["Twiml"];
        if (string.IsNullOrEmpty(url) == string.IsNullOrEmpty(twiml))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 21205, "Exactly one of Url and Twiml is required (ApplicationSid is not simulated)");
        }

        if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 21205, "Url is not a valid URL: " + url);
        }

        var timeout = int.TryParse(form["Timeout"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60;
        if (timeout is < 1 or > 600)
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 21210, "Timeout must be between 1 and 600");
        }

        var call = runner.PlaceOutbound(new OutboundCallRequest(
            from,
            to,
            string.IsNullOrEmpty(url) ? null : url,
            form["Method"] ?? "POST",
            string.IsNullOrEmpty(twiml) ? null : twiml,
            form["StatusCallback"] is { Length: > 0 } callback ? callback : null,
            form["StatusCallbackMethod"] ?? "POST",
            form.All("StatusCallbackEvent").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList(),
            timeout,
            form["MachineDetection"] is { Length: > 0 } detection ? detection : null));
        return RestJson.Call(call, time.GetUtcNow(), created: true);
    }

    private static IResult ListCalls(string accountSid, HttpRequest request, CallRegistry registry, TimeProvider time, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        var (query, bad) = CallListQuery.Parse(request.Query);
        if (query is null)
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 20001, $"Invalid {bad} parameter");
        }

        var matching = registry.NewestFirst().Where(query.Matches).ToList();
        var page = query.Slice(matching);
        var hasNext = page.Count == query.PageSize && !ReferenceEquals(page[^1], matching[^1]);
        return RestJson.CallPage(accountSid, query, page, hasNext, time.GetUtcNow());
    }

    private static IResult FetchCall(string accountSid, string callSid, HttpRequest request, CallRegistry registry, TimeProvider time, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        return registry.Find(callSid) is { } call
            ? RestJson.Call(call, time.GetUtcNow())
            : RestJson.Error(StatusCodes.Status404NotFound, 20404, $"The requested resource /2010-04-01/Accounts/{accountSid}/Calls/{callSid}.json was not found");
    }

    private static async Task<IResult> UpdateCallAsync(
        string accountSid, string callSid, HttpRequest request, CallRegistry registry, CallRunner runner, TimeProvider time, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        if (registry.Find(callSid) is not { } call)
        {
            return RestJson.Error(StatusCodes.Status404NotFound, 20404, $"The requested resource /2010-04-01/Accounts/{accountSid}/Calls/{callSid}.json was not found");
        }

        if (await ReadFormAsync(request) is not { } form)
        {
            return RestJson.Error(StatusCodes.Status415UnsupportedMediaType, 20001, "Requests must be application/x-www-form-urlencoded");
        }

        var status = form["Status"];
        if (status is { Length: > 0 } && status is not ("completed" or "canceled"))
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 20001, "Status must be completed or canceled");
        }

        if (call.IsEnded)
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 21220, "Call is not in-progress. Cannot redirect.");
        }

        if (status == "canceled")
        {
            // Canceling only affects a call that has not been answered yet.
            if (call.AnsweredAt is null)
            {
                runner.Send(callSid, new CallerEvent(CallerEventKind.Hangup, "canceled through the REST API"));
            }
        }
        else if (status == "completed")
        {
            runner.Send(callSid, new CallerEvent(CallerEventKind.Hangup, "completed through the REST API"));
        }
        else if (form["Url"] is { Length: > 0 } url)
        {
            runner.Send(callSid, new CallerEvent(CallerEventKind.Redirect, url, form["Method"] ?? "POST"));
        }
        else if (form["Twiml"] is { Length: > 0 } twiml)
        {
            runner.Send(callSid, new CallerEvent(CallerEventKind.Redirect, Twiml: twiml));
        }
        else
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 20001, "One of Url, Twiml or Status is required");
        }

        return RestJson.Call(call, time.GetUtcNow());
    }

    private static async Task<IResult> CreateMessageAsync(
        string accountSid, HttpRequest request, MessageService messages, MessageRateLimiter limiter, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        if (limiter.TryTake() is { } wait)
        {
            // Whole seconds, rounded up, as an HTTP Retry-After says them.
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return RestJson.Error(StatusCodes.Status429TooManyRequests, 20429, "Too Many Requests");
        }

        if (await ReadFormAsync(request) is not { } form)
        {
            return RestJson.Error(StatusCodes.Status415UnsupportedMediaType, 20001, "Requests must be application/x-www-form-urlencoded");
        }

        if (messages.Check(form["To"], form["From"], form["Body"]) is { } refusal)
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, refusal.Code, refusal.Message);
        }

        var message = messages.Send(form["To"]!, form["From"]!, form["Body"]!, form["StatusCallback"] is { Length: > 0 } callback ? callback : null);
        return RestJson.Message(message);
    }

    private static IResult ListMessages(string accountSid, HttpRequest request, MessageStore store, IOptions<TwilioOptions> twilio)
    {
        if (RestAuthentication.Check(request, accountSid, twilio.Value) is { } refused)
        {
            return refused;
        }

        var (query, bad) = MessageListQuery.Parse(request.Query);
        if (query is null)
        {
            return RestJson.Error(StatusCodes.Status400BadRequest, 20001, $"Invalid {bad} parameter");
        }

        var matching = store.NewestFirst().Where(query.Matches).ToList();
        var page = query.Slice(matching);
        var hasNext = page.Count == query.PageSize && !ReferenceEquals(page[^1], matching[^1]);
        return RestJson.MessagePage(accountSid, query, page, hasNext);
    }

    private static async Task<TwilioForm?> ReadFormAsync(HttpRequest request) =>
        request.HasFormContentType ? TwilioForm.From(await request.ReadFormAsync()) : null;

    /// <summary>What a call can be placed to: an E.164 number, or a client:/sip: address.</summary>
    [GeneratedRegex(@"^(\+[1-9][0-9]{6,14}|client:.+|sip:.+)$")]
    private static partial Regex Dialable();
}
