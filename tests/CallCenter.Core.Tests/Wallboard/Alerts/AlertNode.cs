using System.Collections.Concurrent;
using System.Data.Common;
using CallCenter.Core.Wallboard;
using CallCenter.Core.Wallboard.Alerts;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Wallboard.Alerts;

/// <summary>
/// One hub node's alert check (its own service provider) on a shared database, reading a board the test sets (or the
/// real one), and recording the emails it wrote and the pushes it made.
/// </summary>
internal sealed class AlertNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AlertNode(ServiceProvider services) => _services = services;

    public WallboardSnapshot Board { get; set; } = AlertBoards.Of();

    public ConcurrentQueue<WallboardAlert> Emails { get; } = new();

    public ConcurrentQueue<WallboardAlertRecord> Pushed { get; } = new();

    public IServiceProvider Services => _services;

    public WallboardAlertCheck Check => _services.GetRequiredService<WallboardAlertCheck>();

    public static AlertNode Start(TestDatabase database, FakeTimeProvider time, bool realBoard = false, int emailMinutes = 15)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Wallboard:AlertEmails:0"] = "floor-lead@hospital.test",
                ["Wallboard:AlertEmailMinutes"] = emailMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddCallCenterCore();
        services.AddWallboardAlerts();
        AlertNode? node = null;
        if (!realBoard)
        {
            services.RemoveAll<IWallboardBoard>();
            services.AddSingleton<IWallboardBoard>(_ => new ScriptedBoard(() => node!.Board));
        }

        services.AddSingleton<IWallboardAlertMailer>(_ => new RecordingMailer(node!));
        services.AddSingleton<IWallboardAlertListener>(_ => new RecordingListener(node!));
        node = new AlertNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return node;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class ScriptedBoard(Func<WallboardSnapshot> board) : IWallboardBoard
    {
        public Task<WallboardSnapshot> CurrentAsync(CancellationToken cancellationToken = default) => Task.FromResult(board());
    }

    private sealed class RecordingMailer(AlertNode node) : IWallboardAlertMailer
    {
        public Task EnqueueAsync(DbTransaction transaction, WallboardAlert alert, string queueDisplayName, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default)
        {
            Assert.Equal(["floor-lead@hospital.test"], recipients);
            node.Emails.Enqueue(alert);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingListener(AlertNode node) : IWallboardAlertListener
    {
        public Task AlertRaisedAsync(WallboardAlertRecord alert, CancellationToken cancellationToken = default)
        {
            node.Pushed.Enqueue(alert);
            return Task.CompletedTask;
        }
    }
}
