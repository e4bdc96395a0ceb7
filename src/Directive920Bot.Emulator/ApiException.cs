namespace Directive920Bot.Emulator;

/// <summary>A Bot API error to send back as {"ok":false,...}; thrown by handlers and caught by the dispatcher.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int statusCode, string description, int? retryAfter = null)
        : base(description)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ApiException()
        : this(500, "Internal Server Error")
    {
    }

    public ApiException(string message)
        : this(400, message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
    }

    public int StatusCode { get; }

    public int? RetryAfter { get; }

    public static ApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);
}
