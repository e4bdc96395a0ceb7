using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using Telegram.Bot;

namespace Directive920Bot.Telegram;

public static class TelegramExtensions
{
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (ZaloOnly(builder.Configuration))
        {
            // A Zalo-only deployment: no Telegram client, poller or health check; what features need of a channel that
            // Zalo does not have (files, invite links) answers "none".
            services.AddBotMetrics();
            services.TryAddSingleton<IOutboundGate, UnpacedGate>();
            services.AddSingleton<IChannelFiles, NoChannelFiles>();
            services.AddSingleton<IInviteLinks, NoInviteLinks>();
            services.AddCallbackKeys();
            return builder;
        }

        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        // Every Bot API address holds the token (/bot<token>/method), and the client's request logging writes addresses
        // at Information level: it is removed. The Messenger logs what matters (method, chat, error) without it.
        services.AddHttpClient(nameof(TelegramBotClient), client => client.Timeout = TimeSpan.FromSeconds(90)).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            if (!options.HasToken)
            {
                throw new InvalidOperationException("Telegram:BotToken is not set. Set it with the environment variable Telegram__BotToken or user-secrets.");
            }

            var clientOptions = new TelegramBotClientOptions(options.BotToken!, string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl)
            {
                // The delivery engine owns pacing and 429 handling; the client must not retry behind its back.
                RetryThreshold = 0,
                RetryCount = 0,
            };
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramBotClient));
            return new TelegramBotClient(clientOptions, http);
        });

        services.AddBotMetrics();
        services.TryAddSingleton<IOutboundGate, UnpacedGate>();
        services.TryAddSingleton<ReplyBackoff>();
        services.AddSingleton<Messenger>();
        // Features send through the channel-neutral interface; one instance, so that its edit memory is shared with the router.
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<Messenger>());
        // Under the channel's name too: with a second channel, IChannelSender becomes ChannelSenders, which picks by it.
        services.AddKeyedSingleton<IChannelSender>(ChannelAddress.Telegram, (sp, _) => sp.GetRequiredService<Messenger>());
        services.AddSingleton<IChannelFiles, TelegramFiles>();
        services.AddSingleton<IInviteLinks, TelegramInviteLinks>();
        services.AddCallbackKeys();
        services.AddKeyedSingleton(ChannelAddress.Telegram, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            return new InputThrottle(options.InputBurst, options.InputPerMinute, options.InputNoticeWindow, sp.GetRequiredKeyedService<TimeProvider>(Clocks.Transport));
        });
        services.AddSingleton<CallbackAnswers>();
        services.AddSingleton<UpdateInbox>();
        services.AddSingleton<UpdateRouter>();
        services.AddSingleton<UpdateProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<UpdateProcessor>());
        services.AddSingleton<UpdatePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<UpdatePoller>());
        services.AddHostedService<BotCommandsRegistrar>();
        services.AddHealthChecks().AddCheck<TelegramHealthCheck>("telegram");
        return builder;
    }

    /// <summary>
    /// No Telegram token and a Zalo one: Telegram is not run. Without either token the Telegram validator stops the start
    /// naming both keys (at least one channel must be configured).
    /// </summary>
    public static bool ZaloOnly(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"])
            && !string.IsNullOrWhiteSpace(configuration["Zalo:BotToken"]);
    }
}
