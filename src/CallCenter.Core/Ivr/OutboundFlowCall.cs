namespace CallCenter.Core.Ivr;

/// <summary>
/// A call the hub placed, answered by the patient: which flow it plays, the call's numbers, the patient it is for,
/// the appointment it is about (if any) and the language to speak.
/// </summary>
public sealed record OutboundFlowCall(string CallSid, string FlowId, string From, string To, Guid PatientId, Guid? AppointmentId, string Language);
