namespace Ivr.Flows.Services;

/// <summary>A request to be called back at <see cref="Number"/>, keeping the place in <see cref="Queue"/>.</summary>
public sealed record CallbackRequest(string CallSid, string Queue, string Number, Guid? PatientId, string Language);
