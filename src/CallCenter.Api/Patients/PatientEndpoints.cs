namespace CallCenter.Api.Patients;

internal static class PatientEndpoints
{
    public static IServiceCollection AddPatientApi(this IServiceCollection services) => services;

    public static void MapPatientEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
