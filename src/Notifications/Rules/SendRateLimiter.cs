namespace Notifications.Rules;

/// <summary>
/// A token bucket per sender (channel and from-number or service), on the injected clock, and the carrier's own
/// word: after a 429, the sender waits out its Retry-After whatever the bucket holds. Shared by every dispatcher loop
/// of the process; several hub processes each keep their own rate (set it per process).
/// </summary>
internal sealed class SendRateLimiter(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token; when there is none, how long until there is (the row waits that long, uncounted).</summary>
    public TimeSpan? TryTake(string sender, double perSecond, int burst)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var bucket = Get(sender, burst, now);
            if (bucket.BlockedUntil > now)
            {
                return bucket.BlockedUntil - now;
            }

            var rate = Math.Max(perSecond, 0.001);
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (now - bucket.Refilled).TotalSeconds * rate);
            bucket.Refilled = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) / rate);
        }
    }

    /// <summary>The carrier said 429: nothing goes from this sender until <paramref name="retryAfter"/> has passed.</summary>
    public void BackOff(string sender, TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var bucket = Get(sender, 1, now);
            var until = now + retryAfter;
            if (until > bucket.BlockedUntil)
            {
                bucket.BlockedUntil = until;
            }

            bucket.Tokens = 0;
        }
    }

    private Bucket Get(string sender, int burst, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(sender, out var bucket))
        {
            _buckets[sender] = bucket = new Bucket { Tokens = burst, Refilled = now, BlockedUntil = DateTimeOffset.MinValue };
        }

        return bucket;
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset Refilled { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
