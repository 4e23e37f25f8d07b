using AgentDesk.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace AgentConsole.Connection;

/// <summary>The follow-up call list (F): read, open, dial, record; a failure lands on the message line and answers null.</summary>
internal sealed partial class DeskConnection
{
    public async Task<IReadOnlyList<DeskFollowUpTask>?> GetFollowUpsAsync()
    {
        try
        {
            return await _hub.InvokeAsync<IReadOnlyList<DeskFollowUpTask>>(nameof(IAgentDeskHub.GetFollowUpsAsync), _stopping.Token) ?? [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Post(m => m.ShowError($"Could not read your follow-ups: {ex.GetBaseException().Message}"));
            return null;
        }
    }

    /// <summary>Opens a follow-up into the desk (its screen-pop and questions in the offer panel).</summary>
    public async Task OpenFollowUpAsync(Guid followUpId)
    {
        try
        {
            var detail = await _hub.InvokeAsync<DeskFollowUpDetail?>(nameof(IAgentDeskHub.OpenFollowUpAsync), followUpId, _stopping.Token);
            Post(m =>
            {
                if (detail is null)
                {
                    m.ShowError("That follow-up is no longer on your list.");
                    return;
                }

                m.OnFollowUpOpened(detail);
                m.ShowInfo("Follow-up open: F to dial the patient or record the outcome.");
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Post(m => m.ShowError($"Could not open the follow-up: {ex.GetBaseException().Message}"));
        }
    }

    public Task<DeskResult> DialFollowUpAsync(Guid followUpId) => CallAsync(nameof(IAgentDeskHub.DialFollowUpAsync), followUpId);

    public Task<DeskResult> RecordFollowUpOutcomeAsync(FollowUpOutcomeRequest request) => CallAsync(nameof(IAgentDeskHub.RecordFollowUpOutcomeAsync), request);
}
