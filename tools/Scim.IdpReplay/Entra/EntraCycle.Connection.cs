namespace Scim.IdpReplay.Entra;

internal sealed partial class EntraCycle
{
    /// <summary>Test Connection: filters with random values must answer 200 with an empty list.
    /// Returns false when the server refused the credentials.</summary>
    private async Task<bool> TestConnectionAsync(CancellationToken ct)
    {
        const string Step = "test-connection";
        var probe = Guid.NewGuid().ToString();
        var responses = new List<ScimResponse>
        {
            await Http.GetAsync(Step, EntraRequests.UserLookup(probe), ct, 200),
            // The validator's form encoding: '+' for spaces, %40 for '@' (§2.2).
            await Http.GetAsync(Step, "Users?" + EntraRequests.FormEncodedFilter("userName", $"probe-{probe}@contoso.example"), ct, 200),
            // The behaviour flag may reach the server as a query parameter; unknown parameters are ignored (§0).
            await Http.GetAsync(Step, "Users?aadOptscim062020&" + ScimMessages.Filter("userName", probe), ct, 200),
            await Http.GetAsync(Step, EntraRequests.GroupLookup(probe), ct, 200),
        };
        foreach (var response in responses)
        {
            Check.List(Step, response, 0);
        }

        return !responses.Any(r => r.Status is 401 or 403);
    }
}
