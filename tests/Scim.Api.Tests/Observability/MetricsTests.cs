using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Scim.Application.Common;
using Scim.Testing;

namespace Scim.Api.Tests.Observability;

/// <summary>The <c>Scim.Server</c> meter's instruments measure what the server does.</summary>
public sealed class MetricsTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Requests_Errors_Durations_AndWriterBatches_AreMeasured()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ScimMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);

        await (await client.PostJsonAsync("Users", """{"userName":"metered@example.com"}""")).ReadScimAsync(HttpStatusCode.Created);
        await (await client.GetAsync("Users?filter=userName%20zz%20%22x%22")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");

        var organization = organizationId.ToString();
        // The request measurements are taken after the response has reached the client.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!measurements.Any(m => m.Instrument == "scim.server.errors") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Contains(measurements, m => m.Instrument == "scim.server.requests" && Equals(m.Tags["scim.organization"], organization)
            && Equals(m.Tags["scim.slice"], "CreateUser") && Equals(m.Tags["http.response.status_code"], 201));
        Assert.Contains(measurements, m => m.Instrument == "scim.server.errors" && Equals(m.Tags["scim.scim_type"], "invalidFilter"));
        Assert.Contains(measurements, m => m.Instrument == "scim.server.request.duration" && Equals(m.Tags["scim.slice"], "CreateUser") && m.Value > 0);
        Assert.Contains(measurements, m => m.Instrument == "scim.server.writer.batch_size" && m.Value >= 1);
        Assert.Contains(measurements, m => m.Instrument == "scim.server.writer.queue_depth" && m.Value == 1);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}
