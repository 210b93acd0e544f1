using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using PuppeteerSharp;
using Xunit;

namespace EvidenceCatalog.Browser.Tests.Infrastructure;

/// <summary>One headless Chromium for all the browser tests (they run one after another in one collection).</summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (ChromiumExecutable.Path is not { } executable)
        {
            return;
        }

        browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,

            // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start. The pages are our own files.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        }).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync().ConfigureAwait(false);
            await browser.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens <paramref name="file"/> from disk (file://) in a new page and waits for it to load.</summary>
    /// <exception cref="InvalidOperationException">No Chromium is installed (under CI=true, where the tests must run).</exception>
    public async Task<OpenedPage> OpenAsync(string file)
    {
        if (browser is null)
        {
            throw new InvalidOperationException(ChromiumExecutable.Missing);
        }

        var page = await browser.NewPageAsync().ConfigureAwait(false);
        var opened = new OpenedPage(page);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 }).ConfigureAwait(false);
        await page.GoToAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri, WaitUntilNavigation.Load).ConfigureAwait(false);
        return opened;
    }
}

/// <summary>A page, with everything it reported: console errors, uncaught script errors and dialogs (alert, confirm, prompt).</summary>
public sealed class OpenedPage : IAsyncDisposable
{
    private readonly List<string> problems = [];

    internal OpenedPage(IPage page)
    {
        Page = page;
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
            {
                problems.Add("console " + e.Message.Type + ": " + e.Message.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e.Message);
        page.Dialog += async (_, e) =>
        {
            problems.Add("dialog " + e.Dialog.DialogType + ": " + e.Dialog.Message);
            await e.Dialog.Dismiss().ConfigureAwait(false);
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors and warnings, script errors and dialogs, in order.</summary>
    public IReadOnlyList<string> Problems => problems;

    public Task<T> EvaluateAsync<T>(string expression) => Page.EvaluateExpressionAsync<T>(expression);

    /// <summary>Clicks Verify and returns the state and message it shows once it has decided.</summary>
    public async Task<(string State, string Message)> VerifyAsync()
    {
        await Page.ClickAsync("#verify-button").ConfigureAwait(false);
        await Page.WaitForFunctionAsync(
            "() => ['intact', 'changed', 'unchecked'].includes(document.getElementById('verify-result').dataset.state)",
            new WaitForFunctionOptions { Timeout = 60_000 }).ConfigureAwait(false);
        return (await EvaluateAsync<string>("document.getElementById('verify-result').dataset.state").ConfigureAwait(false),
            await EvaluateAsync<string>("document.getElementById('verify-result').textContent").ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync().ConfigureAwait(false);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<HeadlessChromium>
{
    public const string Name = "headless Chromium";
}
