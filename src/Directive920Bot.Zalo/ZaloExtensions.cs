using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

public static class ZaloExtensions
{
    /// <summary>
    /// The Zalo adapter, when Zalo:BotToken is set (otherwise nothing is registered and Telegram runs alone): the client,
    /// Zalo's own pacing gate (Zalo:MessagesPerSecond, Zalo:PerChatInterval), the sender under the channel's name, the
    /// inbox processor, the poller or the webhook registration. Features' <see cref="IChannelSender"/> becomes
    /// <see cref="ChannelSenders"/>, which sends each person on their preferred channel.
    /// </summary>
    public static IHostApplicationBuilder AddZalo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{ZaloOptions.Section}:{nameof(ZaloOptions.BotToken)}"]))
        {
            return builder;
        }

        // Every address holds the token (/bot<token>/method): the client's request logging is removed.
        services.AddHttpClient(nameof(ZaloBotClient), client => client.Timeout = TimeSpan.FromSeconds(90)).RemoveAllLoggers();
        services.AddSingleton(sp => new ZaloBotClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ZaloBotClient)), sp.GetRequiredService<IOptions<ZaloOptions>>()));
        services.AddKeyedSingleton<IOutboundGate>(ChannelNames.Zalo, (sp, _) =>
        {
            var zalo = sp.GetRequiredService<IOptions<ZaloOptions>>().Value;
            var pace = new DeliveryOptions
            {
                MessagesPerSecond = zalo.MessagesPerSecond,
                PerChatInterval = zalo.PerChatInterval,
                ReplyPerChatInterval = zalo.PerChatInterval,
            };
            return new PacingGate(sp.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Transport), Options.Create(pace));
        });
        services.AddSingleton<ZaloSender>();
        services.AddKeyedSingleton<IChannelSender>(ChannelNames.Zalo, (sp, _) => sp.GetRequiredService<ZaloSender>());
        services.AddKeyedSingleton<IProvisionalAddresses>(ChannelNames.Zalo, (sp, _) => sp.GetRequiredService<ZaloSender>());
        services.Replace(ServiceDescriptor.Singleton<IChannelSender, ChannelSenders>());
        services.AddCallbackKeys();
        services.AddKeyedSingleton(ChannelNames.Zalo, (sp, _) =>
        {
            var zalo = sp.GetRequiredService<IOptions<ZaloOptions>>().Value;
            return new InputThrottle(zalo.InputBurst, zalo.InputPerMinute, zalo.InputNoticeWindow, sp.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Transport));
        });
        services.AddSingleton<ZaloRouter>();
        services.AddSingleton<ZaloProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloProcessor>());
        services.AddSingleton<ZaloPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloPoller>());
        services.AddSingleton<ZaloWebhookRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloWebhookRegistrar>());
        services.AddSingleton<ZaloHealthCheck>();
        services.AddHealthChecks().AddCheck<ZaloHealthCheck>("zalo");
        return builder;
    }
}
