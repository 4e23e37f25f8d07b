using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Values;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Runs the SMS flow of the number a text was sent to. One conversation per patient number and hotline number: a
/// text within <see cref="IvrOptions.SmsSessionMinutes"/> of the last continues it, a later one starts the flow again.
/// </summary>
public sealed class SmsFlowHandler(FlowRegistry registry, FlowRunner runner, IOptions<IvrOptions> options, TimeProvider time)
{
    public static string SessionKey(string from, string to) => $"sms:{from}:{to}";

    /// <summary>
    /// The MessagingResponse TwiML to answer with, or null for an empty answer (no SMS flow). A redelivered message
    /// (<paramref name="firstDelivery"/> false) does not run the flow again: it gets the conversation's last answer.
    /// </summary>
    public async Task<string?> AnswerAsync(IncomingMessage message, bool firstDelivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = SessionKey(message.From, message.To);
        var stored = await runner.FindAsync(key, cancellationToken);
        if (!firstDelivery)
        {
            return FlowRunner.LastResponse(stored);
        }

        var input = FlowInputs.Sms(message);
        if (stored is { Ended: false } && IsRecent(stored) && await runner.ContinueAsync(stored, input, cancellationToken) is { } answer)
        {
            return answer;
        }

        if (registry.Current.Find(FlowKind.Sms, message.To) is not { } flow)
        {
            return null;
        }

        var variables = new Dictionary<string, FlowValue>(StringComparer.Ordinal)
        {
            [FlowVariables.From] = FlowValue.From(message.From),
            [FlowVariables.To] = FlowValue.From(message.To),
        };
        return await runner.StartAsync(flow, new FlowStart(key, variables, Input: input), stored, cancellationToken);
    }

    private bool IsRecent(StoredSession stored) =>
        time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(stored.UpdatedAt, DateTimeKind.Utc) <= TimeSpan.FromMinutes(options.Value.SmsSessionMinutes);
}
