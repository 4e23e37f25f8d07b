namespace CallCenter.Core.Scheduling;

/// <summary>How the booking came in; all channels book from the same slot pool.</summary>
public enum AppointmentChannel
{
    Phone,
    Web,
    WalkIn,
    Kiosk,
    Agent,
}
