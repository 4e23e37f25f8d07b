using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using CallCenter.Core.Calls;
using CallCenter.Core.Ivr;
using CallCenter.Core.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Ivr;

/// <summary>A call's path through the IVR, for the agent who takes it: patient data, so scoped and audited.</summary>
internal static class CallIvrEndpoints
{
    public const string ReadOperation = "call.ivr.read";

    public static void MapCallIvrEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(Policies.Agent);
        group.MapGet("/{callSid}/ivr", FindAsync)
            .WithSummary("The call's IVR session: flow, version, language, variables and trace.");
    }

    private static async Task<Results<Ok<CallIvrResponse>, NotFound>> FindAsync(
        string callSid,
        ICallRepository calls,
        FlowRunner runner,
        PatientScopeGuard guard,
        IAuditLog audit,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var actor = context.User.ToActor();
        if (await calls.FindBySidAsync(callSid, cancellationToken) is not { } call)
        {
            return TypedResults.NotFound();
        }

        if (await runner.FindSessionAsync(callSid, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }

        // The session may hold another patient than the one caller ID linked the call to: the one the caller proved to
        // be (or named) in the IVR. Every patient whose data it holds must be in the reader's scope, and each is audited.
        var detail = $"call {call.Id}; {callSid}";
        var patients = CallSessionPatients.Of(call.PatientId, session);
        foreach (var patientId in patients)
        {
            if (!await guard.AllowAsync(actor, patientId, ReadOperation, detail, cancellationToken))
            {
                return TypedResults.NotFound();
            }
        }

        foreach (var patientId in patients)
        {
            await audit.WriteAsync(actor, ReadOperation, patientId, AuditOutcomes.Success, detail, cancellationToken);
        }

        return TypedResults.Ok(new CallIvrResponse(
            callSid, session.FlowId, session.FlowVersion, session.Language, session.CurrentStep, session.Turn, session.Ended,
            session.StartedAt, session.Variables, session.Trace));
    }
}
