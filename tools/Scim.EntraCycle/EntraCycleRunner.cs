namespace Scim.EntraCycle;

/// <summary>Replays one full Microsoft Entra provisioning cycle over HTTP against a SCIM server and checks every answer.</summary>
public static class EntraCycleRunner
{
    /// <summary>
    /// Runs the cycle: Test Connection, user and group creation, membership, attribute/manager/active updates,
    /// deletes, a group rename and a final read-back of everything that remains.
    /// </summary>
    /// <param name="client">A client whose <see cref="HttpClient.BaseAddress"/> is the SCIM base URL and which already carries the Authorization header.</param>
    /// <param name="options">Sizes, run id and dialect mix.</param>
    /// <param name="log">Receives one line per request plus one line per failed check.</param>
    /// <param name="ct">Cancels the cycle.</param>
    /// <returns>The request count and every failed check.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public static async Task<EntraCycleReport> RunAsync(HttpClient client, EntraCycleOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();

        var report = new EntraCycleReport { RunId = options.RunId };
        var sender = new ScimRequestSender(client, ScimBase(client), log, report);
        await new EntraCycle(sender, options, log).RunAsync(ct);
        return report;
    }

    // Relative URIs resolve below the base only when its path ends in '/' (e.g. ".../scim/v2/" + "Users").
    // The caller's client is not modified: BaseAddress cannot change once a client has sent a request.
    private static Uri ScimBase(HttpClient client)
    {
        var baseUri = client.BaseAddress ?? throw new ArgumentException("The client's BaseAddress must be the SCIM base URL.", nameof(client));
        return baseUri.AbsolutePath.EndsWith('/') ? baseUri : new UriBuilder(baseUri) { Path = baseUri.AbsolutePath + "/" }.Uri;
    }
}
