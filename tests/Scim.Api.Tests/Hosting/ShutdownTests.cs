using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Scim.Testing.Processes;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// A graceful stop (SIGTERM) of the server binary while a client's upload arrives very slowly: the upload is aborted, so
/// the server ends within <c>Scim:ShutdownTimeout</c>, and the client's connection is closed.
/// </summary>
public sealed partial class ShutdownTests
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    // Room for the rest of the stop (the hosted services' last writes) and for a machine busy with other tests.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Stop_WhileABodyTrickles_EndsTheServerWithinTheShutdownTimeout_AndClosesTheConnection()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scim-shutdown-{Guid.NewGuid():N}.db");
        try
        {
            await using var server = await ScimServer.StartAsync($"Data Source={path}", new Dictionary<string, string>
            {
                ["Scim__Database__Provider"] = "sqlite",
                ["Scim__CreateFirstOrganization"] = "true",
                ["Scim__ShutdownTimeout"] = "00:00:02",
            });
            var token = await FirstTokenAsync(server);
            using var connection = new TcpClient();
            await connection.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
            var stream = connection.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /Users HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n"
                + "Content-Type: application/scim+json\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n"));

            // Kestrel sends 100 Continue when the endpoint starts reading the body: the upload is in the server's hands.
            Assert.StartsWith("HTTP/1.1 100", await ReadHeadAsync(stream), StringComparison.Ordinal);
            var trickle = TrickleAsync(stream);

            server.Terminate();

            Assert.Equal(0, await server.WaitForExitAsync(ShutdownTimeout + Margin));
            Assert.True(await trickle.WaitAsync(TimeSpan.FromSeconds(60)), "The upload could still be sent after the server ended.");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    // The token the first start prints (Scim:CreateFirstOrganization), printed just after the server starts listening.
    private static async Task<string> FirstTokenAsync(ScimServer server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Token().Match(server.Output) is not { Success: true } match)
        {
            await Task.Delay(50, timeout.Token);
        }

        return Token().Match(server.Output).Value;
    }

    // Reads up to the end of one response head (an empty line).
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal)
            && await stream.ReadAsync(one, timeout.Token) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    // Sends the start of a user, then a byte every 100 ms, as a very slow client does; true once the connection refuses
    // a write (it was closed), false if the whole body went through.
    private static async Task<bool> TrickleAsync(NetworkStream stream)
    {
        try
        {
            await stream.WriteAsync("{\"userName\":\"slow\",\"nickName\":\""u8.ToArray());
            for (var sent = 0; sent < 1_000_000; sent++)
            {
                await stream.WriteAsync("a"u8.ToArray());
                await Task.Delay(100);
            }

            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    [GeneratedRegex(@"scim_\S+")]
    private static partial Regex Token();
}
