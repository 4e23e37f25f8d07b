using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace OutboxLoad;

/// <summary>What the carrier simulator holds from the bench's sender: every page of its Messages list.</summary>
internal static class CarrierRecord
{
    public static async Task<List<MessageResource>> ListAsync(string apiBase, string accountSid, string token, string from)
    {
        using var http = new HttpClient();
        var rest = new TwilioRestClient(
            http,
            Options.Create(new TwilioOptions { AccountSid = accountSid, AuthToken = token, ApiBaseUrl = apiBase, MaxAttempts = 3 }),
            (_, _) => Task.CompletedTask,
            NullLogger<TwilioRestClient>.Instance);
        var all = new List<MessageResource>();
        var page = await rest.ListMessagesAsync(new MessageListFilter { From = from, PageSize = 1000 });
        while (true)
        {
            all.AddRange(page.Messages);
            if (page.NextPageUri is not { } next)
            {
                return all;
            }

            page = await rest.ListMessagesPageAsync(next);
        }
    }
}
