namespace Directive920Bot.Zalo;

/// <summary>An answer with <c>ok: false</c> (or an HTTP error): the platform's error_code and description.</summary>
public sealed class ZaloApiException : Exception
{
    public ZaloApiException()
    {
    }

    public ZaloApiException(string message)
        : base(message)
    {
    }

    public ZaloApiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ZaloApiException(int errorCode, string? description, TimeSpan? retryAfter = null)
        : base($"Zalo API error {errorCode}: {description}")
    {
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
    }

    public int ErrorCode { get; }

    public string? Description { get; }

    public TimeSpan? RetryAfter { get; }
}
