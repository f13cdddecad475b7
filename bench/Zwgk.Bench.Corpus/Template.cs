using System.Text;

namespace Zwgk.Bench.Corpus;

/// <summary>Per-document values for phrase templates.</summary>
internal readonly record struct Slots(string Subject, string Unit, string Year, string Year2, string Guidance, string Word);

/// <summary>
/// A phrase template parsed once into literal and placeholder parts, so filling it appends straight to a builder.
/// Placeholders: {D} district, {S} subject, {U} unit, {Y} year, {Y2} year + 2, {G} guidance line, {W} document word, {N} a number.
/// </summary>
internal sealed class Template
{
    private enum Slot { Literal, District, Subject, Unit, Year, Year2, Guidance, Word, Number }

    private readonly Slot[] slots;
    private readonly string[] texts;

    private Template(Slot[] slots, string[] texts)
    {
        this.slots = slots;
        this.texts = texts;
    }

    public static Template Parse(string text)
    {
        var slots = new List<Slot>();
        var texts = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var open = text.IndexOf('{', start);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (close < 0)
            {
                slots.Add(Slot.Literal);
                texts.Add(text[start..]);
                break;
            }
            if (open > start)
            {
                slots.Add(Slot.Literal);
                texts.Add(text[start..open]);
            }
            slots.Add(text[(open + 1)..close] switch
            {
                "D" => Slot.District,
                "S" => Slot.Subject,
                "U" => Slot.Unit,
                "Y" => Slot.Year,
                "Y2" => Slot.Year2,
                "G" => Slot.Guidance,
                "W" => Slot.Word,
                "N" => Slot.Number,
                var other => throw new FormatException($"unknown placeholder {{{other}}} in \"{text}\""),
            });
            texts.Add("");
            start = close + 1;
        }
        return new Template([.. slots], [.. texts]);
    }

    public static Template[] ParseAll(string[] texts)
    {
        var result = new Template[texts.Length];
        for (var i = 0; i < texts.Length; i++) result[i] = Parse(texts[i]);
        return result;
    }

    public void AppendTo(StringBuilder b, in Slots s, Random rnd)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            switch (slots[i])
            {
                case Slot.Literal: b.Append(texts[i]); break;
                case Slot.District: b.Append(GeneratorTexts.District); break;
                case Slot.Subject: b.Append(s.Subject); break;
                case Slot.Unit: b.Append(s.Unit); break;
                case Slot.Year: b.Append(s.Year); break;
                case Slot.Year2: b.Append(s.Year2); break;
                case Slot.Guidance: b.Append(s.Guidance); break;
                case Slot.Word: b.Append(s.Word); break;
                case Slot.Number: b.Append(rnd.Next(3, 61)); break;
            }
        }
    }
}
