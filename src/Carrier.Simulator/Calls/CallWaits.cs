namespace Carrier.Simulator.Calls;

/// <summary>
/// How the executor waits: for the caller, the clock (through <see cref="TimeProvider"/>, so tests never sleep) or
/// another call. Digits and speech that arrive while nothing gathers are kept as type-ahead; hangups, redirects and
/// bridges interrupt by throwing <see cref="CallInterruptedException"/>.
/// </summary>
internal sealed class CallWaits(TimeProvider time)
{
    public TimeProvider Time => time;

    /// <summary>The next event, or null when <paramref name="timeout"/> passed or <paramref name="alsoEnds"/> completed first.</summary>
    public async Task<CallerEvent?> NextEventAsync(SimulatedCall call, TimeSpan? timeout, Task? alsoEnds, CancellationToken cancellationToken)
    {
        if (call.Events.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var timer = timeout is { } delay ? new CancellationTokenSource(delay, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        call.MarkWaiting();
        try
        {
            var read = call.Events.Reader.WaitToReadAsync(linked.Token).AsTask();
            if (alsoEnds is not null && await Task.WhenAny(read, alsoEnds) == alsoEnds)
            {
                await linked.CancelAsync();
                return null;
            }

            if (!await read)
            {
                return new CallerEvent(CallerEventKind.Hangup);
            }

            return call.Events.Reader.TryRead(out var next) ? next : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            call.MarkBusy();
        }
    }

    /// <summary>Digits or speech, or null on timeout; interrupting events throw.</summary>
    public async Task<CallerEvent?> InputAsync(SimulatedCall call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var left = deadline - time.GetUtcNow();
            var next = await NextEventAsync(call, left > TimeSpan.Zero ? left : TimeSpan.Zero, null, cancellationToken);
            if (next is { Kind: CallerEventKind.DialedPartyHangup })
            {
                // Nothing is dialled while the call waits for input: there is no one to hang up.
                continue;
            }

            return next is { Interrupts: true } ? throw new CallInterruptedException(next) : next;
        }
    }

    /// <summary>Lets <paramref name="duration"/> pass on the call; input meanwhile is kept as type-ahead.</summary>
    public async Task PauseAsync(SimulatedCall call, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + duration;
        while (deadline - time.GetUtcNow() is var remaining && remaining > TimeSpan.Zero)
        {
            var next = await NextEventAsync(call, remaining, null, cancellationToken);
            if (next is null)
            {
                return;
            }

            Keep(call, next);
        }
    }

    /// <summary>Until <paramref name="peerEnded"/> completes; the call's own hangup throws.</summary>
    public async Task UntilAsync(SimulatedCall call, Task peerEnded, CancellationToken cancellationToken)
    {
        while (!peerEnded.IsCompleted)
        {
            var next = await NextEventAsync(call, null, peerEnded, cancellationToken);
            if (next is not null)
            {
                Keep(call, next);
            }
        }
    }

    /// <summary>Takes events already waiting: input is kept, an interruption throws (checked between verbs).</summary>
    public static void ThrowIfInterrupted(SimulatedCall call)
    {
        while (call.Events.Reader.TryRead(out var next))
        {
            Keep(call, next);
        }
    }

    public static void Keep(SimulatedCall call, CallerEvent next)
    {
        switch (next.Kind)
        {
            case CallerEventKind.Digits:
                call.PendingDigits.Append(next.Text);
                break;
            case CallerEventKind.Speech:
                call.PendingSpeech.Enqueue(next.Text ?? string.Empty);
                break;
            case CallerEventKind.DialedPartyHangup:
                // Nothing is dialled at the moment: there is no one to hang up.
                break;
            default:
                throw new CallInterruptedException(next);
        }
    }
}
