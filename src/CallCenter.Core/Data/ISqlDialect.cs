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

    /// <summary>
    /// True when the statement failed because a concurrent transaction won: a unique index already held the winner's
    /// row, or the engine chose this transaction as the loser of a conflict (a deadlock victim, a serialization
    /// failure, SQLite's busy or locked). Not a lock wait that ran out where the engine detects deadlocks: that says
    /// the other transaction is slow, not that it won. Only for code whose writes are all conditional and whose
    /// unique indexes decide races (routing's claims): there, losing means changing nothing, and the next attempt
    /// may well succeed.
    /// </summary>
    bool IsLostRace(DbException exception);
}
