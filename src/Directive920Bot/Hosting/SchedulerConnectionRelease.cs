using Directive920Bot.Storage.Postgres;
using Microsoft.Extensions.Hosting;

namespace Directive920Bot.Hosting;

/// <summary>
/// Once every hosted service stopped (Quartz's scheduler among them), the clustered store's pooled connections are
/// closed: they are pooled process-wide by connection string and would otherwise stay open on the server after the
/// service stopped (see <see cref="SchedulerConnections"/>).
/// </summary>
internal sealed class SchedulerConnectionRelease(string connectionString) : IHostedLifecycleService
{
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        SchedulerConnections.Release(connectionString);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
