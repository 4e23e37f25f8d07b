namespace Twilio.Protocol.Webhooks;

/// <summary>A form field Twilio sent that could not be read, and why. Never holds the field's value.</summary>
public sealed record WebhookFieldError(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}
