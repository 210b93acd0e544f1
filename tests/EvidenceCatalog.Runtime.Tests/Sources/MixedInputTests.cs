using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// One run over inputs of log sources and of evidence events: an input without a source is read exactly as events
/// are, duplicates are found across all of them, and each input keeps its own provenance and counts.
/// </summary>
public sealed class MixedInputTests
{
    [Fact]
    public void Evidence_events_and_a_log_sources_records_are_read_in_one_run_each_as_what_it_is()
    {
        string events = Infrastructure.Events.Line("own-1", "2026-03-02T10:00:00Z") + "\n" + Infrastructure.Events.Line("own-1", "2026-03-02T10:00:00Z") + "\n";
        var native = JsonLinesInput.Stream("events.jsonl", () => new MemoryStream(Encoding.UTF8.GetBytes(events)));
        var okta = JsonLinesInput.Stream("okta.jsonl", () => new MemoryStream(SourceSamples.Read("okta-system-log.jsonl")));

        var run = MappedRun.Of(new MappedJsonSource([new MappedInput(native, null), new MappedInput(okta, Okta)]));

        Assert.Equal(2 + 68, run.Counts.Read);
        Assert.Contains(run.Events, e => e.Id == "own-1" && e.Attributes is null);
        Assert.Contains(run.Events, e => e.Attributes?.Contains("\"source\":\"okta-system-log\"", System.StringComparison.Ordinal) == true);
        Assert.True(run.Counts.Duplicates >= 1);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_input_without_a_source_keeps_the_provenance_of_events()
    {
        var native = JsonLinesInput.Stream("events.jsonl", () => new MemoryStream(Encoding.UTF8.GetBytes(Infrastructure.Events.Line("e", "2026-03-02T10:00:00Z") + "\n")));
        var source = new MappedJsonSource([new MappedInput(native, null)]);
        var reader = new EvidenceCatalog.Runtime.Events.EventStreamReader(new EvidenceCatalog.Runtime.Mapping.EventVocabulary(Infrastructure.Events.Catalog));

        var read = (await source.ReadAsync(reader, new SingleSinkReceiver(new NullSink()), null, default)).Single();

        Assert.Equal((null, null, 1L), (read.Provenance.LogSource, read.Provenance.Container, read.Counts.Accepted));
        Assert.Equal("native", source.Inputs[0].SourceId);
    }

    private sealed class NullSink : EvidenceCatalog.Runtime.Events.IEventSink
    {
        public EvidenceCatalog.Runtime.Events.EventVerdict Accept(in EvidenceCatalog.Runtime.Events.EventRecord record) => EvidenceCatalog.Runtime.Events.EventVerdict.Accepted;
    }
}
