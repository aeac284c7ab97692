namespace Scim.Infrastructure;

/// <summary>Finds a provider's own exception where EF Core or ADO.NET wrapped it.</summary>
internal static class ProviderException
{
    /// <summary>The first <typeparamref name="T"/> in <paramref name="exception"/>'s chain of inner exceptions, itself included; null when none is.</summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
