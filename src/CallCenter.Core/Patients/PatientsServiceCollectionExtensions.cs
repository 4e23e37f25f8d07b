using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Patients;

public static class PatientsServiceCollectionExtensions
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddSingleton<IPatientScopeReader, PatientScopeReader>();
        return services;
    }
}
