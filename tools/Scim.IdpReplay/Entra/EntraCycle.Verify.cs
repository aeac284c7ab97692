using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.IdpReplay.Entra;

internal sealed partial class EntraCycle
{
    /// <summary>Final read-back: after a cycle Entra compares its view with GET; any difference means re-PATCH forever.</summary>
    private async Task FinalStateAsync(CancellationToken ct)
    {
        const string Step = "final-state";
        foreach (var user in _users.Where(u => u.Exists))
        {
            await GetUserAsync(Step, user, ct);
        }

        foreach (var group in _groups.Where(g => g.Exists))
        {
            await CheckGroupAsync(Step, group, ct);
        }
    }

    /// <summary>GET Users/{id} and compare every attribute the cycle wrote.</summary>
    private async Task GetUserAsync(string step, UserModel user, CancellationToken ct)
    {
        var response = await Http.GetAsync(step, $"Users/{user.Id}", ct, 200);
        if (response.Status == 200 && response.Object is { } body)
        {
            CheckUser(step, response, body, user);
        }
    }

    private void CheckUser(string step, ScimResponse response, JsonObject body, UserModel user)
    {
        Check.Equal(step, response, "id", user.Id, body["id"]);
        Check.Equal(step, response, "userName", user.UserName, body["userName"]);
        Check.Equal(step, response, "externalId", user.ExternalId, body["externalId"]);
        Check.Equal(step, response, "displayName", user.DisplayName, body["displayName"]);
        Check.Equal(step, response, "title", user.Title, body["title"]);
        Check.Equal(step, response, "name.givenName", user.GivenName, body["name"]?["givenName"]);
        Check.Equal(step, response, "name.familyName", user.FamilyName, body["name"]?["familyName"]);

        // active is a JSON boolean even when the legacy dialect sent the string "False" (§2.6).
        var active = body["active"];
        var kind = active is JsonValue v ? v.GetValueKind() : JsonValueKind.Undefined;
        Check.That(step, response, kind == (user.Active ? JsonValueKind.True : JsonValueKind.False),
            $"active = {(user.Active ? "true" : "false")} (boolean)", $"active = {active?.ToJsonString() ?? "(absent)"}");

        // A filtered replace updates the one work e-mail; it never adds a second (§2.5, §5 "at most one element per type").
        var workEmails = Checks.OfType(body, "emails", "work");
        if (Check.That(step, response, workEmails.Count == 1, "exactly one work email", $"{workEmails.Count} work emails"))
        {
            Check.Equal(step, response, "emails[type eq \"work\"].value", user.Email, Checks.Property(workEmails[0], "value"));
        }

        var workAddresses = Checks.OfType(body, "addresses", "work");
        var wantAddresses = user.Locality is null ? 0 : 1;
        if (Check.That(step, response, workAddresses.Count == wantAddresses, $"{wantAddresses} work address(es)", $"{workAddresses.Count}")
            && wantAddresses == 1)
        {
            Check.Equal(step, response, "addresses[type eq \"work\"].locality", user.Locality, Checks.Property(workAddresses[0], "locality"));
        }

        var mobiles = Checks.OfType(body, "phoneNumbers", "mobile");
        Check.Equal(step, response, "phoneNumbers[type eq \"mobile\"].value", user.MobilePhone,
            mobiles.Count == 1 ? Checks.Property(mobiles[0], "value") : null);

        var enterprise = body[ScimMessages.EnterpriseUser] as JsonObject;
        Check.Equal(step, response, "enterprise department", user.Department, enterprise?["department"]);
        Check.Equal(step, response, "enterprise employeeNumber", user.EmployeeNumber, enterprise?["employeeNumber"]);
        // Read back as {"value": id} under the enterprise URN (§2.5 Manager); a cleared manager is absent or empty.
        var manager = enterprise?["manager"];
        var managerId = Checks.Text(manager?["value"] ?? (manager is JsonValue ? manager : null));
        Check.That(step, response, user.ManagerId is null ? string.IsNullOrEmpty(managerId) : managerId == user.ManagerId && manager is JsonObject,
            user.ManagerId is null ? "no manager" : $"manager {{\"value\":\"{user.ManagerId}\"}}",
            $"manager {manager?.ToJsonString() ?? "(absent)"}");

        // Path-less replace keys are paths to expand, never attribute names to store (§2.5).
        var literal = body.Select(p => p.Key)
            // Schema URNs contain dots themselves ("2.0"), so only non-URN keys are checked for dots.
            .Where(k => k.StartsWith(ScimMessages.EnterpriseUser + ":", StringComparison.OrdinalIgnoreCase)
                || (!k.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && k.Contains('.', StringComparison.Ordinal)))
            .ToList();
        Check.That(step, response, literal.Count == 0, "no dotted or URN-qualified attribute names", $"attributes {string.Join(", ", literal)}");
    }
}
