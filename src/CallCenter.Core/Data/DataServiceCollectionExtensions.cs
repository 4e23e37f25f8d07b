using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured engine (<c>Database:Provider</c>) as the connection factory and SQL dialect,
    /// and the schema migrator. A bad setting stops start-up with a message naming it.
    /// </summary>
    public static IServiceCollection AddCallCenterData(this IServiceCollection services)
    {
        DapperConventions.Apply();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => DatabaseEngine.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<DatabaseEngine>());
        services.AddSingleton<ISqlDialect>(sp => sp.GetRequiredService<DatabaseEngine>());
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
