using Zwgk.Domain.Documents;

namespace Zwgk.Domain.Tests;

public class DocumentNumberTests
{
    [Fact]
    public void Canonical_number_is_valid_and_unchanged()
    {
        var r = DocumentNumber.Normalize("市中政办字〔2021〕11号");

        Assert.True(r.IsValid);
        Assert.Equal("市中政办字〔2021〕11号", r.Value);
        Assert.Empty(r.Changes);
        Assert.Null(r.Error);
        Assert.False(r.NeedsReview);
        Assert.Equal(DocumentNumberKind.Standard, r.Kind);
        Assert.Equal("市中政办字", r.Issuer);
        Assert.Equal(2021, r.Year);
        Assert.Equal(11, r.Serial);
    }

    [Theory]
    [InlineData("国办发[2017]47号", "[]")]
    [InlineData("国办发［2017］47号", "［］")]
    [InlineData("国办发【2017】47号", "【】")]
    [InlineData("国办发(2017)47号", "()")]
    [InlineData("国办发（2017）47号", "（）")]
    [InlineData("国办发﹝2017﹞47号", "﹝﹞")]
    [InlineData("国办发〖2017〗47号", "〖〗")]
    public void Year_brackets_are_unified_to_hexagonal_brackets(string input, string brackets)
    {
        var r = DocumentNumber.Normalize(input);

        Assert.True(r.IsValid);
        Assert.Equal("国办发〔2017〕47号", r.Value);
        Assert.Equal([$"将年份括号{brackets}统一为〔〕"], r.Changes);
    }

    [Fact]
    public void Full_width_digits_become_ascii()
    {
        var r = DocumentNumber.Normalize("国办发〔２０１７〕４７号");

        Assert.True(r.IsValid);
        Assert.Equal("国办发〔2017〕47号", r.Value);
        Assert.Equal(["将全角数字转换为半角数字"], r.Changes);
    }

    [Theory]
    [InlineData("市中政办字〔2021〕11 号")]
    [InlineData(" 市中政办字 〔 2021 〕 11 号 ")]
    [InlineData("市中政办字〔2021〕\u300011号")]
    public void Spaces_inside_are_removed(string input)
    {
        var r = DocumentNumber.Normalize(input);

        Assert.True(r.IsValid);
        Assert.Equal("市中政办字〔2021〕11号", r.Value);
        Assert.Equal(["去除空格"], r.Changes);
    }

    [Fact]
    public void Leading_zeros_of_the_serial_are_removed()
    {
        var r = DocumentNumber.Normalize("市中政办字〔2021〕011号");

        Assert.True(r.IsValid);
        Assert.Equal("市中政办字〔2021〕11号", r.Value);
        Assert.Equal(["去除序号前导零"], r.Changes);
        Assert.Equal(11, r.Serial);
    }

    [Fact]
    public void Di_before_the_serial_is_dropped()
    {
        var r = DocumentNumber.Normalize("市中政办字〔2021〕第11号");

        Assert.True(r.IsValid);
        Assert.Equal("市中政办字〔2021〕11号", r.Value);
        Assert.Equal(["去除序号前的“第”"], r.Changes);
    }

    [Fact]
    public void Zi_di_after_the_bracket_is_dropped()
    {
        var r = DocumentNumber.Normalize("济政〔2021〕字第11号");

        Assert.True(r.IsValid);
        Assert.Equal("济政〔2021〕11号", r.Value);
        Assert.Equal(["去除年份括号后的“字第”"], r.Changes);
        Assert.Equal("济政", r.Issuer);
    }

    [Fact]
    public void Zi_inside_the_issuer_code_is_never_changed()
    {
        var r = DocumentNumber.Normalize("市中政办字[2021]第011号");

        Assert.True(r.IsValid);
        Assert.Equal("市中政办字〔2021〕11号", r.Value);
        Assert.Equal("市中政办字", r.Issuer);
        Assert.DoesNotContain(r.Changes, c => c.Contains("字”", StringComparison.Ordinal));
    }

    [Fact]
    public void All_rules_combine_and_each_change_is_reported()
    {
        var r = DocumentNumber.Normalize("市中政办字［２０２１］第０１１ 号");

        Assert.True(r.IsValid);
        Assert.Equal("市中政办字〔2021〕11号", r.Value);
        Assert.Equal(
            ["去除空格", "将全角数字转换为半角数字", "将年份括号［］统一为〔〕", "去除序号前的“第”", "去除序号前导零"],
            r.Changes);
        Assert.Equal("市中政办字［２０２１］第０１１ 号", r.Original);
    }

    [Theory]
    [InlineData("国务院令第711号", "国务院令", 711)]
    [InlineData("省政府令第336号", "省政府令", 336)]
    [InlineData("财政部令第50号", "财政部令", 50)]
    public void Decree_numbers_are_valid_and_untouched(string input, string issuer, int serial)
    {
        var r = DocumentNumber.Normalize(input);

        Assert.True(r.IsValid);
        Assert.Equal(input, r.Value);
        Assert.Empty(r.Changes);
        Assert.Equal(DocumentNumberKind.Decree, r.Kind);
        Assert.Equal(issuer, r.Issuer);
        Assert.Equal(serial, r.Serial);
        Assert.Null(r.Year);
    }

    [Fact]
    public void Decree_number_keeps_di_when_spaces_are_removed()
    {
        var r = DocumentNumber.Normalize("国务院令第 713 号");

        Assert.True(r.IsValid);
        Assert.Equal("国务院令第713号", r.Value);
        Assert.Equal(["去除空格"], r.Changes);
    }

    [Fact]
    public void Decree_number_in_chinese_numerals_is_valid()
    {
        var r = DocumentNumber.Normalize("中华人民共和国主席令第三十一号");

        Assert.True(r.IsValid);
        Assert.Equal("中华人民共和国主席令第三十一号", r.Value);
        Assert.Equal(DocumentNumberKind.Decree, r.Kind);
    }

    [Fact]
    public void Two_digit_year_is_kept_and_flagged_for_review()
    {
        var r = DocumentNumber.Normalize("国发〔21〕3号");

        Assert.True(r.IsValid);
        Assert.Equal("国发〔21〕3号", r.Value);
        Assert.True(r.NeedsReview);
        Assert.NotNull(r.Warning);
        Assert.Contains("两位", r.Warning, StringComparison.Ordinal);
        Assert.Equal(21, r.Year);
    }

    [Fact]
    public void Two_digit_year_is_not_expanded_even_with_other_fixes()
    {
        var r = DocumentNumber.Normalize("国发[21]第03号");

        Assert.True(r.IsValid);
        Assert.Equal("国发〔21〕3号", r.Value);
        Assert.True(r.NeedsReview);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_number_is_never_invented(string? input)
    {
        var r = DocumentNumber.Normalize(input);

        Assert.False(r.IsValid);
        Assert.True(r.IsEmpty);
        Assert.Null(r.Value);
        Assert.Null(r.Issuer);
        Assert.Equal(DocumentNumber.EmptyError, r.Error);
    }

    [Theory]
    [InlineData("市中政办字2021年11号")]
    [InlineData("〔2021〕11号")]
    [InlineData("市中政办字〔2021〕11")]
    [InlineData("市中政办字〔2021〕十一号")]
    [InlineData("第11号")]
    [InlineData("关于印发工作要点的通知")]
    public void Malformed_numbers_are_rejected_with_the_format_message(string input)
    {
        var r = DocumentNumber.Normalize(input);

        Assert.False(r.IsValid);
        Assert.Null(r.Value);
        Assert.Equal("发文字号格式应为“机关代字〔年份〕序号号”，如：市中政办字〔2021〕11号", r.Error);
    }

    [Theory]
    [InlineData("市中政办字〔202〕11号")]
    [InlineData("市中政办字〔20211〕11号")]
    public void Year_must_have_four_digits(string input)
    {
        var r = DocumentNumber.Normalize(input);

        Assert.False(r.IsValid);
        Assert.Equal(DocumentNumber.YearError, r.Error);
    }

    [Fact]
    public void Serial_zero_is_rejected()
    {
        var r = DocumentNumber.Normalize("市中政办字〔2021〕000号");

        Assert.False(r.IsValid);
        Assert.Equal(DocumentNumber.SerialZeroError, r.Error);
    }

    [Fact]
    public void Joint_documents_carry_only_one_number()
    {
        var r = DocumentNumber.Normalize("市中政办字〔2021〕11号、市中财字〔2021〕5号");

        Assert.False(r.IsValid);
        Assert.Null(r.Value);
        Assert.Equal(DocumentNumber.MultipleError, r.Error);
    }

    [Fact]
    public void FindAll_finds_numbers_and_decrees_in_running_text()
    {
        const string text = "认真落实《重大行政决策程序暂行条例》（国务院令\n\n第 713 号）《山东省重大行政决策程序规定》（省政府令第 336\n\n号）《枣庄市重大行政决策程序规定》（枣政发〔2021〕1 号）《市中区重大行政决策程序规定》（市中政发〔2021〕8 号）等要求。";

        var found = DocumentNumber.FindAll(text).ToList();

        Assert.Equal(4, found.Count);
        Assert.Equal(
            ["国务院令第713号", "省政府令第336号", "枣政发〔2021〕1号", "市中政发〔2021〕8号"],
            found.Select(f => DocumentNumber.Normalize(f).Value));
        Assert.Equal("枣政发〔2021〕1 号", found[2]);
    }

    [Theory]
    [InlineData("根据市中政发〔2021〕8号文件精神", "市中政发〔2021〕8号")]
    [InlineData("按照国办发[2017]47号要求", "国办发〔2017〕47号")]
    [InlineData("区政府印发的市中政办字〔2021〕11号通知", "市中政办字〔2021〕11号")]
    [InlineData("经信发〔2021〕1号", "经信发〔2021〕1号")]
    public void FindAll_does_not_take_leading_words_as_issuer(string text, string expected)
    {
        var found = Assert.Single(DocumentNumber.FindAll(text));

        Assert.Equal(expected, DocumentNumber.Normalize(found).Value);
    }

    [Fact]
    public void FindAll_on_text_without_numbers_is_empty()
    {
        Assert.Empty(DocumentNumber.FindAll("2021年7月28日，区政府召开第3次常务会议（共12项议题）。"));
    }
}
