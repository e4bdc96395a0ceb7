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
        }
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
