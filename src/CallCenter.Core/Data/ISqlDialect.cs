using System.Data.Common;

namespace CallCenter.Core.Data;

/// <summary>
/// The few places where the engines really differ. Repositories write SQL every engine accepts and ask the
/// dialect only for these pieces; the implementation is chosen once, at start-up.
/// </summary>
public interface ISqlDialect
{
    /// <summary>Engine name: sqlite, postgres or sqlserver.</summary>
    string Name { get; }

    /// <summary>
    /// Replaces the <c>/**page**/</c> marker (after an ORDER BY) with this engine's paging clause over the
    /// <c>@Skip</c> and <c>@Take</c> parameters.
    /// </summary>
    string Render(string sql);

    /// <summary>True when the exception is a unique-constraint violation.</summary>
    bool IsUniqueViolation(DbException exception);
}

public static class SqlMarkers
{
    public const string Page = "/**page**/";
}
