using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Zwgk.Infrastructure.Files;

public sealed record StoredFile(string Sha256, long Size, string ContentType, string Extension);

public sealed class FileRejectedException(string message) : Exception(message);

/// <summary>
/// Content-addressed file storage under {DataDirectory}/files/ab/abcdef…: identical uploads are stored once,
/// and a stored file can never be silently replaced.
/// </summary>
public sealed class ContentStore(IOptions<ZwgkOptions> options)
{
    private string Root => Path.Combine(options.Value.ResolvedDataDirectory, "files");
    public long MaxBytes => options.Value.MaxAttachmentBytes;

    public async Task<StoredFile> SaveAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (!FileTypes.Allowed.TryGetValue(ext, out var declared))
            throw new FileRejectedException($"不允许上传该类型的文件（{(ext.Length > 0 ? ext : "无扩展名")}），允许：{string.Join("、", FileTypes.Allowed.Keys)}");
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size = 0;
            byte[] head = new byte[16];
            int headLen = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var fs = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes) throw new FileRejectedException($"文件超过大小限制（{options.Value.MaxAttachmentMegabytes}MB）");
                    if (headLen < head.Length)
                    {
                        var n = Math.Min(head.Length - headLen, read);
                        Array.Copy(buffer, 0, head, headLen, n);
                        headLen += n;
                    }
                    sha.AppendData(buffer, 0, read);
                    await fs.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) throw new FileRejectedException("文件为空");
            var sniffed = FileTypes.Sniff(head.AsSpan(0, headLen));
            if (!FileTypes.Matches(declared, sniffed))
                throw new FileRejectedException($"文件内容与扩展名不符（扩展名为{ext}，内容识别为{sniffed ?? "未知类型"}）");
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var target = PathFor(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);
            return new StoredFile(hash, size, declared.ContentType, ext);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) return null;
        var path = PathFor(sha256);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>Storage health: the directory exists and is writable.</summary>
    public bool IsWritable()
    {
        try
        {
            Directory.CreateDirectory(Root);
            var probe = Path.Combine(Root, $".probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private string PathFor(string hash) => Path.Combine(Root, hash[..2], hash);
}

public sealed record FileType(string ContentType, string Family);

public static class FileTypes
{
    public static readonly IReadOnlyDictionary<string, FileType> Allowed = new Dictionary<string, FileType>
    {
        [".pdf"] = new("application/pdf", "pdf"),
        [".ofd"] = new("application/ofd", "zip"),
        [".doc"] = new("application/msword", "ole"),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip"),
        [".wps"] = new("application/vnd.ms-works", "ole"),
        [".xls"] = new("application/vnd.ms-excel", "ole"),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip"),
        [".et"] = new("application/vnd.ms-excel", "ole"),
        [".ppt"] = new("application/vnd.ms-powerpoint", "ole"),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "zip"),
        [".zip"] = new("application/zip", "zip"),
        [".png"] = new("image/png", "png"),
        [".jpg"] = new("image/jpeg", "jpeg"),
        [".jpeg"] = new("image/jpeg", "jpeg"),
        [".gif"] = new("image/gif", "gif"),
        [".txt"] = new("text/plain; charset=utf-8", "text"),
        // 政策解读 media: video and sound with their WebVTT captions.
        [".mp4"] = new("video/mp4", "mp4"),
        [".m4a"] = new("audio/mp4", "mp4"),
        [".mp3"] = new("audio/mpeg", "mp3"),
        [".vtt"] = new("text/vtt; charset=utf-8", "text"),
    };

    /// <summary>Identify a file family from its first bytes; null when unknown.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF"u8)) return "pdf";
        if (head.StartsWith("PK\u0003\u0004"u8)) return "zip";
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return "ole";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 })) return "png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "jpeg";
        if (head.StartsWith("GIF8"u8)) return "gif";
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) return "mp4";
        // MPEG-1/2 Layer III frame sync only: a looser FF Ex/Fx test also matches the UTF-16-LE byte-order mark (FF FE).
        if (head.StartsWith("ID3"u8) || head.Length >= 2 && head[0] == 0xFF && head[1] is 0xFB or 0xFA or 0xF3 or 0xF2) return "mp3";
        if (head.StartsWith("MZ"u8) || head.StartsWith("\u007fELF"u8)) return "executable";
        foreach (var b in head) if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) return null;
        return "text";
    }

    public static bool Matches(FileType declared, string? sniffed) => sniffed == declared.Family;
}
