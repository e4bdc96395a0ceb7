namespace Directive920Bot.Hosting;

/// <summary>
/// What every CLI verb shares: where it writes, and the two clocks (see <see cref="Clocks"/>). The business clock is the
/// service's, so a campaign the CLI creates "now" is due now in the service that shares the file; tests pass their own.
/// </summary>
/// <param name="Output">Where the verb writes its results and errors.</param>
/// <param name="Business">The business clock; null: the service's (the system clock, or a sandbox database's own clock).</param>
/// <param name="Transport">The transport clock (polling the admin API).</param>
/// <param name="Storage">Registers the storage provider the host composes (the service's own, so a verb opens the same store).</param>
public sealed record CliContext(TextWriter Output, TimeProvider? Business, TimeProvider Transport, Action<IHostApplicationBuilder> Storage);
