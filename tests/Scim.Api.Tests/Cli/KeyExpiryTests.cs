using Scim.Api.Cli;

namespace Scim.Api.Tests.Cli;

/// <summary>What <c>keys create --expires</c> accepts: ISO 8601 dates and times (UTC unless an offset is given) and times from now.</summary>
public sealed class KeyExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 15, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("90d", "2027-03-05T10:15:30Z")]
    [InlineData("2w", "2026-12-19T10:15:30Z")]
    [InlineData("12h", "2026-12-05T22:15:30Z")]
    [InlineData("30m", "2026-12-05T10:45:30Z")]
    [InlineData("P90D", "2027-03-05T10:15:30Z")]
    [InlineData("PT36H", "2026-12-06T22:15:30Z")]
    [InlineData("2027-01-31", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-31T12:00", "2027-01-31T12:00:00Z")]
    [InlineData("2027-01-31T12:00:00Z", "2027-01-31T12:00:00Z")]
    [InlineData("2027-01-31T12:00:00+02:00", "2027-01-31T10:00:00Z")]
    public void Parse_KnownForm_IsThatMoment(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KeyExpiry.Parse(text, Now));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("90")]
    [InlineData("90y")]
    [InlineData("-5d")]
    [InlineData("01/31/2027")]
    [InlineData("2027-13-01")]
    [InlineData("P")]
    public void Parse_UnknownForm_IsNull(string text) => Assert.Null(KeyExpiry.Parse(text, Now));
}
