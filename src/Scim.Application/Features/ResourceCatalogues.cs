using System.Runtime.ExceptionServices;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;

namespace Scim.Application.Features;

/// <summary>The attribute catalogues of every resource type, checked when the server starts.</summary>
public static class ResourceCatalogues
{
    /// <summary>
    /// Builds the User and Group catalogues, so a catalogue that does not match its schemas stops the server at start-up
    /// with the list of what is wrong, instead of failing every request on that resource type.
    /// </summary>
    /// <exception cref="InvalidOperationException">A catalogue misses an attribute, catalogues one twice or cannot write one.</exception>
    public static void Validate()
    {
        try
        {
            _ = UserCatalogue.Catalogue;
            _ = GroupCatalogue.Catalogue;
        }
        catch (TypeInitializationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
        }
    }
}
