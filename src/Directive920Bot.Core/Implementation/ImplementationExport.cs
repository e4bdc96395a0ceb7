using System.Dynamic;

namespace Directive920Bot.Implementation;

/// <summary>The matrix as export rows: one per unit, one column per requirement with its Vietnamese status.</summary>
internal static class ImplementationExport
{
    // Expando rows typed as object: the columns depend on the configured requirements, and CsvHelper writes a header from
    // the first record only when the element type is object (it cannot map ExpandoObject as a class).
    public static IReadOnlyList<object> Rows(ImplementationMatrix matrix)
    {
        var rows = new List<object>(matrix.Rows.Count);
        foreach (var row in matrix.Rows)
        {
            var record = new ExpandoObject();
            IDictionary<string, object?> cells = record;
            cells["Mã đơn vị"] = row.UnitCode;
            cells["Đơn vị"] = row.UnitName;
            for (var i = 0; i < matrix.Requirements.Count; i++)
            {
                cells[matrix.Requirements[i].Id] = ImplementationService.StatusLabel(row.Statuses[i]);
            }

            rows.Add(record);
        }

        return rows;
    }
}
