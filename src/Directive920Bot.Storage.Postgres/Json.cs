using System.Text.Json;

namespace Directive920Bot.Storage.Postgres;

/// <summary>The jsonb of the document tables: System.Text.Json with its defaults (instants as ISO 8601 with their kind).</summary>
internal static class Json
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value);

    public static T? Read<T>(string? json)
        where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json);
}
