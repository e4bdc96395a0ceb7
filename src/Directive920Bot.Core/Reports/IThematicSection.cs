using DocumentFormat.OpenXml.Wordprocessing;

namespace Directive920Bot.Reports;

/// <summary>
/// A section another feature adds to the thematic DOCX (after the figures and the feedback): the implementation reports
/// give "Kết quả thực hiện". Reports does not read that feature's data itself.
/// </summary>
public interface IThematicSection
{
    /// <summary>Appends the section for <paramref name="unitCode"/> (rolled up) and the local days <paramref name="from"/>–<paramref name="to"/>.</summary>
    void Append(Body body, string unitCode, DateOnly from, DateOnly to);
}
