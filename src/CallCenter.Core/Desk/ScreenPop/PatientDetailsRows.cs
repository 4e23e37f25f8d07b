using Dapper;

namespace CallCenter.Core.Desk.ScreenPop;

public sealed record PatientDetailsRows(
    IReadOnlyList<string> Tags, IReadOnlyList<AppointmentRow> Appointments, IReadOnlyList<InteractionRow> Interactions, IReadOnlyList<FollowUpRow> FollowUps);
