using System.CommandLine;
using System.Globalization;
using System.Net;
using Scim.Client;
using Scim.LoadTest.Floor;
using Scim.LoadTest.Scenarios;
using Spectre.Console;

namespace Scim.LoadTest;

/// <summary>
/// The command line: <c>Scim.LoadTest &lt;scenario&gt; --base-url URL --token TOKEN [options]</c>, or
/// <c>Scim.LoadTest floor [options]</c> (see <see cref="FloorCommand"/>).
/// Exit codes: 0 = the run finished and every request succeeded; 1 = the run finished with failed requests;
/// 2 = nothing was measured (bad arguments, unreachable server, rejected token, scenario not supported, floor not measurable).
/// </summary>
internal static class LoadTestCli
{
    public const int Success = 0;
    public const int RequestsFailed = 1;
    public const int NotRun = 2;

    /// <summary>Parses <paramref name="args"/> and runs the scenario.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where the progress lines and the result tables go.</param>
    /// <param name="error">Where the one-line reason goes when nothing can be measured.</param>
    /// <param name="handler">Sends the requests instead of a new <see cref="SocketsHttpHandler"/> (tests pass the in-memory server's).</param>
    /// <param name="cancellationToken">Stops the run early.</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        var scenario = new Argument<string>("scenario")
        {
            Description = string.Join(" | ", ScenarioCatalog.Names),
        };
        scenario.AcceptOnlyFromAmong([.. ScenarioCatalog.Names]);
        var baseUrl = new Option<string>("--base-url") { Description = "SCIM base URL.", DefaultValueFactory = _ => "http://localhost:5080/" };
        var token = new Option<string?>("--token") { Description = "SCIM API key (scim scope), sent as a bearer token; default: the SCIM_TOKEN environment variable." };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Worker tasks, each with one request in flight.", DefaultValueFactory = _ => 16 };
        var duration = new Option<string?>("--duration", "-d") { Description = "Length of the measured phase: 20, 20s, 500ms, 2m. Default 30s when --requests is not given either." };
        var requests = new Option<long?>("--requests", "-n") { Description = "Requests in the measured phase (each step of entra-cycle counts). With --duration, whichever comes first." };
        var warmup = new Option<string?>("--warmup", "-w") { Description = "Warm-up before measuring, left out of the results: a request count (500) or a duration (5s)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON report to this file." };
        var chart = new Option<string?>("--chart") { Description = "Write the latency chart to this .svg or self-contained .html file." };
        var sampleSize = new Option<int>("--sample-size") { Description = "Existing users to discover for filter-eq, get-by-id, patch-replace, group-add-members.", DefaultValueFactory = _ => 5000 };
        var workingSet = new Option<int>("--working-set") { Description = "Users to create when the directory has none.", DefaultValueFactory = _ => 100 };
        var groups = new Option<int>("--groups") { Description = "Groups to create for group-add-members when there are none (or with --new-groups); default one per worker." };
        var newGroups = new Option<bool>("--new-groups") { Description = "group-add-members: create fresh groups even when the directory has some." };
        var pageSize = new Option<int>("--page-size") { Description = "count of list-page and cursor-walk.", DefaultValueFactory = _ => 100 };
        var batchSize = new Option<int>("--batch-size") { Description = "Members per PATCH in group-add-members.", DefaultValueFactory = _ => 100 };
        var noisyToken = new Option<string?>("--noisy-token") { Description = "fairness: SCIM API key of another organization on the same server, whose large group writes run beside the measured small writes." };
        var noisyBatchSize = new Option<int>("--noisy-batch-size") { Description = "fairness: members per background PATCH (added, then removed).", DefaultValueFactory = _ => 10_000 };
        var noisyLoad = new Option<string>("--noisy-load")
        {
            Description = "fairness: what the noisy organization sends: patches (large group PATCHes) or filters (userName co filters over its users).",
            DefaultValueFactory = _ => NoisyLoads.Patches,
        };
        noisyLoad.AcceptOnlyFromAmong([.. NoisyLoads.Names]);
        var noisyConcurrency = new Option<int>("--noisy-concurrency") { Description = "fairness: the noisy organization's requests at once.", DefaultValueFactory = _ => 1 };
        var rate = new Option<double?>("--rate")
        {
            Description = "Requests per second the measured workers send together at most (paced, as an identity provider's sync is); default: as fast as answers come. fairness: the quiet organization's rate.",
            // System.CommandLine's own message names the CLR type (System.Nullable`1[System.Double]).
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond))
                {
                    return perSecond;
                }

                result.AddError($"--rate '{text}' is not a number; give requests per second, such as 40 or 0.5.");
                return null;
            },
        };
        var mix = new Option<string?>("--mix") { Description = $"Weights of mixed: name=weight,... Default {MixWeights.Format(MixWeights.Default)}." };
        var timeout = new Option<string>("--timeout") { Description = "Per-request timeout.", DefaultValueFactory = _ => "30s" };
        var floor = new Option<string?>("--floor") { Description = "A floor measured in the same run (floor --output): the report adds the throughput's ratio to it." };
        var serverPid = new Option<int?>("--server-pid") { Description = "The server's process id, when it runs on this machine: the report adds the server's CPU milliseconds per request (Linux /proc)." };

        var root = new RootCommand("Load tests for the SCIM 2.0 server: runs a scenario through the generated client and reports throughput, latency percentiles and errors.")
        {
            scenario, baseUrl, token, concurrency, duration, requests, warmup, output, chart, sampleSize, workingSet, groups, newGroups, pageSize, batchSize, noisyToken, noisyBatchSize, noisyLoad, noisyConcurrency, rate, mix, timeout, floor, serverPid,
        };
        var exitCode = Success;
        root.Subcommands.Add(FloorCommand.Create(console, error, code => exitCode = code));
        root.SetAction(async (parse, ct) =>
        {
            var options = Validate(parse, out var problem);
            if (options is null)
            {
                await error.WriteLineAsync($"error: {problem}");
                exitCode = NotRun;
                return;
            }

            exitCode = await RunAsync(options, console, error, handler, ct);
        });

        // The scenario argument belongs to the root command, so System.CommandLine's help for a subcommand of it would
        // show "<scenario> floor"; floor is parsed under a root of its own, and stays listed under the scenarios' root.
        var parsed = args is [FloorCommand.Name, ..]
            ? new RootCommand(root.Description ?? "") { FloorCommand.Create(console, error, code => exitCode = code) }.Parse(args)
            : root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parsed.Errors[0].Message} (see --help)");
            return NotRun;
        }

        var code = await parsed.InvokeAsync(new InvocationConfiguration { Error = error }, cancellationToken);
        return code != 0 ? code : exitCode;

        LoadTestOptions? Validate(ParseResult parse, out string problem)
        {
            problem = "";
            if (!Uri.TryCreate(parse.GetValue(baseUrl), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problem = $"--base-url must be an absolute http(s) URL, got '{parse.GetValue(baseUrl)}'";
                return null;
            }

            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("SCIM_TOKEN");
            if (string.IsNullOrWhiteSpace(secret))
            {
                problem = "give the SCIM token with --token or the SCIM_TOKEN environment variable";
                return null;
            }

            TimeSpan? runFor = null;
            if (parse.GetValue(duration) is { } d)
            {
                if (!RunBound.TryParseDuration(d, out var parsedDuration))
                {
                    problem = $"--duration: '{d}' is not a duration such as 20, 20s, 500ms or 2m";
                    return null;
                }

                runFor = parsedDuration;
            }

            var count = parse.GetValue(requests);
            if (count is <= 0)
            {
                problem = "--requests must be positive";
                return null;
            }

            RunBound? warm = null;
            if (parse.GetValue(warmup) is { } w && !RunBound.TryParseWarmup(w, out warm))
            {
                problem = $"--warmup: '{w}' is neither a request count (500) nor a duration (5s)";
                return null;
            }

            var weights = MixWeights.Default;
            if (parse.GetValue(mix) is { } m && MixWeights.TryParse(m, out weights) is { } mixProblem)
            {
                problem = mixProblem;
                return null;
            }

            if (!RunBound.TryParseDuration(parse.GetValue(timeout)!, out var requestTimeout))
            {
                problem = $"--timeout: '{parse.GetValue(timeout)}' is not a duration";
                return null;
            }

            if (parse.GetValue(chart) is { } c && !ChartWriter.IsSupported(c))
            {
                problem = $"--chart: '{c}' must end in .svg or .html";
                return null;
            }

            // Checked before the run, so a long run is never lost to a typo in the report paths.
            foreach (var (path, name) in new[] { (parse.GetValue(output), "--output"), (parse.GetValue(chart), "--chart") })
            {
                if (path is not null && UnwritablePath(path) is { } reason)
                {
                    problem = $"{name}: cannot write '{path}': {reason}";
                    return null;
                }
            }

            FloorReport? baseline = null;
            if (parse.GetValue(floor) is { } floorPath && FloorReport.TryLoad(floorPath, out baseline) is { } floorProblem)
            {
                problem = $"--floor: {floorProblem}";
                return null;
            }

            if (parse.GetValue(serverPid) is { } pid && ProcessCpu.TryRead(pid, out var pidProblem) is null)
            {
                problem = $"--server-pid: {pidProblem}";
                return null;
            }

            var checks = new (int Value, int Min, int Max, string Name)[]
            {
                (parse.GetValue(concurrency), 1, 1024, "--concurrency"),
                (parse.GetValue(sampleSize), 1, 1_000_000, "--sample-size"),
                (parse.GetValue(workingSet), 1, 100_000, "--working-set"),
                (parse.GetValue(groups), 0, 10_000, "--groups"),
                (parse.GetValue(pageSize), 1, 1000, "--page-size"),
                (parse.GetValue(batchSize), 1, 10_000, "--batch-size"),

                // The server takes at most 10,000 elements in one array (README, limits on one request).
                (parse.GetValue(noisyBatchSize), 1, 10_000, "--noisy-batch-size"),
                (parse.GetValue(noisyConcurrency), 1, 1024, "--noisy-concurrency"),
            };
            foreach (var (value, min, max, name) in checks)
            {
                if (value < min || value > max)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}, got {value}");
                    return null;
                }
            }

            if (parse.GetValue(rate) is { } perSecond && perSecond is not (>= 0.01 and <= 1_000_000))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"--rate must be from 0.01 to 1000000 requests per second, got {perSecond}");
                return null;
            }

            var noisy = parse.GetValue(noisyToken);
            if (parse.GetValue(scenario) == ScenarioCatalog.Fairness && string.IsNullOrWhiteSpace(noisy))
            {
                problem = "fairness needs --noisy-token: a SCIM key of another organization on the same server";
                return null;
            }

            if (noisy == secret)
            {
                problem = "--noisy-token must be another organization's key, not the --token one";
                return null;
            }

            return new LoadTestOptions
            {
                Scenario = parse.GetValue(scenario)!,
                BaseUrl = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"),
                Token = secret,
                Concurrency = parse.GetValue(concurrency),
                Bound = runFor is null && count is null ? new RunBound(LoadTestOptions.DefaultDuration, null) : new RunBound(runFor, count),
                Warmup = warm,
                SampleSize = parse.GetValue(sampleSize),
                WorkingSetUsers = parse.GetValue(workingSet),
                WorkingSetGroups = parse.GetValue(groups),
                NewGroups = parse.GetValue(newGroups),
                PageSize = parse.GetValue(pageSize),
                BatchSize = parse.GetValue(batchSize),
                NoisyToken = noisy,
                NoisyBatchSize = parse.GetValue(noisyBatchSize),
                NoisyLoad = parse.GetValue(noisyLoad)!,
                NoisyConcurrency = parse.GetValue(noisyConcurrency),
                Rate = parse.GetValue(rate),
                Mix = weights,
                RequestTimeout = requestTimeout,
                OutputPath = parse.GetValue(output),
                ChartPath = parse.GetValue(chart),
                FloorPath = parse.GetValue(floor),
                Floor = baseline,
                ServerPid = parse.GetValue(serverPid),
            };
        }
    }

    /// <summary>Why a report cannot be written to <paramref name="path"/>, or null.</summary>
    public static string? UnwritablePath(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return "it is a directory";
        }

        return Directory.Exists(Path.GetDirectoryName(full)) ? null : "its directory does not exist";
    }

    /// <summary>Runs a validated configuration; returns the exit code.</summary>
    public static async Task<int> RunAsync(LoadTestOptions options, IAnsiConsole console, TextWriter error, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var http = CreateHttpClient(options, handler);
        var client = new ScimClient(http);
        if (await CheckConnectionAsync(client, options, cancellationToken) is { } unreachable)
        {
            await error.WriteLineAsync($"error: {unreachable}");
            return NotRun;
        }

        var scenario = ScenarioCatalog.For(options.Scenario, options);
        using var owned = scenario as IDisposable;
        var context = new ScenarioContext(client, http, options, line => console.MarkupLineInterpolated($"[grey]{line}[/]"))
        {
            ConnectWithToken = token => CreateHttpClient(options with { Token = token }, handler),
        };
        try
        {
            await scenario.PrepareAsync(context, cancellationToken);
        }
        catch (Exception e) when (e is ScenarioUnavailableException or ScimException or HttpRequestException or CheckFailedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"error: {options.Scenario}: {(e is ScenarioUnavailableException ? e.Message : $"preparing the data failed: {e.Message}")}");
            return NotRun;
        }

        var phases = scenario.Phases(context);
        var perPhase = phases.Count == 0 ? "" : $" per phase ({string.Join(", ", phases.Select(p => p.Name))})";
        console.MarkupLineInterpolated($"Running [bold]{options.Scenario}[/] against {options.BaseUrl}: concurrency {options.Concurrency}, {options.Bound}{perPhase}{(options.Warmup is null ? "" : $" after a warm-up of {options.Warmup}")}.");
        var workers = Enumerable.Range(0, options.Concurrency).Select(i => scenario.CreateWorker(context, i)).ToList();
        var run = await new LoadRunner(options).RunAsync(workers, phases, cancellationToken);
        var report = LoadTestReport.Build(options, run, context.Report());

        ConsoleReport.Write(console, report);
        try
        {
            if (options.OutputPath is { } outputPath)
            {
                await File.WriteAllTextAsync(outputPath, report.ToJson(), CancellationToken.None);
                console.MarkupLineInterpolated($"JSON report: {outputPath}");
            }

            if (options.ChartPath is { } chartPath)
            {
                await ChartWriter.WriteAsync(chartPath, report, CancellationToken.None);
                console.MarkupLineInterpolated($"Latency chart: {chartPath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: writing the report failed: {e.Message}");
            return NotRun;
        }

        return report.Errors == 0 && (report.Phases ?? []).All(p => p.Background is not { Errors: > 0 }) ? Success : RequestsFailed;
    }

    public static HttpClient CreateHttpClient(LoadTestOptions options, HttpMessageHandler? handler)
    {
        var inner = handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency + 4,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        return new HttpClient(new ScimBearerTokenHandler(options.Token) { InnerHandler = inner }, disposeHandler: handler is null)
        {
            BaseAddress = options.BaseUrl,
            Timeout = options.RequestTimeout,
        };
    }

    /// <summary>Entra's Test Connection lookup; returns why the server cannot be load-tested, or null.</summary>
    private static async Task<string?> CheckConnectionAsync(ScimClient client, LoadTestOptions options, CancellationToken cancellationToken)
    {
        var usersUrl = new Uri(options.BaseUrl, "Users");
        try
        {
            await client.ListUsersAsync(filter: ScenarioContext.UserNameFilter(Guid.NewGuid().ToString()), count: 1, cancellationToken: cancellationToken);
            return null;
        }
        catch (HttpRequestException e)
        {
            return $"cannot reach the SCIM server at {options.BaseUrl}: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the SCIM server at {options.BaseUrl} did not answer within {options.RequestTimeout.TotalSeconds:0.#} s";
        }
        catch (ScimException e) when (e.Status == 401)
        {
            return $"the server rejected the token (HTTP 401 from {usersUrl}){(e.Detail is null ? "" : $": {e.Detail}")}";
        }
        catch (ScimException e) when (e.Status == 403)
        {
            return $"the token is not allowed to use SCIM (HTTP 403 from {usersUrl}): create a key with --scopes scim";
        }
        catch (ScimException e) when (e.Status == 404)
        {
            return $"{usersUrl} was not found (HTTP 404): is --base-url the server's SCIM base URL (e.g. with its path base)?";
        }
        catch (ScimException e)
        {
            return $"{usersUrl} did not answer as a SCIM server: {e.Message.Split('\n')[0]}";
        }
    }
}
