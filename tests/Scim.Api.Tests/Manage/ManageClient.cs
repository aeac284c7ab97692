using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Scim.Testing;

namespace Scim.Api.Tests.Manage;

/// <summary>
/// A browser's part in the owner's page, over HTTP: cookies kept (over https://localhost, since they are Secure),
/// redirects not followed, and forms posted with the antiforgery token of the page that shows them.
/// </summary>
internal static partial class ManageClient
{
    /// <summary>A client of <paramref name="factory"/> at <c>https://localhost</c> with a cookie container, not following redirects.</summary>
    public static HttpClient Create(ScimApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs <paramref name="client"/> in with <paramref name="token"/>; returns the answer to the sign-in form (a redirect when it worked).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string token) =>
        PostFormAsync(client, "manage/signin", new Dictionary<string, string> { ["Token"] = token });

    /// <summary>A new client signed in with <paramref name="token"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(ScimApiFactory factory, string token)
    {
        var client = Create(factory);
        var response = await SignInAsync(client, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// GETs <paramref name="form"/>, then posts <paramref name="fields"/> to <paramref name="action"/> (the same page
    /// unless said) with the page's hidden fields (its antiforgery token among them) under them, as a browser would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string form, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(form);
        var posted = new Dictionary<string, string>();
        foreach (var input in InputTag().Matches(page).Select(m => m.Value).Where(tag => tag.Contains("type=\"hidden\"", StringComparison.Ordinal)))
        {
            posted[System.Net.WebUtility.HtmlDecode(Attribute(input, "name"))] = System.Net.WebUtility.HtmlDecode(Attribute(input, "value"));
        }

        if (!posted.ContainsKey("__RequestVerificationToken"))
        {
            throw new InvalidOperationException($"{form} has no form token:\n{page}");
        }

        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }

        return await client.PostAsync(action ?? form, new FormUrlEncodedContent(posted));
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $" {name}=\"([^\"]*)\"") is { Success: true } match ? match.Groups[1].Value : "";

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputTag();
}
