using Directive920Bot.Channels;
using Directive920Bot.Telegram;

namespace Directive920Bot.Tests.Telegram;

/// <summary>The memory that spares Telegram edits that change nothing claims a content only when it is certain.</summary>
public sealed class EditMemoryTests
{
    private const long Chat = 2801;
    private static readonly byte[] Stamped = EditMemory.Fingerprint("Bài 1\n\n✅ Đã xác nhận", null);
    private static readonly byte[] WithButton = EditMemory.Fingerprint("Bài 1", [[new OutboundButton("✅ Đã đọc", "k1")]]);

    [Fact]
    public void A_message_shows_what_its_last_successful_edit_put_there_and_nothing_else()
    {
        var memory = new EditMemory();
        Assert.False(memory.Shows(Chat, 10, Stamped));

        memory.Begin(Chat, 10);
        Assert.False(memory.Shows(Chat, 10, Stamped));
        memory.End(Chat, 10, Stamped);

        Assert.True(memory.Shows(Chat, 10, Stamped));
        Assert.False(memory.Shows(Chat, 10, WithButton));
        Assert.False(memory.Shows(Chat, 11, Stamped));
        Assert.False(memory.Shows(Chat + 1, 10, Stamped));
    }

    [Fact]
    public void A_failed_edit_or_a_keyboard_only_edit_forgets_the_message()
    {
        var memory = new EditMemory();
        memory.Begin(Chat, 10);
        memory.End(Chat, 10, Stamped);

        memory.Begin(Chat, 10);
        memory.End(Chat, 10, null);

        Assert.False(memory.Shows(Chat, 10, Stamped));
    }

    [Fact]
    public void Two_edits_of_one_message_in_flight_at_once_leave_it_unknown_whichever_ends_last()
    {
        var memory = new EditMemory();
        memory.Begin(Chat, 10);
        memory.Begin(Chat, 10);
        memory.End(Chat, 10, Stamped);
        memory.End(Chat, 10, WithButton);

        Assert.False(memory.Shows(Chat, 10, Stamped));
        Assert.False(memory.Shows(Chat, 10, WithButton));

        // Once both are over, the next edit alone is certain again.
        memory.Begin(Chat, 10);
        memory.End(Chat, 10, Stamped);
        Assert.True(memory.Shows(Chat, 10, Stamped));
    }

    [Fact]
    public void Buttons_are_part_of_the_content()
    {
        Assert.NotEqual(WithButton, EditMemory.Fingerprint("Bài 1", null));
        Assert.NotEqual(WithButton, EditMemory.Fingerprint("Bài 1", [[new OutboundButton("✅ Đã đọc", "k2")]]));
        Assert.Equal(WithButton, EditMemory.Fingerprint("Bài 1", [[new OutboundButton("✅ Đã đọc", "k1")]]));
    }
}
