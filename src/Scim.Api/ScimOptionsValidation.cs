using Microsoft.Extensions.Options;

namespace Scim.Api;

/// <summary>
/// Checks the <c>Scim</c> settings when the server starts (options validation with <c>ValidateOnStart</c>), so a value
/// it could not use stops it with one line naming the setting, what is wrong with it and what to set instead, before it
/// touches the database or serves a request. <see cref="ScimOptions.PublicBaseUrl"/> must be empty or an absolute
/// <c>http</c> or <c>https</c> URL with a host and without user information, query or fragment: the administration API
/// appends the path base to it, and Entra's tenant URL a query of its own.
/// </summary>
public sealed class ScimOptionsValidation : IValidateOptions<ScimOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ScimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PublicBaseUrlProblem(options.PublicBaseUrl) is { } problem
            ? ValidateOptionsResult.Fail(
                $"Scim:PublicBaseUrl '{options.PublicBaseUrl}' {problem}; set it to the address identity providers reach this deployment at, "
                + "such as https://scim.eu.example.com (a reverse proxy's path may follow), or leave it empty.")
            : ValidateOptionsResult.Success;
    }

    private static string? PublicBaseUrlProblem(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        // On Unix "/scim" parses as an absolute file URL: only a scheme followed by "://" and a host is an address.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || !value.Contains("://", StringComparison.Ordinal) || url.Host.Length == 0)
        {
            return "is not an absolute URL";
        }

        return url switch
        {
            { Scheme: not ("https" or "http") } => $"has the scheme '{url.Scheme}', not http or https",
            { UserInfo.Length: > 0 } => "carries user information, which would be copied into every address the server hands out",
            _ when value.Contains('?', StringComparison.Ordinal) => "has a query, which the addresses built from it could not carry",
            _ when value.Contains('#', StringComparison.Ordinal) => "has a fragment, which the addresses built from it could not carry",
            _ => null,
        };
    }
}
