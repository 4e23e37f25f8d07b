using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>The offer panel's lines: what rings or is in hand, who is calling and why.</summary>
internal static class ScreenPopText
{
    public static IReadOnlyList<string> Header(DeskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = new List<string>();
        if (model.RingingOffer is { } offer)
        {
            var countdown = model.SecondsToRingOut(offer.OfferId) ?? 0;
            lines.Add($"RINGING: rings out in {countdown}s  A accept  D decline");
            lines.Add($"A {offer.Kind} from queue {offer.Queue}, waited {offer.ScreenPop.WaitedSeconds}s");
            if (offer.TransferredBy is not null)
            {
                lines.Add($"Transferred by {offer.TransferredBy}{(offer.TransferNote is null ? "" : $": {offer.TransferNote}")}");
            }

            if (model.Ringing.Count > 1)
            {
                lines.Add($"(+{model.Ringing.Count - 1} more ringing)");
            }
        }
        else if (model.Call is { } call)
        {
            var talk = DeskText.Duration(model.Time.GetUtcNow() - call.ConnectedAt < TimeSpan.Zero ? TimeSpan.Zero : model.Time.GetUtcNow() - call.ConnectedAt);
            lines.Add($"ON CALL{(call.OnHold ? " (ON HOLD)" : "")} queue {call.Queue} {talk}  [H hold / T transfer / X hang up]");
        }
        else if (model.WrapUpCallSid is not null)
        {
            lines.Add("WRAP-UP due for the last call  [W wrap up]");
        }
        else if (model.FollowUp is { } followUp)
        {
            lines.Add(FollowUpText.Header(model, followUp));
        }
        else
        {
            lines.Add(model.State?.State == "available" ? "No call. Waiting for the next offer." : "No call. Press F2 to be available.");
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(DeskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = new List<string>(Header(model));
        if ((model.ScreenPop ?? model.FollowUpScreenPop) is not { } pop)
        {
            return lines;
        }

        var today = DateOnly.FromDateTime(model.Time.GetUtcNow().UtcDateTime);
        if (pop.Patient is { } patient)
        {
            lines.Add("Patient: " + string.Join(" | ", new[] { patient.FullName, patient.Mrn is null ? null : $"MRN {patient.Mrn}", AgeSex(patient, today), patient.Language }
                .Where(p => !string.IsNullOrEmpty(p))));
            if (patient.Tags.Count > 0)
            {
                lines.Add($"Tags: {string.Join(", ", patient.Tags)}");
            }
        }
        else
        {
            lines.Add($"Unknown caller {pop.CallerNumber}: {pop.Candidates.Count} candidate(s) [L link / P create]");
            lines.AddRange(pop.Candidates.Select((c, i) => $"  {i + 1}. {c.FullName} MRN {c.Mrn ?? "-"} {AgeSex(c, today)}"));
        }

        if (pop.Ivr is { } ivr)
        {
            var keys = ivr.MenuPath.Count == 0 ? "none" : string.Join(">", ivr.MenuPath);
            lines.Add($"IVR: lang {ivr.Language ?? "-"}, keys {keys}, {ivr.Verification}");
        }

        if (pop.Callback is { } callback)
        {
            lines.Add($"CALLBACK ({callback.Source}): {callback.Reason ?? "no reason given"}; attempts so far {callback.Attempts}");
        }

        if (model.ScreenPop is not null)
        {
            lines.Add($"Queue {pop.Queue}, waited {pop.WaitedSeconds}s");
        }
        lines.AddRange(pop.UpcomingAppointments.Select(a =>
            $"Appt {model.LocalTime(a.StartsAt)} {a.Department}{(a.Doctor is null ? "" : $" {a.Doctor}")} [{a.Status}]"));
        lines.AddRange(pop.OpenComplaints.Select(f =>
            $"COMPLAINT open: {f.Category ?? f.Kind}{(f.Severity is null ? "" : $" ({f.Severity})")} since {model.LocalTime(f.CreatedAt)[..10]} [{f.Status}]"
            + (f.DueAt is { } due ? $" due {model.LocalTime(due)}" : "")));
        lines.AddRange(pop.OpenFollowUps.Where(f => pop.OpenComplaints.All(c => c.Id != f.Id))
            .Select(f => $"Follow-up: {f.Kind}{(f.Category is null ? "" : $"/{f.Category}")} since {model.LocalTime(f.CreatedAt)[..10]} [{f.Status}]"));
        if (model.ScreenPop is null && model.FollowUp is { } followUp)
        {
            lines.AddRange(FollowUpText.Questions(followUp));
        }

        return lines;
    }

    /// <summary>"46y F"; what the hub does not know is left out rather than shown as a guess.</summary>
    private static string AgeSex(DeskPatient patient, DateOnly today)
    {
        var age = patient.DateOfBirth is null ? null : DeskText.Age(patient.DateOfBirth, today);
        var sex = patient.Sex is null or "unknown" ? null : patient.Sex;
        return string.Join(' ', new[] { age, sex }.Where(p => p is not null));
    }

    public static IReadOnlyList<string> Interactions(DeskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Callbacks is { } callbacks)
        {
            return Callbacks(model, callbacks);
        }

        if (model.ScreenPop is not { } pop || pop.RecentInteractions.Count == 0)
        {
            return ["(no recent interactions)"];
        }

        return [.. pop.RecentInteractions.Select(i =>
            $"{model.LocalTime(i.OccurredAt)} {i.Kind} {i.Direction} {i.Summary}")];
    }

    /// <summary>The agent's own callbacks (M), soonest first: when, status, queue, number, why, attempts.</summary>
    public static IReadOnlyList<string> Callbacks(DeskModel model, IReadOnlyList<DeskCallback> callbacks)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(callbacks);
        if (callbacks.Count == 0)
        {
            return ["(no open callbacks)  [M back to interactions]"];
        }

        return [.. callbacks.Select(c =>
            $"{(c.DueAt is { } due ? model.LocalTime(due) : "in line")} {c.Status} {c.Queue} {c.Number} {c.Reason ?? "-"}"
            + (c.Attempts > 0 ? $" ({c.Attempts} tries, last {c.LastOutcome ?? "-"})" : string.Empty))];
    }

    public static IReadOnlyList<string> Conversations(DeskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = new List<string>();
        foreach (var conversation in model.Conversations)
        {
            lines.Add($"# {conversation.PatientName ?? "unknown"} ({conversation.Messages.Count})");
            lines.AddRange(conversation.Messages.TakeLast(3).Select(m => $"{(m.Direction == "inbound" ? "<" : ">")} {m.Body}"));
        }

        return lines.Count == 0 ? ["(no SMS conversations)"] : lines;
    }
}
