using System.Reflection;
using Microsoft.Data.SqlClient;

namespace CallCenter.Core.Tests.Data;

/// <summary>
/// SqlException has no public constructor: the driver builds it from the server's error tokens. This builds one the
/// same way (an error collection of one error with the given number), by reflection on the driver's internals.
/// </summary>
internal static class SqlServerErrors
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic;

    public static SqlException Exception(int number)
    {
        var errors = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [Error(number)]);
        var create = typeof(SqlException).GetMethod("CreateException", Internal, [typeof(SqlErrorCollection), typeof(string)])
            ?? throw new MissingMethodException(nameof(SqlException), "CreateException");
        return (SqlException)create.Invoke(null, [errors, "17.0.0"])!;
    }

    // The driver's error constructors differ between versions only in their trailing parameters: the first is the
    // error number; the rest get harmless values by type.
    private static SqlError Error(int number)
    {
        var constructor = typeof(SqlError).GetConstructors(Internal)
            .Where(c => c.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(int))
            .MaxBy(c => c.GetParameters().Length)
            ?? throw new MissingMethodException(nameof(SqlError), ".ctor");
        var arguments = constructor.GetParameters()
            .Select((p, i) => i == 0 ? number
                : p.ParameterType == typeof(string) ? "test"
                : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType)
                : null)
            .ToArray();
        return (SqlError)constructor.Invoke(arguments);
    }
}
