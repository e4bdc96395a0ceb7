using Directive920Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// The embedded store as the source of <c>migrate-store</c>: the file opened read-only (never through the writer, which
/// would migrate, index and write), with the service's mapper, so every section is read as the features' own records.
/// A file of an older schema is refused (the service migrates it at its next start; a copy reads the current shape
/// only), and so is a collection this program does not know: nothing is left behind unnoticed.
/// </summary>
internal sealed class LiteDbStoreCopySource(IOptions<StorageOptions> storage, BsonMapper mapper) : IStoreCopySource
{
    public IStoreCopyReader Open()
    {
        var path = Path.GetFullPath(storage.Value.DatabasePath);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        var version = LiteDbStoreFiles.PeekVersion(path);
        if (version != Migrations.CurrentVersion)
        {
            throw new InvalidDataException(version < Migrations.CurrentVersion
                ? $"{path}: the store has schema v{version}, older than this program's v{Migrations.CurrentVersion}; start the service on it once (it migrates at start), stop it, then migrate"
                : $"{path}: the store has schema v{version}, newer than this program's v{Migrations.CurrentVersion}; use a newer release");
        }

        var lite = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true }, mapper) { UtcDate = true };
        return new Reader(path, lite);
    }

    private sealed class Reader : IStoreCopyReader
    {
        private readonly LiteDatabase lite;

        public Reader(string path, LiteDatabase lite)
        {
            this.lite = lite;
            Location = path;
            Sections =
            [
                .. Registration.RegistrationCopy.Sections(lite),
                .. Channels.ChannelsCopy.Sections(lite),
                .. Admin.AdminCopy.Sections(lite),
                .. Delivery.DeliveryCopy.Sections(lite),
                .. Engagement.EngagementCopy.Sections(lite),
                .. Reports.ReportsCopy.Sections(lite),
                .. Questions.QuestionsCopy.Sections(lite),
                .. Implementation.ImplementationCopy.Sections(lite),
                .. WebConsole.WebConsoleCopy.Sections(lite),
            ];
            var skipped = new List<SkippedSection>
            {
                new(SubscriberCollections.Counts, "members per unit are counted from an index on PostgreSQL (nothing to copy)"),
                new(RosterCollections.Counts, "roster members per unit are counted from an index on PostgreSQL (nothing to copy)"),
                new(Implementation.LiteDbImplementationReports.StatusCollection, "a second copy of the report statuses; PostgreSQL reads them from impl_reports"),
                new(WebConsole.LiteDbConsoleSignIns.SignInsName, "one-time sign-in links (minutes long): ask the bot for a new /web link after the move"),
                new("_meta", "the schema version is LiteDB's own (PostgreSQL keeps schema_version); the inbox cursors are copied as inbox_cursors"),
                new(StoreSecrets.Collection, "the report-events key is copied as report_event_key"),
            };
            // A collection no section and no reason names: reported, so the copy is not taken for complete.
            var known = Sections.Select(s => s.Name).Concat(skipped.Select(s => s.Name)).Concat(CopyCollections.SourceNames).ToHashSet(StringComparer.Ordinal);
            foreach (var name in lite.GetCollectionNames().Where(n => !known.Contains(n)).Order(StringComparer.Ordinal))
            {
                Unknown.Add(name);
            }

            Skipped = skipped;
        }

        public string Location { get; }

        public IReadOnlyList<StoreSection> Sections { get; }

        public IReadOnlyList<SkippedSection> Skipped { get; }

        public List<string> Unknown { get; } = [];

        IReadOnlyList<string> IStoreCopyReader.Unknown => Unknown;

        public void Dispose() => lite.Dispose();
    }
}
