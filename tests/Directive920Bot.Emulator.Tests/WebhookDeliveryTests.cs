using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Emulator.Tests;

/// <summary>The emulator POSTs updates to a webhook the way Telegram does: secret header, one update per request, retry until 200.</summary>
public sealed class WebhookDeliveryTests : EmulatorTestBase
{
    private const string Secret = "a-webhook-secret_of-at-least-32-chars";

    [Fact]
    public async Task Updates_are_posted_with_the_secret_header_and_retried_until_the_webhook_answers_200()
    {
        var received = new ConcurrentQueue<(string? Secret, string Body)>();
        var failuresLeft = 2;
        await using var receiver = await StartReceiverAsync(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            received.Enqueue((http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString(), await reader.ReadToEndAsync()));
            http.Response.StatusCode = Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
        });
        await Bot.SetWebhook(receiver.Url, secretToken: Secret, maxConnections: 5, allowedUpdates: [UpdateType.Message]);

        Emulator.SendText(Alice, "hello webhook");
        await Emulator.WaitUntilAsync(() => Emulator.WebhookDeliveries == 1);

        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(Secret, r.Secret));
        Assert.All(received, r => Assert.Contains("hello webhook", r.Body, StringComparison.Ordinal));
        Assert.Equal(2, Emulator.WebhookFailures);
        var info = await Bot.GetWebhookInfo();
        Assert.Equal(0, info.PendingUpdateCount);
        Assert.Equal(5, info.MaxConnections);
        Assert.Contains("500", info.LastErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_updates_is_refused_with_409_while_a_webhook_is_set_and_works_again_after_delete()
    {
        await using var receiver = await StartReceiverAsync(http =>
        {
            http.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await Bot.SetWebhook(receiver.Url, secretToken: Secret);
        Emulator.SendText(Alice, "một");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates(timeout: 0));
        Assert.Equal(409, error.ErrorCode);
        await Emulator.WaitUntilAsync(() => Emulator.WebhookFailures > 0);

        await Bot.DeleteWebhook();
        var updates = await Bot.GetUpdates(timeout: 0);
        Assert.Equal("một", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task A_plain_http_webhook_is_refused_unless_it_is_on_loopback()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetWebhook("http://example.com/hook"));

        Assert.Equal(400, error.ErrorCode);
        await Bot.SetWebhook("http://127.0.0.1:9/hook");
        Assert.Equal("http://127.0.0.1:9/hook", (await Bot.GetWebhookInfo()).Url);
    }

    private static async Task<Receiver> StartReceiverAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Receiver(app, address.TrimEnd('/') + "/hook");
    }

    private sealed class Receiver(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
