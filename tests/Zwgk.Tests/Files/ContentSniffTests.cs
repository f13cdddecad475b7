using System.Text;
using Zwgk.Infrastructure.Files;

namespace Zwgk.Tests.Files;

/// <summary>File-family sniffing: MP3 needs a real MPEG frame sync or an ID3 tag, so UTF-16-LE text is not taken for sound.</summary>
public sealed class ContentSniffTests
{
    [Fact]
    public void Utf16_little_endian_text_is_not_taken_for_mp3()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("政策解读文字实录")).ToArray();
        Assert.Equal(0xFF, bytes[0]);
        Assert.Equal(0xFE, bytes[1]);
        Assert.NotEqual("mp3", FileTypes.Sniff(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 })]
    [InlineData(new byte[] { 0xFF, 0xF3, 0x90, 0x64 })]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04, 0x00 })]
    public void Mpeg_frame_sync_or_id3_is_mp3(byte[] head) => Assert.Equal("mp3", FileTypes.Sniff(head));
}
