using System.Globalization;
using System.Net.Http.Headers;
using Scim.EntraCycle;

// Command line: replays one Entra provisioning cycle against a running SCIM server.
// Exit codes: 0 = every check held, 1 = failures or server unreachable, 2 = bad arguments.
const string Usage = """
    Replays a Microsoft Entra ID provisioning cycle against a SCIM 2.0 server and checks every answer.

    Usage: dotnet run --project tools/Scim.EntraCycle -- --base-url <url> --token <token> [options]

      --base-url <url>   SCIM base URL (default http://localhost:5080/)
      --token <token>    Secret token, sent as "Authorization: Bearer <token>" (required)
      --users <n>        Users to provision (default 50, at least 10)
      --groups <n>       Groups to provision (default 5, at least 2)
      --run-id <id>      Suffix for names, a-z 0-9 '-' (default: random)
      --dialect <mix>    alternate | mostly-legacy | mostly-compliant (default alternate; both are always used)
      --help             Show this text

    Exit code: 0 when every check held, 1 on failures or an unreachable server, 2 on bad arguments.
    """;

var baseUrl = "http://localhost:5080/";
string? token = null;
var options = new EntraCycleOptions();
for (var i = 0; i < args.Length; i++)
{
    var name = args[i];
    if (name is "--help" or "-h" or "-?")
    {
        Console.WriteLine(Usage);
        return 0;
    }

    if (i + 1 >= args.Length)
    {
        return UsageError($"missing value for {name}");
    }

    var value = args[++i];
    switch (name)
    {
        case "--base-url":
            baseUrl = value;
            break;
        case "--token":
            token = value;
            break;
        case "--users" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var users):
            options.UserCount = users;
            break;
        case "--groups" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var groups):
            options.GroupCount = groups;
            break;
        case "--run-id":
            options.RunId = value;
            break;
        case "--dialect" when value is "alternate" or "mostly-legacy" or "mostly-compliant":
            options.Dialect = value switch
            {
                "mostly-legacy" => DialectMix.MostlyLegacy,
                "mostly-compliant" => DialectMix.MostlyCompliant,
                _ => DialectMix.Alternate,
            };
            break;
        default:
            return UsageError($"unknown option or bad value: {name} {value}");
    }
}

if (string.IsNullOrWhiteSpace(token))
{
    return UsageError("--token is required (the SCIM secret token)");
}

if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
{
    return UsageError($"--base-url must be an absolute http(s) URL: {baseUrl}");
}

try
{
    options.Validate();
}
catch (ArgumentException e)
{
    return UsageError(e.Message.Split('\n')[0]);
}

using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
try
{
    var report = await EntraCycleRunner.RunAsync(client, options, Console.Out, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{report.RequestCount} requests, {report.Failures.Count} failures (run id {report.RunId})"));
    return report.Succeeded ? 0 : 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"error: cannot reach {baseUri}: {e.Message}");
    return 1;
}
catch (TaskCanceledException)
{
    Console.Error.WriteLine($"error: {baseUri} did not answer within {client.Timeout.TotalSeconds:0} s");
    return 1;
}

static int UsageError(string message)
{
    Console.Error.WriteLine($"error: {message} (see --help)");
    return 2;
}
