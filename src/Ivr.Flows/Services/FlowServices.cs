namespace Ivr.Flows.Services;

/// <summary>
/// What the engine may ask of the world, as narrow ports the hub implements over its database and carrier (and tests
/// implement in memory). The engine itself does no I/O, so a flow step is deterministic given these answers.
/// </summary>
public sealed record FlowServices(
    TimeProvider Time,
    IPatientDirectory Patients,
    IAppointmentBook Appointments,
    IQueueLine Queues,
    IFollowUps FollowUps,
    IFlowMessenger Messenger,
    IHttpConnector Http,
    ISmsInbox SmsInbox);
