using Microsoft.Extensions.Options;

namespace Carrier.Simulator.Messaging;

/// <summary>
/// Plays Twilio's throttling of message creates: at most <see cref="PerSecond"/> creates in each wall-clock second,
/// the rest answered 429 (code 20429) with Retry-After. Off (null) unless configured
/// (<c>CarrierSimulator:MessageCreatesPerSecond</c>) or set at run time through <c>PUT /simulator/limits</c>.
/// </summary>
internal sealed class MessageRateLimiter(TimeProvider time, IOptions<CarrierSimulatorOptions> options)
{
    private readonly Lock _lock = new();
    private int? _perSecond = options.Value.MessageCreatesPerSecond;
    private long _second = long.MinValue;
    private int _used;

    public int? PerSecond
    {
        get
        {
            lock (_lock)
            {
                return _perSecond;
            }
        }

        set
        {
            lock (_lock)
            {
                _perSecond = value;
                _used = 0;
            }
        }
    }

    /// <summary>Takes one create from this second's allowance; when none is left, how long until the next second.</summary>
    public TimeSpan? TryTake()
    {
        var now = time.GetUtcNow();
        var second = now.ToUnixTimeMilliseconds() / 1000;
        lock (_lock)
        {
            if (_perSecond is not { } limit)
            {
                return null;
            }

            if (second != _second)
            {
                (_second, _used) = (second, 0);
            }

            if (_used < limit)
            {
                _used++;
                return null;
            }
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((second + 1) * 1000) - now;
    }
}
