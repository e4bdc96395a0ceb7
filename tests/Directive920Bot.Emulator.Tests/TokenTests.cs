using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Directive920Bot.Emulator.Tests;

public sealed class TokenTests : EmulatorTestBase
{
    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var intruder = CreateClient("4242:wrong-token");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => intruder.GetMe());
        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task An_unknown_method_is_not_found()
    {
        using var response = await Http.PostAsync(new Uri($"{Emulator.BaseUrl}bot{Emulator.Token}/noSuchMethod"), null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"description\":\"Not Found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
