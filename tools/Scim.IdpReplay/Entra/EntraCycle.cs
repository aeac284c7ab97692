using System.Globalization;

namespace Scim.IdpReplay.Entra;

/// <summary>The state and order of one cycle; the steps live in the partial files next to this one.</summary>
/// <remarks>
/// Sources: Microsoft's "Develop and plan provisioning for a SCIM endpoint",
/// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups (requests and
/// the answers Entra relies on), "Known issues and resolutions with SCIM 2.0 protocol compliance",
/// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
/// (the two PATCH dialects and the <c>aadOptscim062020</c> flag), and "How Application Provisioning works",
/// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works (match then create, PATCH
/// <c>active:false</c> to deactivate, DELETE once hard-deleted).
/// </remarks>
internal sealed partial class EntraCycle : ReplayCycle
{
    // Fixed roles of users 1–9 (1-based): 1 manages 2, 3 and (at first) 4; 5 ends up managing 4;
    // 6 is disabled (legacy), 7 disabled and re-enabled (compliant), 8 hard-deleted, 9 removed from group 0.
    private const int ManagerIndex = 1, ClearedByReplaceIndex = 2, ClearedByRemoveIndex = 3, ChangedManagerIndex = 4, SecondManagerIndex = 5;
    private const int DisabledIndex = 6, ReenabledIndex = 7, DeletedIndex = 8, RemovedMemberIndex = 9;

    // Entra sends member changes in batches: several members in one operation.
    private const int MemberBatchSize = 10;

    private readonly List<UserModel> _users;
    private readonly List<GroupModel> _groups;

    public EntraCycle(ScimRequestSender http, ReplayOptions options, TextWriter log)
        : base(http, options, log)
    {
        _users = [.. Enumerable.Range(1, options.Users).Select(i => new UserModel(i, options.RunId))];
        _groups = [.. Enumerable.Range(0, options.Groups).Select(g => new GroupModel(g, options.RunId, EntraDialects.For(options.Dialect, g)))];
    }

    protected override string Provider => "Entra";

    protected override string ConnectionTest => "Test Connection";

    protected override string Sizes =>
        string.Create(CultureInfo.InvariantCulture, $"{_users.Count} users, {_groups.Count} groups, dialect mix {Options.Dialect}");

    protected override Task<bool> ConnectAsync(CancellationToken ct) => TestConnectionAsync(ct);

    protected override IEnumerable<Func<CancellationToken, Task>> Steps() =>
    [
        CreateUsersAsync, CreateGroupsAsync, AddMembersAsync, UpdateUserAttributesAsync, ManagersAsync, DeactivateAsync,
        DeleteUserAsync, RemoveMembersAsync, RenameGroupAsync, DeleteGroupAsync, FinalStateAsync,
    ];

    private UserModel User(int index) => _users[index - 1];
}
