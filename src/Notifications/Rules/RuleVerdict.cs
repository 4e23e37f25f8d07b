namespace Notifications.Rules;

public enum RuleVerdict
{
    Send,
    Defer,
    Never,
}
