using Xunit;

namespace EvidenceCatalog.Browser.Tests.Infrastructure;

/// <summary>A fact that needs Chromium: skipped without one on a developer's machine, never under CI=true (it fails there).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumExecutable.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs Chromium, skipped or failing as <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (ChromiumExecutable.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
