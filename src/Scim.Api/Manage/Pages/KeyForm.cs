namespace Scim.Api.Manage.Pages;

/// <summary>The key creation form: a label, the scope toggles (SCIM on by default: what an identity provider needs) and an expiry.</summary>
public sealed class KeyForm
{
    /// <summary>The key's label, e.g. <c>Entra ID provisioning</c>.</summary>
    public string? Label { get; set; }

    /// <summary>Every SCIM request: what Entra ID and Okta need.</summary>
    public bool Scim { get; set; } = true;

    /// <summary>SCIM reads only (an internal reporting service).</summary>
    public bool Read { get; set; }

    /// <summary>SCIM writes (an internal service that changes the directory).</summary>
    public bool Write { get; set; }

    /// <summary>This page and the administration API of the organization.</summary>
    public bool Admin { get; set; }

    /// <summary>One of <see cref="KeysModel.Expiries"/>' values.</summary>
    public string Expires { get; set; } = "never";

    /// <summary>A value of this form alone, new each time the form is shown: a form sent twice creates one key; a form without it, none.</summary>
    public Guid Once { get; set; }
}
