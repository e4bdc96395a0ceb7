using Microsoft.Extensions.Options;

namespace Directive920Bot.Implementation;

/// <summary>
/// At a start in Production, names the <c>CommitteeReport:*</c> keys of the issuing body still unset: the committee's
/// drafts would print bracketed placeholders. A warning, not a refusal — the bot's teaching does not depend on the
/// letterhead of a report an office edits before signing anyway.
/// </summary>
internal sealed partial class CommitteeReportStartCheck(IHostEnvironment environment, IOptions<CommitteeReportOptions> options,
    ILogger<CommitteeReportStartCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && options.Value.UnsetKeys is { Count: > 0 } unset)
        {
            Unset(logger, string.Join(", ", unset));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The committee reports' issuing body is not configured: set {Keys} (the DOCX drafts print placeholders until then)")]
    private static partial void Unset(ILogger logger, string keys);
}
