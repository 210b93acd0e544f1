using System;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace EvidenceCatalog.Tests.Shared;

/// <summary>
/// Runs an attack with a deadline, so that a regression fails the test instead of hanging the run. A call stuck past the
/// deadline is abandoned on a pool thread: the test fails at once, and the thread dies with the test host.
/// </summary>
internal static class Bounded
{
    /// <summary>Far above what any of these attacks takes once fixed (a few seconds), far below a hang.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static T Within<T>(Func<T> attack)
    {
        var run = Task.Run(attack);
        if (!run.Wait(Deadline))
        {
            throw new XunitException("still running after " + Deadline.TotalSeconds + " s: the attack hangs again");
        }

        return run.Result;
    }
}
