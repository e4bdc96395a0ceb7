using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// The connections of Quartz's clustered job store. Quartz opens them by connection string, so they live in Npgsql's
/// process-wide pool, which outlives the scheduler: a service stopped and started again in one process (tests, the
/// sandbox) would otherwise leave up to a pool's worth of idle server connections per start for five minutes, and a
/// few dozen starts exhaust the server's <c>max_connections</c> ("53300: sorry, too many clients already").
/// </summary>
public static class SchedulerConnections
{
    /// <summary>The name the scheduler's connections carry in <c>pg_stat_activity</c> unless the string names one.</summary>
    public const string ApplicationName = "Directive920Bot.Scheduler";

    /// <summary>
    /// <paramref name="connectionString"/> with <see cref="ApplicationName"/> (an operator tells the scheduler's
    /// connections from the store's); a string that does not parse is returned as it is, for the validator to name.
    /// </summary>
    public static string Of(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.ApplicationName))
            {
                builder.ApplicationName = ApplicationName;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }

    /// <summary>Closes the idle connections of <paramref name="connectionString"/>'s pool: called once the scheduler stopped.</summary>
    public static void Release(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        catch (ArgumentException)
        {
            // A string that never parsed opened no pool.
        }
    }
}
