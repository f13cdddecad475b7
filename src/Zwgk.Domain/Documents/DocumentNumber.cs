using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Zwgk.Domain.Documents;

/// <summary>Which shape a 发文字号 has.</summary>
public enum DocumentNumberKind
{
    /// <summary>Not recognised (empty or invalid input).</summary>
    Unknown = 0,

    /// <summary>The ordinary form <c>代字〔YYYY〕n号</c>.</summary>
    Standard = 1,

    /// <summary>A decree number such as <c>国务院令第711号</c>, where 第 is legitimate.</summary>
    Decree = 2,
}

/// <summary>
/// Outcome of <see cref="DocumentNumber.Normalize"/>. <see cref="Value"/> is the canonical form when
/// <see cref="IsValid"/> is true; <see cref="Changes"/> lists, in Chinese, every normalisation applied.
/// </summary>
public sealed record DocumentNumberResult
{
    public required bool IsValid { get; init; }

    /// <summary>Canonical 文号 (<c>代字〔YYYY〕n号</c>, or the decree number as written); null when invalid.</summary>
    public string? Value { get; init; }

    /// <summary>The input exactly as given.</summary>
    public string? Original { get; init; }

    public DocumentNumberKind Kind { get; init; }

    /// <summary>机关代字, e.g. <c>市中政办字</c> (for a decree: <c>国务院令</c>).</summary>
    public string? Issuer { get; init; }

    /// <summary>The year as written (a two-digit year stays two-digit, see <see cref="NeedsReview"/>); null for decrees.</summary>
    public int? Year { get; init; }

    /// <summary>序号 without leading zeros. For a decree written in Chinese numerals this is null.</summary>
    public int? Serial { get; init; }

    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>Chinese message when <see cref="IsValid"/> is false.</summary>
    public string? Error { get; init; }

    /// <summary>True when the value is accepted but a person should check it (two-digit year).</summary>
    public bool NeedsReview { get; init; }

    /// <summary>Chinese explanation when <see cref="NeedsReview"/> is true.</summary>
    public string? Warning { get; init; }

    /// <summary>True when the input was null, empty or whitespace (a document may legitimately have no 文号).</summary>
    public bool IsEmpty { get; init; }
}

/// <summary>
/// 发文字号 normaliser and validator (spec: shared/specs/document-elements.md, section 发文字号).
/// Pure: no I/O, no clock.
/// </summary>
public static partial class DocumentNumber
{
    public const string FormatError = "发文字号格式应为“机关代字〔年份〕序号号”，如：市中政办字〔2021〕11号";
    public const string EmptyError = "未填写发文字号";
    public const string MultipleError = "一个文件只能标注一个发文字号；联合行文只标注主办机关的发文字号";
    public const string YearError = "发文字号中的年份应为四位数字，如：〔2021〕";
    public const string SerialZeroError = "发文字号中的序号不能为0";

    // Words that commonly precede a 文号 in running text and are never the start of an issuer code
    // (single characters are left alone: 经信委, 见… could be real codes).
    private static readonly string[] LeadingWords =
    [
        "根据", "按照", "依据", "依照", "参照", "遵照", "对照", "执行", "落实", "贯彻", "印发", "转发", "下发",
        "发布", "废止", "修订", "修改", "详见", "参见",
    ];

    /// <summary>Normalises and validates one 发文字号.</summary>
    public static DocumentNumberResult Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new DocumentNumberResult
            {
                IsValid = false,
                Original = input,
                IsEmpty = true,
                Error = EmptyError,
            };
        }

        var changes = new List<string>();
        var s = input.Trim();

        var compact = RemoveWhitespace(s);
        if (compact.Length != s.Length)
        {
            changes.Add("去除空格");
        }

        var ascii = FullWidthDigitsToAscii(compact);
        if (!string.Equals(ascii, compact, StringComparison.Ordinal))
        {
            changes.Add("将全角数字转换为半角数字");
        }

        s = ascii;

        if (CountCandidates(s) > 1)
        {
            return Invalid(input, changes, MultipleError);
        }

        var decree = DecreeRegex().Match(s);
        if (decree.Success)
        {
            int? serial = int.TryParse(decree.Groups["serial"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            return new DocumentNumberResult
            {
                IsValid = true,
                Value = s,
                Original = input,
                Kind = DocumentNumberKind.Decree,
                Issuer = decree.Groups["issuer"].Value,
                Serial = serial,
                Changes = changes,
            };
        }

        var m = StandardRegex().Match(s);
        if (!m.Success)
        {
            return Invalid(input, changes, FormatError);
        }

        var issuer = m.Groups["issuer"].Value;
        if (!IsValidIssuer(issuer))
        {
            return Invalid(input, changes, FormatError);
        }

        var open = m.Groups["open"].Value;
        var close = m.Groups["close"].Value;
        if (open != "〔" || close != "〕")
        {
            changes.Add($"将年份括号{open}{close}统一为〔〕");
        }

        var yearText = m.Groups["year"].Value;
        var needsReview = false;
        string? warning = null;
        if (yearText.Length == 2)
        {
            needsReview = true;
            warning = $"年份“{yearText}”只有两位，已按原样保留，请人工核对（规范写法为四位年份，如〔2021〕）";
        }
        else if (yearText.Length != 4 || yearText[0] == '0')
        {
            return Invalid(input, changes, YearError);
        }

        var prefix = m.Groups["prefix"].Value;
        if (prefix.Length > 0)
        {
            changes.Add(prefix switch
            {
                "第" => "去除序号前的“第”",
                "字" => "去除年份括号后的“字”",
                _ => "去除年份括号后的“字第”",
            });
        }

        var serialText = m.Groups["serial"].Value;
        var trimmedSerial = serialText.TrimStart('0');
        if (trimmedSerial.Length == 0)
        {
            return Invalid(input, changes, SerialZeroError);
        }

        if (trimmedSerial.Length != serialText.Length)
        {
            changes.Add("去除序号前导零");
        }

        if (!int.TryParse(trimmedSerial, NumberStyles.None, CultureInfo.InvariantCulture, out var serialNumber))
        {
            return Invalid(input, changes, FormatError);
        }

        var year = int.Parse(yearText, NumberStyles.None, CultureInfo.InvariantCulture);
        return new DocumentNumberResult
        {
            IsValid = true,
            Value = $"{issuer}〔{yearText}〕{trimmedSerial}号",
            Original = input,
            Kind = DocumentNumberKind.Standard,
            Issuer = issuer,
            Year = year,
            Serial = serialNumber,
            Changes = changes,
            NeedsReview = needsReview,
            Warning = warning,
        };
    }

    /// <summary>
    /// Finds 文号 candidates (ordinary and decree numbers) in running text, in order of appearance.
    /// Each result is the substring as it appears in <paramref name="text"/> (it may contain spaces, line breaks
    /// or odd brackets); pass it to <see cref="Normalize"/> for the canonical form.
    /// </summary>
    public static IEnumerable<string> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindMatches(text).Select(x => x.Text).ToList();
    }

    internal static List<(int Index, string Text)> FindMatches(string text)
    {
        var found = new List<(int Index, string Text)>();
        foreach (Match m in DecreeFindRegex().Matches(text))
        {
            var issuerGroup = m.Groups["issuer"];
            var start = TrimIssuerStart(text, issuerGroup.Index, issuerGroup.Length, minimumKept: 2);
            found.Add((start, text[start..(m.Index + m.Length)]));
        }

        foreach (Match m in StandardFindRegex().Matches(text))
        {
            var issuerGroup = m.Groups["issuer"];
            if (issuerGroup.Value.EndsWith('令'))
            {
                continue;
            }

            var start = TrimIssuerStart(text, issuerGroup.Index, issuerGroup.Length, minimumKept: 1);
            found.Add((start, text[start..(m.Index + m.Length)]));
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static int CountCandidates(string compact) => FindMatches(compact).Count;

    private static int TrimIssuerStart(string text, int start, int length, int minimumKept)
    {
        var end = start + length;
        var issuer = text[start..end];

        // "的"/"了" never occur inside an issuer code: keep what follows the last one.
        var cut = Math.Max(issuer.LastIndexOf('的'), issuer.LastIndexOf('了'));
        if (cut >= 0 && issuer.Length - cut - 1 >= minimumKept)
        {
            start += cut + 1;
            issuer = issuer[(cut + 1)..];
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var word in LeadingWords)
            {
                if (issuer.StartsWith(word, StringComparison.Ordinal) && issuer.Length - word.Length >= minimumKept)
                {
                    start += word.Length;
                    issuer = issuer[word.Length..];
                    changed = true;
                    break;
                }
            }
        }

        return start;
    }

    private static bool IsValidIssuer(string issuer)
    {
        if (issuer.Length == 0)
        {
            return false;
        }

        foreach (var c in issuer)
        {
            var ok = IsCjkIdeograph(c) || char.IsSurrogate(c) || (c is >= 'A' and <= 'Z') || (c is >= 'a' and <= 'z');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static DocumentNumberResult Invalid(string input, List<string> changes, string error) => new()
    {
        IsValid = false,
        Original = input,
        Changes = changes,
        Error = error,
    };

    internal static bool IsCjkIdeograph(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '〇';

    internal static string RemoveWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\u200B' or '\uFEFF'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    internal static string FullWidthDigitsToAscii(string s)
    {
        if (!s.Any(c => c is >= '０' and <= '９'))
        {
            return s;
        }

        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '０' and <= '９')
            {
                chars[i] = (char)('0' + (chars[i] - '０'));
            }
        }

        return new string(chars);
    }

    // Ordinary form on a compacted string (no whitespace, ASCII digits).
    [GeneratedRegex(@"^(?<issuer>[^\[\]［］【】()（）﹝﹞〖〗〔〕\d]+?)(?<open>[\[［【(（﹝〖〔])(?<year>\d+)(?<close>[\]］】)）﹞〗〕])(?<prefix>字第|字|第)?(?<serial>\d+)号$")]
    private static partial Regex StandardRegex();

    // Decree form: 国务院令第711号, 中华人民共和国主席令第三十一号, 主席令（第31号）.
    [GeneratedRegex(@"^(?<issuer>[\u3400-\u9FFF]+令)[（(]?第(?<serial>\d+|[〇零一二三四五六七八九十百千]+)号[）)]?$")]
    private static partial Regex DecreeRegex();

    // A placeholder or Latin prefix (X政办发) may lead the issuer code.
    [GeneratedRegex(@"(?<issuer>[A-Za-z]{0,3}[\u3400-\u9FFF]{1,16})[ \t\u3000\u00A0]*[\[［【(（﹝〖〔]\s{0,4}(?<year>[0-9０-９]{4}|[0-9０-９]{2})\s{0,4}[\]］】)）﹞〗〕]\s{0,4}(?:字\s{0,4})?(?:第\s{0,4})?[0-9０-９]{1,6}\s{0,4}号")]
    private static partial Regex StandardFindRegex();

    [GeneratedRegex(@"(?<issuer>[\u3400-\u9FFF]{1,16}令)\s{0,4}第\s{0,4}(?:[0-9０-９]{1,6}|[〇零一二三四五六七八九十百千]{1,8})\s{0,4}号")]
    private static partial Regex DecreeFindRegex();
}
