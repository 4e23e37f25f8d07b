namespace Ivr.Flows.Execution;

/// <summary>
/// Variable names the engine and its steps set, so flows and expressions can read them. Flows may set their own with
/// <c>set</c> steps; names are case-sensitive, dotted by convention.
/// </summary>
public static class FlowVariables
{
    public const string CallSid = "call.sid";
    public const string From = "call.from";
    public const string To = "call.to";
    public const string Language = "language";

    /// <summary>True once the caller picked a language: a recognised patient's stored language no longer overrides it.</summary>
    public const string LanguageChosen = "language.chosen";

    public const string CallerKnown = "caller.known";
    public const string PatientId = "patient.id";
    public const string PatientName = "patient.name";
    public const string PatientGivenName = "patient.givenName";
    public const string PatientTags = "patient.tags";
    public const string PatientVerified = "patient.verified";
    public const string AppointmentId = "appointment.id";
    public const string AppointmentStatus = "appointment.status";
    public const string AppointmentTime = "appointment.time";
    public const string AppointmentDate = "appointment.date";
    public const string AppointmentDepartment = "appointment.department";
    public const string AppointmentDoctor = "appointment.doctor";
    public const string MenuPath = "menu.path";
    public const string LastDigits = "input.digits";
    public const string LastSpeech = "input.speech";
    public const string Queue = "queue.name";
    public const string CallbackRequested = "callback.requested";
    public const string SmsBody = "sms.body";
    public const string SmsSid = "sms.sid";
    public const string ErrorHandled = "flow.errorHandled";
}
