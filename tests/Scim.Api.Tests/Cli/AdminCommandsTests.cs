using System.Net;
using System.Text.RegularExpressions;
using Scim.Api.Cli;
using Scim.Testing;

namespace Scim.Api.Tests.Cli;

/// <summary>The documented administration commands, run against the server's own database.</summary>
public sealed partial class AdminCommandsTests : IAsyncLifetime, IDisposable
{
    // The commands run beside the server, like a second process: the server keeps trusting a key revoked there until
    // its cache entry expires, a second after the server read the key from the database; the test moves the server's
    // clock on instead of waiting.
    private readonly ScimApiFactory factory = new() { ApiKeyCacheSeconds = 1 };

    public Task InitializeAsync()
    {
        // Start the server first so its migrations have run, as they would in production.
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Keys_CreateListRevoke_TokenStopsWorkingOnceTheServersCacheEntryExpires()
    {
        Assert.Equal(0, (await RunAsync("orgs", "create", "Contoso")).ExitCode);
        var created = await RunAsync("keys", "create", "--org", "contoso", "--name", "entra-provisioning", "--scopes", "scim");
        Assert.Equal(0, created.ExitCode);
        var token = TokenPattern().Match(created.Output).Value;
        var keyId = KeyIdPattern().Match(created.Output).Groups[1].Value;
        using var client = factory.CreateClientWithToken(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        var listed = await RunAsync("keys", "list", "--org", "Contoso");
        Assert.Contains(keyId, listed.Output, StringComparison.Ordinal);
        Assert.Contains("entra-provisioning", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("keys", "revoke", keyId)).ExitCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await client.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", (await RunAsync("keys", "list", "--org", "Contoso")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_ReadScopeOnly_ReadsButGets403ForWrites()
    {
        await RunAsync("orgs", "create", "Fabrikam");
        var created = await RunAsync("keys", "create", "--org", "Fabrikam", "--scopes", "read");
        using var client = factory.CreateClientWithToken(TokenPattern().Match(created.Output).Value);

        await (await client.GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("Users", """{"userName":"x@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Keys_CreateWithExpiry_ListShowsScopesExpiryAndLastUse()
    {
        await RunAsync("orgs", "create", "Wingtip");
        var created = await RunAsync("keys", "create", "--org", "Wingtip", "--name", "reporting", "--scopes", "read", "write", "admin", "--expires", "2099-03-31T18:30:00+02:00");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("expiring 2099-03-31 16:30:00 UTC", created.Output, StringComparison.Ordinal);
        var prefix = TokenPattern().Match(created.Output).Value[..12];
        Assert.Matches($"{prefix} +reporting +read write admin +[0-9-]{{10}} [0-9:]{{5}} +never +2099-03-31 16:30 +- +active", (await RunAsync("keys", "list", "--org", "Wingtip")).Output);

        using var client = factory.CreateClientWithToken(TokenPattern().Match(created.Output).Value);
        await (await client.GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
        var usedAt = factory.Clock.GetUtcNow().UtcDateTime;
        // The server writes last-used times once a minute (the default) by its clock.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        for (var attempt = 0; attempt < 200 && (await RunAsync("keys", "list", "--org", "Wingtip")).Output.Contains(" never ", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Matches($"{prefix} .* {usedAt:yyyy-MM-dd HH:mm} +2099-03-31 16:30 +- +active", (await RunAsync("keys", "list", "--org", "Wingtip")).Output);
    }

    [Theory]
    [InlineData(1, "must be in the future", "2001-01-01")]
    [InlineData(2, "is not an ISO 8601 date or time", "soon")]
    [InlineData(2, "is not an ISO 8601 date or time", "01/02/2030")]
    public async Task Keys_CreateWithBadExpiry_FailsWithMessageAndCreatesNoKey(int exitCode, string message, string expires)
    {
        await RunAsync("orgs", "create", "Adventure Works");

        var created = await RunAsync("keys", "create", "--org", "Adventure Works", "--expires", expires);

        Assert.Equal(exitCode, created.ExitCode);
        Assert.Contains(message, created.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f-]{36} ", (await RunAsync("keys", "list", "--org", "Adventure Works")).Output);
    }

    [Theory]
    [InlineData(1, "keys", "create", "--org", "no-such-org")]
    [InlineData(2, "keys", "create", "--org", "x", "--scopes", "superuser")]
    [InlineData(1, "orgs", "create", " ")]
    [InlineData(1, "keys", "revoke", "00000000-0000-0000-0000-000000000001")]
    public async Task Commands_BadInput_ExitNonZeroWithMessage(int exitCode, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
    }

    [Theory]
    [InlineData(2, "--scopes holds '15', which is not a scope: use scim, read, write or admin (case-insensitive), e.g. --scopes read write.", "--scopes", "15")]
    [InlineData(2, "--scopes holds '-1', which is not a scope", "--scopes", "scim", "-1")]
    [InlineData(2, "--scopes holds 'root', which is not a scope", "--scopes", "scim,root")]
    [InlineData(1, "An API key's label may not contain U+001B (a control character)", "--name", "a\u001b[2Jb")]
    [InlineData(1, "An API key's label may not contain U+202E (an invisible formatting character)", "--name", "entra\u202Eatad")]
    [InlineData(1, "An API key's label may not contain U+000A (a control character)", "--name", "first\nsecond")]
    public async Task Keys_CreateWithBadScopesOrLabel_FailsWithTheApisMessage_AndCreatesNoKey(int exitCode, string message, params string[] options)
    {
        Assert.Equal(0, (await RunAsync("orgs", "create", "Fabrikam")).ExitCode);

        var created = await RunAsync(["keys", "create", "--org", "Fabrikam", .. options.Select(Regex.Unescape)]);

        Assert.Equal(exitCode, created.ExitCode);
        Assert.StartsWith(message, created.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f-]{36} ", (await RunAsync("keys", "list", "--org", "Fabrikam")).Output);
    }

    [Theory]
    [InlineData("create", "Evil\u001b]0;owned\u0007", "An organization's name may not contain U+001B (a control character)")]
    [InlineData("create", "Contoso\u202Edtl", "An organization's name may not contain U+202E (an invisible formatting character)")]
    [InlineData("rename", "Line\u2028Break", "An organization's name may not contain U+2028 (a line separator)")]
    [InlineData("create", "Half\\ud800", "An organization's name may not contain U+D800 (a lone surrogate, which is half of a character)")]
    public async Task Orgs_UnprintableName_FailsNamingTheCharacter_AndListsNothingOfIt(string command, string name, string message)
    {
        Assert.Equal(0, (await RunAsync("orgs", "create", "Wingtip")).ExitCode);
        name = Regex.Unescape(name);

        var result = await RunAsync(command == "create" ? ["orgs", "create", name] : ["orgs", "rename", "Wingtip", name]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        var listed = (await RunAsync("orgs", "list")).Output;
        Assert.Contains("Wingtip", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(name, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_CreateWithScopesCommaOrSpaceSeparated_AnyCase()
    {
        Assert.Equal(0, (await RunAsync("orgs", "create", "Litware")).ExitCode);

        var created = await RunAsync("keys", "create", "--org", "Litware", "--scopes", "SCIM,read", "Write");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("with scopes: scim read write", created.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "--help")]
    [InlineData(true, "frobnicate")]
    [InlineData(true, "orgs", "list")]
    [InlineData(false, "--urls", "http://localhost:5080")]
    [InlineData(false)]
    public void Handles_CommandWordsAndHelp_ButNotServerOptions(bool expected, params string[] args) =>
        Assert.Equal(expected, AdminCommands.Handles(args));

    [Fact]
    public async Task Orgs_List_ShowsIdsAndNames()
    {
        await RunAsync("orgs", "create", "Northwind");

        var listed = await RunAsync("orgs", "list");

        Assert.Equal(0, listed.ExitCode);
        Assert.Matches("[0-9a-f-]{36} .* Northwind", listed.Output);
    }

    [Fact]
    public async Task Orgs_DuplicateName_Fails()
    {
        Assert.Equal(0, (await RunAsync("orgs", "create", "Tailspin")).ExitCode);
        var again = await RunAsync("orgs", "create", "TAILSPIN");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orgs_RenameAndList_ByTheSameSlicesAsTheAdministrationApi_AndJournaled()
    {
        Assert.Equal(0, (await RunAsync("orgs", "create", "Northwind")).ExitCode);

        var renamed = await RunAsync("orgs", "rename", "northwind", "Northwind Traders");

        Assert.Equal(0, renamed.ExitCode);
        var id = Guid.Parse(Regex.Match(renamed.Output, "Organization ([0-9a-f-]{36}) is now named 'Northwind Traders'").Groups[1].Value);
        Assert.Matches($"{id} +[0-9-]{{10}} [0-9:]{{8}} +Northwind Traders", (await RunAsync("orgs", "list")).Output);
        Assert.Equal(1, (await RunAsync("orgs", "rename", "nobody", "x")).ExitCode);
        var rows = await Journal.JournalReading.ReadJournalAsync(factory, id);
        // From the command line: no actor.
        Assert.Equal(
            [(Domain.Journal.JournalOperation.Create, (string?)null), (Domain.Journal.JournalOperation.Rename, null)],
            rows.Select(r => (r.Operation!.Value, r.KeyLabel)));
    }

    [Fact]
    public async Task Operator_Secret_PrintsASecretAndTheEntryThatAdmitsIt()
    {
        var printed = await RunAsync("operator", "secret");

        Assert.Equal(0, printed.ExitCode);
        var secret = Regex.Match(printed.Output, "scimop_[A-Za-z0-9_-]{43}").Value;
        var entry = Regex.Match(printed.Output, "sha256:[0-9a-f]{64}").Value;
        Assert.Equal(Scim.Api.Authentication.OperatorKeys.EntryOf(secret), entry);
        Assert.Contains($"\"OperatorKeys\": [ \"{entry}\" ]", printed.Output, StringComparison.Ordinal);
        Assert.Contains($"Scim__Admin__OperatorKeys__N={entry}", printed.Output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => factory.RunCommandAsync(args);

    [GeneratedRegex("scim_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("Created API key ([0-9a-f-]{36})")]
    private static partial Regex KeyIdPattern();
}
