using AgentDesk.Contracts;

namespace Agent.Console.Tests.Desk;

/// <summary>Desk contract values for model tests.</summary>
internal static class DeskSamples
{
    public static readonly DateTimeOffset HubNow = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static DeskOffer Offer(Guid? id = null, int ringSeconds = 20, DeskPatient? patient = null) => new()
    {
        OfferId = id ?? Guid.NewGuid(),
        Kind = DeskWorkKinds.Call,
        CallSid = "CA" + Guid.NewGuid().ToString("N"),
        Queue = "appointments",
        OfferedAt = HubNow,
        ExpiresAt = HubNow.AddSeconds(ringSeconds),
        ScreenPop = new DeskScreenPop
        {
            CallerNumber = "+86138****0000",
            Queue = "appointments",
            WaitedSeconds = 42,
            Patient = patient ?? Patient(),
            Ivr = new DeskIvrSummary { Language = "zh-CN", MenuPath = ["1", "2"], Verification = "verified" },
            UpcomingAppointments = [new DeskAppointment { Id = Guid.NewGuid(), StartsAt = HubNow.AddDays(2), Department = "Cardiology", Status = "booked" }],
            RecentInteractions = [new DeskInteraction { OccurredAt = HubNow.AddDays(-3), Kind = "call", Direction = "inbound", Summary = "asked about results" }],
            OpenComplaints = [new DeskFollowUp { Id = Guid.NewGuid(), Kind = "complaint", Category = "waiting-time", CreatedAt = HubNow.AddDays(-1), Status = "open" }],
        },
    };

    public static DeskPatient Patient(string name = "Wang Fang") => new()
    {
        Id = Guid.NewGuid(),
        FullName = name,
        Mrn = "MRN-0042",
        DateOfBirth = new DateOnly(1980, 5, 17),
        Sex = "F",
        Language = "zh-CN",
        Tags = ["vip", "diabetes"],
    };

    public static DeskAgentState State(string state, DateTimeOffset? since = null, int missed = 0) =>
        new() { State = state, Since = since ?? HubNow, MissedOffers = missed };

    public static DeskCall Call(DeskOffer offer, DateTimeOffset connectedAt, bool onHold = false) => new()
    {
        CallSid = offer.CallSid!,
        OfferId = offer.OfferId,
        Queue = offer.Queue,
        PatientId = offer.ScreenPop.Patient?.Id,
        ConnectedAt = connectedAt,
        OnHold = onHold,
    };
}
