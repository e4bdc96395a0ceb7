using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// Every instant of the store is a <c>timestamptz</c>, and the domain's instants are UTC. Npgsql refuses to write a
/// non-UTC DateTime to timestamptz and Dapper would send DateTime as <c>timestamp</c>, so one handler says what a
/// DateTime is: an instant in UTC (an Unspecified one, as LiteDB gave back, is taken as UTC), read back as Kind UTC.
/// </summary>
internal static class DapperSetup
{
    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
            SqlMapper.AddTypeHandler(new JsonHandler<Directive920Bot.Registration.RegistrationDraft>());
        }
    }

    /// <summary>A value object stored whole as <c>jsonb</c> (a dialogue's draft): read and written as one column.</summary>
    private sealed class JsonHandler<T> : SqlMapper.TypeHandler<T>
    {
        public override void SetValue(IDbDataParameter parameter, T? value)
        {
            parameter.Value = value is null ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(value);
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.Jsonb;
            }
        }

        public override T? Parse(object value) => value is string json ? System.Text.Json.JsonSerializer.Deserialize<T>(json) : default;
    }

    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            parameter.Value = value.Kind switch
            {
                DateTimeKind.Utc => value,
                DateTimeKind.Local => value.ToUniversalTime(),
                _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            };
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = NpgsqlDbType.TimestampTz;
            }
        }

        public override DateTime Parse(object value) => value switch
        {
            DateTime at => DateTime.SpecifyKind(at, DateTimeKind.Utc),
            DateTimeOffset at => at.UtcDateTime,
            _ => throw new DataException($"Expected a timestamp, got {value.GetType().Name}."),
        };
    }
}
