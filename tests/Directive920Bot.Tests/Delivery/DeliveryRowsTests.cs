using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Tests.Delivery;

/// <summary>The one factory of ledger rows: the id convention, the defaults, the recipient snapshot and UTC times.</summary>
public sealed class DeliveryRowsTests
{
    private static readonly DateTime Due = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 3, 1, 15, 30, 0, DateTimeKind.Utc);

    private static Subscriber Cadre() => new()
    {
        Id = 4401,
        Language = "en",
        UnitCode = "SNV-VP",
        Role = CadreRole.Leader,
        Status = SubscriberStatus.Active,
    };

    [Fact]
    public void A_row_id_is_its_occurrence_and_the_subscriber_id()
    {
        var row = DeliveryRows.For("c:ab12:3", DeliveryRecipient.Of(Cadre()), DeliveryKind.Announcement, Due);

        Assert.Equal("c:ab12:3:4401", row.Id);
        Assert.Equal("c:ab12:3", row.OccurrenceId);
        Assert.Equal(row.Id, DeliveryRows.IdFor("c:ab12:3", 4401));
        // The services that look rows up by id use the same convention.
        Assert.Equal("t:c1-context:4401", TrackService.RowId("c1-context", 4401));
        Assert.Equal(DeliveryRows.IdFor(TrackService.OccurrenceOf("c1-context"), 4401), TrackService.RowId("c1-context", 4401));
        var chunk = new DeliveryChunk { Template = new DeliveryRow { OccurrenceId = "c:ab12:3" } };
        Assert.Equal(row.Id, chunk.RowId(new ChunkMember { S = 4401 }));
    }

    [Fact]
    public void An_explicit_id_is_kept_for_rows_that_predate_the_convention()
    {
        var row = DeliveryRows.For("r1:c:ab12:3:4401", DeliveryRecipient.Of(Cadre()), DeliveryKind.Reminder, Due, id: "r1:c:ab12:3:4401");

        Assert.Equal("r1:c:ab12:3:4401", row.Id);
        Assert.Equal("r1:c:ab12:3:4401", row.OccurrenceId);
    }

    [Fact]
    public void A_new_row_is_pending_and_carries_nothing_it_was_not_given()
    {
        var row = DeliveryRows.For("t:c1-context", DeliveryRecipient.Of(Cadre()), DeliveryKind.Lesson, Due);

        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Equal(DeliveryKind.Lesson, row.Kind);
        Assert.Null(row.LastError);
        Assert.Null(row.CampaignId);
        Assert.Null(row.ItemId);
        Assert.Null(row.ContentHash);
        Assert.Null(row.Html);
        Assert.Null(row.Payload);
        Assert.False(row.RequireAck);
        Assert.Equal(0, row.Priority);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(0, row.PartsSent);
        Assert.Null(row.MessageId);
        Assert.Null(row.SentAt);
        // Without "now" the ledger stamps the row when it stores it.
        Assert.Equal(default, row.CreatedAt);
        Assert.Equal(default, row.UpdatedAt);
    }

    [Fact]
    public void The_given_parts_are_set_and_a_skip_reason_makes_the_row_skipped()
    {
        var row = DeliveryRows.For("c:ab12:3", DeliveryRecipient.Of(Cadre()), DeliveryKind.Lesson, Due, Now,
            campaignId: "ab12", itemId: "c1-context", contentHash: "h1", html: "<b>x</b>", payload: "p", requireAck: true, priority: 7,
            skipReason: "paused");

        Assert.Equal("ab12", row.CampaignId);
        Assert.Equal("c1-context", row.ItemId);
        Assert.Equal("h1", row.ContentHash);
        Assert.Equal("<b>x</b>", row.Html);
        Assert.Equal("p", row.Payload);
        Assert.True(row.RequireAck);
        Assert.Equal(7, row.Priority);
        Assert.Equal(DeliveryState.Skipped, row.State);
        Assert.Equal("paused", row.LastError);
    }

    [Fact]
    public void The_subscribers_language_unit_and_role_are_copied_and_no_chat_id_is()
    {
        var row = DeliveryRows.For("c:ab12:3", DeliveryRecipient.Of(Cadre()), DeliveryKind.Announcement, Due);

        Assert.Equal(4401, row.SubscriberId);
        // Where the person is reached is their address in the person directory, resolved when the row is sent.
        Assert.DoesNotContain("ChatId", Mapper.Create().ToDocument(row).Keys);
        Assert.Equal("en", row.Language);
        Assert.Equal("SNV-VP", row.UnitCode);
        Assert.Equal(CadreRole.Leader, row.Role);

        // A reminder or review follows the row it is about, snapshot included, even after the person moved.
        var moved = Cadre();
        moved.UnitCode = "SNV-TC";
        var reminder = DeliveryRows.For("r1:" + row.Id, DeliveryRecipient.Of(row), DeliveryKind.Reminder, Due, id: "r1:" + row.Id);
        Assert.Equal(DeliveryRecipient.Of(row), DeliveryRecipient.Of(reminder));
        Assert.Equal("SNV-VP", reminder.UnitCode);
        Assert.NotEqual(DeliveryRecipient.Of(moved), DeliveryRecipient.Of(reminder));
    }

    [Fact]
    public void Times_are_utc_whatever_kind_they_are_given_in()
    {
        var dueLocal = Due.ToLocalTime();
        Assert.Equal(DateTimeKind.Local, dueLocal.Kind);
        var unspecified = DateTime.SpecifyKind(Now, DateTimeKind.Unspecified);

        var row = DeliveryRows.For("c:ab12:3", DeliveryRecipient.Of(Cadre()), DeliveryKind.Lesson, dueLocal, unspecified);

        Assert.Equal(DateTimeKind.Utc, row.DueAt.Kind);
        Assert.Equal(Due.Ticks, row.DueAt.Ticks);
        // Unspecified is read as UTC, never shifted by the machine's zone.
        Assert.Equal(DateTimeKind.Utc, row.CreatedAt.Kind);
        Assert.Equal(Now.Ticks, row.CreatedAt.Ticks);
        Assert.Equal(row.CreatedAt, row.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, row.UpdatedAt.Kind);
    }

    [Fact]
    public void A_factory_row_is_stored_as_the_hand_built_row_it_replaces()
    {
        var mapper = Mapper.Create();
        var cadre = Cadre();
        // The campaign row as CampaignService built it by hand before the factory.
        var byHand = new DeliveryRow
        {
            Id = $"c:ab12:3:{cadre.Id}",
            OccurrenceId = "c:ab12:3",
            CampaignId = "ab12",
            SubscriberId = cadre.Id,
            Kind = DeliveryKind.Lesson,
            ItemId = "c1-context",
            ContentHash = "h1",
            Language = cadre.Language,
            RequireAck = true,
            UnitCode = cadre.UnitCode,
            Role = cadre.Role,
            State = DeliveryState.Pending,
            DueAt = Due,
            Priority = 3,
            CreatedAt = Now,
            UpdatedAt = Now,
        };

        var made = DeliveryRows.For("c:ab12:3", DeliveryRecipient.Of(cadre), DeliveryKind.Lesson, Due, Now,
            campaignId: "ab12", itemId: "c1-context", contentHash: "h1", requireAck: true, priority: 3);

        Assert.Equal(mapper.ToDocument(byHand).ToString(), mapper.ToDocument(made).ToString());
    }

    [Fact]
    public void A_chunked_row_is_written_out_as_the_row_expansion_made()
    {
        var mapper = Mapper.Create();
        var rows = new[]
        {
            DeliveryRows.For("c:ab12:3", DeliveryRecipient.Of(Cadre()), DeliveryKind.Lesson, Due, Now, campaignId: "ab12", itemId: "c1-context",
                contentHash: "h1", requireAck: true, priority: 3),
            DeliveryRows.For("c:ab12:3", new DeliveryRecipient(4402, "vi", "SNV-TC", CadreRole.Staff), DeliveryKind.Lesson, Due, Now,
                campaignId: "ab12", itemId: "c1-context", contentHash: "h1", requireAck: true, priority: 3, skipReason: "paused"),
        };
        // Planned as an expansion with chunks of two: the first two rows stay rows, the next two make the first chunk.
        var plan = ExpansionRows.Of([.. rows, .. rows], 2, Now);
        var chunk = Assert.Single(plan.Chunks);
        Assert.Equal("c:ab12:3#000001", chunk.Id);

        var written = chunk.ToRows().ToList();

        Assert.Equal(rows.Select(r => mapper.ToDocument(r).ToString()), written.Select(r => mapper.ToDocument(r).ToString()));
    }
}
