using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Testing;

namespace Scim.Api.Tests.Errors;

/// <summary>Input no identity provider sends, but an attacker or a broken client may: always a SCIM 4xx, never a 500, nothing stored.</summary>
public sealed class HostileInputTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    public static TheoryData<byte[]> InvalidUtf8Bodies => new()
    {
        Encoding.UTF8.GetBytes("{\"userName\":\"").Concat(new byte[] { 0xff }).Concat(Encoding.UTF8.GetBytes("@x.com\"}")).ToArray(),
        Encoding.UTF8.GetBytes("{\"userName\":\"").Concat(new byte[] { 0xc0, 0xaf }).Concat(Encoding.UTF8.GetBytes("@x.com\"}")).ToArray(),
        Encoding.UTF8.GetBytes("{\"userName\":\"\\ud800@x.com\"}"),
        Encoding.UTF8.GetBytes("{\"userName\":\"a@x.com\",\"\\ud800\":\"x\"}"),
        Encoding.UTF8.GetBytes("{\"userName\":\"a@x.com\",\"emails\":[{\"value\":\"\\udfff\"}]}"),
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task CreateUser_InvalidUtf8OrUnpairedSurrogate_Returns400InvalidSyntax(byte[] body)
    {
        var client = await factory.CreateScimClientAsync();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ScimHttp.EntraContentType);

        await (await client.PostAsync("Users", content)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Fact]
    public async Task PatchUser_UnpairedSurrogateInValue_Returns400AndChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"\ud800"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Equal(before.ToJsonString(), (await f.GetUserAsync(f.U1)).ToJsonString());
    }

    [Fact]
    public async Task CreateUser_StringLongerThanLimit_Returns400InvalidValue()
    {
        var client = await factory.CreateScimClientAsync();

        var error = await (await client.PostJsonAsync("Users", $$"""{"userName":"{{new string('a', 70_000)}}@x.com"}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Contains("65536", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"userName":"a@x.com","emails":[{"value":"b@x.com"},{"value":"c@x.com","type":"work","VALUE":"d@x.com"}]}""", "invalidSyntax",
        "The attribute 'VALUE' appears twice in one object at '$.emails[1]'")]
    [InlineData("""{"a1":1,"a2":2,"a3":3,"a4":4,"a5":5,"a6":6,"a7":7,"a8":8,"a9":9,"userName":"a@x.com","a10":10,"USERNAME":"b@x.com"}""", "invalidSyntax",
        "The attribute 'USERNAME' appears twice in one object at '$'")]
    [InlineData("""{"userName":"a@x.com","a1":1,"a2":2,"a3":3,"a4":4,"a5":5,"a6":6,"a7":7,"a8":8,"a9":9,"UserName":"b@x.com"}""", "invalidSyntax",
        "The attribute 'UserName' appears twice in one object at '$'")]
    [InlineData("""{"userName":"a@x.com","emails":[{"value":"b@x.com"},{"value":"c\u0000@x.com"}]}""", "invalidValue", "'$.emails[1].value'")]
    [InlineData("""{"userName":"a@x.com","name":{"givenName":"a\u0000"}}""", "invalidValue", "'$.name.givenName'")]
    public async Task CreateUser_BodyRefusedWhileRead_DetailNamesWhere(string body, string scimType, string named)
    {
        var client = await factory.CreateScimClientAsync();

        var error = await (await client.PostJsonAsync("Users", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);

        Assert.Contains(named, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Theory]
    [InlineData("""{"userName":"nul@x.com","title":"a\u0000b"}""")]
    [InlineData("""{"userName":"nul@x.com","emails":[{"value":"a\u0000@x.com"}]}""")]
    public async Task CreateUser_NulCharacter_Returns400InvalidValueOnEveryProvider(string body)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.PostJsonAsync("Users", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Theory]
    [InlineData("title eq \"a\\u0000b\"")]
    [InlineData("userName eq \"\\ud800\"")]
    public async Task ListUsers_FilterStringNoDatabaseStores_Returns400InvalidFilter(string filter)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task CreateUserAndGroup_IndexedValueLongerThan512_Returns400_And512IsStored()
    {
        var client = await factory.CreateScimClientAsync();
        var longest = new string('a', 512 - "@x.com".Length) + "@x.com";

        var error = await (await client.PostJsonAsync("Users", $$"""{"userName":"{{longest}}","externalId":"{{new string('e', 513)}}"}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("externalId", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await client.PostJsonAsync("Users", $$"""{"userName":"b{{longest}}"}""")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await client.PostJsonAsync("Groups", $$"""{"displayName":"{{new string('g', 513)}}"}""")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("Users", $$"""{"userName":"{{longest}}","emails":[{"value":"{{longest}}"}]}""")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_MoreEmailsThanAResourceKeeps_Returns400InvalidValue()
    {
        var client = await factory.CreateScimClientAsync();
        var emails = string.Join(",", Enumerable.Range(0, 1_001).Select(i => $$"""{"value":"e{{i}}@x.com"}"""));

        await (await client.PostJsonAsync("Users", $$"""{"userName":"many@x.com","emails":[{{emails}}]}"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("Users", """{"userName":"   "}""")]
    [InlineData("Users", """{"userName":"nul\u0000@x.com"}""")]
    [InlineData("Groups", """{"displayName":" \t "}""")]
    public async Task Create_BlankOrControlCharacterIdentifier_Returns400InvalidValue(string endpoint, string body)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.PostJsonAsync(endpoint, body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task PatchUser_UserNameToBlank_Returns400AndKeepsTheOldName()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"userName","value":"  "}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal("user1@example.com", (await f.GetUserAsync(f.U1))["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_Utf16Charset_Returns415()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostAsync("Users", ScimHttp.Json("""{"userName":"a@x.com"}""", "application/scim+json; charset=utf-16"));

        await response.AssertScimErrorAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task PatchUser_WrongShapeOfOperations_NamesTheMessageNotATypeName()
    {
        var f = await FixtureF.CreateAsync(factory);

        var error = await (await f.Client.PatchJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":"replace everything"}
            """)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");

        var detail = error["detail"]!.GetValue<string>();
        Assert.Contains("PatchOp", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoredAttributeNames_WithLineBreaks_AreLoggedOnOneEscapedLine()
    {
        var logger = new RecordingLogger();

        Log.IgnoredAttributes(logger, "User", ["x\ninfo: Scim.Api.Admin[0]\r\n      FORGED", "nickname\u0000"]);

        var line = Assert.Single(logger.Messages);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\0', line);
        Assert.Contains("x\\u000Ainfo: Scim.Api.Admin[0]\\u000D\\u000A      FORGED, nickname\\u0000", line, StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
