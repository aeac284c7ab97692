using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.IdpReplay;

/// <summary>Sends one request as identity providers do, checks the transport-level rules and logs one line per request.</summary>
internal sealed class ScimRequestSender(HttpClient client, Uri baseUri, TextWriter log, ReplayReport report, bool keepGoing)
{
    public const string MediaType = "application/scim+json";

    // Non-ASCII names go out as raw UTF-8, as a real directory would send them.
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<ScimResponse> GetAsync(string step, string path, CancellationToken ct, params int[] expected) =>
        SendAsync(step, HttpMethod.Get, path, null, expected, ct);

    public Task<ScimResponse> PostAsync(string step, string path, JsonNode body, CancellationToken ct, params int[] expected) =>
        SendAsync(step, HttpMethod.Post, path, body, expected, ct);

    public Task<ScimResponse> PutAsync(string step, string path, JsonNode body, CancellationToken ct, params int[] expected) =>
        SendAsync(step, HttpMethod.Put, path, body, expected, ct);

    public Task<ScimResponse> PatchAsync(string step, string path, JsonNode body, CancellationToken ct, params int[] expected) =>
        SendAsync(step, HttpMethod.Patch, path, body, expected, ct);

    public Task<ScimResponse> DeleteAsync(string step, string path, CancellationToken ct, params int[] expected) =>
        SendAsync(step, HttpMethod.Delete, path, null, expected, ct);

    /// <summary>Records a failed check against <paramref name="response"/> and logs it; then stops the cycle unless it keeps going.</summary>
    /// <exception cref="ReplayStoppedException">The cycle stops at its first wrong answer.</exception>
    public void Fail(string step, ScimResponse response, string expected, string actual)
    {
        Record(step, response, expected, actual);
        StopUnlessKeepingGoing();
    }

    private void Record(string step, ScimResponse response, string expected, string actual)
    {
        report.Add(new ReplayFailure(step, response.Request, expected, actual, response.Status, response.Excerpt));
        log.WriteLine($"     FAIL [{step}] {response.Request}: expected {expected}; got {actual}");
    }

    private void StopUnlessKeepingGoing()
    {
        if (!keepGoing)
        {
            throw new ReplayStoppedException();
        }
    }

    private async Task<ScimResponse> SendAsync(string step, HttpMethod method, string path, JsonNode? body, int[] expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        if (body is not null)
        {
            // StringContent with a media type sends "application/scim+json; charset=utf-8", the Content-Type Entra and Okta send.
            request.Content = new StringContent(body.ToJsonString(BodyOptions), Encoding.UTF8, MediaType);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        report.RequestCount++;

        var contentType = response.Content.Headers.ContentType?.ToString();
        var json = TryParse(text);
        var result = new ScimResponse(method.Method, path, (int)response.StatusCode, contentType, text, json, response.Headers.Location);

        var problems = new List<(string Expected, string Actual)>();
        if (!expected.Contains(result.Status))
        {
            problems.Add(($"status {string.Join(" or ", expected)}", $"status {result.Status}"));
        }

        // Every response with a body must be SCIM JSON: a client that validates the media type gives up on application/json.
        if (text.Length > 0 && (contentType is null || !contentType.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(($"Content-Type {MediaType}", $"Content-Type '{contentType ?? "(none)"}'"));
        }

        if (text.Length > 0 && json is null)
        {
            problems.Add(("a JSON body", "a body that is not JSON"));
        }

        var outcome = problems.Count == 0 ? "ok" : "FAIL";
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.RequestCount,5} {method.Method,-6} {path} -> {result.Status} ({elapsed:0} ms) {outcome} [{step}]"));
        foreach (var (want, got) in problems)
        {
            Record(step, result, want, got);
        }

        if (problems.Count > 0)
        {
            StopUnlessKeepingGoing();
        }

        return result;
    }

    private static JsonNode? TryParse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
