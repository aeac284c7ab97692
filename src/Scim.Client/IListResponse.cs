namespace Scim.Client;

/// <summary>
/// The members of a ListResponse (RFC 7644 §3.4.2, RFC 9865 §2) that walking a result set reads; the administration API's
/// pages (paged by cursor alone) have them too.
/// </summary>
/// <typeparam name="TResource">The resource type.</typeparam>
internal interface IListResponse<TResource>
{
    /// <summary><c>totalResults</c>: 0 when the server left it out, which RFC 9865 allows with cursors.</summary>
    int? TotalResults { get; }

    /// <summary><c>Resources</c>: null when the server left it out, which RFC 7644 allows when there are none.</summary>
    List<TResource>? Resources { get; }

    /// <summary><c>nextCursor</c>: absent on the last page of a cursor walk and on every index page.</summary>
    string? NextCursor { get; }
}

// What ScimListWalk reads of a page of users.
public partial class ListResponseOfUser : IListResponse<User>;

// What ScimListWalk reads of a page of groups.
public partial class ListResponseOfGroup : IListResponse<Group>;

// What ScimListWalk reads of a page of organizations (paged by cursor, never counted).
public partial class OrganizationPage : IListResponse<Organization>
{
    int? IListResponse<Organization>.TotalResults => null;
}

// What ScimListWalk reads of a page of activity.
public partial class ActivityPage : IListResponse<Activity>
{
    int? IListResponse<Activity>.TotalResults => null;

    List<Activity>? IListResponse<Activity>.Resources => Activity;
}

// What ScimListWalk reads of a page of provisioning runs.
public partial class ProvisioningRunsPage : IListResponse<ProvisioningRun>
{
    int? IListResponse<ProvisioningRun>.TotalResults => null;

    List<ProvisioningRun>? IListResponse<ProvisioningRun>.Resources => Runs;
}
