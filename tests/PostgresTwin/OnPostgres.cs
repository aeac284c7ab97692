using System.Runtime.CompilerServices;

namespace Scim.Testing;

/// <summary>Part of every PostgreSQL twin test assembly: its servers run on PostgreSQL.</summary>
internal static class OnPostgres
{
    // Runs when the assembly's code first runs, before any test: a factory reads DefaultDatabase only when a test
    // first uses it.
    [ModuleInitializer]
    internal static void UsePostgres() => ScimApiFactory.DefaultDatabase = ScimTestDatabase.Postgres;
}
