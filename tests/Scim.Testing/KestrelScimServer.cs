using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scim.Testing;

/// <summary>
/// The server of a <see cref="ScimApiFactory"/> on Kestrel, listening on a free port of 127.0.0.1, for clients that need
/// a real connection: tests whose subject is the connection itself (the remote address a proxy is recognised by, a
/// proxy in front of it, bodies Kestrel refuses) and clients outside the test process, such as a browser.
/// </summary>
public static class KestrelScimServer
{
    /// <summary>Starts <paramref name="factory"/>'s server on Kestrel and returns its address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public static Uri Start(ScimApiFactory factory)
    {
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>A client of <paramref name="address"/> sending <c>Authorization: Bearer <paramref name="token"/></c>.</summary>
    public static HttpClient Client(Uri address, string token, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = address;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Stops <paramref name="factory"/>'s server, which waits for each connection's request loop to end (Kestrel drains a
    /// body the endpoint did not read after the response has gone out), and returns the lines of <paramref name="logs"/>
    /// at <see cref="LogLevel.Error"/> or above.
    /// </summary>
    public static async Task<IReadOnlyList<CapturedLine>> StopAndReadErrorsAsync(ScimApiFactory factory, CapturedLogs logs)
    {
        await factory.DisposeAsync();
        return [.. logs.Lines.Where(line => line.Level >= LogLevel.Error)];
    }
}
