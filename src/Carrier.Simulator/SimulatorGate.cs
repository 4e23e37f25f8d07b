using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carrier.Simulator;

/// <summary>
/// Who the simulator answers: nobody when it is off (the hub talks to Twilio), else loopback clients, or anyone when
/// <see cref="CarrierSimulatorOptions.AllowRemoteClients"/> is set. Everyone else gets a bare 404, as for a path that
/// does not exist, before any binding or authentication runs, so the answer does not reveal the simulator.
/// </summary>
internal static class SimulatorGate
{
    public static bool Admits(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<CarrierSimulatorOptions>>().Value;
        return options.Enabled && (options.AllowRemoteClients || IsLocal(context.Connection.RemoteIpAddress));
    }

    /// <summary>Loopback, or no address at all: an in-process test server or a Unix socket, both on this machine.</summary>
    public static bool IsLocal(IPAddress? remote) =>
        remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    /// <summary>Runs <paramref name="inner"/> only for clients the gate admits; 404 for the others.</summary>
    public static RequestDelegate Guard(RequestDelegate inner) => context =>
    {
        if (Admits(context))
        {
            return inner(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };
}
