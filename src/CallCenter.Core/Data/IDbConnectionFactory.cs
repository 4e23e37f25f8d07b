using System.Data.Common;

namespace CallCenter.Core.Data;

/// <summary>Opens a new connection to the configured engine. Callers own and dispose it.</summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
