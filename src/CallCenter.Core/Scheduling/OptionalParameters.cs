using System.Data;
using Dapper;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Optional filters ("@X IS NULL OR column = @X"). A null passed through Dapper's type handlers has no type,
/// and PostgreSQL refuses a parameter whose type it cannot work out; a null here is given its type.
/// </summary>
internal static class OptionalParameters
{
    public static DynamicParameters AddOptional(this DynamicParameters parameters, string name, Guid? value)
    {
        if (value is { } id)
        {
            parameters.Add(name, id);
        }
        else
        {
            parameters.Add(name, null, DbType.Guid);
        }

        return parameters;
    }

    public static DynamicParameters AddOptional(this DynamicParameters parameters, string name, DateTime? value)
    {
        if (value is { } instant)
        {
            parameters.Add(name, instant);
        }
        else
        {
            parameters.Add(name, null, DbType.DateTime2);
        }

        return parameters;
    }
}
