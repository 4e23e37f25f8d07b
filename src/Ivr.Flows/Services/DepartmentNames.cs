namespace Ivr.Flows.Services;

/// <summary>A department's name in the call's language, shared by appointments and slots read out to the caller.</summary>
internal static class DepartmentNames
{
    public static string In(string language, string name, string? english) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(english) ? english : name;
}
