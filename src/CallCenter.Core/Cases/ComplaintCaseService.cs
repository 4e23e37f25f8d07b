using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Cases;

/// <summary>
/// Complaint and dispute cases (投诉管理): open (from the desk, the IVR, a low survey score or the API), read, list,
/// move through the allowed statuses, assign, annotate and link calls and messages. A case of a patient follows the
/// patient's scope (a patient assigned to a consultant: that consultant, supervisors and admins; others get
/// not-found), and every read and change writes an audit row with the case's patient.
/// </summary>
public sealed class ComplaintCaseService(
    ICaseRepository cases,
    IPatientScopeReader patients,
    IDepartmentRepository departments,
    IUserRepository users,
    PhoneNumberNormalizer phones,
    IAuditLog audit,
    IOptionsMonitor<CaseOptions> options,
    TimeProvider time)
{
    public const int MaxCategoryLength = 40;
    public const int MaxOriginKeyLength = 200;

    /// <summary>
    /// Opens a case (or, for an <see cref="CaseOpening.OriginKey"/> seen before, returns the case it opened). Its due
    /// times follow from its severity (<see cref="CaseOptions.DueTimes"/>). Bad input answers Invalid naming the field;
    /// a patient the actor may not see is "no such patient".
    /// </summary>
    public async Task<CaseResult<ComplaintCase>> OpenAsync(Actor actor, CaseOpening opening, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(opening);
        var settings = options.CurrentValue;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var description = opening.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            Add(errors, "description", "is required");
        }
        else if (description.Length > CaseOptions.MaxDescriptionLength)
        {
            Add(errors, "description", $"must be at most {CaseOptions.MaxDescriptionLength} characters");
        }

        if (opening.Category is null || !settings.EffectiveCategories.Contains(opening.Category, StringComparer.Ordinal))
        {
            Add(errors, "category", "must be one of " + string.Join(", ", settings.EffectiveCategories));
        }

        if (opening.Severity is null || !CaseSeverities.All.Contains(opening.Severity, StringComparer.Ordinal))
        {
            Add(errors, "severity", "must be one of " + string.Join(", ", CaseSeverities.All));
        }

        if (!CaseSources.All.Contains(opening.Source, StringComparer.Ordinal))
        {
            Add(errors, "source", "must be one of " + string.Join(", ", CaseSources.All));
        }

        if (opening.OriginKey is { Length: 0 or > MaxOriginKeyLength })
        {
            Add(errors, "originKey", $"must be 1 to {MaxOriginKeyLength} characters");
        }

        string? callerNumber = null;
        if (!string.IsNullOrWhiteSpace(opening.CallerNumber))
        {
            if (phones.TryNormalize(opening.CallerNumber, out var e164, out var reason))
            {
                callerNumber = e164;
            }
            else
            {
                Add(errors, "callerNumber", reason);
            }
        }

        if (opening.PatientId is null && callerNumber is null)
        {
            Add(errors, "patientId", "is required when there is no caller number");
        }

        if (errors.Count > 0)
        {
            return CaseResults.Invalid<ComplaintCase>(errors);
        }

        if (opening.PatientId is { } patientId && !await CanSeePatientAsync(actor, patientId, CaseAuditOperations.Open, cancellationToken))
        {
            Add(errors, "patientId", "no such patient");
        }

        if (opening.DepartmentId is { } departmentId && await departments.FindAsync(departmentId, cancellationToken) is null)
        {
            Add(errors, "departmentId", "no such department");
        }

        if (opening.OwnerId is { } ownerId && await OwnerProblemAsync(ownerId, cancellationToken) is { } ownerProblem)
        {
            Add(errors, "ownerId", ownerProblem);
        }

        var links = new List<(string Kind, string Sid, string Field)>();
        if (!string.IsNullOrWhiteSpace(opening.CallSid))
        {
            links.Add((CaseLinkKinds.Call, opening.CallSid.Trim(), "callSid"));
        }

        if (!string.IsNullOrWhiteSpace(opening.MessageSid))
        {
            links.Add((CaseLinkKinds.Message, opening.MessageSid.Trim(), "messageSid"));
        }

        foreach (var (kind, sid, field) in links)
        {
            if (sid.Length > 64 || !await cases.SidExistsAsync(kind, sid, cancellationToken))
            {
                Add(errors, field, $"no such {kind}");
            }
        }

        if (errors.Count > 0)
        {
            return CaseResults.Invalid<ComplaintCase>(errors);
        }

        if (opening.OriginKey is { } origin && await cases.FindByOriginAsync(origin, cancellationToken) is { } earlier)
        {
            await audit.WriteAsync(actor, CaseAuditOperations.Open, earlier.PatientId, AuditOutcomes.Success, $"case {earlier.Id} from {earlier.Source} (repeat)", cancellationToken);
            return CaseResults.Ok<ComplaintCase>(earlier);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var due = settings.DueFor(opening.Severity!);
        var complaint = new ComplaintCase
        {
            Id = Ids.New(time),
            PatientId = opening.PatientId,
            CallerNumber = callerNumber,
            DepartmentId = opening.DepartmentId,
            Category = opening.Category!,
            Severity = opening.Severity!,
            Description = description!,
            Status = CaseStatuses.Open,
            OwnerId = opening.OwnerId,
            Source = opening.Source,
            OriginKey = opening.OriginKey,
            FirstResponseDueAt = now + due.FirstResponse,
            ResolutionDueAt = now + due.Resolution,
            CreatedBy = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var opened = Entry(actor, complaint.Id, CaseNoteKinds.Opened, $"opened from {complaint.Source}, severity {complaint.Severity}", now);
        var stored = await cases.TryAddAsync(
            complaint, opened, links.Select(l => new CaseLink { CaseId = complaint.Id, Kind = l.Kind, Sid = l.Sid, CreatedAt = now }).ToList(), cancellationToken);
        if (!stored)
        {
            var winner = await cases.FindByOriginAsync(complaint.OriginKey!, cancellationToken)
                ?? throw new InvalidOperationException("A case with this origin key was reported and then not found.");
            await audit.WriteAsync(actor, CaseAuditOperations.Open, winner.PatientId, AuditOutcomes.Success, $"case {winner.Id} from {winner.Source} (repeat)", cancellationToken);
            return CaseResults.Ok<ComplaintCase>(winner);
        }

        await audit.WriteAsync(actor, CaseAuditOperations.Open, complaint.PatientId, AuditOutcomes.Success, $"case {complaint.Id} from {complaint.Source}", cancellationToken);
        return CaseResults.Ok<ComplaintCase>(await cases.FindAsync(complaint.Id, cancellationToken) ?? complaint);
    }

    /// <summary>The case with its history and links; not found (and audited as such) outside the actor's scope.</summary>
    public async Task<CaseResult<CaseDetails>> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        var complaint = await VisibleAsync(actor, id, CaseAuditOperations.Read, cancellationToken);
        if (complaint is null)
        {
            return CaseResults.NotFound<CaseDetails>();
        }

        var details = new CaseDetails(complaint, await cases.NotesAsync(id, cancellationToken), await cases.LinksAsync(id, cancellationToken));
        await audit.WriteAsync(actor, CaseAuditOperations.Read, complaint.PatientId, AuditOutcomes.Success, $"case {id}", cancellationToken);
        return CaseResults.Ok<CaseDetails>(details);
    }

    /// <summary>A page of the cases the actor may see, newest first; one audit row for the list and one per patient's case shown.</summary>
    public async Task<CaseResult<Page<ComplaintCase>>> ListAsync(Actor actor, CaseQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (page.Validate() is { } bad)
        {
            return CaseResults.Invalid<Page<ComplaintCase>>(bad.Field, bad.Reason);
        }

        if (query.Status is { } status && !CaseStatuses.All.Contains(status, StringComparer.Ordinal))
        {
            return CaseResults.Invalid<Page<ComplaintCase>>("status", "must be one of " + string.Join(", ", CaseStatuses.All));
        }

        if (query.Severity is { } severity && !CaseSeverities.All.Contains(severity, StringComparer.Ordinal))
        {
            return CaseResults.Invalid<Page<ComplaintCase>>("severity", "must be one of " + string.Join(", ", CaseSeverities.All));
        }

        var found = await cases.ListAsync(query, CaseViewer.Of(actor), time.GetUtcNow().UtcDateTime, page, cancellationToken);
        var filters = string.Join('+', new[]
        {
            query.Status is null ? null : "status", query.DepartmentId is null ? null : "department", query.Severity is null ? null : "severity",
            query.OwnerId is null ? null : "owner", query.PatientId is null ? null : "patient", query.Overdue is null ? null : "overdue",
        }.OfType<string>());
        await audit.WriteAsync(actor, CaseAuditOperations.List, null, AuditOutcomes.Success,
            $"by {(filters.Length == 0 ? "nothing" : filters)}, page {page.Page}, {found.Items.Count} results", cancellationToken);
        foreach (var listed in found.Items.Where(c => c.PatientId is not null))
        {
            await audit.WriteAsync(actor, CaseAuditOperations.List, listed.PatientId, AuditOutcomes.Success, $"case {listed.Id} listed", cancellationToken);
        }

        return CaseResults.Ok<Page<ComplaintCase>>(found);
    }

    /// <summary>Moves the case to <paramref name="status"/> if the move is allowed (<see cref="CaseStatuses.NextOf"/>), with an optional note.</summary>
    public async Task<CaseResult<ComplaintCase>> ChangeStatusAsync(Actor actor, Guid id, string? status, string? note, CancellationToken cancellationToken = default)
    {
        if (status is null || !CaseStatuses.All.Contains(status, StringComparer.Ordinal))
        {
            return CaseResults.Invalid<ComplaintCase>("status", "must be one of " + string.Join(", ", CaseStatuses.All));
        }

        var text = note?.Trim();
        if (text is { Length: > CaseOptions.MaxNoteLength })
        {
            return CaseResults.Invalid<ComplaintCase>("note", $"must be at most {CaseOptions.MaxNoteLength} characters");
        }

        var complaint = await VisibleAsync(actor, id, CaseAuditOperations.Status, cancellationToken);
        if (complaint is null)
        {
            return CaseResults.NotFound<ComplaintCase>();
        }

        if (!CaseStatuses.CanMove(complaint.Status, status))
        {
            var allowed = CaseStatuses.NextOf(complaint.Status);
            await audit.WriteAsync(actor, CaseAuditOperations.Status, complaint.PatientId, AuditOutcomes.Failed, $"case {id} {complaint.Status} -> {status} not allowed", cancellationToken);
            return CaseResults.Invalid<ComplaintCase>("status", $"a {complaint.Status} case cannot become {status}; allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var body = string.IsNullOrEmpty(text) ? $"{complaint.Status} -> {status}" : $"{complaint.Status} -> {status}: {text}";
        if (!await cases.MoveAsync(id, complaint.Status, status, Entry(actor, id, CaseNoteKinds.Status, body, now), cancellationToken))
        {
            return CaseResults.Conflict<ComplaintCase>("The case changed meanwhile; read it again.");
        }

        await audit.WriteAsync(actor, CaseAuditOperations.Status, complaint.PatientId, AuditOutcomes.Success, $"case {id} {complaint.Status} -> {status}", cancellationToken);
        return CaseResults.Ok<ComplaintCase>((await cases.FindAsync(id, cancellationToken))!);
    }

    /// <summary>Gives the case to an active staff account (null: nobody). A closed case keeps its owner.</summary>
    public async Task<CaseResult<ComplaintCase>> AssignAsync(Actor actor, Guid id, Guid? ownerId, CancellationToken cancellationToken = default)
    {
        if (ownerId is { } candidate && await OwnerProblemAsync(candidate, cancellationToken) is { } problem)
        {
            return CaseResults.Invalid<ComplaintCase>("ownerId", problem);
        }

        var complaint = await VisibleAsync(actor, id, CaseAuditOperations.Assign, cancellationToken);
        if (complaint is null)
        {
            return CaseResults.NotFound<ComplaintCase>();
        }

        if (complaint.Status == CaseStatuses.Closed)
        {
            return CaseResults.Invalid<ComplaintCase>("ownerId", "the case is closed");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var owner = ownerId is { } given ? (await users.FindByIdAsync(given, cancellationToken))!.UserName : null;
        var entry = Entry(actor, id, CaseNoteKinds.Owner, owner is null ? "owner removed" : $"owner {owner}", now);
        if (!await cases.AssignAsync(id, ownerId, complaint.Status, entry, cancellationToken))
        {
            return CaseResults.Conflict<ComplaintCase>("The case changed meanwhile; read it again.");
        }

        await audit.WriteAsync(actor, CaseAuditOperations.Assign, complaint.PatientId, AuditOutcomes.Success, $"case {id} owner {ownerId?.ToString() ?? "none"}", cancellationToken);
        return CaseResults.Ok<ComplaintCase>((await cases.FindAsync(id, cancellationToken))!);
    }

    /// <summary>Adds a note to the history; the first note on an active case is its first response.</summary>
    public async Task<CaseResult<CaseNote>> AddNoteAsync(Actor actor, Guid id, string? body, CancellationToken cancellationToken = default)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return CaseResults.Invalid<CaseNote>("body", "is required");
        }

        if (text.Length > CaseOptions.MaxNoteLength)
        {
            return CaseResults.Invalid<CaseNote>("body", $"must be at most {CaseOptions.MaxNoteLength} characters");
        }

        var complaint = await VisibleAsync(actor, id, CaseAuditOperations.Note, cancellationToken);
        if (complaint is null)
        {
            return CaseResults.NotFound<CaseNote>();
        }

        var note = Entry(actor, id, CaseNoteKinds.Note, text, time.GetUtcNow().UtcDateTime);
        await cases.AddNoteAsync(note, cancellationToken);
        await audit.WriteAsync(actor, CaseAuditOperations.Note, complaint.PatientId, AuditOutcomes.Success, $"case {id} note {note.Id}", cancellationToken);
        return CaseResults.Ok<CaseNote>(note);
    }

    /// <summary>Links a call (CallSid) or message (MessageSid) the hub has; linking one twice changes nothing.</summary>
    public async Task<CaseResult<CaseLink>> LinkAsync(Actor actor, Guid id, string? kind, string? sid, CancellationToken cancellationToken = default)
    {
        if (kind is null || !CaseLinkKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            return CaseResults.Invalid<CaseLink>("kind", "must be one of " + string.Join(", ", CaseLinkKinds.All));
        }

        var trimmed = sid?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 64)
        {
            return CaseResults.Invalid<CaseLink>("sid", "is required (at most 64 characters)");
        }

        var complaint = await VisibleAsync(actor, id, CaseAuditOperations.Link, cancellationToken);
        if (complaint is null)
        {
            return CaseResults.NotFound<CaseLink>();
        }

        if (!await cases.SidExistsAsync(kind, trimmed, cancellationToken))
        {
            return CaseResults.Invalid<CaseLink>("sid", $"no such {kind}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var link = new CaseLink { CaseId = id, Kind = kind, Sid = trimmed, CreatedAt = now };
        var added = await cases.TryLinkAsync(link, Entry(actor, id, CaseNoteKinds.Link, $"{kind} {trimmed} linked", now), cancellationToken);
        await audit.WriteAsync(actor, CaseAuditOperations.Link, complaint.PatientId, AuditOutcomes.Success, $"case {id} {kind} {trimmed}{(added ? string.Empty : " (repeat)")}", cancellationToken);
        return CaseResults.Ok<CaseLink>(link);
    }

    private async Task<ComplaintCase?> VisibleAsync(Actor actor, Guid id, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var complaint = await cases.FindAsync(id, cancellationToken);
        if (complaint is null)
        {
            await audit.WriteAsync(actor, operation, null, AuditOutcomes.NotFound, $"case {id}", cancellationToken);
            return null;
        }

        if (!PatientAccess.CanSee(actor, complaint.PatientAssignedUserId))
        {
            await audit.WriteAsync(actor, operation, complaint.PatientId, AuditOutcomes.Denied, $"case {id}; patient assigned to another consultant", cancellationToken);
            return null;
        }

        return complaint;
    }

    private async Task<bool> CanSeePatientAsync(Actor actor, Guid patientId, string operation, CancellationToken cancellationToken)
    {
        var scope = await patients.FindAsync(patientId, cancellationToken);
        if (scope is null)
        {
            await audit.WriteAsync(actor, operation, patientId, AuditOutcomes.NotFound, "case patient", cancellationToken);
            return false;
        }

        if (!PatientAccess.CanSee(actor, scope.AssignedUserId))
        {
            await audit.WriteAsync(actor, operation, patientId, AuditOutcomes.Denied, "case patient assigned to another consultant", cancellationToken);
            return false;
        }

        return true;
    }

    private async Task<string?> OwnerProblemAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(ownerId, cancellationToken) switch
        {
            null => "no such user",
            { IsDisabled: true } => "the account is disabled",
            _ => null,
        };

    private CaseNote Entry(Actor actor, Guid caseId, string kind, string body, DateTime now) => new()
    {
        Id = Ids.New(time),
        CaseId = caseId,
        Kind = kind,
        Body = body,
        AuthorId = actor.UserId,
        AuthorName = actor.UserName,
        CreatedAt = now,
    };

    private static void Add(Dictionary<string, List<string>> errors, string field, string reason)
    {
        if (!errors.TryGetValue(field, out var reasons))
        {
            errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }
}
