using System.Globalization;
using System.Text.Json;
using Scim.Client;

namespace Scim.LoadTest.Scenarios;

/// <summary>
/// Walks <c>/Users</c> with RFC 9865 cursors: <c>GET /Users?count=n&amp;cursor=</c>, then <c>cursor=&lt;nextCursor&gt;</c>
/// until a page has no <c>nextCursor</c>, then starts over. Runs only when <c>/ServiceProviderConfig</c> advertises
/// <c>pagination.cursor: true</c>. The generated client models neither that attribute nor <c>nextCursor</c>, so these
/// requests are sent on the same <see cref="HttpClient"/> and read as JSON.
/// </summary>
internal sealed class CursorWalkScenario : Scenario
{
    public const string Unsupported = "cursor paging is not supported by this server (ServiceProviderConfig)";

    public override string Name => ScenarioCatalog.CursorWalk;

    public override async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync(context.Http, "ServiceProviderConfig", cancellationToken);
        var supported = document.RootElement.TryGetProperty("pagination", out var pagination)
            && pagination.ValueKind == JsonValueKind.Object
            && pagination.TryGetProperty("cursor", out var cursor)
            && cursor.ValueKind == JsonValueKind.True;
        if (!supported)
        {
            throw new ScenarioUnavailableException(Unsupported);
        }

        context.Note("users: existing", "The server advertises cursor paging (ServiceProviderConfig pagination.cursor); walking /Users from the first page.");
    }

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    internal static async Task<JsonDocument> GetJsonAsync(HttpClient http, string relativeUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(relativeUrl, UriKind.Relative));
        request.Headers.Accept.ParseAdd(ScimClient.MediaType);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ScimException($"GET {relativeUrl} failed.", (int)response.StatusCode, body, new Dictionary<string, IEnumerable<string>>(), null);
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new CheckFailedException($"GET {relativeUrl} did not return JSON: {e.Message}");
        }
    }

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        private string cursor = "";

        public override Operation Next => Operation.ListUsersCursor;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"Users?count={context.Options.PageSize}&cursor={Uri.EscapeDataString(cursor)}");
            try
            {
                using var page = await GetJsonAsync(context.Http, url, cancellationToken);
                cursor = page.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() ?? "" : "";
            }
            catch
            {
                cursor = "";
                throw;
            }
        }
    }
}
