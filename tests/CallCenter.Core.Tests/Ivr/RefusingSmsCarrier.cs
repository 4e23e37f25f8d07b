using CallCenter.Core.Messaging;

namespace CallCenter.Core.Tests.Ivr;

/// <summary>The carrier for Core tests: the host's is Twilio's REST API. Texts that get this far are refused.</summary>
internal sealed class RefusingSmsCarrier : ISmsCarrier
{
    public Task<SmsCarrierResult> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken) =>
        Task.FromResult(SmsCarrierResult.Refused("no-carrier"));
}
