using Xunit;

namespace EvidenceCatalog.Server.Tests.Infrastructure;

/// <summary>
/// Tests that measure the whole process (its allocations, how fast it answers under load) run alone, after the others,
/// so that no other test's work counts in what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
