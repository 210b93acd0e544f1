using System;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Tests.Shared;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary>
/// Catalog folders a pull request can make hostile (git stores symbolic links): every case is a diagnostic and exit 1,
/// in bounded time. The three attacks of the report (a link loop, a link to /dev/zero, a named pipe) are the folder
/// fixtures (<see cref="FolderFixtureTests"/>); these are the cases around them.
/// </summary>
public sealed class HostileFolderTests
{
    [Fact]
    public void A_reader_stops_one_byte_past_the_limit_of_a_stream_that_never_ends()
    {
        var bytes = SourceFileReader.ReadAtMost(new EndlessStream(), limit: 1000, out long seen);

        Assert.Null(bytes);
        Assert.Equal(1001, seen);
    }

    [Fact]
    public void A_named_pipe_among_the_catalogs_of_a_report_stops_it_with_exit_1_not_a_hang()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        FolderFixture.MakeNamedPipe(workspace.Combine("catalogs/pipe.yaml"));
        workspace.AddText("events.jsonl", "");

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, ["report", "--catalogs", "catalogs", "--events", "events.jsonl", .. ReportCommandTests.Window, "--out", "report.json"]));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("catalogs/pipe.yaml(1,1): error EC1016: this is a named pipe (FIFO), not a regular file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_pipe_in_the_schemas_folder_is_EC1016()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddBytes("schemas/vendors.schema.json", File.ReadAllBytes(Path.Combine(RepositoryRoot.Schemas, "vendors.schema.json")));
        FolderFixture.MakeNamedPipe(workspace.Combine("schemas/pipe.json"));

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf, "--schemas", "schemas"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("schemas/pipe.json(1,1): error EC1016: this is a named pipe (FIFO)", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_that_point_at_each_other_are_EC1015_and_a_link_to_nothing_is_EC1016()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        File.CreateSymbolicLink(workspace.Combine("catalogs/a.yaml"), "b.yaml");
        File.CreateSymbolicLink(workspace.Combine("catalogs/b.yaml"), "a.yaml");
        File.CreateSymbolicLink(workspace.Combine("catalogs/gone.yaml"), "nowhere.yaml");

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(
            ["catalogs/a.yaml(1,1): error EC1015", "catalogs/b.yaml(1,1): error EC1015", "catalogs/gone.yaml(1,1): error EC1016"],
            result.StdoutLines[..^1].Select(l => l[..l.IndexOf(':', l.IndexOf("): ", StringComparison.Ordinal) + 3)]));
        Assert.Contains("'catalogs/nowhere.yaml', which does not exist", result.StdoutLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Links_inside_the_folder_are_fine_a_folder_link_adds_nothing_and_a_file_link_is_read()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        Directory.CreateSymbolicLink(workspace.Combine("catalogs/current"), "vendors");
        Directory.CreateDirectory(workspace.Combine("extra"));
        File.Move(workspace.Combine("catalogs/vendors/vendors.yaml"), workspace.Combine("catalogs/vendors.txt"));
        File.CreateSymbolicLink(workspace.Combine("catalogs/vendors/vendors.yaml"), "../vendors.txt");

        var result = Bounded.Within(() => Evidence.Run(workspace.Path, "validate", "--as-of", Scenarios.CleanAsOf));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["11 files checked: no errors, no warnings."], result.StdoutLines);
    }

    /// <summary>Like /dev/zero: reports no length, and never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
