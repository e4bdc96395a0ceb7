using System.Collections.Concurrent;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Delivery;

public sealed class LongMessageTests
{
    [Fact]
    public async Task A_long_announcement_is_split_at_paragraphs_the_decorator_buttons_go_on_the_last_part_and_observers_hear_the_outcome()
    {
        var observer = new RecordingObserver();
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), services: s =>
        {
            s.AddSingleton<IDeliveryDecorator>(new ButtonDecorator());
            s.AddSingleton<IDeliveryObserver>(observer);
        });
        bot.Seed(1201, "SNV");
        var paragraphs = Enumerable.Range(1, 30).Select(i => $"Đoạn {i}: " + new string('x', 290)).ToList();
        var campaign = bot.Announce(string.Join("\n\n", paragraphs), new AudienceRequest(SubscriberIds: [1201]));
        await bot.DrainAsync(campaign.Id);

        var parts = bot.BotMessages(1201);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Text!.Length, 1, MessageComposer.MaxVisibleLength));
        Assert.All(parts.SkipLast(1), p => Assert.Empty(p.Buttons));
        Assert.Equal("Đã đọc", Assert.Single(Assert.Single(parts[^1].Buttons)).Text);
        // Every paragraph arrives whole and in order.
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Text!.Split("\n\n")).ToList());

        // Observers hear the outcome after its commit, which may come a moment after the last row left the queue.
        await bot.Emulator.WaitUntilAsync(() => !observer.Rows.IsEmpty, BotHarness.Wait);
        var outcome = Assert.Single(observer.Rows);
        Assert.Equal(DeliveryState.Sent, outcome.State);
        Assert.Equal(parts[^1].MessageId, outcome.MessageId);
    }

    [Fact]
    public void A_message_that_fits_is_not_split()
    {
        var message = new OutboundMessage("<b>Ngắn</b>\n\ngọn").WithButtons([new OutboundButton("OK", "k")]);
        Assert.Same(message, Assert.Single(MessageComposer.Split(message)));
    }

    private sealed class ButtonDecorator : IDeliveryDecorator
    {
        public OutboundMessage Decorate(DeliveryRow row, OutboundMessage message) => message.WithButtons([new OutboundButton("Đã đọc", "ack-" + row.SubscriberId)]);
    }

    private sealed class RecordingObserver : IDeliveryObserver
    {
        public ConcurrentQueue<DeliveryRow> Rows { get; } = new();

        public Task OnOutcomeAsync(DeliveryRow row, CancellationToken ct)
        {
            Rows.Enqueue(row);
            return Task.CompletedTask;
        }
    }
}
