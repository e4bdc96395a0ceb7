using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Query filters whose text never changes, with the values passed as parameters. LiteDB's <c>Query.EQ</c>, <c>GTE</c>,
/// <c>In</c>… write the value into the expression text, and LiteDB compiles each new text into a delegate that it keeps
/// for the life of the process: a filter on "now" or on a campaign id compiled and kept a new one at every call. These
/// are parsed and compiled once and use the same indexes.
/// </summary>
public static class Filter
{
    /// <summary><paramref name="field"/> (a field name or an index expression) equals <paramref name="value"/>.</summary>
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"{field} = @0", value);

    /// <summary>Both fields equal their values; the first one's index is used.</summary>
    public static BsonExpression Eq(string field, BsonValue value, string otherField, BsonValue otherValue) =>
        BsonExpression.Create($"{field} = @0 AND {otherField} = @1", value, otherValue);

    public static BsonExpression In(string field, IEnumerable<string> values) =>
        BsonExpression.Create($"{field} IN @0", new BsonArray(values.Select(v => new BsonValue(v))));

    public static BsonExpression AtMost(string field, BsonValue value) => BsonExpression.Create($"{field} <= @0", value);

    /// <summary><paramref name="from"/> ≤ field &lt; <paramref name="to"/>.</summary>
    public static BsonExpression From(string field, BsonValue from, BsonValue to) => BsonExpression.Create($"{field} >= @0 AND {field} < @1", from, to);

    /// <summary>The string field starts with <paramref name="prefix"/> (LIKE, so the index is sought, not scanned).</summary>
    public static BsonExpression StartsWith(string field, string prefix) => BsonExpression.Create($"{field} LIKE @0", prefix + "%");
}
