using System.Text;

namespace Zwgk.Bench.Seed;

/// <summary>Values substituted into phrase templates: {D} district, {S} subject, {U} unit, {Y} year, {Y2} year + 2.</summary>
internal readonly record struct Slots(string District, string Subject, string Unit, string Year, string Year2);

/// <summary>A phrase template split once into literal and placeholder parts, so filling it appends straight to a builder.</summary>
internal sealed class Template
{
    private enum Slot { Literal, District, Subject, Unit, Year, Year2 }

    private readonly (Slot Slot, string Text)[] parts;

    private Template((Slot, string)[] parts) => this.parts = parts;

    public static Template Parse(string text)
    {
        var parts = new List<(Slot, string)>();
        var start = 0;
        while (start < text.Length)
        {
            var open = text.IndexOf('{', start);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (close < 0)
            {
                parts.Add((Slot.Literal, text[start..]));
                break;
            }
            if (open > start) parts.Add((Slot.Literal, text[start..open]));
            parts.Add((text[(open + 1)..close] switch
            {
                "D" => Slot.District,
                "S" => Slot.Subject,
                "U" => Slot.Unit,
                "Y" => Slot.Year,
                "Y2" => Slot.Year2,
                var other => throw new FormatException($"unknown placeholder {{{other}}} in \"{text}\""),
            }, ""));
            start = close + 1;
        }
        return new Template([.. parts]);
    }

    public static Template[] ParseAll(IEnumerable<string> texts) => texts.Select(Parse).ToArray();

    public StringBuilder AppendTo(StringBuilder b, in Slots s)
    {
        foreach (var (slot, text) in parts)
            b.Append(slot switch
            {
                Slot.District => s.District,
                Slot.Subject => s.Subject,
                Slot.Unit => s.Unit,
                Slot.Year => s.Year,
                Slot.Year2 => s.Year2,
                _ => text,
            });
        return b;
    }

    public string Fill(in Slots s) => AppendTo(new StringBuilder(64), s).ToString();
}
