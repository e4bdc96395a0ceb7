using Npgsql;

namespace Directive920Bot.Tests.Infrastructure;

/// <summary>
/// Where a text is stored, read from the store itself rather than through the features' interfaces (an erasure test
/// must see what no interface shows): every LiteDB collection's documents, or every table's rows of the harness's
/// PostgreSQL database (each row as its text form). The inbox is left out: it holds raw updates until they are handled.
/// </summary>
internal static class StoredText
{
    /// <summary>Names of the collections or tables with a record containing <paramref name="text"/>.</summary>
    public static List<string> Holders(BotHarness bot, string text)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.UsesPostgres ? PostgresHolders(bot.ConnectionString!, text) : LiteDbHolders(bot, text);
    }

    /// <summary>Records stored in a LiteDB collection, or rows of the PostgreSQL table that holds the same.</summary>
    public static int Count(BotHarness bot, string collection, string table)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (!bot.UsesPostgres)
        {
            return bot.Get<Directive920Bot.Storage.LiteDb.Database>().Lite.GetCollection(collection).Count();
        }

        using var connection = new NpgsqlConnection(bot.ConnectionString);
        connection.Open();
        using var count = new NpgsqlCommand($"SELECT count(*)::int FROM \"{table}\"", connection);
        return (int)count.ExecuteScalar()!;
    }

    /// <summary>Every record of a LiteDB collection, or every row of the PostgreSQL table that holds the same, as text
    /// (a document's JSON; a row's text form, every column).</summary>
    public static List<string> Records(BotHarness bot, string collection, string table)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (!bot.UsesPostgres)
        {
            return [.. bot.Get<Directive920Bot.Storage.LiteDb.Database>().Lite.GetCollection(collection).FindAll().Select(d => d.ToString())];
        }

        using var connection = new NpgsqlConnection(bot.ConnectionString);
        connection.Open();
        using var rows = new NpgsqlCommand($"SELECT r::text FROM \"{table}\" r", connection);
        using var reader = rows.ExecuteReader();
        var records = new List<string>();
        while (reader.Read())
        {
            records.Add(reader.GetString(0));
        }

        return records;
    }

    private static List<string> LiteDbHolders(BotHarness bot, string text)
    {
        var db = bot.Get<Directive920Bot.Storage.LiteDb.Database>().Lite;
        return db.GetCollectionNames()
            .Where(n => n != Directive920Bot.Storage.LiteDb.Channels.LiteDbInboxStore.CollectionName)
            .Where(n => db.GetCollection(n).FindAll().Any(d => d.ToString().Contains(text, StringComparison.Ordinal)))
            .ToList();
    }

    private static List<string> PostgresHolders(string connectionString, string text)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'inbox%' ORDER BY 1", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var holders = new List<string>();
        foreach (var table in tables)
        {
            // The row's text form holds every column, JSON documents included (their escapes aside: \u-escaped text is
            // looked for too).
            using var find = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\" r WHERE strpos(r::text, $1) > 0 OR strpos(r::text, $2) > 0)", connection)
            {
                Parameters = { new() { Value = text }, new() { Value = System.Text.Json.JsonSerializer.Serialize(text).Trim('"') } },
            };
            if ((bool)find.ExecuteScalar()!)
            {
                holders.Add(table);
            }
        }

        return holders;
    }
}
