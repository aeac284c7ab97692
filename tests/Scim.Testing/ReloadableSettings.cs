using Microsoft.Extensions.Configuration;

namespace Scim.Testing;

/// <summary>
/// A configuration source a test changes while the server runs, as an operator edits appsettings.json: each change
/// raises the configuration's reload, so what the server reads through <c>IOptionsMonitor</c> follows it.
/// </summary>
public sealed class ReloadableSettings : ConfigurationProvider, IConfigurationSource
{
    /// <summary>Sets (or, with null, removes) <paramref name="key"/> and reloads.</summary>
    public new void Set(string key, string? value)
    {
        if (value is null)
        {
            Data.Remove(key);
        }
        else
        {
            Data[key] = value;
        }

        OnReload();
    }

    /// <summary>Replaces every key starting with <paramref name="section"/> by <paramref name="values"/> (a list: section:0, section:1, …) in one reload.</summary>
    public void SetList(string section, params string[] values)
    {
        foreach (var key in Data.Keys.Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            Data.Remove(key);
        }

        for (var i = 0; i < values.Length; i++)
        {
            Data[$"{section}:{i}"] = values[i];
        }

        OnReload();
    }

    /// <inheritdoc/>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
}
