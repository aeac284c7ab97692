using System.Net;
using Scim.Api.Authentication;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// The operator credential: hashes of secrets in Scim:Admin:OperatorKeys, several at once, taken up and dropped as the
/// configuration reloads, with no restart; an unknown secret is 401 with a SCIM error.
/// </summary>
public sealed class OperatorCredentialTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Section = "Scim:Admin:OperatorKeys";

    [Fact]
    public async Task OperatorKeys_RotatedInTheConfiguration_TakeEffectWithoutARestart()
    {
        var old = OperatorKeys.CreateSecret();
        var next = OperatorKeys.CreateSecret();
        factory.LiveSettings.SetList(Section, OperatorKeys.EntryOf(old));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(old));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(next));

        // The new secret is added beside the old one: both work while clients move over.
        factory.LiveSettings.SetList(Section, OperatorKeys.EntryOf(old), OperatorKeys.EntryOf(next));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(old));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(next));

        // Then the old one is removed.
        factory.LiveSettings.SetList(Section, OperatorKeys.EntryOf(next));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(old));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(next));
    }

    [Fact]
    public async Task UnknownOperatorSecret_Is401WithAScimError_AndTheSecretPastedInsteadOfItsHashAdmitsNothing()
    {
        var secret = OperatorKeys.CreateSecret();
        factory.LiveSettings.SetList(Section, secret, "sha256:nothex", OperatorKeys.EntryOf(secret).ToUpperInvariant()[..20]);

        var response = await factory.AdminClient(secret).GetAsync("/admin/organizations");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Scim:Admin:OperatorKeys", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorKeys_AnEntryInUpperCaseHex_Admits()
    {
        var secret = OperatorKeys.CreateSecret();
        factory.LiveSettings.SetList(Section, "SHA256:" + OperatorKeys.EntryOf(secret)[7..].ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(secret));
    }

    private async Task<HttpStatusCode> StatusAsync(string secret) =>
        (await factory.AdminClient(secret).GetAsync("/admin/organizations?count=1")).StatusCode;
}
