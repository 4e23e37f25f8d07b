using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Accounts;

internal sealed class UserRepository(IDbConnectionFactory db, ISqlDialect dialect) : IUserRepository
{
    private const string Columns = """
        id, user_name, display_name, role, password_hash, failed_login_count, lockout_end_at, is_disabled, created_at, last_login_at
        """;

    private const string FindByIdSql = $"SELECT {Columns} FROM app_user WHERE id = @Id";

    public async Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(
            new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string FindByUserNameSql = $"SELECT {Columns} FROM app_user WHERE user_name = @UserName";

    public async Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(
            new CommandDefinition(FindByUserNameSql, new { UserName = userName.ToLowerInvariant() }, cancellationToken: cancellationToken));
    }

    private const string InsertSql = """
        INSERT INTO app_user (id, user_name, display_name, role, password_hash, failed_login_count, lockout_end_at, is_disabled, created_at, last_login_at)
        VALUES (@Id, @UserName, @DisplayName, @Role, @PasswordHash, 0, NULL, @IsDisabled, @CreatedAt, NULL)
        """;

    public async Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSql, user with { UserName = user.UserName.ToLowerInvariant() }, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string AnySql = "SELECT COUNT(*) FROM app_user";

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(AnySql, cancellationToken: cancellationToken)) > 0;
    }

    private const string ListSql = $"SELECT {Columns} FROM app_user ORDER BY user_name {SqlMarkers.Page}";

    public async Task<Page<UserAccount>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserAccount>(new CommandDefinition(
            dialect.Render(ListSql), new { page.Skip, Take = page.Take + 1 }, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }

    // One statement, so two wrong passwords at the same moment both count. Locking starts the count again
    // (as ASP.NET Core Identity does): after the lockout ends the user gets the full number of tries, not one.
    private const string FailedLoginSql = """
        UPDATE app_user
        SET failed_login_count = CASE WHEN failed_login_count + 1 >= @MaxFailedLogins THEN 0 ELSE failed_login_count + 1 END,
            lockout_end_at = CASE WHEN failed_login_count + 1 >= @MaxFailedLogins THEN @LockUntil ELSE lockout_end_at END
        WHERE id = @Id
        """;

    public async Task RecordFailedLoginAsync(Guid id, int maxFailedLogins, DateTime lockUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            FailedLoginSql, new { Id = id, MaxFailedLogins = maxFailedLogins, LockUntil = lockUntil }, cancellationToken: cancellationToken));
    }

    private const string SuccessfulLoginSql = """
        UPDATE app_user SET failed_login_count = 0, lockout_end_at = NULL, last_login_at = @At WHERE id = @Id
        """;

    public async Task RecordSuccessfulLoginAsync(Guid id, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SuccessfulLoginSql, new { Id = id, At = at }, cancellationToken: cancellationToken));
    }

    private const string UpdateSql = """
        UPDATE app_user SET display_name = @DisplayName, role = @Role, is_disabled = @IsDisabled WHERE id = @Id
        """;

    public async Task<bool> UpdateAsync(Guid id, string displayName, string role, bool isDisabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            UpdateSql, new { Id = id, DisplayName = displayName, Role = role, IsDisabled = isDisabled }, cancellationToken: cancellationToken)) == 1;
    }

    private const string SetPasswordSql = "UPDATE app_user SET password_hash = @PasswordHash WHERE id = @Id";

    public async Task<bool> SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            SetPasswordSql, new { Id = id, PasswordHash = passwordHash }, cancellationToken: cancellationToken)) == 1;
    }

    private const string UnlockSql = "UPDATE app_user SET failed_login_count = 0, lockout_end_at = NULL WHERE id = @Id";

    public async Task<bool> UnlockAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UnlockSql, new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }
}
