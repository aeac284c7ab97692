using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Scim.Api.Cli;

namespace Scim.Seeder.Tests.Infrastructure;

/// <summary>
/// The server binary (<c>Scim.Api.dll</c>, copied next to the tests) as a process of its own on a PostgreSQL database,
/// answering HTTP on a free local port. Out of process because the server's compiled queries bind to the first
/// model that runs them, and this test process also runs servers on SQLite. Its start-up migrates the database.
/// </summary>
public sealed class ScimServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log;

    private ScimServerProcess(Process process, StringBuilder log, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's SCIM base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the server on <paramref name="connectionString"/> and waits until it answers <c>/health</c>.</summary>
    public static async Task<ScimServerProcess> StartAsync(string connectionString)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scim.Api.dll"));
        foreach (var (key, value) in Settings(connectionString))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = baseAddress.AbsoluteUri.TrimEnd('/');
        start.Environment["Scim__CreateFirstOrganization"] = "false";
        var log = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ScimServerProcess(process, log, baseAddress);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(200))
        {
            try
            {
                if ((await http.GetAsync(new Uri("health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The server did not start on {baseAddress}:\n{server.Log}");
    }

    /// <summary>
    /// Runs an admin command (<c>orgs create NAME</c>, <c>keys create --org ORG</c>) against the database, through the
    /// same entry point as <c>dotnet Scim.Api.dll orgs create NAME</c>; returns what it printed.
    /// </summary>
    public static async Task<string> AdminAsync(string connectionString, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(args, output, error, Settings(connectionString));
        return exitCode == 0 ? output.ToString() : throw new InvalidOperationException($"{string.Join(' ', args)} failed ({exitCode}): {error}");
    }

    /// <summary>What the server printed so far.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Scim"] = connectionString,
        ["Scim:Database:Provider"] = "postgres",
    };

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
