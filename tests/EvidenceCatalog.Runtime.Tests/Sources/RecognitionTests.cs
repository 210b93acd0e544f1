using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Runtime.Sources.Mapping;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.TestLogSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary><c>--source auto</c>: the sources whose framing and recognition conditions fit an input's first records.</summary>
public sealed class RecognitionTests
{
    private static readonly Model.LogSource[] All = [CloudTrail, Okta, GitHub];

    [Theory]
    [InlineData("aws-cloudtrail.jsonl", "aws-cloudtrail")]
    [InlineData("okta-system-log.jsonl", "okta-system-log")]
    [InlineData("github-audit-log.jsonl", "github-audit-log")]
    public void A_sample_file_is_recognised_as_its_source_alone(string file, string id)
    {
        var candidates = LogSourceRecognition.Candidates(All, new MemoryStream(SourceSamples.Read(file)));

        Assert.Equal([id], candidates.Select(s => s.Id));
    }

    [Fact]
    public void A_gzipped_CloudTrail_file_is_recognised()
    {
        byte[] file = ContainerTests.Gzip(ContainerTests.CloudTrailFile([ContainerTests.Record(1)]));

        Assert.Equal(["aws-cloudtrail"], LogSourceRecognition.Candidates(All, new MemoryStream(file)).Select(s => s.Id));
    }

    [Fact]
    public void A_CloudTrail_file_is_no_candidate_for_a_source_that_does_not_declare_its_framing()
    {
        byte[] file = Encoding.UTF8.GetBytes(ContainerTests.CloudTrailFile([ContainerTests.Record(1)]));
        var lenient = Okta with { Id = "anything", Recognize = Array<Model.FieldCondition>() };

        Assert.Equal(["aws-cloudtrail"], LogSourceRecognition.Candidates([CloudTrail, lenient], new MemoryStream(file)).Select(s => s.Id));
    }

    [Fact]
    public void A_record_two_sources_recognise_gives_both_candidates_in_order()
    {
        byte[] record = Encoding.UTF8.GetBytes("{\"action\":\"x\",\"eventSource\":\"s\",\"eventName\":\"n\"}");

        Assert.Equal(["aws-cloudtrail", "github-audit-log"], LogSourceRecognition.Candidates(All, record).Select(s => s.Id));
    }

    [Fact]
    public void Text_no_source_recognises_gives_no_candidate()
    {
        Assert.Empty(LogSourceRecognition.Candidates(All, new MemoryStream(Encoding.UTF8.GetBytes("hello\n"))));
        Assert.Empty(LogSourceRecognition.Candidates(All, new MemoryStream([])));
    }

    [Fact]
    public void Several_first_records_must_all_be_recognised()
    {
        string text = ContainerTests.Record(1) + "\n{\"other\":1}\n";

        Assert.Single(LogSourceRecognition.Candidates(All, new MemoryStream(Encoding.UTF8.GetBytes(text)), records: 1));
        Assert.Empty(LogSourceRecognition.Candidates(All, new MemoryStream(Encoding.UTF8.GetBytes(text)), records: 2));
    }
}
