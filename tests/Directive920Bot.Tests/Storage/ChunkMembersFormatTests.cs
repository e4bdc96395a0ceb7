using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage.LiteDb.Delivery;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// The embedded store keeps a chunk's members as one compact binary value (reading them as a thousand documents cost
/// ~1.3 KB a member); chunks written in the older form, an array of documents, are still read as they were written.
/// </summary>
public sealed class ChunkMembersFormatTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-chunks-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Database Open() => new(Path.Combine(folder, "bot.db"), Mapper.Create(), [LiteDbDeliveryLedger.Schema], TimeProvider.System);

    private static readonly ChunkMember[] Members =
    [
        new() { S = 7001, L = "vi", U = "SNV-VP", R = CadreRole.Leader },
        new() { S = 7_000_000_000_002, L = "en", U = null, R = CadreRole.Staff, Skip = "not reachable (Blocked)" },
        new() { S = 7003, L = "vi", U = "SNV-VP", R = null, Skip = "Đã tạm dừng" },
    ];

    [Fact]
    public void Members_are_stored_as_one_binary_value_and_read_back_exactly()
    {
        using var db = Open();
        var ledger = new LiteDbDeliveryLedger(db);
        db.Write(tx => ledger.InsertChunk(tx, Chunk("c:x:1#000001", [.. Members])));

        var stored = db.Lite.GetCollection(LiteDbDeliveryLedger.ChunksCollection).FindById("c:x:1#000001");
        Assert.True(stored["Members"].IsBinary);
        var read = ledger.FindChunk("c:x:1#000001")!;
        Assert.Equal(Members.Select(Text), read.Members.Select(Text));
        // Repeated texts are one string, not one per member.
        Assert.Same(read.Members[0].U, read.Members[2].U);
    }

    [Fact]
    public void A_chunk_written_as_an_array_of_member_documents_is_still_read()
    {
        using var db = Open();
        var legacy = db.Mapper.ToDocument(Chunk("c:x:1#000002", []));
        legacy["Members"] = new BsonArray(Members.Select(m =>
        {
            var doc = new BsonDocument { ["S"] = m.S, ["L"] = m.L };
            if (m.U is not null)
            {
                doc["U"] = m.U;
            }

            if (m.R is { } role)
            {
                doc["R"] = role.ToString();
            }

            if (m.Skip is not null)
            {
                doc["Skip"] = m.Skip;
            }

            return (BsonValue)doc;
        }));
        db.Lite.GetCollection(LiteDbDeliveryLedger.ChunksCollection).Insert(legacy);

        var read = new LiteDbDeliveryLedger(db).FindChunk("c:x:1#000002")!;

        Assert.Equal(Members.Select(Text), read.Members.Select(Text));
        Assert.Equal("c:x:1:7001", read.RowId(read.Members[0]));
    }

    [Fact]
    public void Members_in_a_format_this_program_does_not_know_are_refused_with_their_version()
    {
        using var db = Open();
        var unknown = db.Mapper.ToDocument(Chunk("c:x:1#000003", []));
        unknown["Members"] = new BsonValue(new byte[] { 9, 0 });
        db.Lite.GetCollection(LiteDbDeliveryLedger.ChunksCollection).Insert(unknown);

        var error = Assert.Throws<InvalidDataException>(() => new LiteDbDeliveryLedger(db).FindChunk("c:x:1#000003"));
        Assert.Contains("format 9", error.Message, StringComparison.Ordinal);
    }

    private static DeliveryChunk Chunk(string id, List<ChunkMember> members) => new()
    {
        Id = id,
        CampaignId = "x",
        Template = new DeliveryRow { OccurrenceId = "c:x:1", CampaignId = "x", Kind = DeliveryKind.Announcement, Html = "Thông báo." },
        Members = members,
    };

    private static string Text(ChunkMember m) => $"{m.S}|{m.L}|{m.U}|{m.R}|{m.Skip}";
}
