using System.Globalization;
using CallCenter.Core.Desk.Voice;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Api.Desk.Voice;

/// <summary>
/// The query string the voice path puts on its own webhook URLs (signed with them). Each part is read leniently:
/// a URL the hub did not make gets an apology, not a 400 that the caller would hear as a fault.
/// </summary>
internal readonly record struct DeskVoiceQuery(
    [property: FromQuery(Name = "offer")] string? Offer,
    [property: FromQuery(Name = "queue")] string? Queue,
    [property: FromQuery(Name = "lang")] string? Lang,
    [property: FromQuery(Name = "leg")] string? LegNumber)
{
    /// <summary>The caller's language as a voice tag; the hub's default when missing or unknown.</summary>
    public string Language => DeskVoiceTwiml.Language(Lang).Tag;

    public Guid? OfferId() => Guid.TryParse(Offer, out var id) ? id : null;

    public string? QueueName() => Queue is { Length: > 0 } name ? name : null;

    /// <summary>The agent's leg of the call, when every part of it is present and well formed.</summary>
    public DeskLeg? Leg() =>
        OfferId() is { } offerId && QueueName() is { } queue
        && int.TryParse(LegNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? new DeskLeg(offerId, queue, Language, number)
            : null;
}
