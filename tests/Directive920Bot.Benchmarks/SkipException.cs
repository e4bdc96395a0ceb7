namespace Directive920Bot.Tests.Infrastructure;

/// <summary>
/// What the linked test helper <c>PostgresCluster.cs</c> throws when no PostgreSQL is installed (in the tests it is
/// xunit's skip); here it ends the benchmark with the same reason. Declared in the helper's namespace so the linked file
/// compiles unchanged.
/// </summary>
public sealed class SkipException : Exception
{
    public SkipException()
    {
    }

    public SkipException(string message)
        : base(message)
    {
    }

    public SkipException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
