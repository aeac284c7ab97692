using System.Globalization;
using System.Net;
using System.Text;

namespace Scim.LoadTest;

/// <summary>
/// The latency chart: p50/p95/p99/max per second of the measured phase on a logarithmic axis, with completed
/// requests per second below. SVG, or a self-contained HTML page with the summary and the same SVG inline (no scripts).
/// </summary>
internal static class ChartWriter
{
    private const int Width = 960;
    private const int Left = 70;
    private const int Right = 150;
    private const int LatencyTop = 50;
    private const int LatencyBottom = 330;
    private const int RateTop = 370;
    private const int RateBottom = 480;
    private const int Height = 520;

    private static readonly (string Name, string Color, Func<TimelinePoint, double> Value, string Dash)[] Series =
    [
        ("p50", "#2f9e44", p => p.P50, ""),
        ("p95", "#f08c00", p => p.P95, ""),
        ("p99", "#e03131", p => p.P99, ""),
        ("max", "#868e96", p => p.Max, "4 3"),
    ];

    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".SVG" or ".HTML" or ".HTM";

    public static async Task WriteAsync(string path, LoadTestReport report, CancellationToken cancellationToken)
    {
        var svg = Svg(report);
        var content = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? svg : Html(report, svg);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken);
    }

    public static string Svg(LoadTestReport report)
    {
        var points = report.Timeline;
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        sb.Append(Inv($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));
        sb.Append(Inv($"<text x=\"{Left}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{Escape(report.Scenario)}: latency per second (ms, log scale), concurrency {report.Concurrency}</text>\n"));
        sb.Append(Inv($"<text x=\"{Left}\" y=\"40\" fill=\"#495057\">{report.Requests:N0} requests in {report.ElapsedSeconds:0.0} s = {report.Throughput:N1} req/s; p50 {report.LatencyMs.P50:0.##} ms, p95 {report.LatencyMs.P95:0.##} ms, p99 {report.LatencyMs.P99:0.##} ms, max {report.LatencyMs.Max:0.##} ms; errors {report.Errors:N0}</text>\n"));
        if (points.Count == 0)
        {
            sb.Append(Inv($"<text x=\"{Left}\" y=\"{LatencyTop + 40}\">No requests were measured.</text>\n</svg>\n"));
            return sb.ToString();
        }

        var seconds = points[^1].Second + 1;
        var plotWidth = Width - Left - Right;
        double X(double second) => Left + (seconds == 1 ? plotWidth / 2.0 : second * plotWidth / (seconds - 1));

        // Latency panel, log10 axis from a power of ten below the smallest value to one above the largest.
        var values = points.SelectMany(p => Series.Select(s => s.Value(p))).Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var low = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(values.Min(), 0.01))));
        var high = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(values.Max(), low * 10))));
        double Y(double ms) => LatencyBottom - ((Math.Log10(Math.Clamp(ms, low, high)) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low)) * (LatencyBottom - LatencyTop));
        for (var decade = low; decade <= high * 1.0001; decade *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                var tick = decade * step;
                if (tick > high * 1.0001)
                {
                    break;
                }

                var y = Y(tick);
                sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"{(step == 1 ? "#ced4da" : "#f1f3f5")}\"/>\n"));
                sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#495057\">{tick:0.###}</text>\n"));
            }
        }

        sb.Append(Inv($"<text x=\"16\" y=\"{(LatencyTop + LatencyBottom) / 2}\" transform=\"rotate(-90 16 {(LatencyTop + LatencyBottom) / 2})\" text-anchor=\"middle\">latency (ms)</text>\n"));
        for (var i = 0; i < Series.Length; i++)
        {
            var (name, color, value, dash) = Series[i];
            var path = string.Join(' ', points.Select(p => Inv($"{X(p.Second):0.#},{Y(value(p)):0.#}")));
            sb.Append(Inv($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{(name == "max" ? 1 : 2)}\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")} points=\"{path}\"/>\n"));
            if (points.Count <= 60)
            {
                foreach (var p in points)
                {
                    sb.Append(Inv($"<circle cx=\"{X(p.Second):0.#}\" cy=\"{Y(value(p)):0.#}\" r=\"2.5\" fill=\"{color}\"/>\n"));
                }
            }

            var legendY = LatencyTop + 10 + (i * 20);
            sb.Append(Inv($"<line x1=\"{Width - Right + 20}\" y1=\"{legendY}\" x2=\"{Width - Right + 45}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"2\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>\n"));
            sb.Append(Inv($"<text x=\"{Width - Right + 52}\" y=\"{legendY + 4}\">{name}</text>\n"));
        }

        // Phase boundaries (fairness: idle, then loaded), so a change of latency lines up with a change of load.
        foreach (var phase in report.Phases ?? [])
        {
            var x = X(Math.Min(phase.StartSecond, seconds - 1));
            if (phase.StartSecond > 0)
            {
                sb.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"{LatencyTop}\" x2=\"{x:0.#}\" y2=\"{RateBottom}\" stroke=\"#495057\" stroke-dasharray=\"6 4\"/>\n"));
            }

            sb.Append(Inv($"<text x=\"{x + 4:0.#}\" y=\"{LatencyTop + 12}\" fill=\"#495057\">{Escape(phase.Name)}</text>\n"));
        }

        // Throughput panel: completed requests per second, errors stacked in red.
        var maxRate = Math.Max(1, points.Max(p => p.Requests));
        var barWidth = Math.Max(1.0, Math.Min(30.0, (plotWidth / (double)seconds) - 2));
        double RateY(long n) => RateBottom - (n * (double)(RateBottom - RateTop) / maxRate);
        sb.Append(Inv($"<line x1=\"{Left}\" y1=\"{RateBottom}\" x2=\"{Left + plotWidth}\" y2=\"{RateBottom}\" stroke=\"#adb5bd\"/>\n"));
        sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{RateTop + 4}\" text-anchor=\"end\" fill=\"#495057\">{maxRate:N0}</text>\n"));
        sb.Append(Inv($"<text x=\"{Left - 6}\" y=\"{RateBottom + 4}\" text-anchor=\"end\" fill=\"#495057\">0</text>\n"));
        sb.Append(Inv($"<text x=\"{Width - Right + 20}\" y=\"{RateTop + 10}\">requests/s</text>\n"));
        sb.Append(Inv($"<text x=\"{Width - Right + 20}\" y=\"{RateTop + 28}\" fill=\"#e03131\">errors/s</text>\n"));
        foreach (var p in points)
        {
            var x = X(p.Second) - (barWidth / 2);
            sb.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{RateY(p.Requests):0.#}\" width=\"{barWidth:0.#}\" height=\"{RateBottom - RateY(p.Requests):0.#}\" fill=\"#4dabf7\"><title>second {p.Second}: {p.Requests} requests, {p.Errors} errors, p50 {p.P50} ms, p95 {p.P95} ms, p99 {p.P99} ms, max {p.Max} ms</title></rect>\n"));
            if (p.Errors > 0)
            {
                sb.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{RateY(p.Errors):0.#}\" width=\"{barWidth:0.#}\" height=\"{RateBottom - RateY(p.Errors):0.#}\" fill=\"#e03131\"/>\n"));
            }
        }

        var tickEvery = Math.Max(1, (int)Math.Ceiling(seconds / 20.0));
        for (var s = 0; s < seconds; s += tickEvery)
        {
            sb.Append(Inv($"<text x=\"{X(s):0.#}\" y=\"{RateBottom + 16}\" text-anchor=\"middle\" fill=\"#495057\">{s}</text>\n"));
        }

        sb.Append(Inv($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\">seconds since the start of the {(report.Phases is null ? "" : "first ")}measured phase</text>\n"));
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Html(LoadTestReport report, string svg)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append(Inv($"<title>SCIM load test: {Escape(report.Scenario)}</title>\n"));
        sb.Append("<style>body{font-family:sans-serif;margin:2em;color:#212529}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #dee2e6;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}</style>\n</head>\n<body>\n");
        sb.Append(Inv($"<h1>SCIM load test: {Escape(report.Scenario)}</h1>\n"));
        sb.Append(Inv($"<p>{Escape(report.BaseUrl)}, started {report.StartedAt:u}, concurrency {report.Concurrency}, bound {Escape(report.Bound)}{(report.Warmup is null ? "" : $", warm-up {Escape(report.Warmup)} ({report.WarmupRequests:N0} requests, not counted)")}.</p>\n"));
        sb.Append(Inv($"<p>Data: {Escape(report.Dataset.Source)}. {Escape(string.Join(" ", report.Dataset.Notes))}</p>\n"));
        sb.Append("<table>\n<tr><th>operation</th><th>requests</th><th>req/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>errors</th></tr>\n");
        foreach (var o in report.Operations)
        {
            sb.Append(Inv($"<tr><td>{Escape(o.Name)}</td><td>{o.Requests:N0}</td><td>{o.Throughput:N1}</td><td>{o.LatencyMs.P50:0.##}</td><td>{o.LatencyMs.P95:0.##}</td><td>{o.LatencyMs.P99:0.##}</td><td>{o.LatencyMs.Max:0.##}</td><td>{o.Errors:N0}</td></tr>\n"));
        }

        sb.Append(Inv($"<tr><th>all</th><th>{report.Requests:N0}</th><th>{report.Throughput:N1}</th><th>{report.LatencyMs.P50:0.##}</th><th>{report.LatencyMs.P95:0.##}</th><th>{report.LatencyMs.P99:0.##}</th><th>{report.LatencyMs.Max:0.##}</th><th>{report.Errors:N0}</th></tr>\n</table>\n"));
        if (report.Phases is { } phases)
        {
            sb.Append("<table>\n<tr><th>phase</th><th>requests</th><th>req/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>errors</th><th>background requests</th></tr>\n");
            foreach (var p in phases)
            {
                sb.Append(Inv($"<tr><td>{Escape(p.Name)}</td><td>{p.Requests:N0}</td><td>{p.Throughput:N1}</td><td>{p.LatencyMs.P50:0.##}</td><td>{p.LatencyMs.P95:0.##}</td><td>{p.LatencyMs.P99:0.##}</td><td>{p.LatencyMs.Max:0.##}</td><td>{p.Errors:N0}</td><td>{p.Background?.Requests ?? 0:N0}</td></tr>\n"));
            }

            sb.Append("</table>\n");
            if (report.Comparison is { P99Ratio: { } ratio } comparison)
            {
                sb.Append(Inv($"<p>{Escape(comparison.Compared)} p99 / {Escape(comparison.Baseline)} p99 = <b>{ratio:0.00}</b>.</p>\n"));
            }
        }

        if (report.ErrorsByStatus.Count > 0)
        {
            sb.Append("<table>\n<tr><th>error</th><th>count</th><th>first message</th></tr>\n");
            foreach (var (status, count) in report.ErrorsByStatus)
            {
                sb.Append(Inv($"<tr><td>{Escape(status)}</td><td>{count:N0}</td><td style=\"text-align:left\">{Escape(report.ErrorExamples.GetValueOrDefault(status) ?? "")}</td></tr>\n"));
            }

            sb.Append("</table>\n");
        }

        sb.Append(svg);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
