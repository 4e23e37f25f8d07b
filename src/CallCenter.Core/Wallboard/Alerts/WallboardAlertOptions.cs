using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>Wallboard alerts (section <c>Wallboard</c>, shared with the wallboard's other settings).</summary>
public sealed class WallboardAlertOptions
{
    public const string SectionName = "Wallboard";

    /// <summary>How often every hub node compares the board's levels with the stored ones; 0 turns the check off.</summary>
    [Range(0, 3600)]
    public int AlertCheckSeconds { get; set; } = 5;

    /// <summary>
    /// At most one alert email per queue and metric in this many minutes; a crossing up to critical is emailed even
    /// within the window of a warning's email (not of another critical's). 0: every crossing up is emailed.
    /// </summary>
    [Range(0, 10080)]
    public int AlertEmailMinutes { get; set; } = 15;

    /// <summary>Who receives alert emails (supervisors' addresses); empty: alerts are pushed to desks only.</summary>
    public List<string> AlertEmails { get; } = [];
}
