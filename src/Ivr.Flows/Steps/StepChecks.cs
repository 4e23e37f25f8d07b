using Ivr.Flows.Validation;

namespace Ivr.Flows.Steps;

/// <summary>Field checks shared by several step types: keypad keys and phone numbers.</summary>
internal static class StepChecks
{
    /// <summary>True for one keypad key: 0-9, * or #.</summary>
    public static bool IsKey(string? key) => key is { Length: 1 } && (char.IsAsciiDigit(key[0]) || key[0] is '*' or '#');

    /// <summary>True for an E.164 number: + then 7 to 15 digits, the first not 0.</summary>
    public static bool IsE164(string? number) =>
        number is { Length: >= 8 and <= 16 } && number[0] == '+' && number[1] != '0' && number[1..].All(char.IsAsciiDigit);

    public static void Key(StepValidationContext context, string field, string? key)
    {
        if (!IsKey(key))
        {
            context.Error(field, $"'{key}' is not one keypad key (0-9, * or #).");
        }
    }

    public static void E164(StepValidationContext context, string field, string? number)
    {
        if (number is not null && !IsE164(number))
        {
            context.Error(field, $"'{number}' is not an E.164 number (+ and country code, e.g. +861058000000).");
        }
    }
}
