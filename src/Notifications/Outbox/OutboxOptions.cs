using System.ComponentModel.DataAnnotations;

namespace Notifications.Outbox;

/// <summary>The dispatcher (section <c>Notifications:Outbox</c>): how often it looks, how much it claims, retries.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "Notifications:Outbox";

    /// <summary>Whether this process runs a dispatcher (every hub process may; they share the rows safely).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due rows when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows claimed at once.</summary>
    [Range(1, 2_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Rows of a batch sent at the same time.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 32;

    /// <summary>Dispatcher loops in this process, each working its own batch (one writes while another sends).</summary>
    [Range(1, 8)]
    public int Workers { get; set; } = 2;

    /// <summary>How long a claim holds: a row still sending after this is taken back (and the carrier asked first).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a row is failed (throttling and rule deferrals are not attempts).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a sender waits after a 429 that named no Retry-After.</summary>
    public TimeSpan ThrottleDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { ("PollInterval", PollInterval), ("Lease", Lease), ("RetryBaseDelay", RetryBaseDelay), ("RetryMaxDelay", RetryMaxDelay), ("ThrottleDelay", ThrottleDelay) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Notifications:Outbox:{name} must be positive", [name]);
            }
        }

        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult("Notifications:Outbox:RetryMaxDelay must be at least RetryBaseDelay", [nameof(RetryMaxDelay)]);
        }
    }
}
