namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>How to start one locally installed server: the program, its arguments and its environment.</summary>
public sealed record LocalServerCommand(
    string Executable,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment)
{
    public static LocalServerCommand Of(string executable, params string[] arguments) =>
        new(executable, arguments, new Dictionary<string, string>());
}
