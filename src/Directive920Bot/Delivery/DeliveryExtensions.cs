using Directive920Bot.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Delivery;

public static class DeliveryExtensions
{
    /// <summary>The ledger, calendar, campaigns and track services (no hosted services): what the CLI needs too.</summary>
    public static IHostApplicationBuilder AddDeliveryCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton(DeliveryLedger.Schema);
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<MessageComposer>();
        return builder;
    }

    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDeliveryCore();
        var services = builder.Services;
        services.TryAddSingleton(new PacingClock(TimeProvider.System));
        services.AddSingleton<PacingGate>();
        // Replaces the foundation's unpaced placeholder: every Messenger send now shares one budget.
        services.Replace(ServiceDescriptor.Singleton<IOutboundGate>(sp => sp.GetRequiredService<PacingGate>()));
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        return builder;
    }
}
