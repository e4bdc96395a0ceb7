namespace Directive920Bot.Sandbox;

/// <summary>Mounts /sandbox in front of the rest of the pipeline; registered only in sandbox mode.</summary>
internal sealed class SandboxStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/sandbox", branch => branch.Run(SandboxEndpoints.HandleAsync));
        next(app);
    };
}
