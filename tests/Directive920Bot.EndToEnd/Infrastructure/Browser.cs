using System.Globalization;
using Microsoft.Playwright;

namespace Directive920Bot.EndToEnd.Infrastructure;

/// <summary>A real headless Chromium (Debian's /usr/bin/chromium) with a fresh profile, driven by Playwright's shipped driver.</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright playwright;
    private readonly string profile;

    private Browser(IPlaywright playwright, IBrowserContext context, IPage page, string profile)
    {
        this.playwright = playwright;
        Context = context;
        Page = page;
        this.profile = profile;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<Browser> LaunchAsync(Viewport viewport)
    {
        ArgumentNullException.ThrowIfNull(viewport);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium fonts-dejavu-core).");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = Path.Combine(Path.GetTempPath(), "d920-e2e-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsPhone,
            HasTouch = viewport.IsPhone,
            DeviceScaleFactor = viewport.IsPhone ? 2 : 1,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(15_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new Browser(playwright, context, page, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A window size for the journey: a desktop and a phone (390×844, an iPhone 12–15-sized screen).</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsPhone)
{
    public static readonly Viewport Desktop = new("desktop", 1366, 900, false);

    public static readonly Viewport Phone = new("phone", 390, 844, true);

    public static Viewport Named(string name) => name == Phone.Name ? Phone : Desktop;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {Width}x{Height}");
}
