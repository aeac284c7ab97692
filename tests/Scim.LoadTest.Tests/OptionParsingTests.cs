namespace Scim.LoadTest.Tests;

public class OptionParsingTests
{
    [Theory]
    [InlineData("20", 20)]
    [InlineData("20s", 20)]
    [InlineData("1.5s", 1.5)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m", 120)]
    public void Durations(string text, double seconds)
    {
        Assert.True(RunBound.TryParseDuration(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-3s")]
    [InlineData("soon")]
    public void Bad_durations(string text) => Assert.False(RunBound.TryParseDuration(text, out _));

    [Fact]
    public void A_warmup_is_a_request_count_or_a_duration()
    {
        Assert.True(RunBound.TryParseWarmup("200", out var requests));
        Assert.Equal(new RunBound(null, 200), requests);
        Assert.True(RunBound.TryParseWarmup("5s", out var seconds));
        Assert.Equal(new RunBound(TimeSpan.FromSeconds(5), null), seconds);
        Assert.False(RunBound.TryParseWarmup("lots", out _));
    }

    [Fact]
    public void Without_duration_or_request_count_a_run_is_capped()
    {
        var options = new LoadTestOptions { Scenario = "filter-eq", BaseUrl = new Uri("http://localhost/"), Token = "t" };
        Assert.Equal(LoadTestOptions.DefaultDuration, options.Bound.Duration);
    }

    [Fact]
    public void Mix_weights()
    {
        Assert.Null(MixWeights.TryParse("filter-eq=3, get-by-id=1", out var weights));
        Assert.Equal(new Dictionary<string, int> { ["filter-eq"] = 3, ["get-by-id"] = 1 }, weights);
        Assert.NotNull(MixWeights.TryParse("filter-eq", out _));
        Assert.NotNull(MixWeights.TryParse("nope=1", out _));
        Assert.NotNull(MixWeights.TryParse("mixed=1", out _));
        Assert.Null(MixWeights.TryParse("create=1", out _));
        Assert.NotNull(MixWeights.TryParse("fairness=1", out _));
        Assert.NotNull(MixWeights.TryParse("filter-eq=0", out _));
        Assert.Equal(100, MixWeights.Default.Values.Sum());
    }
}
