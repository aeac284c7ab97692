using Scim.IdpReplay.Entra;
using Scim.IdpReplay.JumpCloud;
using Scim.IdpReplay.Okta;

namespace Scim.IdpReplay;

/// <summary>Replays one identity provider's full provisioning cycle over HTTP against a SCIM server and checks every answer.</summary>
public static class IdpReplayRunner
{
    /// <summary>
    /// Runs the cycle of <see cref="ReplayOptions.IdentityProvider"/>: Entra (Test Connection, match-then-create,
    /// membership, PATCH in both dialects, managers, soft and hard delete, group rename and delete), Okta (Test Connector
    /// Configuration, lookup then create, GET then PUT, PATCH active, import pages, Group Push) or JumpCloud (test user
    /// and group, PATCH replace per attribute, repeated member adds), then reads back everything that remains.
    /// </summary>
    /// <param name="client">A client whose <see cref="HttpClient.BaseAddress"/> is the SCIM base URL and which already carries the Authorization header.</param>
    /// <param name="options">Provider, sizes, run id; unless <see cref="ReplayOptions.KeepGoing"/>, the cycle stops at the first wrong answer.</param>
    /// <param name="log">Receives one line per request plus one line per failed check.</param>
    /// <param name="ct">Cancels the cycle.</param>
    /// <returns>The request count and every failed check.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public static async Task<ReplayReport> RunAsync(HttpClient client, ReplayOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();

        var report = new ReplayReport { IdentityProvider = options.IdentityProvider, RunId = options.RunId };
        var sender = new ScimRequestSender(client, ScimBase(client), log, report, options.KeepGoing);
        try
        {
            await (options.IdentityProvider switch
            {
                IdentityProvider.Okta => new OktaCycle(sender, options, log).RunAsync(ct),
                IdentityProvider.JumpCloud => new JumpCloudCycle(sender, options, log).RunAsync(ct),
                _ => new EntraCycle(sender, options, log).RunAsync(ct),
            });
        }
        catch (ReplayStoppedException)
        {
            log.WriteLine("The cycle stopped at the first wrong answer.");
        }

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
