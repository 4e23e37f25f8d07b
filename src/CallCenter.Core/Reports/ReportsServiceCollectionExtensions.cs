using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Interval reports per queue and per agent (needs AddWallboard, AddQueues and AddAgents).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<IReportReader, ReportReader>();
        services.AddSingleton<IIntervalReports, IntervalReports>();
        return services;
    }
}
