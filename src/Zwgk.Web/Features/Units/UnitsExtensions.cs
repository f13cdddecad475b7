namespace Zwgk.Web.Features.Units;

public static class UnitsExtensions
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services;
}
