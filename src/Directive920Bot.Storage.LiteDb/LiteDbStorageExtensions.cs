using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb.Channels;
using Directive920Bot.Storage.LiteDb.Admin;
using Directive920Bot.Storage.LiteDb.Registration;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>Registers the embedded store: the engine and one implementation per store the features declare.</summary>
public static class LiteDbStorageExtensions
{
    public static IHostApplicationBuilder AddLiteDbStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStorage();
        builder.Services.AddChannelStores();
        builder.Services.AddDeliveryStores();
        Engagement.EngagementStores.AddEngagementStores(builder.Services);
        builder.Services.AddRegistrationStores();
        builder.Services.AddAdminStores();
        Reports.ReportsStores.AddReportsStores(builder.Services);
        Questions.QuestionsStores.AddQuestionsStores(builder.Services);
        Implementation.ImplementationStores.AddImplementationStores(builder.Services);
        WebConsole.WebConsoleStores.AddWebConsoleStores(builder.Services);
        Media.MediaStores.AddMediaStores(builder.Services);
        return builder;
    }
}
