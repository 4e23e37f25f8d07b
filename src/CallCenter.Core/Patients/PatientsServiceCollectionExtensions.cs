using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Patients;

public static class PatientsServiceCollectionExtensions
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddOptions<PatientOptions>().BindConfiguration(PatientOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPatientScopeReader, PatientScopeReader>();
        services.AddSingleton<IPatientRepository, PatientRepository>();
        services.AddSingleton<IPatientConsentRepository, PatientConsentRepository>();
        services.AddSingleton<PatientValidator>();
        services.AddSingleton<PatientScopeGuard>();
        services.AddSingleton<PatientService>();
        services.AddSingleton<PatientLookupService>();
        services.AddSingleton<PatientConsentService>();
        return services;
    }
}
