using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Sources;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// Choosing an input's source by name: a source id, <c>native</c> (evidence events), or <c>auto</c> (recognised from
/// the first records among the sources and native events: one fits, or a refusal naming none or several).
/// </summary>
public sealed class SourceChoiceTests
{
    private static readonly LogSourceChooser Chooser = new(CatalogModel.Empty with { Sources = new[] { CloudTrail, Okta, GitHub }.ToEquatableArray() });

    private static JsonLinesInput Input(string name, byte[] bytes) => JsonLinesInput.Stream(name, () => new MemoryStream(bytes), bytes.Length);

    private static JsonLinesInput Input(string name, string text) => Input(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_source_id_chooses_that_source_and_native_chooses_evidence_events()
    {
        Assert.Same(Okta, Chooser.Find("okta-system-log"));
        Assert.Null(Chooser.Find(LogSourceIds.Native));
        Assert.Equal(["aws-cloudtrail", "okta-system-log", "github-audit-log", "native"], Chooser.Names);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_closest_name_and_the_sources()
    {
        var refusal = Assert.Throws<LogSourceChoiceException>(() => Chooser.Find("okta"));

        Assert.Equal(LogSourceChoiceProblem.Unknown, refusal.Problem);
        Assert.Equal(
            "there is no log source 'okta' (the catalog's sources are aws-cloudtrail, okta-system-log, github-audit-log, and 'native' is the product's own evidence events)",
            refusal.Message);
        Assert.Contains("did you mean 'github-audit-log'?", Assert.Throws<LogSourceChoiceException>(() => Chooser.Find("github-audit-logs")).Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws-cloudtrail.jsonl", "aws-cloudtrail")]
    [InlineData("okta-system-log.jsonl", "okta-system-log")]
    [InlineData("github-audit-log.jsonl", "github-audit-log")]
    public void Auto_recognises_each_sample_by_its_first_records(string file, string source)
    {
        Assert.Equal(source, Chooser.Recognize(Input(file, SourceSamples.Read(file)))!.Id);
    }

    [Fact]
    public void Auto_recognises_a_gzip_CloudTrail_Records_file()
    {
        var records = Encoding.UTF8.GetString(SourceSamples.Read("aws-cloudtrail.jsonl")).Split('\n').Where(l => l.Length > 0).Take(10);
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}"));
        }

        Assert.Same(CloudTrail, Chooser.Recognize(Input("trail.json.gz", compressed.ToArray())));
    }

    [Fact]
    public void Auto_recognises_evidence_events_as_native()
    {
        string events = Infrastructure.Events.Line("a", "2026-03-02T10:00:00Z") + "\n" + Infrastructure.Events.Line("b", "2026-03-02T11:00:00Z") + "\n";

        var input = Chooser.Choose(Input("events.jsonl", events), LogSourceIds.Auto);

        Assert.Null(input.Source);
        Assert.Equal("native", input.SourceId);
    }

    [Fact]
    public void Auto_refuses_an_input_of_no_source_saying_what_each_requires()
    {
        var refusal = Assert.Throws<LogSourceChoiceException>(() => Chooser.Recognize(Input("signin.jsonl", SourceSamples.Read("azure-signin.jsonl"))));

        Assert.Equal(LogSourceChoiceProblem.NotRecognized, refusal.Problem);
        Assert.Equal("signin.jsonl", refusal.Input);
        Assert.StartsWith("the source of 'signin.jsonl' is not recognised: its first records are of none of the sources (aws-cloudtrail (AWS CloudTrail): cloudtrail-records, json-lines or json-array, each record with /eventSource and /eventName; ", refusal.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_refuses_an_input_that_fits_several_sources_naming_them()
    {
        var chooser = new LogSourceChooser(CatalogModel.Empty with { Sources = new[] { GitHub, GitHub with { Id = "github-enterprise", Name = "GitHub Enterprise audit log" } }.ToEquatableArray() });

        var refusal = Assert.Throws<LogSourceChoiceException>(() => chooser.Recognize(Input("audit.jsonl", SourceSamples.Read("github-audit-log.jsonl"))));

        Assert.Equal(LogSourceChoiceProblem.Ambiguous, refusal.Problem);
        Assert.Equal(["github-audit-log", "github-enterprise"], refusal.Candidates);
    }

    [Fact]
    public void Auto_refuses_an_empty_input_saying_it_holds_no_record()
    {
        var refusal = Assert.Throws<LogSourceChoiceException>(() => Chooser.Recognize(Input("empty.jsonl", "  \n\n")));

        Assert.StartsWith("the source of 'empty.jsonl' is not recognised: it holds no record to recognise (", refusal.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_are_described_in_words()
    {
        Assert.Equal(
            "each record with /a, no /b, /c 'x', /d one of 'y', 'z' and /e starting 'org.'",
            LogSourceDescription.Conditions([Exists("/a"), Missing("/b"), Equal("/c", "x"), OneOf("/d", "y", "z"), Prefix("/e", "org.")]));
        Assert.Equal("any record", LogSourceDescription.Conditions([]));
    }
}
