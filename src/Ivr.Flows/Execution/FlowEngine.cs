using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Sms;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Execution;

/// <summary>
/// Runs flows. Pure: given a flow, a session and an input it returns the answer and the next session; all I/O goes
/// through <see cref="FlowServices"/>. It keeps no state of its own.
/// </summary>
public static class FlowEngine
{
    /// <summary>Steps one webhook may run before the engine decides the flow loops without waiting for anyone.</summary>
    public const int MaxStepsPerTurn = 64;

    /// <summary>Trace lines kept per call; older ones are dropped (a caller stuck in a menu should not grow the row forever).</summary>
    public const int MaxTraceEntries = 400;

    private static readonly LocalizedText DefaultErrorPrompt = new()
    {
        ["zh-CN"] = "抱歉，系统暂时无法处理您的请求，请稍后再拨。",
        ["en-US"] = "Sorry, we cannot handle your call right now. Please call again later.",
    };

    /// <summary>Starts a new session on <paramref name="flow"/> at its start step and runs it to the first wait or end.</summary>
    public static async Task<FlowTurn> StartAsync(
        FlowDefinition flow, string flowVersion, FlowStart start, FlowServices services, FlowLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(start);
        var session = new FlowSession
        {
            Key = start.Key,
            Kind = flow.Kind,
            FlowId = flow.Id,
            FlowVersion = flowVersion,
            StartedAt = services.Time.GetUtcNow(),
            Language = start.Language ?? flow.EffectiveDefaultLanguage,
            CurrentStep = flow.Start,
            VerifiedPatientId = start.VerifiedPatientId,
        };
        foreach (var (name, value) in start.Variables)
        {
            session.Set(name, value);
        }

        session.Set(FlowVariables.Language, FlowValue.From(session.Language));
        var context = new StepContext(flow, session, services, links, start.Input);
        session.Turn = 1;
        if (await HandledAsKeywordAsync(context, cancellationToken))
        {
            return Finish(context);
        }

        await RunAsync(context, enter: flow.Start, cancellationToken);
        return Finish(context);
    }

    /// <summary>
    /// Resumes a session with a webhook's input. A webhook for another step or an old turn (a carrier retry, or one
    /// overtaken by a newer one) changes nothing and gets the last answer again.
    /// </summary>
    public static async Task<FlowTurn> ContinueAsync(
        FlowDefinition flow, FlowSession session, FlowInput input, FlowServices services, FlowLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var context = new StepContext(flow, session, services, links, input);
        if (session.Ended || IsStale(session, input) || flow.Find(session.CurrentStep) is not { } step)
        {
            return new FlowTurn(session, session.LastResponse ?? EndedResponse(session), [], Changed: false, Events: []);
        }

        if (input.Event is not (FlowEvent.Hold or FlowEvent.HoldKey))
        {
            session.Turn++;
        }

        if (await HandledAsKeywordAsync(context, cancellationToken))
        {
            return Finish(context);
        }

        context.Step = step;
        StepOutcome outcome;
        try
        {
            outcome = RefusedUnverified(context, step) ?? await step.ResumeAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = Fail(context, ex);
        }

        await FollowAsync(context, outcome, cancellationToken);
        return Finish(context, remember: input.Event is not (FlowEvent.Hold or FlowEvent.HoldKey));
    }

    /// <summary>
    /// Ends a session because the call is over (the carrier's final status: the caller hung up while a step waited).
    /// The waiting step lets go of what it holds, the trace records why, and a webhook that arrives later for the
    /// session changes nothing. An ended session is returned unchanged.
    /// </summary>
    public static async Task<FlowTurn> EndAsync(
        FlowDefinition flow, FlowSession session, string reason, FlowServices services, FlowLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Ended)
        {
            return new FlowTurn(session, session.LastResponse ?? EndedResponse(session), [], Changed: false, Events: []);
        }

        var context = new StepContext(flow, session, services, links, input: null);
        if (flow.Find(session.CurrentStep) is { } step)
        {
            context.Step = step;
            try
            {
                await step.OnCallEndedAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Trace("error", ex.GetType().Name + ": " + ex.Message);
                context.Report(new StepFailed(step.Id, ex.GetType().Name));
            }
        }

        context.Trace("call-ended", reason);
        session.Ended = true;
        TrimTrace(session);
        return new FlowTurn(session, session.LastResponse ?? EndedResponse(session), [], Changed: true, context.Events);
    }

    // Consent keywords come before any step of an SMS flow (see SmsKeywordHandler).
    private static async Task<bool> HandledAsKeywordAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Flow.Kind != FlowKind.Sms || context.Input is not { Event: FlowEvent.SmsReceived } input)
        {
            return false;
        }

        context.Session.Set(FlowVariables.SmsBody, FlowValue.From(input.Body ?? string.Empty));
        context.Session.Set(FlowVariables.SmsSid, FlowValue.From(input.Sid ?? string.Empty));
        try
        {
            return await SmsKeywordHandler.HandleAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FollowAsync(context, Fail(context, ex), cancellationToken);
            return true;
        }
    }

    private static bool IsStale(FlowSession session, FlowInput input)
    {
        if (!string.Equals(input.Step, session.CurrentStep, StringComparison.Ordinal) && input.Event != FlowEvent.SmsReceived)
        {
            return true;
        }

        // Holds do not move the flow, so they carry no turn; everything else must answer the turn it was rendered in.
        return input.Event is not (FlowEvent.Hold or FlowEvent.HoldKey or FlowEvent.SmsReceived) && input.Turn != session.Turn;
    }

    private static async Task RunAsync(StepContext context, string enter, CancellationToken cancellationToken) =>
        await FollowAsync(context, StepOutcome.Next(enter, "start"), cancellationToken);

    private static async Task FollowAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var session = context.Session;
        for (var steps = 0; ; steps++)
        {
            switch (outcome.Kind)
            {
                case StepOutcomeKind.Wait:
                    context.Trace("wait", outcome.Reason);
                    return;
                case StepOutcomeKind.End:
                    context.Trace("end", outcome.Reason);
                    session.Ended = true;
                    return;
            }

            if (steps >= MaxStepsPerTurn)
            {
                outcome = Fail(context, new InvalidOperationException($"More than {MaxStepsPerTurn} steps without waiting for the caller."));
                continue;
            }

            if (context.Flow.Find(outcome.NextStep) is not { } next)
            {
                outcome = Fail(context, new InvalidOperationException($"Transition to unknown step '{outcome.NextStep}'."));
                continue;
            }

            if (context.Step is not null)
            {
                context.Trace("transition", outcome.Reason is null ? $"-> {next.Id}" : $"{outcome.Reason} -> {next.Id}");
            }

            session.CurrentStep = next.Id;
            session.Attempts = 0;
            context.Step = next;
            context.Input = null;
            context.Trace("enter", next.TypeName);
            context.Report(new StepEntered(next.Id, next.TypeName));
            try
            {
                outcome = RefusedUnverified(context, next) ?? await next.ExecuteAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = Fail(context, ex);
            }
        }
    }

    // The rule is the engine's, whatever the flow file says: a step that discloses or changes patient data runs only
    // for a caller who proved to be the patient it is about (caller ID, or a variable a flow set, proves nothing).
    private static StepOutcome? RefusedUnverified(StepContext context, FlowStep step)
    {
        if (!step.NeedsVerifiedCaller)
        {
            return null;
        }

        var session = context.Session;
        var patient = Guid.TryParse(session.Get(FlowVariables.PatientId).AsText(), out var id) ? id : (Guid?)null;
        if (session.VerifiedPatientId is { } verified && patient == verified)
        {
            return null;
        }

        context.Report(new VerificationRequired(step.Id));
        return Fail(context, new CallerNotVerifiedException(step.Id));
    }

    // A failing step must not leave the caller in silence: go to the flow's error step once, else apologise and end.
    private static StepOutcome Fail(StepContext context, Exception exception)
    {
        context.Trace("error", exception.GetType().Name + ": " + exception.Message);
        context.Report(new StepFailed(context.Step?.Id ?? string.Empty, exception.GetType().Name));
        var onError = context.Flow.OnError;
        if (onError is not null && !string.Equals(context.Session.CurrentStep, onError, StringComparison.Ordinal)
            && !context.Session.Get(FlowVariables.ErrorHandled).AsBoolean())
        {
            context.Session.Set(FlowVariables.ErrorHandled, FlowValue.True);
            return StepOutcome.Next(onError, "error");
        }

        if (context.Flow.Kind == FlowKind.Voice)
        {
            context.Say(context.Flow.ErrorPrompt ?? DefaultErrorPrompt);
        }
        else
        {
            context.SmsReplies.Add(context.Text(context.Flow.ErrorPrompt ?? DefaultErrorPrompt));
        }

        return StepOutcome.End("error");
    }

    // Hold music answers are not remembered: a repeated action webhook must get the answer of its own turn.
    private static FlowTurn Finish(StepContext context, bool remember = true)
    {
        var session = context.Session;
        TrimTrace(session);

        var twiml = session.Kind == FlowKind.Voice ? context.Voice.ToXml() : SmsTwiml(context.SmsReplies);
        if (session.Kind == FlowKind.Voice && session.Ended && !EndsCall(twiml))
        {
            twiml = context.Voice.Hangup().ToXml();
        }

        if (remember)
        {
            session.LastResponse = twiml;
        }

        return new FlowTurn(session, twiml, context.SmsReplies, Changed: true, context.Events);
    }

    private static void TrimTrace(FlowSession session)
    {
        if (session.Trace.Count > MaxTraceEntries)
        {
            session.Trace.RemoveRange(0, session.Trace.Count - MaxTraceEntries);
        }
    }

    private static bool EndsCall(string xml)
    {
        return xml.Contains("<Hangup", StringComparison.Ordinal) || xml.Contains("<Dial", StringComparison.Ordinal)
            || xml.Contains("<Reject", StringComparison.Ordinal);
    }

    private static string SmsTwiml(IEnumerable<string> replies)
    {
        var response = new MessagingResponse();
        foreach (var reply in replies.Where(r => r.Length > 0))
        {
            response.Message(reply);
        }

        return response.ToXml();
    }

    private static string EndedResponse(FlowSession session) =>
        session.Kind == FlowKind.Voice ? new VoiceResponse().Hangup().ToXml() : new MessagingResponse().ToXml();
}
