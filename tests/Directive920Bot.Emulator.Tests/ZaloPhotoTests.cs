using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Directive920Bot.Emulator.Tests;

/// <summary>
/// The Zalo dialect's sendPhoto takes a URL and fetches it as the platform does: the bytes land in the transcript, and a
/// link that does not answer with a PNG or JPEG is refused with 400 and a description, delivering nothing.
/// </summary>
public sealed class ZaloPhotoTests : EmulatorTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_photo_url_is_fetched_and_its_bytes_and_type_are_kept_with_the_caption()
    {
        using var site = new TinySite();
        Emulator.Zalo.AddUser("zu-1", "Hoa");

        var (status, body) = await SendPhotoAsync("zu-1", site.Url("chart.png"), "Biểu đồ");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["ok"]!.GetValue<bool>());
        var message = Assert.Single(Emulator.Zalo.Transcript("zu-1"));
        Assert.Equal(site.Url("chart.png"), message.PhotoUrl);
        Assert.Equal(Png, message.Photo);
        Assert.Equal("image/png", message.PhotoContentType);
        Assert.Equal("Biểu đồ", message.Text);
    }

    [Theory]
    [InlineData("missing.png")]
    [InlineData("page.html")]
    public async Task A_link_that_is_not_an_image_is_refused_with_400_and_nothing_is_delivered(string path)
    {
        using var site = new TinySite();
        Emulator.Zalo.AddUser("zu-2", "Minh");

        var (status, body) = await SendPhotoAsync("zu-2", site.Url(path), null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(400, body["error_code"]!.GetValue<int>());
        Assert.Contains("photo could not be fetched", body["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Zalo.Transcript("zu-2"));
    }

    [Fact]
    public async Task A_caption_over_the_message_limit_is_refused()
    {
        using var site = new TinySite();
        Emulator.Zalo.AddUser("zu-3", "Lan");

        var (status, _) = await SendPhotoAsync("zu-3", site.Url("chart.png"), new string('a', ZaloDialect.MessageLimit + 1));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(Emulator.Zalo.Transcript("zu-3"));
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendPhotoAsync(string chatId, string url, string? caption)
    {
        var address = new Uri($"{Emulator.ZaloBaseUrl.ToString().TrimEnd('/')}/bot{Emulator.Zalo.Token}/sendPhoto");
        using var response = await Http.PostAsJsonAsync(address, new { chat_id = chatId, photo = url, caption });
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>A loopback site serving a PNG at /chart.png, HTML at /page.html and 404 elsewhere.</summary>
    private sealed class TinySite : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly string prefix;

        public TinySite()
        {
            using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                prefix = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            }

            listener.Prefixes.Add(prefix);
            listener.Start();
            _ = ServeAsync();
        }

        public string Url(string path) => prefix + path;

        public void Dispose() => listener.Close();

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var (status, type, bytes) = context.Request.Url!.AbsolutePath switch
                {
                    "/chart.png" => (200, "image/png", Png),
                    "/page.html" => (200, "text/html", "<p>not an image</p>"u8.ToArray()),
                    _ => (404, "text/plain", "not found"u8.ToArray()),
                };
                context.Response.StatusCode = status;
                context.Response.ContentType = type;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
