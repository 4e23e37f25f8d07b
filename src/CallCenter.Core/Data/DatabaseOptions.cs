using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Data;

/// <summary>Which database engine the hub uses and how to reach it (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>sqlite</c> (embedded default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    [Required]
    [RegularExpression("^(sqlite|postgres|sqlserver)$", ErrorMessage = "Database:Provider must be one of sqlite, postgres, sqlserver.")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>ADO.NET connection string for the chosen provider.</summary>
    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=data/callcenter.db";

    /// <summary>Apply pending schema scripts from <c>sql/&lt;engine&gt;/</c> on start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
