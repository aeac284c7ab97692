using Scim.LoadTest;
using Spectre.Console;

return await LoadTestCli.RunAsync(args, AnsiConsole.Console, Console.Error);
