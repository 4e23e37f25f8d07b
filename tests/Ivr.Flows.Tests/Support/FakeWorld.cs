using Ivr.Flows.Services;

namespace Ivr.Flows.Tests.Support;

/// <summary>
/// In-memory implementations of every port the engine uses, with what tests need to arrange and inspect: patients,
/// appointments, slots, queues, voicemails, sent SMS, HTTP answers, consent changes, conversations.
/// </summary>
internal sealed class FakeWorld : IPatientDirectory, IAppointmentBook, IQueueLine, IFollowUps, IFlowMessenger, IHttpConnector, ISmsInbox
{
    public FakeWorld(TimeProvider time)
    {
        Time = time;
    }

    public TimeProvider Time { get; }

    public Dictionary<string, CallerProfile> PatientsByPhone { get; } = new(StringComparer.Ordinal);

    /// <summary>Who verifies with which (medical record number, date of birth YYYYMMDD).</summary>
    public Dictionary<(string Mrn, string BirthDate), CallerProfile> Verifications { get; } = [];

    /// <summary>Calling numbers whose attempts are refused (the hub's limit on failed attempts, reached).</summary>
    public HashSet<string> LockedOutNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every verification question put to the directory, in order.</summary>
    public List<VerificationAttempt> VerificationAttempts { get; } = [];

    public Dictionary<Guid, AppointmentSummary> NextAppointments { get; } = [];

    public List<(string Action, Guid PatientId, Guid Id)> AppointmentActions { get; } = [];

    public Dictionary<string, List<SlotOffer>> FreeSlots { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Departments { get; } = new(StringComparer.Ordinal) { "cardiology", "pediatrics" };

    public HashSet<string> Queues { get; } = new(StringComparer.Ordinal) { "appointments", "test-results", "complaints", "general" };

    public Dictionary<string, QueueStatus> QueueStatuses { get; } = new(StringComparer.Ordinal);

    public List<QueueRequest> Enqueued { get; } = [];

    public List<CallbackRequest> Callbacks { get; } = [];

    public List<(string CallSid, string Reason)> Left { get; } = [];

    public List<VoicemailTask> Voicemails { get; } = [];

    public List<OutgoingSms> SentSms { get; } = [];

    public Dictionary<string, HttpCallResult> HttpAnswers { get; } = new(StringComparer.Ordinal);

    public List<HttpCallRequest> HttpCalls { get; } = [];

    public HashSet<string> Endpoints { get; } = new(StringComparer.Ordinal) { "his" };

    public List<(string Phone, bool Granted, string Keyword)> ConsentChanges { get; } = [];

    public Dictionary<string, PendingReply> PendingReplies { get; } = new(StringComparer.Ordinal);

    public List<(Guid Id, string Outcome)> ClosedReplies { get; } = [];

    public List<SurveyAnswer> SurveyAnswers { get; } = [];

    public List<ConversationMessage> Conversations { get; } = [];

    /// <summary>Set to make every port call throw, to test the engine's error path.</summary>
    public Exception? Failure { get; set; }

    public FlowServices Services => new(Time, this, this, this, this, this, this, this);

    IReadOnlySet<string> IHttpConnector.EndpointNames => Endpoints;

    public Task<CallerProfile?> FindByPhoneAsync(string phoneE164, CancellationToken cancellationToken) =>
        Answer(PatientsByPhone.GetValueOrDefault(phoneE164));

    public Task<IdentifierCheck> CheckIdentifierAsync(VerificationAttempt attempt, VerificationMethod method, string typed, CancellationToken cancellationToken)
    {
        VerificationAttempts.Add(attempt);
        return Answer(LockedOutNumbers.Contains(attempt.CallerNumber ?? string.Empty)
            ? new IdentifierCheck(null, LockedOut: true)
            : new IdentifierCheck(Verifications.Where(v => v.Key.Mrn == typed).Select(v => (Guid?)v.Value.PatientId).FirstOrDefault()));
    }

    public Task<VerificationResult> VerifyBirthDateAsync(VerificationAttempt attempt, Guid? candidate, string typed, CancellationToken cancellationToken)
    {
        VerificationAttempts.Add(attempt);
        var match = Verifications.Where(v => v.Value.PatientId == candidate && v.Key.BirthDate == typed).Select(v => v.Value).FirstOrDefault();
        return Answer(match is null ? new VerificationResult(false, null) : new VerificationResult(true, match));
    }

    public Task<AppointmentSummary?> NextAsync(Guid patientId, CancellationToken cancellationToken) =>
        Answer(NextAppointments.GetValueOrDefault(patientId));

    public Task<AppointmentActionResult> ConfirmAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) =>
        Act("confirm", patientId, appointmentId, "confirmed");

    public Task<AppointmentActionResult> CancelAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken) =>
        Act("cancel", patientId, appointmentId, "cancelled");

    /// <summary>What each pending reply of a waitlist offer answers when accepted: reason null books, else "taken" or "expired".</summary>
    public Dictionary<Guid, string?> OfferOutcomes { get; } = [];

    public Task<AppointmentActionResult> AnswerOfferAsync(Guid pendingReplyId, bool accept, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        AppointmentActions.Add((accept ? "accept-offer" : "decline-offer", Guid.Empty, pendingReplyId));
        var reason = OfferOutcomes.GetValueOrDefault(pendingReplyId, "expired");
        return Task.FromResult(!accept ? new AppointmentActionResult(true, "declined") : reason is null ? new AppointmentActionResult(true) : new AppointmentActionResult(false, reason));
    }

    public Task<IReadOnlyList<SlotOffer>> FreeSlotsAsync(string departmentCode, int count, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<SlotOffer>>(FreeSlots.GetValueOrDefault(departmentCode)?.Take(count).ToList() ?? []);

    public Task<AppointmentActionResult> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        var slot = FreeSlots.Values.SelectMany(s => s).FirstOrDefault(s => s.SlotId == slotId);
        if (slot is null)
        {
            return Task.FromResult(new AppointmentActionResult(false, "full"));
        }

        AppointmentActions.Add(("book", patientId, slotId));
        foreach (var list in FreeSlots.Values)
        {
            list.Remove(slot);
        }

        var booked = new AppointmentSummary(Guid.NewGuid(), slot.StartsAt, "booked", slot.DepartmentCode, slot.DepartmentName, slot.DoctorName);
        return Task.FromResult(new AppointmentActionResult(true, null, booked));
    }

    public Task<IReadOnlySet<string>> DepartmentCodesAsync(CancellationToken cancellationToken) => Answer<IReadOnlySet<string>>(Departments);

    public Task<IReadOnlySet<string>> QueueNamesAsync(CancellationToken cancellationToken) => Answer<IReadOnlySet<string>>(Queues);

    public Task<QueueStatus> StatusAsync(string queue, CancellationToken cancellationToken) =>
        Answer(QueueStatuses.GetValueOrDefault(queue) ?? new QueueStatus(queue, Enqueued.Count(e => e.Queue == queue), 1, 60, 0));

    public Task<QueuePlacement> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (!Enqueued.Any(e => e.CallSid == request.CallSid))
        {
            Enqueued.Add(request);
        }

        return Task.FromResult(Placement(request.CallSid)!);
    }

    public Task<QueuePlacement?> PlacementAsync(string callSid, CancellationToken cancellationToken) => Answer(Placement(callSid));

    public Task RequestCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (!Callbacks.Any(c => c.CallSid == request.CallSid))
        {
            Callbacks.Add(request);
        }

        return Task.CompletedTask;
    }

    public Task LeaveAsync(string callSid, string reason, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Left.Add((callSid, reason));
        return Task.CompletedTask;
    }

    public Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Voicemails.Add(voicemail);
        return Task.FromResult(Guid.NewGuid());
    }

    public Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        SentSms.Add(sms);
        return Task.FromResult(new SendResult(true));
    }

    public Task<HttpCallResult> CallAsync(HttpCallRequest request, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        HttpCalls.Add(request);
        return Task.FromResult(HttpAnswers.GetValueOrDefault(request.Endpoint)
            ?? new HttpCallResult(false, null, new Dictionary<string, string?>(), "timeout"));
    }

    public Task SetSmsConsentAsync(string phoneE164, bool granted, string keyword, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        ConsentChanges.Add((phoneE164, granted, keyword));
        return Task.CompletedTask;
    }

    public Task<PendingReply?> PendingReplyAsync(string phoneE164, CancellationToken cancellationToken) =>
        Answer(PendingReplies.GetValueOrDefault(phoneE164));

    public Task StoreSurveyAnswerAsync(SurveyAnswer answer, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        SurveyAnswers.Add(answer);
        return Task.CompletedTask;
    }

    public Task CloseReplyAsync(Guid pendingReplyId, string outcome, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        ClosedReplies.Add((pendingReplyId, outcome));
        foreach (var key in PendingReplies.Where(p => p.Value.Id == pendingReplyId).Select(p => p.Key).ToList())
        {
            PendingReplies.Remove(key);
        }

        return Task.CompletedTask;
    }

    public Task<Guid> OpenConversationAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Conversations.Add(message);
        return Task.FromResult(Guid.NewGuid());
    }

    private QueuePlacement? Placement(string callSid)
    {
        var entry = Enqueued.FirstOrDefault(e => e.CallSid == callSid);
        if (entry is null || Left.Any(l => l.CallSid == callSid) || Callbacks.Any(c => c.CallSid == callSid))
        {
            return null;
        }

        var position = Enqueued.Where(e => e.Queue == entry.Queue).TakeWhile(e => e.CallSid != callSid).Count() + 1;
        return new QueuePlacement(entry.Queue, position, position * 60, Time.GetUtcNow());
    }

    private Task<AppointmentActionResult> Act(string action, Guid patientId, Guid appointmentId, string status)
    {
        ThrowIfFailing();
        if (!NextAppointments.TryGetValue(patientId, out var appointment) || appointment.AppointmentId != appointmentId)
        {
            return Task.FromResult(new AppointmentActionResult(false, "not-found"));
        }

        AppointmentActions.Add((action, patientId, appointmentId));
        var changed = appointment with { Status = status };
        NextAppointments[patientId] = changed;
        return Task.FromResult(new AppointmentActionResult(true, null, changed));
    }

    private Task<T> Answer<T>(T value)
    {
        ThrowIfFailing();
        return Task.FromResult(value);
    }

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
