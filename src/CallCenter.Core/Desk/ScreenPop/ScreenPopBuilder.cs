using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Cases;
using CallCenter.Core.Callbacks;
using CallCenter.Core.Common;
using CallCenter.Core.Ivr;
using CallCenter.Core.Patients;
using CallCenter.Core.Reminders;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk.ScreenPop;

/// <summary>
/// Builds the screen-pop an agent sees with an offer: the patient (within the agent's patient scope: a patient the
/// agent may not see shows nothing, not even the full number), their next appointments, latest interactions, open
/// follow-ups and complaints, their no-shows, what the caller did in the IVR, and for an unknown caller the patients with that number.
/// Every patient shown is a read of their data and audited as the agent.
/// </summary>
public sealed class ScreenPopBuilder(
    ScreenPopReader reader,
    IIvrOutcomeReader ivr,
    NoShowRecords noShows,
    ICaseRepository cases,
    ICallbackRepository callbacks,
    PhoneNumberNormalizer phones,
    IAuditLog audit,
    TimeProvider time)
{
    public const string ReadOperation = "patient.read";
    private const string Complaint = "complaint";

    /// <summary>The kind of a complaint case in the screen-pop's open complaints.</summary>
    public const string ComplaintCaseKind = "complaint-case";

    /// <summary>The name of a patient the agent holds a conversation with, for their desk's list; null when not visible to them.</summary>
    public async Task<string?> PatientNameAsync(Guid patientId, Actor agent, string detail, CancellationToken cancellationToken = default)
    {
        await using var connection = await reader.OpenAsync(cancellationToken);
        var row = await ScreenPopReader.PatientAsync(connection, patientId, cancellationToken);
        var visible = row is not null && PatientAccess.CanSee(agent, row.AssignedUserId);
        await audit.WriteAsync(agent, ReadOperation, patientId, visible ? AuditOutcomes.Success : row is null ? AuditOutcomes.NotFound : AuditOutcomes.Denied, detail, cancellationToken);
        return visible ? row!.FullName : null;
    }

    public async Task<DeskScreenPop> BuildAsync(Offer offer, Actor agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await reader.OpenAsync(cancellationToken);
        var pop = new DeskScreenPop
        {
            CallerNumber = CallerNumbers.Mask(offer.CallerNumber),
            Queue = offer.QueueName,
            WaitedSeconds = (int)Math.Max(0, (now - offer.WaitingSince).TotalSeconds),
            Ivr = offer.CallSid is { } callSid ? IvrSummaries.From(await ivr.FindAsync(connection, callSid, cancellationToken)) : null,
            Callback = offer.CallbackRequestId is { } callbackId && await callbacks.FindAsync(callbackId, cancellationToken) is { } callback
                ? DeskCallbacks.From(callback)
                : null,
        };
        var detail = $"screen-pop offer {offer.Id}";

        if (offer.PatientId is not { } patientId)
        {
            return pop with { Candidates = await CandidatesAsync(connection, offer, agent, cancellationToken) };
        }

        var row = await ScreenPopReader.PatientAsync(connection, patientId, cancellationToken);
        if (row is null || !PatientAccess.CanSee(agent, row.AssignedUserId))
        {
            await audit.WriteAsync(agent, ReadOperation, patientId, row is null ? AuditOutcomes.NotFound : AuditOutcomes.Denied, detail, cancellationToken);
            return pop;
        }

        var rows = await reader.DetailsAsync(connection, patientId, now, cancellationToken);
        var missed = await noShows.ReadAsync(connection, patientId, cancellationToken);
        var complaints = await cases.ActiveForPatientAsync(patientId, cancellationToken);
        await audit.WriteAsync(agent, ReadOperation, patientId, AuditOutcomes.Success, detail, cancellationToken);
        var followUps = rows.FollowUps.Select(ToDesk).ToList();
        return pop with
        {
            Patient = ToDesk(row, rows.Tags),
            CallerNumber = offer.CallerNumber,
            UpcomingAppointments = rows.Appointments.Select(a => new DeskAppointment
            {
                Id = a.Id, StartsAt = DeskTimes.Utc(a.StartsAt), Department = a.Department, Doctor = a.Doctor, Status = a.Status,
            }).ToList(),
            RecentInteractions = rows.Interactions.Select(i => new DeskInteraction
            {
                OccurredAt = DeskTimes.Utc(i.OccurredAt), Kind = i.Kind, Direction = i.Direction, Summary = i.Summary,
            }).ToList(),
            OpenFollowUps = followUps,
            OpenComplaints = [.. complaints.Select(ToDesk), .. followUps.Where(f => f.Kind == Complaint || f.Category == Complaint)],
            NoShows = new DeskNoShows { Total = missed.Total, Recent = missed.Recent, WindowDays = missed.WindowDays, Flagged = missed.Flagged },
        };
    }

    private async Task<IReadOnlyList<DeskPatient>> CandidatesAsync(System.Data.Common.DbConnection connection, Offer offer, Actor agent, CancellationToken cancellationToken)
    {
        if (!phones.TryNormalize(offer.CallerNumber, out var e164, out _))
        {
            return [];
        }

        var visible = (await ScreenPopReader.CandidatesAsync(connection, e164, cancellationToken)).Where(p => PatientAccess.CanSee(agent, p.AssignedUserId)).ToList();
        foreach (var candidate in visible)
        {
            await audit.WriteAsync(agent, ReadOperation, candidate.Id, AuditOutcomes.Success, $"caller-id candidate, offer {offer.Id}", cancellationToken);
        }

        return visible.Select(p => ToDesk(p, [])).ToList();
    }

    private static DeskPatient ToDesk(PatientRow row, IReadOnlyList<string> tags) => new()
    {
        Id = row.Id,
        FullName = row.FullName,
        Mrn = row.Mrn,
        DateOfBirth = row.DateOfBirth,
        Sex = row.Gender,
        Language = row.PreferredLanguage,
        Tags = tags,
    };

    private static DeskFollowUp ToDesk(ComplaintCase row) => new()
    {
        Id = row.Id,
        Kind = ComplaintCaseKind,
        Category = row.Category,
        CreatedAt = DeskTimes.Utc(row.CreatedAt),
        Status = row.Status,
        Severity = row.Severity,
        DueAt = DeskTimes.Utc(row.ResolutionDueAt),
    };

    private static DeskFollowUp ToDesk(FollowUpRow row) => new()
    {
        Id = row.Id, Kind = row.Kind, Category = row.Category, CreatedAt = DeskTimes.Utc(row.CreatedAt), Status = row.Status,
    };
}
