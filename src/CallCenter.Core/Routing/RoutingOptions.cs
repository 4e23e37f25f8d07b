using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Routing;

/// <summary>Settings of routing (section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>How long an offer rings at one agent before it goes to the next.</summary>
    [Range(5, 120)]
    public int OfferTimeoutSeconds { get; set; } = 15;

    /// <summary>The queue whose skills SMS conversations need (and whose name their offers carry).</summary>
    [Required]
    public string SmsQueue { get; set; } = "general";

    /// <summary>SMS conversations an agent holds at once when their profile does not say.</summary>
    [Range(0, 20)]
    public int DefaultSmsCapacity { get; set; } = 3;

    /// <summary>What one priority point is worth in seconds of waiting (priority with ageing); 0 ignores priority.</summary>
    [Range(0, 86_400)]
    public int PrioritySeconds { get; set; } = 60;
}
