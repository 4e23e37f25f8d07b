namespace CallCenter.Core.Reminders;

/// <summary>A department's visit rules; <see cref="IsDefault"/> when the department has none of its own.</summary>
public sealed record DepartmentVisitSettings(int NoShowGraceMinutes, int WaitlistOfferMinutes, bool IsDefault = false)
{
    public const int MaxNoShowGraceMinutes = 24 * 60;
    public const int MaxWaitlistOfferMinutes = 24 * 60;
}
