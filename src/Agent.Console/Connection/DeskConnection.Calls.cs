using AgentDesk.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace AgentConsole.Connection;

/// <summary>The pushes the hub sends, and the calls the agent makes; a call that cannot reach the hub answers a failure, never throws.</summary>
internal sealed partial class DeskConnection
{
    public Task<DeskResult> SetStateAsync(SetStateRequest request) => CallAsync(nameof(IAgentDeskHub.SetStateAsync), request);

    public Task<DeskResult> AcceptAsync(Guid offerId) => CallAsync(nameof(IAgentDeskHub.AcceptAsync), offerId);

    public Task<DeskResult> DeclineAsync(Guid offerId) => CallAsync(nameof(IAgentDeskHub.DeclineAsync), offerId);

    public Task<DeskResult> HoldAsync(string callSid) => CallAsync(nameof(IAgentDeskHub.HoldAsync), callSid);

    public Task<DeskResult> ResumeAsync(string callSid) => CallAsync(nameof(IAgentDeskHub.ResumeAsync), callSid);

    public Task<DeskResult> TransferAsync(TransferRequest request) => CallAsync(nameof(IAgentDeskHub.TransferAsync), request);

    public Task<DeskResult> HangUpAsync(string callSid) => CallAsync(nameof(IAgentDeskHub.HangUpAsync), callSid);

    public Task<DeskResult> WrapUpAsync(WrapUpRequest request) => CallAsync(nameof(IAgentDeskHub.WrapUpAsync), request);

    public Task<DeskResult> ScheduleCallbackAsync(ScheduleCallbackRequest request) => CallAsync(nameof(IAgentDeskHub.ScheduleCallbackAsync), request);

    public Task<DeskResult> SendSmsAsync(SendSmsRequest request) => CallAsync(nameof(IAgentDeskHub.SendSmsAsync), request);

    public Task<DeskResult> CloseConversationAsync(Guid conversationId) => CallAsync(nameof(IAgentDeskHub.CloseConversationAsync), conversationId);

    public Task<DeskResult> BookAppointmentAsync(BookAppointmentRequest request) => CallAsync(nameof(IAgentDeskHub.BookAppointmentAsync), request);

    public Task<DeskResult> ConfirmAppointmentAsync(AppointmentActionRequest request) => CallAsync(nameof(IAgentDeskHub.ConfirmAppointmentAsync), request);

    public Task<DeskResult> CancelAppointmentAsync(AppointmentActionRequest request) => CallAsync(nameof(IAgentDeskHub.CancelAppointmentAsync), request);

    public Task<DeskResult> LinkCallerAsync(LinkCallerRequest request) => CallAsync(nameof(IAgentDeskHub.LinkCallerAsync), request);

    public Task<DeskResult> CreatePatientAsync(CreatePatientRequest request) => CallAsync(nameof(IAgentDeskHub.CreatePatientAsync), request);

    /// <summary>Reads the whole desk again (R), as after a reconnect.</summary>
    public Task RefreshAsync() => RestoreAsync();

    public async Task RefreshScreenPopAsync(Guid offerId)
    {
        try
        {
            var pop = await _hub.InvokeAsync<DeskScreenPop?>(nameof(IAgentDeskHub.RefreshScreenPopAsync), offerId, _stopping.Token);
            Post(m => m.OnScreenPopRefreshed(offerId, pop));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Post(m => m.ShowError($"Could not refresh the screen-pop: {ex.Message}"));
        }
    }

    /// <summary>Reads the agent's own open callbacks (M) into the desk.</summary>
    public async Task GetCallbacksAsync()
    {
        try
        {
            var callbacks = await _hub.InvokeAsync<IReadOnlyList<DeskCallback>>(nameof(IAgentDeskHub.GetCallbacksAsync), _stopping.Token);
            Post(m => m.OnCallbacks(callbacks ?? []));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Post(m => m.ShowError($"Could not read your callbacks: {ex.Message}"));
        }
    }

    private async Task<DeskResult> CallAsync(string method, object? argument)
    {
        if (_hub.State != HubConnectionState.Connected)
        {
            return DeskResult.Fail(DeskErrors.Unavailable, "not connected to the hub; try again once it says Connected");
        }

        try
        {
            return await _hub.InvokeAsync<DeskResult>(method, argument, _stopping.Token)
                ?? DeskResult.Fail(DeskErrors.Unavailable, "the hub sent no answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // A hub error, a dropped connection: the agent sees why and carries on.
            return DeskResult.Fail(DeskErrors.Unavailable, ex.GetBaseException().Message);
        }
    }

    private void RegisterPushes()
    {
        _hub.On<DeskOffer>(nameof(IAgentDeskClient.OfferReceived), offer => Post(m => m.OnOfferReceived(offer)));
        _hub.On<OfferWithdrawn>(nameof(IAgentDeskClient.OfferWithdrawn), withdrawn => Post(m => m.OnOfferWithdrawn(withdrawn)));
        _hub.On<DeskCall>(nameof(IAgentDeskClient.CallConnected), call => Post(m => m.OnCallConnected(call)));
        _hub.On<DeskCall>(nameof(IAgentDeskClient.CallHoldChanged), call => Post(m => m.OnCallHoldChanged(call)));
        _hub.On<DeskCallEnded>(nameof(IAgentDeskClient.CallEnded), ended => Post(m => m.OnCallEnded(ended)));
        _hub.On<DeskAgentState>(nameof(IAgentDeskClient.StateChanged), state => Post(m => m.OnStateChanged(state)));
        _hub.On<DeskSms>(nameof(IAgentDeskClient.SmsReceived), sms => Post(m => m.OnSmsReceived(sms)));
        _hub.On<DeskAlert>(nameof(IAgentDeskClient.AlertRaised), alert => Post(m => m.OnAlertRaised(alert)));
        _hub.On<DeskSignedOut>(nameof(IAgentDeskClient.SignedOut), signedOut => Post(m => m.OnSignedOut(signedOut)));
    }
}
