using Ivr.Flows.Services;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// Flow ports for test hubs while the hub's own adapters (AddIvrPorts) are not registered: fixed queue, department
/// and endpoint names, no patients, no appointments; actions that would change the world are refused.
/// ApiFactory adds them with TryAdd, so the real adapters win once they are there.
/// </summary>
internal sealed class TestFlowPorts(TimeProvider time) : IPatientDirectory, IAppointmentDesk, IQueueDesk, IFollowUpDesk, IFlowMessenger, IHttpConnector, ISmsInbox
{
    public static readonly IReadOnlySet<string> Queues = new HashSet<string>(StringComparer.Ordinal) { "general", "complaints" };
    public static readonly IReadOnlySet<string> Departments = new HashSet<string>(StringComparer.Ordinal) { "cardiology" };

    public FlowServices Services => new(time, this, this, this, this, this, this, this);

    public IReadOnlySet<string> EndpointNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "his" };

    public Task<CallerProfile?> FindByPhoneAsync(string phoneE164, CancellationToken cancellationToken) => Task.FromResult<CallerProfile?>(null);

    public Task<VerificationResult> VerifyAsync(Guid? patientId, VerificationMethod method, string typed, CancellationToken cancellationToken) =>
        Task.FromResult(new VerificationResult(false, null));

    public Task<AppointmentSummary?> NextAsync(Guid patientId, CancellationToken cancellationToken) => Task.FromResult<AppointmentSummary?>(null);

    public Task<AppointmentActionResult> ConfirmAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) => NotFound();

    public Task<AppointmentActionResult> CancelAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) => NotFound();

    public Task<IReadOnlyList<SlotOffer>> FreeSlotsAsync(string departmentCode, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SlotOffer>>([]);

    public Task<AppointmentActionResult> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken) => NotFound();

    public Task<IReadOnlySet<string>> DepartmentCodesAsync(CancellationToken cancellationToken) => Task.FromResult(Departments);

    public Task<IReadOnlySet<string>> QueueNamesAsync(CancellationToken cancellationToken) => Task.FromResult(Queues);

    public Task<QueueStatus> StatusAsync(string queue, CancellationToken cancellationToken) => Task.FromResult(new QueueStatus(queue, 0, 1, 0, 0));

    public Task<QueuePlacement> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new QueuePlacement(request.Queue, 1, 0, time.GetUtcNow()));

    public Task<QueuePlacement?> PlacementAsync(string callSid, CancellationToken cancellationToken) => Task.FromResult<QueuePlacement?>(null);

    public Task RequestCallbackAsync(CallbackRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LeaveAsync(string callSid, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken) => Task.FromResult(Guid.Empty);

    public Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken) => Task.FromResult(new SendResult(false, "test hub"));

    public Task<HttpCallResult> CallAsync(HttpCallRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpCallResult(false, null, new Dictionary<string, string?>(), "test hub"));

    public Task SetSmsConsentAsync(string phoneE164, bool granted, string keyword, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<PendingReply?> PendingReplyAsync(string phoneE164, CancellationToken cancellationToken) => Task.FromResult<PendingReply?>(null);

    public Task StoreSurveyAnswerAsync(SurveyAnswer answer, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CloseReplyAsync(Guid pendingReplyId, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Guid> OpenConversationAsync(ConversationMessage message, CancellationToken cancellationToken) => Task.FromResult(Guid.Empty);

    private static Task<AppointmentActionResult> NotFound() => Task.FromResult(new AppointmentActionResult(false, "not-found"));
}
