namespace Directive920Bot.Storage.Postgres;

/// <summary>Instants for <c>timestamptz</c> arrays (the Dapper handler covers single values): UTC, an Unspecified one taken as UTC.</summary>
internal static class Utc
{
    public static DateTime Of(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };

    public static DateTime? Of(DateTime? at) => at is { } value ? Of(value) : null;
}
