using Ivr.Flows.Services;

namespace CallCenter.Benchmarks;

/// <summary>
/// Ports that answer at once from memory, so the flow benchmarks measure the engine and TwiML, not a database.
/// One known patient with one appointment; every queue has two callers ahead.
/// </summary>
internal sealed class FlowBenchWorld : IPatientDirectory, IAppointmentBook, IQueueLine, IFollowUps, IFlowMessenger, IHttpConnector, ISmsInbox
{
    private static readonly Guid PatientId = Guid.Parse("0190f0f0-0000-7000-8000-0000000000aa");
    private static readonly CallerProfile Patient = new(PatientId, "王小明", "小明", "zh-CN", ["VIP"]);
    private static readonly IReadOnlySet<string> Queues = new HashSet<string>(["appointments", "test-results", "complaints", "general"]);
    private static readonly IReadOnlySet<string> Departments = new HashSet<string>(["IM", "SURG", "PED", "OBGYN", "OPH"]);
    private readonly AppointmentSummary _appointment;
    private readonly IReadOnlyList<SlotOffer> _slots;

    public FlowBenchWorld(TimeProvider time)
    {
        Time = time;
        var tomorrow = time.GetUtcNow().AddDays(1);
        _appointment = new AppointmentSummary(Guid.NewGuid(), tomorrow, "booked", "IM", "内科", "张建国");
        _slots = [.. Enumerable.Range(0, 3).Select(i => new SlotOffer(Guid.NewGuid(), tomorrow.AddMinutes(30 * i), "IM", "内科", "张建国"))];
    }

    public TimeProvider Time { get; }

    public FlowServices Services => new(Time, this, this, this, this, this, this, this);

    public IReadOnlySet<string> EndpointNames { get; } = new HashSet<string>();

    public Task<CallerProfile?> FindByPhoneAsync(string phoneE164, CancellationToken cancellationToken) => Task.FromResult<CallerProfile?>(Patient);

    public Task<IdentifierCheck> CheckIdentifierAsync(VerificationAttempt attempt, VerificationMethod method, string typed, CancellationToken cancellationToken) =>
        Task.FromResult(new IdentifierCheck(Patient.PatientId));

    public Task<VerificationResult> VerifyBirthDateAsync(VerificationAttempt attempt, Guid? candidate, string typed, CancellationToken cancellationToken) =>
        Task.FromResult(new VerificationResult(true, Patient));

    public Task<AppointmentSummary?> NextAsync(Guid patientId, CancellationToken cancellationToken) => Task.FromResult<AppointmentSummary?>(_appointment);

    public Task<AppointmentActionResult> ConfirmAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) =>
        Task.FromResult(new AppointmentActionResult(true, null, _appointment with { Status = "confirmed" }));

    public Task<AppointmentActionResult> CancelAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) =>
        Task.FromResult(new AppointmentActionResult(true, null, _appointment with { Status = "cancelled" }));

    public Task<IReadOnlyList<SlotOffer>> FreeSlotsAsync(string departmentCode, int count, CancellationToken cancellationToken) => Task.FromResult(_slots);

    public Task<AppointmentActionResult> AnswerOfferAsync(Guid pendingReplyId, bool accept, CancellationToken cancellationToken) =>
        Task.FromResult(new AppointmentActionResult(false, "expired"));

    public Task<AppointmentActionResult> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken) =>
        Task.FromResult(new AppointmentActionResult(true, null, _appointment));

    public Task<IReadOnlySet<string>> DepartmentCodesAsync(CancellationToken cancellationToken) => Task.FromResult(Departments);

    public Task<IReadOnlySet<string>> QueueNamesAsync(CancellationToken cancellationToken) => Task.FromResult(Queues);

    public Task<QueueStatus> StatusAsync(string queue, CancellationToken cancellationToken) => Task.FromResult(new QueueStatus(queue, 2, 1, 120, 60));

    public Task<QueuePlacement> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new QueuePlacement(request.Queue, 3, 180, Time.GetUtcNow()));

    public Task<QueuePlacement?> PlacementAsync(string callSid, CancellationToken cancellationToken) =>
        Task.FromResult<QueuePlacement?>(new QueuePlacement("general", 3, 180, Time.GetUtcNow()));

    public Task RequestCallbackAsync(CallbackRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LeaveAsync(string callSid, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken) => Task.FromResult(Guid.Empty);

    public Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken) => Task.FromResult(new SendResult(true));

    public Task<HttpCallResult> CallAsync(HttpCallRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpCallResult(false, null, new Dictionary<string, string?>(), "not configured"));

    public Task SetSmsConsentAsync(string phoneE164, bool granted, string keyword, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<PendingReply?> PendingReplyAsync(string phoneE164, CancellationToken cancellationToken) => Task.FromResult<PendingReply?>(null);

    public Task StoreSurveyAnswerAsync(SurveyAnswer answer, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CloseReplyAsync(Guid pendingReplyId, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Guid> OpenConversationAsync(ConversationMessage message, CancellationToken cancellationToken) => Task.FromResult(Guid.Empty);
}
