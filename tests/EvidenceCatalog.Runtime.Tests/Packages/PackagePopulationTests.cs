using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Infrastructure.Events;

namespace EvidenceCatalog.Runtime.Tests.Packages;

/// <summary>
/// A package's population is one CSV per control with evidence rules, all written from one read of the events after the
/// report's, each equal to that control's own export; a source whose events change between the two reads is refused
/// before anything is written.
/// </summary>
public sealed class PackagePopulationTests : IDisposable
{
    private static readonly CalendarDate From = new(2026, 3, 1);
    private static readonly CalendarDate To = new(2026, 3, 31);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("package-population-");
    private readonly HmacSigningKey key = HmacSigningKey.FromBytes(RandomNumberGenerator.GetBytes(32));

    public void Dispose()
    {
        key.Dispose();
        folder.Delete(recursive: true);
    }

    /// <summary>Events a service hands in, as the library API takes them: <paramref name="perRead"/> says how many on each read.</summary>
    private sealed class ServiceEvents(Func<int, int> perRead)
    {
        public int Reads { get; private set; }

        public async IAsyncEnumerable<AuditEvent> ReadAsync()
        {
            int count = perRead(++Reads);
            for (int index = 0; index < count; index++)
            {
                yield return new AuditEvent("e" + index, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero).AddHours(index), "policy.decision", "allow", "user:alice@northwind.example", Org);
            }

            await Task.CompletedTask;
        }
    }

    private ReportJob Job() => new(Catalog, Options(From, To)) { SigningKeys = [key] };

    private string Target => Path.Combine(folder.FullName, "package");

    [Fact]
    public async Task Every_control_s_file_comes_from_one_read_after_the_report_s_and_equals_its_control_s_own_export()
    {
        var events = new ServiceEvents(_ => 5);
        var job = Job();

        PackageResult result;
        using (var target = PackageTarget.Folder(Target))
        {
            result = await new PackageJob(job).RunAsync(new AuditEventSource(events.ReadAsync()), target);
        }

        Assert.Equal(2, events.Reads);
        var populated = Catalog.Model.Controls.Where(c => c.Evidence.Count > 0).Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(populated, result.Population.Controls.Select(c => c.ControlId));
        Assert.Equal(populated.Select(PackagePath.PopulationOf), result.Contents.Files.Select(f => f.Name).Where(n => n.StartsWith(PackagePath.PopulationFolder + "/", StringComparison.Ordinal)));
        Assert.Equal(result.Report.Report.Controls.Values.Sum(c => c.EvidenceCount), result.Population.Rows);
        Assert.Equal(result.Population.Rows, result.Contents.Predicate.PopulationRows);
        foreach (var control in result.Population.Controls)
        {
            Assert.Equal(result.Report.Report.Controls[control.ControlId].EvidenceCount, control.Rows);
            using var alone = new MemoryStream();
            await job.ExportPopulationAsync(new AuditEventSource(new ServiceEvents(_ => 5).ReadAsync()), alone, "alone.csv", control.ControlId);
            Assert.Equal(alone.ToArray(), File.ReadAllBytes(Path.Combine(Target, control.File)));
        }

        Assert.Contains(result.Population.Controls, c => c.ControlId == "IAM-01" && c.Rows == 5);
    }

    [Fact]
    public async Task Events_that_arrive_between_the_report_and_the_population_are_refused_naming_the_control_and_nothing_is_written()
    {
        var events = new ServiceEvents(read => read == 1 ? 5 : 6);

        using var target = PackageTarget.Folder(Target);
        var refused = await Assert.ThrowsAsync<PackageSourceChangedException>(() =>
            new PackageJob(Job()).RunAsync(new AuditEventSource(events.ReadAsync()), target));

        Assert.Equal("the events changed while the package was built: the report counts 5 evidence events of IAM-01, the population read after it 6 rows", refused.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Target));
    }

    [Fact]
    public void A_control_s_file_is_named_by_its_id_in_the_population_folder()
    {
        Assert.Equal("population/IAM-01.csv", PackagePath.PopulationOf("IAM-01"));
        Assert.Null(PackagePath.Problem(PackagePath.PopulationOf("NET-123")));
    }

    [Theory]
    [InlineData("IAM 01", "the control id 'IAM 01' cannot name its population file in a package: 'population/IAM 01.csv' holds a character other than ASCII letters, digits, '.', '_', '-' and '/'")]
    [InlineData("../IAM-01", "the control id '../IAM-01' cannot name its population file in a package: 'population/../IAM-01.csv' would be in a folder of its own")]
    public void A_catalog_whose_control_id_cannot_name_a_file_is_refused_before_anything_is_read(string id, string message)
    {
        var iam = Catalog.Model.Controls.Single(c => c.Id == "IAM-01");
        var catalog = new ModelEvidenceCatalog(Catalog.Model with { Controls = new[] { iam with { Id = id } }.ToEquatableArray() });

        var refused = Assert.Throws<ArgumentException>(() => new PackageJob(new ReportJob(catalog, Options(From, To)) { SigningKeys = [key] }));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }
}
