using System.Data;
using Dapper;

namespace CallCenter.Core.Data;

/// <summary>
/// Optional filters written as <c>(@X IS NULL OR column = @X)</c>. A null parameter has no type, and PostgreSQL
/// cannot work one out from <c>@X IS NULL</c> for times ("could not determine data type of parameter"), so a
/// null is sent with its type. Non-null values keep going through the Dapper conventions.
/// </summary>
public static class FilterParameters
{
    public static DynamicParameters AddFilter(this DynamicParameters parameters, string name, DateTime? value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (value is null)
        {
            // DbType.DateTime: timestamptz on Npgsql; the value is null, so SqlClient's 'datetime' loses nothing.
            parameters.Add(name, null, DbType.DateTime);
        }
        else
        {
            parameters.Add(name, value.Value);
        }

        return parameters;
    }

    public static DynamicParameters AddFilter(this DynamicParameters parameters, string name, Guid? value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Add(name, value, value is null ? DbType.Guid : null);
        return parameters;
    }

    public static DynamicParameters AddFilter(this DynamicParameters parameters, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Add(name, value, DbType.String);
        return parameters;
    }
}
