namespace AgentDesk.Contracts;

/// <summary>
/// What an agent's client may ask of the hub (client to server). Every method is checked on the server: an agent
/// acts only on the calls, conversations and patients offered to them, and every action is audited. Each answers a
/// <see cref="DeskResult"/> instead of throwing, so a refused action reaches the agent with its reason.
/// </summary>
public interface IAgentDeskHub
{
    /// <summary>The agent's whole desk: state, ringing offers, the call in hand, held conversations. Sent again after a reconnect.</summary>
    Task<DeskSnapshot> GetDeskAsync();

    /// <summary>available, break (with a reason), offline; or "end-wrap-up".</summary>
    Task<DeskResult> SetStateAsync(SetStateRequest request);

    Task<DeskResult> AcceptAsync(Guid offerId);

    Task<DeskResult> DeclineAsync(Guid offerId);

    Task<DeskResult> HoldAsync(string callSid);

    Task<DeskResult> ResumeAsync(string callSid);

    Task<DeskResult> TransferAsync(TransferRequest request);

    Task<DeskResult> HangUpAsync(string callSid);

    /// <summary>Ends after-call work with a disposition and notes, written to the patient's timeline.</summary>
    Task<DeskResult> WrapUpAsync(WrapUpRequest request);

    Task<DeskResult> ScheduleCallbackAsync(ScheduleCallbackRequest request);

    Task<DeskResult> SendSmsAsync(SendSmsRequest request);

    /// <summary>Closes an SMS conversation the agent holds, freeing SMS capacity.</summary>
    Task<DeskResult> CloseConversationAsync(Guid conversationId);

    Task<DeskResult> BookAppointmentAsync(BookAppointmentRequest request);

    Task<DeskResult> ConfirmAppointmentAsync(AppointmentActionRequest request);

    Task<DeskResult> CancelAppointmentAsync(AppointmentActionRequest request);

    /// <summary>Links the unknown caller of the agent's call or conversation to an existing patient.</summary>
    Task<DeskResult> LinkCallerAsync(LinkCallerRequest request);

    /// <summary>Creates a patient for the unknown caller and links them.</summary>
    Task<DeskResult> CreatePatientAsync(CreatePatientRequest request);

    /// <summary>Records an attempt at a follow-up on the agent's call list (also <c>POST /api/follow-ups/{id}/outcome</c>).</summary>
    Task<DeskResult> RecordFollowUpOutcomeAsync(FollowUpOutcomeRequest request);

    /// <summary>The screen-pop of the patient the agent is serving, refreshed (after an action, or on demand).</summary>
    Task<DeskScreenPop?> RefreshScreenPopAsync(Guid offerId);

    /// <summary>The agent's own open callbacks (promised by them or given to them by a supervisor), soonest first.</summary>
    Task<IReadOnlyList<DeskCallback>> GetCallbacksAsync();

    /// <summary>
    /// The agent's follow-up call list: open follow-ups assigned to them or to no one (their department's queue), of
    /// patients they may see, the earliest due first. Audited.
    /// </summary>
    Task<IReadOnlyList<DeskFollowUpTask>> GetFollowUpsAsync();

    /// <summary>One follow-up of the call list with the patient's screen-pop and the questionnaire; null when not on the agent's list.</summary>
    Task<DeskFollowUpDetail?> OpenFollowUpAsync(Guid followUpId);

    /// <summary>
    /// Calls the patient of a follow-up through the carrier, agent first: the agent's phone rings, and once they answer
    /// the patient is dialled. <see cref="DeskResult.CreatedId"/> is the call's SID.
    /// </summary>
    Task<DeskResult> DialFollowUpAsync(Guid followUpId);

    /// <summary>
    /// Supervisors and admins: puts another agent on break (reason required) or offline, as the agent could
    /// (refused during a call or a ringing offer). Audited as <c>desk.agent-state</c>.
    /// </summary>
    Task<DeskResult> SetAgentStateAsync(AgentStateRequest request);

    /// <summary>
    /// Supervisors and admins: signs an agent out: offline, their desk connections told (<see cref="IAgentDeskClient.SignedOut"/>)
    /// and closed, their tokens refused from now on. Refused during a call or a ringing offer. Audited as <c>desk.agent-sign-out</c>.
    /// </summary>
    Task<DeskResult> SignOutAgentAsync(Guid agentId);
}
