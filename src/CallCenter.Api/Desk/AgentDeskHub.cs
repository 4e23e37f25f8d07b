using AgentDesk.Contracts;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents.Supervision;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Desk;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>
/// The agents' desk. Thin: each method checks nothing itself but hands the signed-in agent to an action class that
/// checks the work is theirs and audits. A failure answers <see cref="DeskErrors.Unavailable"/>, never an exception.
/// Actions run to the end even if the agent's connection drops meanwhile, so an accept is never left half done.
/// </summary>
internal sealed partial class AgentDeskHub(
    AgentPresence presence,
    ReconnectGrace grace,
    DeskStateActions state,
    DeskOfferActions offers,
    DeskCallActions calls,
    DeskWrapUpActions wrapUps,
    DeskConversationActions conversations,
    DeskAppointmentActions appointments,
    DeskPatientActions patients,
    CallbackService callbacks,
    DeskFollowUpActions followUps,
    SupervisorAgentActions supervision,
    ILogger<AgentDeskHub> logger) : Hub<IAgentDeskClient>, IAgentDeskHub
{
    /// <summary>The SignalR group of supervisors' and admins' connections: wallboard alerts go to it.</summary>
    public const string SupervisorsGroup = "supervisors";

    private Actor Agent => Context.User!.ToActor();

    public override async Task OnConnectedAsync()
    {
        presence.Connected(Agent);
        grace.Cancel(Agent.UserId);
        if (Agent.IsSupervisorOrAdmin)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, SupervisorsGroup);
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (presence.Disconnected(Agent.UserId))
        {
            grace.Start(Agent.UserId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<DeskSnapshot> GetDeskAsync()
    {
        try
        {
            return await state.GetDeskAsync(Agent, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "get-desk");
            throw new HubException("The desk could not be read now; try again.");
        }
    }

    public Task<DeskResult> SetStateAsync(SetStateRequest request) => RunAsync("set-state", (a, ct) => state.SetStateAsync(a, request, ct));

    public Task<DeskResult> AcceptAsync(Guid offerId) => RunAsync("accept", (a, ct) => offers.AcceptAsync(a, offerId, ct));

    public Task<DeskResult> DeclineAsync(Guid offerId) => RunAsync("decline", (a, ct) => offers.DeclineAsync(a, offerId, ct));

    public Task<DeskResult> HoldAsync(string callSid) => RunAsync("hold", (a, ct) => calls.HoldAsync(a, callSid, ct));

    public Task<DeskResult> ResumeAsync(string callSid) => RunAsync("resume", (a, ct) => calls.ResumeAsync(a, callSid, ct));

    public Task<DeskResult> TransferAsync(TransferRequest request) => RunAsync("transfer", (a, ct) => calls.TransferAsync(a, request, ct));

    public Task<DeskResult> HangUpAsync(string callSid) => RunAsync("hang-up", (a, ct) => calls.HangUpAsync(a, callSid, ct));

    public Task<DeskResult> WrapUpAsync(WrapUpRequest request) => RunAsync("wrap-up", (a, ct) => wrapUps.WrapUpAsync(a, request, ct));

    public Task<DeskResult> ScheduleCallbackAsync(ScheduleCallbackRequest request) =>
        RunAsync("schedule-callback", (a, ct) => wrapUps.ScheduleCallbackAsync(a, request, ct));

    public Task<DeskResult> SendSmsAsync(SendSmsRequest request) => RunAsync("send-sms", (a, ct) => conversations.SendSmsAsync(a, request, ct));

    public Task<DeskResult> CloseConversationAsync(Guid conversationId) =>
        RunAsync("close-conversation", (a, ct) => conversations.CloseAsync(a, conversationId, ct));

    public Task<DeskResult> BookAppointmentAsync(BookAppointmentRequest request) =>
        RunAsync("book-appointment", (a, ct) => appointments.BookAsync(a, request, ct));

    public Task<DeskResult> ConfirmAppointmentAsync(AppointmentActionRequest request) =>
        RunAsync("confirm-appointment", (a, ct) => appointments.ConfirmAsync(a, request, ct));

    public Task<DeskResult> CancelAppointmentAsync(AppointmentActionRequest request) =>
        RunAsync("cancel-appointment", (a, ct) => appointments.CancelAsync(a, request, ct));

    public Task<DeskResult> LinkCallerAsync(LinkCallerRequest request) => RunAsync("link-caller", (a, ct) => patients.LinkCallerAsync(a, request, ct));

    public Task<DeskResult> CreatePatientAsync(CreatePatientRequest request) =>
        RunAsync("create-patient", (a, ct) => patients.CreatePatientAsync(a, request, ct));

    public Task<DeskResult> RecordFollowUpOutcomeAsync(FollowUpOutcomeRequest request) =>
        RunAsync("follow-up-outcome", (a, ct) => followUps.RecordOutcomeAsync(a, request, ct));

    public async Task<DeskScreenPop?> RefreshScreenPopAsync(Guid offerId)
    {
        try
        {
            return await patients.RefreshAsync(Agent, offerId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "refresh-screen-pop");
            return null;
        }
    }

    public async Task<IReadOnlyList<DeskCallback>> GetCallbacksAsync()
    {
        try
        {
            return [.. (await callbacks.ForAgentAsync(Agent, CancellationToken.None)).Select(DeskCallbacks.From)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "get-callbacks");
            return [];
        }
    }

    public async Task<IReadOnlyList<DeskFollowUpTask>> GetFollowUpsAsync()
    {
        try
        {
            return await followUps.ListAsync(Agent, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "get-follow-ups");
            throw new HubException("The follow-up list could not be read now; try again.");
        }
    }

    public async Task<DeskFollowUpDetail?> OpenFollowUpAsync(Guid followUpId)
    {
        try
        {
            return await followUps.OpenAsync(Agent, followUpId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, "open-follow-up");
            throw new HubException("The follow-up could not be read now; try again.");
        }
    }

    public Task<DeskResult> DialFollowUpAsync(Guid followUpId) => RunAsync("dial-follow-up", (a, ct) => followUps.DialAsync(a, followUpId, ct));

    public Task<DeskResult> SetAgentStateAsync(AgentStateRequest request) => RunAsync("agent-state", async (a, ct) =>
        !a.IsSupervisorOrAdmin ? NotSupervisor()
        : request is null ? DeskResult.Fail(DeskErrors.Invalid, "a request is required", "request")
        : Desk(await supervision.SetStateAsync(a, request.AgentId, request.State, request.Reason, ct)));

    public Task<DeskResult> SignOutAgentAsync(Guid agentId) => RunAsync("agent-sign-out", async (a, ct) =>
        a.IsSupervisorOrAdmin ? Desk(await supervision.SignOutAsync(a, agentId, ct)) : NotSupervisor());

    private static DeskResult NotSupervisor() => DeskResult.Fail(DeskErrors.Refused, "only supervisors and admins may act on other agents");

    private static DeskResult Desk(SupervisionResult result) => result.Outcome switch
    {
        SupervisionOutcome.Applied => DeskResult.Success(),
        SupervisionOutcome.Invalid => DeskResult.Fail(DeskErrors.Invalid, result.Reason!, result.Field),
        SupervisionOutcome.NotFound => DeskResult.Fail(DeskErrors.NotFound, result.Reason!, result.Field),
        SupervisionOutcome.Conflict => DeskResult.Fail(DeskErrors.Conflict, result.Reason!, result.Field),
        _ => DeskResult.Fail(DeskErrors.Refused, result.Reason!, result.Field),
    };

    private async Task<DeskResult> RunAsync(string action, Func<Actor, CancellationToken, Task<DeskResult>> work)
    {
        try
        {
            return await work(Agent, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, action);
            return DeskResult.Fail(DeskErrors.Unavailable, "the hub could not do this now; try again");
        }
    }

    [LoggerMessage(LogLevel.Error, "Desk action {Action} failed")]
    private partial void LogFailed(Exception exception, string action);
}
