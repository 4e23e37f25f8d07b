using System.Globalization;
using AgentDesk.Contracts;

namespace AgentConsole.Ui;

/// <summary>The actions that ask for details first: each opens a form, checks what it can, then calls the hub.</summary>
internal sealed partial class DeskActions
{
    private static readonly string[] TransferKinds = ["queue", "agent", "number"];
    private static readonly string[] TransferModes = ["cold", "warm"];

    public void Transfer()
    {
        if (model.Call is not { } call)
        {
            model.ShowError("No call in hand to transfer.");
            return;
        }

        var answers = FormDialog.Ask(app, "Transfer", [
            new FormField("kind", "To a:", "queue", TransferKinds),
            new FormField("target", "Queue name, user name or number:"),
            new FormField("mode", "Mode:", "cold", TransferModes),
            new FormField("note", "Note for the next agent:")]);
        if (answers is null)
        {
            return;
        }

        if (answers["target"].Length == 0)
        {
            model.ShowError("Transfer failed: the target is needed.");
            return;
        }

        var request = new TransferRequest(call.CallSid, answers["kind"], answers["target"], answers["mode"] == "warm", Empty(answers["note"]));
        Send("Transfer", () => connection.TransferAsync(request), "Transfer started.");
    }

    /// <summary>Opens by itself when a call ends; W opens it again for a wrap-up still owed.</summary>
    public void WrapUp()
    {
        if ((model.WrapUpCallSid ?? model.Call?.CallSid) is not { } callSid)
        {
            model.ShowError("No call to wrap up.");
            return;
        }

        var dispositions = model.Dispositions.Count > 0 ? model.Dispositions : ["resolved"];
        // Notes first: the form opens with the cursor there, so the agent types and picks the disposition after (Tab).
        var answers = FormDialog.Ask(app, "Wrap-up", [
            new FormField("notes", "Notes (go to the patient's timeline):"),
            new FormField("disposition", "Disposition:", dispositions[0], dispositions)]);
        if (answers is null)
        {
            return;
        }

        // A complaint opens a case: the agent picks its category and severity in a second small form (Esc keeps the defaults).
        string? category = null;
        string? severity = null;
        if (model.Complaints.Opens(answers["disposition"]))
        {
            var complaint = FormDialog.Ask(app, "Complaint case", [
                new FormField("category", "Category:", model.Complaints.Categories[0], model.Complaints.Categories),
                new FormField("severity", "Severity:", model.Complaints.Severities[0], model.Complaints.Severities)]);
            category = complaint?["category"];
            severity = complaint?["severity"];
        }

        var request = new WrapUpRequest(callSid, answers["disposition"], Empty(answers["notes"]), category, severity);
        Send("Wrap-up", () => connection.WrapUpAsync(request), "Wrapped up.");
    }

    public void ScheduleCallback()
    {
        if (NeedOffer("A callback") is not { } offerId)
        {
            return;
        }

        var answers = FormDialog.Ask(app, "Schedule a callback", [
            new FormField("at", "When (yyyy-MM-dd HH:mm, local; empty = as soon as possible):"),
            new FormField("number", "Number (empty = the caller's):"),
            new FormField("note", "Note:")]);
        if (answers is null)
        {
            return;
        }

        DateTimeOffset? at = null;
        if (answers["at"].Length > 0)
        {
            if (!DateTime.TryParseExact(answers["at"], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
            {
                model.ShowError($"Callback failed: '{answers["at"]}' is not a time like 2026-11-24 09:30.");
                return;
            }

            at = new DateTimeOffset(local);
        }

        var request = new ScheduleCallbackRequest(offerId, at, Empty(answers["number"]), Empty(answers["note"]));
        Send("Callback", () => connection.ScheduleCallbackAsync(request), "Callback scheduled.");
    }

    public void BookAppointment()
    {
        if (NeedOffer("Booking") is not { } offerId)
        {
            return;
        }

        var answers = FormDialog.Ask(app, "Book an appointment", [new FormField("slot", "Slot ID:"), new FormField("reason", "Reason:")]);
        if (answers is null)
        {
            return;
        }

        if (!Guid.TryParse(answers["slot"], out var slotId))
        {
            model.ShowError($"Booking failed: '{answers["slot"]}' is not a slot ID.");
            return;
        }

        Send("Booking", () => connection.BookAppointmentAsync(new BookAppointmentRequest(offerId, slotId, Empty(answers["reason"]))), "Booked.", offerId);
    }

    public void ConfirmAppointment() => ActOnAppointment("Confirm", confirm: true);

    public void CancelAppointment() => ActOnAppointment("Cancel", confirm: false);

    private void ActOnAppointment(string verb, bool confirm)
    {
        var appointments = model.ScreenPop?.UpcomingAppointments ?? [];
        if (NeedOffer($"{verb} appointment") is not { } offerId || appointments.Count == 0)
        {
            model.ShowError($"{verb} appointment: no upcoming appointment on screen.");
            return;
        }

        var labels = appointments.Select(a => $"{model.LocalTime(a.StartsAt)} {a.Department} [{a.Status}]").ToList();
        var answers = FormDialog.Ask(app, $"{verb} an appointment", [new FormField("appointment", "Appointment:", labels[0], labels), new FormField("reason", "Reason:")]);
        if (answers is null)
        {
            return;
        }

        var request = new AppointmentActionRequest(offerId, appointments[labels.IndexOf(answers["appointment"])].Id, Empty(answers["reason"]));
        Send($"{verb} appointment", () => confirm ? connection.ConfirmAppointmentAsync(request) : connection.CancelAppointmentAsync(request),
            confirm ? "Appointment confirmed." : "Appointment cancelled.", offerId);
    }

    public void LinkCaller()
    {
        var candidates = model.ScreenPop?.Candidates ?? [];
        if (NeedOffer("Linking") is not { } offerId || candidates.Count == 0)
        {
            model.ShowError("Link: no candidate patients on screen (P creates one).");
            return;
        }

        var labels = candidates.Select(c => $"{c.FullName} MRN {c.Mrn ?? "-"} {c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}").ToList();
        var answers = FormDialog.Ask(app, "Link the caller to", [new FormField("patient", "Patient:", labels[0], labels)]);
        if (answers is not null)
        {
            var patientId = candidates[labels.IndexOf(answers["patient"])].Id;
            Send("Link", () => connection.LinkCallerAsync(new LinkCallerRequest(offerId, patientId)), "Caller linked.", offerId);
        }
    }

    public void CreatePatient()
    {
        if (NeedOffer("Creating a patient") is not { } offerId)
        {
            return;
        }

        var answers = FormDialog.Ask(app, "New patient from the caller", [
            new FormField("name", "Full name:"), new FormField("dob", "Date of birth (yyyy-MM-dd, optional):"),
            new FormField("sex", "Sex (F/M, optional):"), new FormField("language", "Language:", "zh-CN")]);
        if (answers is null)
        {
            return;
        }

        DateOnly? dateOfBirth = null;
        if (answers["dob"].Length > 0)
        {
            if (!DateOnly.TryParseExact(answers["dob"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
            {
                model.ShowError($"New patient failed: '{answers["dob"]}' is not a date like 1980-05-17.");
                return;
            }

            dateOfBirth = dob;
        }

        var request = new CreatePatientRequest(offerId, answers["name"], dateOfBirth, Empty(answers["sex"]), answers["language"]);
        Send("New patient", () => connection.CreatePatientAsync(request), "Patient created and linked.", offerId);
    }
}
