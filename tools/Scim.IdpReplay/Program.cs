using System.Globalization;
using System.Net.Http.Headers;
using Scim.IdpReplay;
using Scim.IdpReplay.Entra;

// Command line: replays one identity provider's provisioning cycle against a running SCIM server.
// Exit codes: 0 = every check held, 1 = a wrong answer or server unreachable, 2 = bad arguments.
const string Usage = """
    Replays an identity provider's provisioning cycle against a SCIM 2.0 server and checks every answer.

    Usage: dotnet run --project tools/Scim.IdpReplay -- --base-url <url> --token <token> [--idp entra|okta|jumpcloud] [options]

      --base-url <url>   SCIM base URL (default http://localhost:5080/)
      --token <token>    The SCIM key, sent as "Authorization: Bearer <token>" (required)
      --idp <name>       entra (default) | okta | jumpcloud
      --users <n>        Users to provision (default entra 50, okta 110, jumpcloud 20; at least 10, 10, 6)
      --groups <n>       Groups to provision (default entra 5, okta 3, jumpcloud 3; at least 2, 3, 2)
      --run-id <id>      Suffix for names, a-z 0-9 '-' (default: random)
      --dialect <mix>    entra only: alternate | mostly-legacy | mostly-compliant (default alternate; both are always used)
      --keep-going       Go on after a wrong answer and report every failed check (default: stop at the first)
      --help             Show this text

    Exit code: 0 when every check held, 1 on a wrong answer or an unreachable server, 2 on bad arguments.
    """;

var baseUrl = "http://localhost:5080/";
string? token = null;
var options = new ReplayOptions();
for (var i = 0; i < args.Length; i++)
{
    var name = args[i];
    if (name is "--help" or "-h" or "-?")
    {
        Console.WriteLine(Usage);
        return 0;
    }

    if (name == "--keep-going")
    {
        options.KeepGoing = true;
        continue;
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
        case "--idp" when value is "entra" or "okta" or "jumpcloud":
            options.IdentityProvider = value switch
            {
                "okta" => IdentityProvider.Okta,
                "jumpcloud" => IdentityProvider.JumpCloud,
                _ => IdentityProvider.Entra,
            };
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
    var report = await IdpReplayRunner.RunAsync(client, options, Console.Out, CancellationToken.None);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{report.IdentityProvider} cycle {report.RunId}: {report.RequestCount} requests, {report.Failures.Count} failed checks"));
    foreach (var failure in report.Failures)
    {
        Console.WriteLine($"""

              step:     {failure.Step}
              request:  {failure.Request}
              expected: {failure.Expected}
              got:      {failure.Actual} (HTTP {failure.ActualStatus})
              body:     {failure.BodyExcerpt}
            """);
    }

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
