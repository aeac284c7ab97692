using System.Net;
using System.Text;
using Scim.LoadTest.Tests.Infrastructure;

namespace Scim.LoadTest.Tests;

public class ConnectionTests
{
    [Fact]
    public async Task An_unreachable_server_is_one_line_and_exit_code_2()
    {
        // Port 1 on the loopback interface: nothing listens there, the connection is refused at once.
        var run = await LoadTestHarness.RunAsync(["filter-eq", "--base-url", "http://127.0.0.1:1/", "--token", "scim_x", "--requests", "5"], handler: null);

        run.AssertNotRun("cannot reach the SCIM server at http://127.0.0.1:1/");
        Assert.Equal(JsonValueKindUndefined, run.Report.ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindUndefined = System.Text.Json.JsonValueKind.Undefined;

    [Theory]
    [InlineData("not a url", "--base-url must be an absolute http(s) URL")]
    [InlineData("ftp://127.0.0.1/", "--base-url must be an absolute http(s) URL")]
    public async Task A_bad_base_url_is_one_line_and_exit_code_2(string url, string message)
    {
        var run = await LoadTestHarness.RunAsync(["filter-eq", "--base-url", url, "--token", "scim_x", "--requests", "5"], handler: null);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {message}", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "soon", "--duration: 'soon' is not a duration")]
    [InlineData("--requests", "0", "--requests must be positive")]
    [InlineData("--concurrency", "0", "--concurrency must be between 1 and 1024")]
    [InlineData("--chart", "out.png", "--chart: 'out.png' must end in .svg or .html")]
    [InlineData("--mix", "filter-eq=1,bogus=2", "--mix: unknown scenario 'bogus'")]
    [InlineData("--output", "/nonexistent-dir/x.json", "--output: cannot write '/nonexistent-dir/x.json': its directory does not exist")]
    [InlineData("--chart", "/nonexistent-dir/x.svg", "--chart: cannot write '/nonexistent-dir/x.svg': its directory does not exist")]
    [InlineData("--output", "/tmp", "--output: cannot write '/tmp': it is a directory")]
    [InlineData("--rate", "0", "--rate must be from 0.01 to 1000000 requests per second, got 0")]
    [InlineData("--rate", "1e-12", "--rate must be from 0.01 to 1000000 requests per second, got 1E-12")]
    public async Task Bad_options_are_one_line_and_exit_code_2(string option, string value, string message)
    {
        var run = await LoadTestHarness.RunAsync(["mixed", "--base-url", "http://127.0.0.1:1/", "--token", "scim_x", option, value], handler: null);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {message}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_usage_error()
    {
        var run = await LoadTestHarness.RunAsync(["fastest", "--token", "scim_x"], handler: null);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cursor_walk_follows_next_cursor_when_the_server_advertises_cursors()
    {
        using var server = new CursorServer();
        var run = await LoadTestHarness.RunAsync(["cursor-walk", "--base-url", "http://localhost/scim/", "--token", "scim_x", "--requests", "9", "--concurrency", "1", "--page-size", "2"], server);

        Assert.True(run.ExitCode == 0, run.Console + run.Error);
        Assert.Equal(9, run.Report.GetProperty("requests").GetInt64());
        Assert.Equal("GET /Users?cursor", run.Report.GetProperty("operations")[0].GetProperty("name").GetString());
        // Three pages per walk (first, c1, c2), then from the start again.
        Assert.Equal(["", "c1", "c2", "", "c1", "c2", "", "c1", "c2"], server.Cursors);
    }

    /// <summary>A stand-in for a server with RFC 9865 cursor paging: three pages of /Users.</summary>
    private sealed class CursorServer : HttpMessageHandler
    {
        public List<string> Cursors { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            string body;
            if (uri.AbsolutePath == "/scim/ServiceProviderConfig")
            {
                body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],"pagination":{"cursor":true,"index":true,"defaultPaginationMethod":"cursor"}}""";
            }
            else if (uri.AbsolutePath == "/scim/Users" && query["cursor"] is { } cursor)
            {
                Cursors.Add(cursor);
                var next = cursor switch { "" => "\"c1\"", "c1" => "\"c2\"", _ => null };
                body = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":6,"itemsPerPage":2,"Resources":[{"id":"a"},{"id":"b"}]{{(next is null ? "" : $",\"nextCursor\":{next}")}}}""";
            }
            else if (uri.AbsolutePath == "/scim/Users")
            {
                body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]}""";
            }
            else
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/scim+json") });
        }
    }
}
