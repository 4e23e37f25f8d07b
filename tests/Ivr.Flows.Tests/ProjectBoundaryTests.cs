using Ivr.Flows.Languages;

namespace Ivr.Flows.Tests;

public sealed class ProjectBoundaryTests
{
    [Fact]
    public void IvrFlows_ReferencesNoAspNetCore()
    {
        var references = typeof(IvrLanguage).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
