namespace Scim.Api.Manage;

/// <summary>
/// A failed provisioning request in words for the person who runs the identity provider: what went wrong and what to
/// change, by HTTP status and <c>scimType</c> (RFC 7644 §3.12). The error's own <c>detail</c> is shown beside it.
/// </summary>
public static class FailureExplanations
{
    /// <summary>What a failure with <paramref name="status"/> and <paramref name="scimType"/> means, and what to do about it.</summary>
    public static string Explain(int? status, string? scimType) => (status, scimType) switch
    {
        (_, "uniqueness") =>
            "Someone with the same user name (or a team with the same name) already exists here. Check that each person's user name is "
            + "unique in your identity provider (in Entra ID, the userPrincipalName) and that nobody was created here by hand or by another "
            + "connection; remove the duplicate, and the next cycle matches or creates it.",
        (_, "invalidFilter") =>
            "The identity provider looked someone up in a way this service does not understand. Check that the matching attribute in your "
            + "attribute mappings is userName (users) or displayName (teams).",
        (_, "invalidPath" or "noTarget") =>
            "The identity provider changed an attribute this service does not have. In its attribute mappings (Entra ID: Provisioning → "
            + "Mappings) remove or correct the one the detail names.",
        (_, "mutability") =>
            "The identity provider tried to change something that cannot be changed once set, such as an id. Remove that attribute from the mappings.",
        (_, "invalidValue" or "invalidSyntax") =>
            "The identity provider sent a value this service does not accept (the detail names it). Fix the source value or its mapping, "
            + "then restart provisioning for that person or team.",
        (_, "tooMany") =>
            "A request asked for too much at once. The identity provider retries with smaller requests; nothing to change unless it keeps failing.",
        (401, _) =>
            "The key was refused: it was revoked, has expired or was pasted incompletely. Create a new key with SCIM turned on and paste it as the Secret Token.",
        (403, _) =>
            "The key is not allowed to provision: it lacks the SCIM scope. Create a key with SCIM turned on and paste it as the Secret Token.",
        (404, _) =>
            "The identity provider referred to a person or team that no longer exists here, usually because it was deleted here by hand. "
            + "It is re-created on the next cycle; to be sure, restart provisioning in the identity provider.",
        (409, _) => "The change conflicted with the current state here. The identity provider retries it on its next cycle.",
        (412, _) =>
            "The person or team changed between the identity provider's read and its write. It retries with the new version; nothing to change.",
        (413, _) => "The request was larger than this service accepts. Split very large teams, or ask the operator about the size limit.",
        (429, _) =>
            "The identity provider sent requests faster than your organization's limit. It slows down and retries; nothing is lost.",
        ( >= 500, _) => "This service failed or was busy. The identity provider retries; if it keeps happening, tell the operator the request id.",
        _ => "The request was refused; the detail says why.",
    };
}
