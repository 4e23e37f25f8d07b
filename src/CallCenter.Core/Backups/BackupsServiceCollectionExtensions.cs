using CallCenter.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Backups;

internal static class BackupsServiceCollectionExtensions
{
    /// <summary>Backups and restore (<see cref="BackupService"/>) with the engine's own tool, chosen by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IDatabaseBackup>(sp =>
        {
            var engine = sp.GetRequiredService<DatabaseEngine>();
            return engine.Name switch
            {
                DatabaseProviders.Sqlite => new SqliteDatabaseBackup(engine),
                DatabaseProviders.Postgres => new PostgresDatabaseBackup(engine, sp.GetRequiredService<IOptions<BackupOptions>>().Value),
                _ => new SqlServerDatabaseBackup(engine),
            };
        });
        services.AddSingleton<BackupService>();
        return services;
    }
}
