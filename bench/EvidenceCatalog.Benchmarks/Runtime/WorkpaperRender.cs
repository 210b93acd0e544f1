using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PuppeteerSharp;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// How fast an HTML workpaper shows in headless Chromium: the file opened from disk in a fresh page N times, with the
/// browser's own timings (first contentful paint, DOMContentLoaded, load, from navigation start), and the time its
/// Verify button takes to decide. Medians are printed.
/// </summary>
internal static class WorkpaperRender
{
    public static int Run(string html, string chromium, int runs) => RunAsync(html, chromium, runs).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string html, string chromium, int runs)
    {
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var paints = new List<double>();
        var loaded = new List<double>();
        var complete = new List<double>();
        var verify = new List<double>();
        string url = new Uri(Path.GetFullPath(html)).AbsoluteUri;
        for (int run = 0; run < runs; run++)
        {
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await page.GoToAsync(url, WaitUntilNavigation.Load);
            // The paint entry can come after the load event: wait for it (buffered, so an earlier one counts too).
            paints.Add(await page.EvaluateExpressionAsync<double>(
                "new Promise(done => new PerformanceObserver((list, observer) => { const e = list.getEntriesByName('first-contentful-paint')[0]; if (e) { observer.disconnect(); done(e.startTime); } }).observe({ type: 'paint', buffered: true }))"));
            loaded.Add(await page.EvaluateExpressionAsync<double>("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"));
            complete.Add(await page.EvaluateExpressionAsync<double>("performance.getEntriesByType('navigation')[0].loadEventEnd"));
            verify.Add(await page.EvaluateExpressionAsync<double>(
                "(async () => { const t = performance.now(); const v = await window.evidenceWorkpaper.verify(); if (v.state !== 'intact') throw new Error(v.message); return performance.now() - t; })()"));
        }

        Console.WriteLine($"workpaper: {html} ({new FileInfo(html).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes), {runs} runs in {await browser.GetVersionAsync()}");
        Console.WriteLine($"  first contentful paint  {Median(paints),8:F0} ms   (runs: {string.Join(", ", paints.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"  DOMContentLoaded        {Median(loaded),8:F0} ms");
        Console.WriteLine($"  load                    {Median(complete),8:F0} ms");
        Console.WriteLine($"  Verify (canonical form + ES256 in WebCrypto) {Median(verify),8:F0} ms");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
