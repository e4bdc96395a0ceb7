using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Registration;

/// <summary>An erasure is one transaction over every holder: it is complete, or nothing of it happened.</summary>
public sealed class AtomicErasureTests
{
    [Fact]
    public async Task An_erasure_that_fails_in_one_holder_erases_nothing_and_can_be_asked_again()
    {
        await using var bot = await BotHarness.StartAsync(services: s => s.AddSingleton<IPersonalDataHolder, FailingHolder>());
        await bot.RegisterAsync(2411, "Võ Thị Hồng", "SNV-VP");
        var failing = bot.Services.GetServices<IPersonalDataHolder>().OfType<FailingHolder>().Single();
        var erasure = bot.Get<PersonalDataService>();

        Assert.Throws<IOException>(() => erasure.Erase(2411));

        // The profile, its roles and its links are all still there: the holders before the failing one wrote nothing.
        Assert.Equal("Võ Thị Hồng", bot.Get<ISubscribers>().Find(2411)!.FullName);
        Assert.Empty(bot.Get<ISubscribers>().Erased());

        failing.Fails = false;
        erasure.Erase(2411);

        Assert.Null(bot.Get<ISubscribers>().Find(2411));
        Assert.Equal("SNV-VP", Assert.Single(bot.Get<ISubscribers>().Erased()).UnitCode);
    }

    private sealed class FailingHolder : IPersonalDataHolder
    {
        public bool Fails { get; set; } = true;

        public string Name => "failing";

        public object? Export(long subscriberId) => null;

        public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format) => [];

        public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
        {
            if (Fails)
            {
                throw new IOException("injected: the last holder's write failed");
            }
        }
    }
}
