using Spectre.Console;

namespace Scim.Seeder;

internal static class Program
{
    public static Task<int> Main(string[] args) => SeederCommand.RunAsync(args, AnsiConsole.Console, Console.Error);
}
