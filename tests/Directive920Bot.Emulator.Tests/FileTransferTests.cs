using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Emulator.Tests;

public sealed class FileTransferTests : EmulatorTestBase
{
    [Fact]
    public async Task Sent_photo_bytes_name_and_caption_round_trip()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];
        using var stream = new MemoryStream(bytes);

        var sent = await Bot.SendPhoto(Alice, InputFile.FromStream(stream, "chart.png"), caption: "<b>Biểu đồ</b>", parseMode: Telegram.Bot.Types.Enums.ParseMode.Html);

        var message = Assert.Single(Emulator.Transcript(Alice));
        Assert.Equal(bytes, message.Photo!.Content);
        Assert.Equal("chart.png", message.Photo.FileName);
        Assert.Equal("image/png", message.Photo.MimeType);
        Assert.Equal("Biểu đồ", message.Text);
        Assert.Equal("Biểu đồ", sent.Caption);
        Assert.Equal(message.Photo.FileId, sent.Photo![^1].FileId);
    }

    [Fact]
    public async Task Sent_document_keeps_bytes_name_and_mime_type_and_can_be_downloaded()
    {
        var bytes = "Ngày,Số\n1,2\n"u8.ToArray();
        using var stream = new MemoryStream(bytes);

        var sent = await Bot.SendDocument(Alice, InputFile.FromStream(stream, "báo cáo.csv"));

        var document = Emulator.Transcript(Alice)[0].Document!;
        Assert.Equal(bytes, document.Content);
        Assert.Equal("báo cáo.csv", document.FileName);
        Assert.Equal("text/csv", document.MimeType);
        Assert.Equal("báo cáo.csv", sent.Document!.FileName);
        Assert.Equal(bytes, await Http.GetByteArrayAsync(new Uri(Emulator.BaseUrl, "_emulator/files/" + document.FileId)));
    }

    [Fact]
    public async Task Bot_downloads_a_document_the_user_sent()
    {
        var bytes = new byte[] { 1, 2, 3, 250 };
        Emulator.SendDocument(Alice, "đơn.pdf", bytes, "application/pdf");

        var document = Assert.Single(await DrainUpdatesAsync()).Message!.Document!;
        Assert.Equal("đơn.pdf", document.FileName);
        Assert.Equal("application/pdf", document.MimeType);
        var file = await Bot.GetFile(document.FileId);
        using var target = new MemoryStream();
        await Bot.DownloadFile(file.FilePath!, target);
        Assert.Equal(bytes, target.ToArray());
    }
}
