using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// The README's nginx configuration in front of the server: nginx terminates TLS on 127.0.0.1 (a self-signed certificate
/// made here) and forwards <c>/scim/</c> to Kestrel with <c>X-Forwarded-Proto</c>, <c>-Host</c> and <c>-Prefix</c>; the
/// server, trusting 127.0.0.1, hands out the public https URLs. Skipped where Debian's nginx is not installed.
/// </summary>
public sealed class NginxProxyTests
{
    private const string Nginx = "/usr/sbin/nginx";

    [NginxFact]
    public async Task PostUser_ThroughNginxWithTls_LocationAndMetaLocation_AreThePublicHttpsUrlWithThePrefix()
    {
        using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" } };
        var upstream = KestrelScimServer.Start(factory);
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");

        var folder = Directory.CreateTempSubdirectory("scim-nginx-");
        using var certificate = SelfSignedCertificate(folder.FullName);
        var port = FreePort();
        var conf = Path.Combine(folder.FullName, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            worker_processes 1;
            error_log {{folder.FullName}}/error.log;
            pid {{folder.FullName}}/nginx.pid;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{folder.FullName}}/body;
                proxy_temp_path {{folder.FullName}}/proxy;
                fastcgi_temp_path {{folder.FullName}}/fastcgi;
                uwsgi_temp_path {{folder.FullName}}/uwsgi;
                scgi_temp_path {{folder.FullName}}/scgi;
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{folder.FullName}}/cert.pem;
                    ssl_certificate_key {{folder.FullName}}/key.pem;
                    location /scim/ {
                        proxy_pass {{upstream.GetLeftPart(UriPartial.Authority)}}/;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-Host $http_host;
                        proxy_set_header X-Forwarded-Prefix /scim;
                    }
                }
            }
            """);
        using var nginx = Process.Start(new ProcessStartInfo(Nginx)
        {
            ArgumentList = { "-p", folder.FullName, "-e", Path.Combine(folder.FullName, "error.log"), "-c", conf, "-g", "daemon off;" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
            var publicBase = new Uri($"https://127.0.0.1:{port}/scim/");
            using var client = KestrelScimServer.Client(publicBase, token, handler);
            await WaitUntilListeningAsync(nginx, port, folder.FullName);

            var created = await client.PostAsJsonAsync("Users", new JsonObject { ["userName"] = "grace" });

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var location = created.Headers.Location!.ToString();
            Assert.StartsWith($"https://127.0.0.1:{port}/scim/Users/", location, StringComparison.Ordinal);
            var user = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(location, user["meta"]!["location"]!.GetValue<string>());
            using var read = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    // A certificate for 127.0.0.1, written as nginx reads it (PEM certificate, PKCS#8 key).
    private static X509Certificate2 SelfSignedCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilListeningAsync(Process nginx, int port, string folder)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (nginx.HasExited)
            {
                var log = Path.Combine(folder, "error.log");
                Assert.Fail($"nginx exited with {nginx.ExitCode}: {await nginx.StandardError.ReadToEndAsync()}{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"nginx did not listen on 127.0.0.1:{port}.");
    }

    // Skips (xunit 2 has no skip at run time) where nginx is not installed.
    private sealed class NginxFactAttribute : FactAttribute
    {
        public NginxFactAttribute()
        {
            if (!File.Exists(Nginx))
            {
                Skip = $"{Nginx} is not installed (Debian package nginx-light).";
            }
        }
    }
}
