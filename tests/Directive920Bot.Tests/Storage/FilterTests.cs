using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// Regression: LiteDB's Query.EQ/In/LTE… put the value in the expression text, so each new value compiled and kept
/// another delegate for the life of the process (a filter on "now" did so every minute). Filters keep one text, find
/// the same documents and use the same indexes.
/// </summary>
public sealed class FilterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-filter-").FullName;
    private readonly LiteDatabase db;
    private readonly ILiteCollection<BsonDocument> docs;
    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public FilterTests()
    {
        db = new LiteDatabase(Path.Combine(folder, "f.db")) { UtcDate = true };
        docs = db.GetCollection("docs");
        docs.EnsureIndex("Unit");
        docs.EnsureIndex("At");
        docs.EnsureIndex("Path");
        for (var i = 0; i < 60; i++)
        {
            docs.Insert(new BsonDocument { ["_id"] = i, ["Unit"] = "U" + (i % 6), ["At"] = Start.AddHours(i), ["Path"] = i % 2 == 0 ? "/a/" + i : "/b/" + i, ["State"] = i % 3 == 0 ? "Sent" : "Pending" });
        }
    }

    public void Dispose()
    {
        db.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_text_of_a_filter_does_not_change_with_its_values()
    {
        Assert.Equal(Filter.Eq("Unit", "U1").Source, Filter.Eq("Unit", "U2").Source);
        Assert.Equal(Filter.In("Unit", ["U1"]).Source, Filter.In("Unit", ["U2", "U3"]).Source);
        Assert.Equal(Filter.AtMost("At", Start).Source, Filter.AtMost("At", Start.AddMinutes(1)).Source);
        Assert.Equal(Filter.From("At", Start, Start.AddDays(1)).Source, Filter.From("At", Start.AddDays(1), Start.AddDays(2)).Source);
        Assert.Equal(Filter.StartsWith("Path", "/a/").Source, Filter.StartsWith("Path", "/b/").Source);
        Assert.Equal(Filter.Eq("Unit", "U1", "State", "Sent").Source, Filter.Eq("Unit", "U2", "State", "Pending").Source);
    }

    [Fact]
    public void Filters_find_what_the_value_queries_find()
    {
        Assert.Equal(Ids(Query.EQ("Unit", "U1")), Ids(Filter.Eq("Unit", "U1")));
        Assert.Equal(Ids(Query.In("Unit", "U1", "U4")), Ids(Filter.In("Unit", ["U1", "U4"])));
        Assert.Equal(Ids(Query.LTE("At", Start.AddHours(5))), Ids(Filter.AtMost("At", Start.AddHours(5))));
        Assert.Equal(Ids(Query.And(Query.GTE("At", Start.AddHours(10)), Query.LT("At", Start.AddHours(20)))), Ids(Filter.From("At", Start.AddHours(10), Start.AddHours(20))));
        Assert.Equal(Ids(Query.StartsWith("Path", "/a/")), Ids(Filter.StartsWith("Path", "/a/")));
        Assert.Equal(Ids(Query.And(Query.EQ("Unit", "U3"), Query.EQ("State", "Sent"))), Ids(Filter.Eq("Unit", "U3", "State", "Sent")));
        Assert.Equal(10, Ids(Filter.From("At", Start.AddHours(10), Start.AddHours(20))).Count);
    }

    [Theory]
    [InlineData("eq", "INDEX SEEK")]
    [InlineData("in", "INDEX SEEK")]
    [InlineData("from", "INDEX SCAN")]
    [InlineData("startswith", "INDEX SEEK")]
    public void Filters_use_the_index(string kind, string mode)
    {
        var filter = kind switch
        {
            "eq" => Filter.Eq("Unit", "U1"),
            "in" => Filter.In("Unit", ["U1", "U2"]),
            "from" => Filter.From("At", Start, Start.AddDays(1)),
            _ => Filter.StartsWith("Path", "/a/"),
        };

        var plan = docs.Query().Where(filter).GetPlan()["index"];

        Assert.StartsWith(mode, plan["mode"].AsString, StringComparison.Ordinal);
    }

    private List<int> Ids(BsonExpression filter) => [.. docs.Find(filter).Select(d => d["_id"].AsInt32).Order()];
}
