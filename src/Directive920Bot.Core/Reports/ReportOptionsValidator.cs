using Microsoft.Extensions.Options;

namespace Directive920Bot.Reports;

internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        var failures = new List<string>();
        if (options.DigestHour is < 7 or > 20)
        {
            failures.Add($"Reports:DigestHour must be between 7 and 20 (outside quiet hours), was {options.DigestHour}.");
        }

        if (options.ItemAnalysisMinimumAnswers < 1)
        {
            failures.Add($"Reports:ItemAnalysisMinimumAnswers must be at least 1, was {options.ItemAnalysisMinimumAnswers}.");
        }

        if (string.IsNullOrWhiteSpace(options.ChartFont))
        {
            failures.Add("Reports:ChartFont must name a font file, was ''.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
