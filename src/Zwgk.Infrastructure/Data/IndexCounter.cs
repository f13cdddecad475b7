namespace Zwgk.Infrastructure.Data;

/// <summary>Atomic 索引号 serial counter per unit code and year.</summary>
public class IndexCounter
{
    public string UnitCode { get; set; } = "";
    public int Year { get; set; }
    public long Value { get; set; }
}
