namespace Directive920Bot.Implementation;

/// <summary>The matrix as export rows: one per unit, one column per requirement with its Vietnamese status.</summary>
internal static class ImplementationExport
{
    public static IReadOnlyList<IDictionary<string, object?>> Rows(ImplementationMatrix matrix)
    {
        var rows = new List<IDictionary<string, object?>>(matrix.Rows.Count);
        foreach (var row in matrix.Rows)
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Mã đơn vị"] = row.UnitCode,
                ["Đơn vị"] = row.UnitName,
            };
            for (var i = 0; i < matrix.Requirements.Count; i++)
            {
                cells[matrix.Requirements[i].Id] = ImplementationService.StatusLabel(row.Statuses[i]);
            }

            rows.Add(cells);
        }

        return rows;
    }
}
