namespace CallCenter.Core.Reminders;

/// <summary>
/// A patient's no-shows: <see cref="Total"/> ever, <see cref="Recent"/> within the last <see cref="WindowDays"/>;
/// <see cref="Flagged"/> from <see cref="Threshold"/> recent ones on.
/// </summary>
public sealed record NoShowRecord(int Total, int Recent, int WindowDays, int Threshold, DateTime? LastAt)
{
    public bool Flagged => Recent >= Threshold;
}
