namespace Ivr.Flows.Model;

/// <summary>What a variable name may be: letters, digits, _ and dots, starting with a letter (<c>patient.givenName</c>).</summary>
public static class VariableNames
{
    public const string Rule = "a variable name is letters, digits, '_' and '.', starting with a letter (e.g. my.choice).";

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal);
}
