using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>Storage:ConnectionString as it may be shown: parsed, with the password masked. The string itself is never logged.</summary>
internal static class ConnectionStrings
{
    /// <summary>Host, port, database and user, never the password: what a log line or an error names.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}{(builder.Password is null ? "" : ";Password=***")}";
    }

    /// <summary>Null when the string is usable; else why not, without echoing it (it may hold a password).</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "Storage:ConnectionString must be set when Storage:Provider is Postgres (e.g. Host=db.example.vn;Database=directive920;Username=bot).";
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, not the values.
            return $"Storage:ConnectionString is not a PostgreSQL connection string: {ex.Message}";
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return "Storage:ConnectionString must name a Host (a server name, an address, or a Unix socket directory).";
        }

        return string.IsNullOrWhiteSpace(builder.Database)
            ? $"Storage:ConnectionString must name a Database ({Describe(connectionString)})."
            : null;
    }
}
