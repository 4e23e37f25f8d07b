namespace CallCenter.Core.Scheduling;

/// <summary>
/// The stored (and JSON) spelling of statuses and channels: kebab-case, as the API shows them. Kept in
/// code so a renamed enum member cannot silently change stored data.
/// </summary>
public static class AppointmentCodes
{
    private static readonly Dictionary<AppointmentStatus, string> StatusCodes = new()
    {
        [AppointmentStatus.Booked] = "booked",
        [AppointmentStatus.Confirmed] = "confirmed",
        [AppointmentStatus.Cancelled] = "cancelled",
        [AppointmentStatus.NoShow] = "no-show",
        [AppointmentStatus.Completed] = "completed",
    };

    private static readonly Dictionary<AppointmentChannel, string> ChannelCodes = new()
    {
        [AppointmentChannel.Phone] = "phone",
        [AppointmentChannel.Web] = "web",
        [AppointmentChannel.WalkIn] = "walk-in",
        [AppointmentChannel.Kiosk] = "kiosk",
        [AppointmentChannel.Agent] = "agent",
    };

    public static string ToCode(this AppointmentStatus status) => StatusCodes[status];

    public static string ToCode(this AppointmentChannel channel) => ChannelCodes[channel];

    public static AppointmentStatus ParseStatus(string code) => StatusCodes.Single(pair => pair.Value == code).Key;

    public static AppointmentChannel ParseChannel(string code) => ChannelCodes.Single(pair => pair.Value == code).Key;
}
