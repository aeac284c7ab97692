using System.Globalization;

namespace Scim.IdpReplay.Okta;

/// <summary>
/// Okta's provisioning traffic for a SCIM 2.0 app integration, in the order an administrator's work brings it; the steps
/// live in the partial files next to this one.
/// </summary>
/// <remarks>
/// Sources: Okta's SCIM 2.0 reference, https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20 (requests and
/// the answers Okta relies on: lookup with paging, create with <c>password</c> and <c>groups: []</c>, updates as GET then
/// PUT, PATCH <c>active</c> for OIN integrations and PUT for App Integration Wizard ones, no DELETE of users, import pages
/// of 100 with integer <c>totalResults</c>/<c>startIndex</c>/<c>itemsPerPage</c> in a stable order, Group Push create,
/// rename with <c>id</c> in the value, member add/remove, full push with <c>replace</c>, PUT, DELETE), and its SCIM 1.1
/// reference, https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-11 (Test Connector Configuration's
/// <c>GET /Users?startIndex=1&amp;count=2</c> and <c>GET /Groups?startIndex=1&amp;count=100</c>).
/// </remarks>
internal sealed partial class OktaCycle : ReplayCycle
{
    // Fixed roles of users 1–5 (1-based): 1 is looked up again and created twice; 2 is deactivated with PATCH and stays
    // so through a password sync and a profile update; 3 is deactivated with PUT and reactivated with PATCH; 4 is
    // deactivated and reactivated with PATCH; 5 has its password synced with PUT and with PATCH.
    private const int ReassignedIndex = 1, StaysDeactivatedIndex = 2, DeactivatedByPutIndex = 3, ReactivatedIndex = 4, PasswordSyncIndex = 5;

    // Group Push sends a few membership changes at a time.
    private const int MemberBatchSize = 10;

    private readonly List<ReplayUser> _users;
    private readonly List<ReplayGroup> _groups;

    public OktaCycle(ScimRequestSender http, ReplayOptions options, TextWriter log)
        : base(http, options, log)
    {
        _users = [.. Enumerable.Range(1, options.Users).Select(i => OktaRequests.NewUser(i, options.RunId))];
        _groups = [.. Enumerable.Range(0, options.Groups).Select(g => new ReplayGroup(g, $"Okta Group {g} {options.RunId}"))];
    }

    protected override string Provider => "Okta";

    protected override string ConnectionTest => "Test Connector Configuration";

    protected override string Sizes => string.Create(CultureInfo.InvariantCulture, $"{_users.Count} users, {_groups.Count} groups");

    protected override Task<bool> ConnectAsync(CancellationToken ct) => TestConnectorAsync(ct);

    protected override IEnumerable<Func<CancellationToken, Task>> Steps() =>
    [
        PushNewUsersAsync, PushGroupsAsync, PushProfileUpdatesAsync, DeactivateAsync, UpdatePushedGroupsAsync,
        ImportUsersAsync, ImportGroupsAsync, DeletePushedGroupAsync, FinalStateAsync,
    ];

    /// <summary>Test Connector Configuration: the first page of users (2) and of groups (100), integers and all.</summary>
    private async Task<bool> TestConnectorAsync(CancellationToken ct)
    {
        const string Step = "test-connector";
        var users = await Http.GetAsync(Step, OktaRequests.Page("Users", 1, 2), ct, 200);
        Check.Page(Step, users, 1, 2);
        var groups = await Http.GetAsync(Step, OktaRequests.Page("Groups", 1), ct, 200);
        Check.Page(Step, groups, 1, OktaRequests.PageSize);
        return users.Status is not (401 or 403) && groups.Status is not (401 or 403);
    }

    private ReplayUser User(int index) => _users[index - 1];

    /// <summary>The ids of this run's users, as readable names for failure reports.</summary>
    private Dictionary<string, string> UserNames() =>
        _users.Where(u => u.Id is not null).ToDictionary(u => u.Id!, u => u.UserName, StringComparer.Ordinal);
}
