using Directive920Bot.Admin;
using Directive920Bot.Channels;

namespace Directive920Bot.Tests.Zalo;

/// <summary>Admins first seen on Zalo: Bot:SuperAdmins, /capquyen and the CLI take an address besides a person id.</summary>
public sealed class AdminAddressTests
{
    [Theory]
    [InlineData("123456", true)]
    [InlineData("zalo:8d7f6a5e4c", true)]
    [InlineData("ZALO:8d7f6a5e4c", true)]
    [InlineData("telegram:123456", true)]
    [InlineData("telegram:abc", false)]
    [InlineData("zalo:", false)]
    [InlineData("viber:123", false)]
    [InlineData("-5", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void A_person_reference_is_a_positive_id_or_a_known_channel_address(string text, bool wellFormed) =>
        Assert.Equal(wellFormed, PersonReference.IsWellFormed(text));

    [Fact]
    public async Task A_Zalo_address_in_SuperAdmins_is_a_bloc_admin_before_consent_and_after_registering()
    {
        await using var kit = await ZaloKit.StartAsync(extra: new Dictionary<string, string?> { ["Bot:SuperAdmins:0"] = "zalo:zu-3501" });
        var policy = kit.Bot.Get<IAccessPolicy>();
        var address = new ChannelAddress("zalo", "zu-3501");
        Assert.True(policy.For(PersonIds.Provisional(address)).IsBlocAdmin);
        Assert.False(policy.For(PersonIds.Provisional(new ChannelAddress("zalo", "zu-3599"))).IsBlocAdmin);

        var admin = await kit.RegisterAsync("zu-3501");
        Assert.True(PersonIds.IsTelegramDerived(admin.Id) || admin.Id >= PersonIds.FirstAllocated);
        Assert.True(policy.For(admin.Id).IsBlocAdmin);
        var report = await kit.SayAsync("zu-3501", "/baocao");
        Assert.Contains(report, m => m.Text.Contains("Báo cáo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_grant_verb_takes_a_Zalo_address_and_refuses_one_nobody_consented_from()
    {
        await using var kit = await ZaloKit.StartAsync();
        var cadre = await kit.RegisterAsync("zu-3502");
        await kit.Bot.StopHostAsync();
        using var output = new StringWriter();

        var granted = await kit.Bot.RunCliAsync(output, "grant", "zalo:zu-3502", "unit", "SNV", "--database", kit.Bot.DatabasePath);
        var unknown = await kit.Bot.RunCliAsync(output, "grant", "zalo:zu-nobody", "bloc", "--database", kit.Bot.DatabasePath);
        var malformed = await kit.Bot.RunCliAsync(output, "grant", "viber:1", "bloc", "--database", kit.Bot.DatabasePath);

        Assert.Equal(0, granted);
        Assert.Equal(1, unknown);
        Assert.Equal(2, malformed);
        Assert.Contains("Nobody has consented from zalo:zu-nobody", output.ToString(), StringComparison.Ordinal);
        await kit.Bot.StartHostAsync();
        var role = Assert.Single(kit.Bot.Get<IRoles>().All());
        Assert.Equal(cadre.Id, role.UserId);
        Assert.Equal("SNV", role.UnitCode);
    }
}
