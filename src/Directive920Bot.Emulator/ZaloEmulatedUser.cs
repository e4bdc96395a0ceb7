namespace Directive920Bot.Emulator;

/// <summary>A user of the Zalo dialect: a string id, a display name, their private chat's messages.</summary>
public sealed class ZaloEmulatedUser(string id, string displayName)
{
    public string Id { get; } = id;

    public string DisplayName { get; } = displayName;

    public bool Blocked { get; set; }

    internal List<ZaloChatMessage> Messages { get; } = [];
}
