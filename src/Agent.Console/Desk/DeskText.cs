using System.Globalization;
using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>The words the desk shows for the hub's codes and figures; kept apart from the UI so tests can read them.</summary>
internal static class DeskText
{
    public static string Failure(DeskResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var reason = string.IsNullOrWhiteSpace(result.Reason) ? ErrorCode(result.Error) : result.Reason;
        return result.Field is null ? reason : $"{result.Field}: {reason}";
    }

    public static string ErrorCode(string? code) => code switch
    {
        DeskErrors.NotYours => "that is not yours to act on",
        DeskErrors.NotFound => "not found",
        DeskErrors.Refused => "not allowed now",
        DeskErrors.Invalid => "invalid input",
        DeskErrors.Conflict => "someone changed it first; press R to refresh",
        DeskErrors.Unavailable => "the phone system did not answer; try again",
        null => "refused",
        _ => code,
    };

    public static string WithdrawnReason(string reason) => reason switch
    {
        "rang-out" => "not answered in time",
        "caller-left" => "the caller hung up",
        "declined" => "declined",
        "taken-elsewhere" => "another agent took it",
        "disconnected" => "this desk was disconnected",
        "transferred" => "transferred",
        _ => reason,
    };

    public static string EndReason(string reason) => reason switch
    {
        "caller-hung-up" => "the caller hung up",
        "agent-hung-up" => "you hung up",
        "transferred" => "transferred",
        "failed" => "the line failed",
        _ => reason,
    };

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes:00}:{span.Seconds:00}");

    /// <summary>The connection part of the status line.</summary>
    public static string Connection(ConnectionStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var wait = status.NextAttemptAt is { } at ? Math.Max(0, (int)Math.Ceiling((at - now).TotalSeconds)) : 0;
        var retry = status.NextAttemptAt is null ? "" : wait == 0 ? ", trying now" : $", retrying in {wait}s";
        return status.Phase switch
        {
            ConnectionPhase.Connected => "Connected",
            ConnectionPhase.Connecting => $"Connecting to {status.HubUrl}",
            ConnectionPhase.Reconnecting => $"Reconnecting{(wait > 0 ? $" in {wait}s" : "")}",
            ConnectionPhase.Unreachable => $"Hub unreachable at {status.HubUrl}{retry}",
            ConnectionPhase.SignedOut => "Signed out: press R to sign in again",
            _ => status.Phase.ToString(),
        };
    }

    /// <summary>The agent part of the status line: state, reason, time in state, missed offers.</summary>
    public static string AgentState(DeskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.State is not { } state)
        {
            return "State: -";
        }

        var text = $"State: {state.State}";
        if (!string.IsNullOrEmpty(state.Reason))
        {
            text += $" ({state.Reason})";
        }

        if (model.TimeInState is { } inState)
        {
            text += $" {Duration(inState)}";
        }

        if (model.SecondsOfWrapUpLeft is { } left)
        {
            text += $" (ends in {left}s)";
        }

        if (state.MissedOffers > 0)
        {
            text += $" | missed {state.MissedOffers}";
        }

        return text;
    }

    public static string Age(DateOnly? dateOfBirth, DateOnly today)
    {
        if (dateOfBirth is not { } born)
        {
            return "age ?";
        }

        var age = today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"{age}y");
    }
}
