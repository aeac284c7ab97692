using System.Globalization;
using System.Text.Json;

namespace Scim.Client;

/// <summary>
/// A failed SCIM request: the HTTP <see cref="Status"/> and, when the server sent a SCIM error body (RFC 7644 §3.12),
/// its <see cref="ScimType"/> (<c>invalidFilter</c>, <c>uniqueness</c>, ...) and <see cref="Detail"/>.
/// </summary>
public partial class ScimException : Exception
{
    /// <summary>Creates the exception for a response whose body is kept as text; a SCIM error body in it is read.</summary>
    /// <param name="message">What the client expected.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ScimException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, ReadError(response), innerException)
    {
    }

    /// <summary>Creates the exception from a SCIM error body that was already read.</summary>
    /// <param name="message">What the client expected.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="error">The SCIM error body, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ScimException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Error? error, Exception? innerException)
        : base(Describe(message, statusCode, error), innerException)
    {
        Status = statusCode;
        ScimType = error?.ScimType;
        Detail = error?.Detail;
        Response = response;
        Headers = headers;
    }

    /// <summary>The HTTP status code (e.g. 404).</summary>
    public int Status { get; }

    /// <summary>The SCIM error keyword (RFC 7644 §3.12), e.g. <c>uniqueness</c>; null when the server sent none.</summary>
    public string? ScimType { get; }

    /// <summary>The server's explanation, when it sent a SCIM error body.</summary>
    public string? Detail { get; }

    /// <summary>The raw response body, when it was read as text.</summary>
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    private static string Describe(string message, int status, Error? error) => error is null
        ? string.Create(CultureInfo.InvariantCulture, $"SCIM request failed with HTTP {status}: {message}")
        : string.Create(CultureInfo.InvariantCulture, $"SCIM request failed with HTTP {status}{(error.ScimType is null ? "" : $" ({error.ScimType})")}: {error.Detail ?? message}");

    private static Error? ReadError(string? response)
    {
        if (string.IsNullOrWhiteSpace(response))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Error>(response);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A failed SCIM request whose documented error body was read as <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The body type (<see cref="Error"/> for SCIM errors).</typeparam>
public partial class ScimException<TResult> : ScimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the client expected.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if read as text.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="result">The response body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ScimException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, result as Error, innerException)
    {
        Result = result;
    }

    /// <summary>The response body.</summary>
    public TResult Result { get; }
}
