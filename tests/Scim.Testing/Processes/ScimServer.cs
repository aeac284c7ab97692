using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Scim.Testing.Processes;

/// <summary>
/// A real server process (<c>dotnet Scim.Api.dll</c>, Kestrel) on a PostgreSQL database, listening on a free port of
/// 127.0.0.1 that Kestrel picks itself (so two starting at once never race for one). Its output is kept for assertion
/// messages. Disposing kills it; so does the end of the test process, should a test run be cut short.
/// </summary>
public sealed partial class ScimServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScimServer(ProcessStartInfo start)
    {
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => listening.Task.IsCompletedSuccessfully
        ? listening.Task.Result
        : throw new InvalidOperationException("The server is not listening.");

    /// <summary>Everything it printed so far, standard output and error interleaved as they came.</summary>
    public string Output => string.Join('\n', lines);

    /// <summary>True once the process ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts a server and waits until it listens and its health check answers 200.
    /// </summary>
    /// <param name="connectionString">The PostgreSQL database.</param>
    /// <param name="environment">More settings as environment variables, e.g. <c>Scim__ApiKeyCacheSeconds=1</c>.</param>
    /// <exception cref="InvalidOperationException">It exited, or did not serve within 90 seconds (the message has its output).</exception>
    public static async Task<ScimServer> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = Launch(connectionString, environment);
        try
        {
            await server.WaitUntilServingAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a server without waiting for it, e.g. one expected to refuse to start.</summary>
    public static ScimServer Launch(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = ScimProcess.StartInfo(connectionString, environment);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        return new ScimServer(start);
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    /// <exception cref="TimeoutException">It still runs after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server still runs after {timeout}:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>
    /// Asks it to stop the way a service manager does (SIGTERM, a graceful stop), without waiting for it; see
    /// <see cref="WaitForExitAsync"/>.
    /// </summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>A client of the SCIM base URL (the server's root) sending <c>Authorization: Bearer <paramref name="token"/></c>.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Kills the process (and anything it started) unless it already ended.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var cancel = new CancellationTokenSource(StartTimeout);
        var exited = process.WaitForExitAsync(cancel.Token);
        var first = await Task.WhenAny(listening.Task, exited);
        if (first != listening.Task)
        {
            throw new InvalidOperationException(process.HasExited
                ? $"The server exited with {process.ExitCode} before it listened:\n{Output}"
                : $"The server did not listen within {StartTimeout}:\n{Output}");
        }

        using var client = new HttpClient { BaseAddress = BaseAddress };
        while (true)
        {
            cancel.Token.ThrowIfCancellationRequested();
            try
            {
                using var health = await client.GetAsync("health", cancel.Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
            }

            await Task.Delay(100, cancel.Token);
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }
    }

    // Microsoft.Hosting.Lifetime's "Now listening on: http://127.0.0.1:40123" once Kestrel has bound the port.
    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
