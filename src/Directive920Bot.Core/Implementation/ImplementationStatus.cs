namespace Directive920Bot.Implementation;

/// <summary>Where a unit stands on one requirement in one period.</summary>
public enum ImplementationStatus
{
    /// <summary>Chưa triển khai.</summary>
    NotStarted,

    /// <summary>Đang triển khai.</summary>
    InProgress,

    /// <summary>Đã hoàn thành.</summary>
    Done,
}
