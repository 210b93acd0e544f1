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
    public static T Within<T>(TimeSpan limit, Func<T> attack)
    {
        var run = Task.Run(attack);
        if (!run.Wait(limit))
        {
            throw new XunitException("still running after " + limit.TotalSeconds + " s: the attack hangs again");
        }

        return run.Result;
    }
}
