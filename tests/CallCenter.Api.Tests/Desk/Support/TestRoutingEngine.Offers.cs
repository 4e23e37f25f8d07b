using CallCenter.Core.Common;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>The double's bookkeeping: offers in memory, who turned which work down, one caller at a time.</summary>
internal sealed partial class TestRoutingEngine
{
    private static string? Key(Offer offer) => offer.ConversationId?.ToString() ?? offer.CallSid;

    private Offer NewOffer(QueueEntry entry, Guid agentId) => new()
    {
        Id = Ids.New(time), Kind = entry.Status == "conversation" ? WorkKind.Conversation : WorkKind.Call, QueueName = entry.QueueName,
        AgentId = agentId, QueueEntryId = entry.Status == "conversation" ? null : entry.Id,
        CallSid = entry.Status == "conversation" ? null : entry.CallSid, ConversationId = entry.Status == "conversation" ? entry.Id : null, PatientId = entry.PatientId, CallerNumber = entry.CallerNumber, Language = entry.Language,
        WaitingSince = entry.EnqueuedAt, Status = OfferStatus.Ringing, OfferedAt = Now,
        ExpiresAt = Now.AddSeconds(options.Value.OfferTimeoutSeconds),
    };

    private void Refuse(Offer offer)
    {
        if (Key(offer) is { } callSid)
        {
            (_refused.TryGetValue(callSid, out var set) ? set : _refused[callSid] = []).Add(offer.AgentId);
        }
    }

    private Offer Add(Offer offer)
    {
        _offers.Add(offer);
        return offer;
    }

    private Offer? Replace(Guid offerId, Func<Offer, Offer> change)
    {
        var index = _offers.FindIndex(o => o.Id == offerId);
        if (index < 0)
        {
            return null;
        }

        _offers[index] = change(_offers[index]);
        return _offers[index];
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public void Dispose() => _lock.Dispose();

    private async Task<T> LockedAsync<T>(Func<Task<T>> work)
    {
        await _lock.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _lock.Release();
        }
    }
}
