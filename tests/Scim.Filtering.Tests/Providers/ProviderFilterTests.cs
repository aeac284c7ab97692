namespace Scim.Filtering.Tests.Providers;

/// <summary>
/// Filters through the server's map on each provider's database: every provider must return exactly these users, so
/// SQLite and PostgreSQL agree. Case-insensitive attributes without a lower-cased copy (title, name.*) go through SQL
/// <c>lower()</c>, which must fold É, Å and Ø as .NET does; ordering and <c>sw</c> compare code points.
/// </summary>
public abstract class ProviderFilterTests(ProviderDatabase database)
{
    private const string Everyone = "bjensen,JSmith,José,ÉLODIE,100%_user,Åsa.Øster,back\\slash";

    public static TheoryData<string, string> Cases => new()
    {
        { "userName eq \"BJENSEN\"", "bjensen" },
        { "userName eq \"JOSÉ\"", "José" },
        { "userName eq \"élodie\"", "ÉLODIE" },
        { "userName eq \"ÅSA.ØSTER\"", "Åsa.Øster" },
        { "userName ne \"bjensen\"", "JSmith,José,ÉLODIE,100%_user,Åsa.Øster,back\\slash" },
        { "userName sw \"j\"", "JSmith,José" },
        { "userName sw \"JOS\"", "José" },
        { "userName sw \"josé\"", "José" },
        { "userName sw \"åsa\"", "Åsa.Øster" },
        { "userName sw \"\"", Everyone },
        { "userName sw \"100%\"", "100%_user" },
        { "userName sw \"100_\"", "" },
        { "userName sw \"back\\\\\"", "back\\slash" },
        { "userName ew \"SEN\"", "bjensen" },
        { "userName ew \"ØSTER\"", "Åsa.Øster" },
        { "userName ew \"%_user\"", "100%_user" },
        { "userName co \"%\"", "100%_user" },
        { "userName co \"_\"", "100%_user" },
        { "userName co \"\\\\\"", "back\\slash" },
        { "userName co \"o\"", "José,ÉLODIE" },
        { "userName co \"ØS\"", "Åsa.Øster" },
        { "userName gt \"j\"", "JSmith,José,ÉLODIE,Åsa.Øster" },
        { "userName lt \"c\"", "bjensen,100%_user,back\\slash" },
        { "userName gt \"z\"", "ÉLODIE,Åsa.Øster" },
        { "userName ge \"é\"", "ÉLODIE" },
        { "userName le \"åsa.øster\"", "bjensen,JSmith,José,100%_user,Åsa.Øster,back\\slash" },
        { "displayName eq \"babs jensen\"", "bjensen" },
        { "displayName eq \"åsa øster\"", "Åsa.Øster" },
        { "displayName co \"SMITH\"", "JSmith" },
        { "displayName sw \"100%\"", "100%_user" },
        { "displayName pr", "bjensen,JSmith,José,100%_user,Åsa.Øster,back\\slash" },
        { "displayName eq null", "ÉLODIE" },
        { "title eq \"ÉQUIPE\"", "ÉLODIE,Åsa.Øster" },
        { "title eq \"équipe\"", "ÉLODIE,Åsa.Øster" },
        { "title co \"QUIP\"", "ÉLODIE,Åsa.Øster" },
        { "title sw \"ÉQ\"", "ÉLODIE,Åsa.Øster" },
        { "title ew \"IPE\"", "ÉLODIE,Åsa.Øster" },
        { "title gt \"u\"", "ÉLODIE,Åsa.Øster" },
        { "title pr", "bjensen,ÉLODIE,100%_user,Åsa.Øster" },
        { "title eq \"tour_guide\"", "100%_user" },
        { "title co \"_\"", "100%_user" },
        { "title sw \"tour\"", "bjensen,100%_user" },
        { "name.familyName eq \"ÅNGSTRÖM\"", "ÉLODIE" },
        { "name.familyName eq \"øster\"", "Åsa.Øster" },
        { "name.givenName eq \"åsa\"", "Åsa.Øster" },
        { "name.givenName eq \"ÉLODIE\"", "ÉLODIE" },
        { "name.givenName sw \"JO\"", "JSmith,José" },
        { "externalId eq \"EXT-1\"", "bjensen" },
        { "externalId eq \"ext-1\"", "" },
        { "externalId eq \"ext-Å\"", "Åsa.Øster" },
        { "externalId eq \"ext-å\"", "" },
        { "externalId sw \"ext\"", "JSmith,Åsa.Øster" },
        { "externalId sw \"EXT\"", "bjensen,ÉLODIE" },
        { "externalId ew \"-1\"", "bjensen" },
        { "externalId ew \"T-1\"", "bjensen" },
        { "externalId ew \"t-1\"", "" },
        { "externalId co \"xt\"", "JSmith,Åsa.Øster" },
        { "externalId co \"XT\"", "bjensen,ÉLODIE" },
        { "externalId gt \"Z\"", "JSmith,Åsa.Øster" },
        { "emails eq \"bjensen@example.com\"", "bjensen" },
        { "emails.value eq \"JOHN.SMITH@EXAMPLE.COM\"", "JSmith" },
        { "emails.value eq \"åsa@example.se\"", "Åsa.Øster" },
        { "emails co \"example.com\"", "bjensen,JSmith,ÉLODIE,100%_user" },
        { "emails.value co \"%\"", "100%_user" },
        { "emails.value ew \".ORG\"", "bjensen,ÉLODIE" },
        { "emails.value sw \"elodie@\"", "ÉLODIE" },
        { "emails.type eq \"work\"", "bjensen,JSmith,ÉLODIE,Åsa.Øster" },
        { "emails[type eq \"work\"].value eq \"elodie@work.example.com\"", "ÉLODIE" },
        { "emails[type eq \"WORK\" and value co \"@example.com\"]", "bjensen,JSmith" },
        { "emails.type eq \"home\" and emails.value co \"@example.com\"", "bjensen" },
        { "emails[primary eq true]", "bjensen,JSmith,Åsa.Øster" },
        { "emails pr", "bjensen,JSmith,ÉLODIE,100%_user,Åsa.Øster" },
        { "not (emails pr)", "José,back\\slash" },
        { "active eq false", "José,ÉLODIE" },
        { "meta.lastModified gt \"2020-01-01T00:00:00Z\"", "José,ÉLODIE,Åsa.Øster,back\\slash" },
        { "meta.lastModified lt \"2011-05-13T04:42:35Z\"", "bjensen" },
        { "meta.lastModified ge \"2011-05-13T06:42:35+02:00\"", "JSmith,José,ÉLODIE,100%_user,Åsa.Øster,back\\slash" },
        { "manager.value eq \"902c246b-6245-4190-8e05-00816be7344a\"", "bjensen" },
        { "manager.value pr", "bjensen,José,Åsa.Øster" },
        { "id eq \"2819c223-7f76-453a-919d-413861904646\"", "bjensen" },
        { "id eq \"2819C223-7F76-453A-919D-413861904646\"", "" },
        { "id eq \"not-a-guid\"", "" },
        { "id sw \"2819c223\"", "bjensen" },
        { "id co \"-7f76-\"", "bjensen" },
        { "id co \"-7F76-\"", "" },
        { "id ew \"904646\"", "bjensen" },
        { "manager.value sw \"902c\"", "bjensen" },
        { "manager.value lt \"z\"", "bjensen,José,Åsa.Øster" },
        { "manager pr", "bjensen,José,Åsa.Øster" },
        { "manager eq \"902c246b-6245-4190-8e05-00816be7344a\"", "bjensen" },
        { "name pr", "bjensen,JSmith,José,ÉLODIE,Åsa.Øster" },
        { "name eq null", "100%_user,back\\slash" },
        { "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", "bjensen,José,Åsa.Øster" },
        { "schemas eq \"URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER\"", Everyone },
        { "groups pr", "" },
        { "not (groups pr)", Everyone },
        { "meta.resourceType eq \"User\"", Everyone },
        { "meta.resourceType lt \"uSER\"", Everyone },
        { "meta.resourceType gt \"uSER\"", "" },
        { "not (userName eq \"bjensen\")", "JSmith,José,ÉLODIE,100%_user,Åsa.Øster,back\\slash" },
        { "userName eq \"bjensen\" or userName eq \"jsmith\" and active eq false", "bjensen" },
        { "(userName sw \"j\" or displayName co \"øster\") and active eq true", "JSmith,Åsa.Øster" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_OnProvidersDatabase_MatchesExpectedUsers(string filter, string expectedUserNames)
    {
        var expected = expectedUserNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await database.UserNamesAsync(filter, ProviderDatabase.Organization));
    }
}

/// <summary>The cases on SQLite.</summary>
public sealed class SqliteProviderFilterTests(SqliteProviderDatabase database)
    : ProviderFilterTests(database), IClassFixture<SqliteProviderDatabase>;

/// <summary>The cases on PostgreSQL.</summary>
public sealed class PostgresProviderFilterTests(PostgresProviderDatabase database)
    : ProviderFilterTests(database), IClassFixture<PostgresProviderDatabase>;
