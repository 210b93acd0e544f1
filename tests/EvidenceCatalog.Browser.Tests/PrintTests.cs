using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Browser.Tests.Infrastructure;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using Xunit;

namespace EvidenceCatalog.Browser.Tests;

/// <summary>The workpaper prints: a PDF in which every control starts a page of its own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(HeadlessChromium chromium)
{
    [BrowserFact]
    public async Task Printing_gives_a_pdf_with_each_control_on_a_page_of_its_own()
    {
        var demo = await DemoReport.GetAsync();
        string file = await demo.WriteWorkpaperAsync("print.html");
        using var report = JsonDocument.Parse(demo.Json);
        var controls = report.RootElement.GetProperty("controls").EnumerateObject().Select(c => (c.Name, Name: c.Value.GetProperty("name").GetString()!)).ToList();

        await using var opened = await chromium.OpenAsync(file);
        byte[] pdf = await opened.Page.PdfDataAsync(new PdfOptions { Format = PaperFormat.A4, PrintBackground = true });
        string pdfPath = TestArtifacts.PathOf("workpaper.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);

        Assert.True(pdf.Length > 10_000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), "a PDF with content");
        string[] pages = PdfText(pdfPath).Split('\f');
        Assert.True(pages.Length > controls.Count, $"{pages.Length} pages for {controls.Count} controls");
        foreach (var (id, name) in controls)
        {
            string heading = id + " · " + name;
            Assert.Single(pages, page => page.TrimStart().StartsWith(heading, StringComparison.Ordinal));
        }

        Assert.Empty(opened.Problems);
    }

    /// <summary>The PDF's text, page by page (form feeds between pages), by poppler's pdftotext.</summary>
    private static string PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("pdftotext is not installed: install poppler-utils (sudo apt-get install -y poppler-utils; .ci/run does it)", exception);
        }

        using (process)
        {
            string text = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + errors);
            return text;
        }
    }
}
