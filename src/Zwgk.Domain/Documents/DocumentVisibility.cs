using System.Linq.Expressions;

namespace Zwgk.Domain.Documents;

/// <summary>
/// The one statement of "publicly visible": published and 主动公开. Queries use <see cref="IsPublic"/> in
/// <c>.Where(...)</c> (relations join through <c>db.Documents.Where(IsPublic)</c>); in-memory checks use
/// <see cref="Document.IsPublic"/>, which runs the same expression.
/// </summary>
public static class DocumentVisibility
{
    public static readonly Expression<Func<Document, bool>> IsPublic =
        d => d.Status == DocumentStatus.Published && d.Disclosure == DisclosureAttribute.Proactive;

    internal static readonly Func<Document, bool> IsPublicCompiled = IsPublic.Compile();

    /// <summary>Documents owned by <paramref name="unitId"/> or publicly visible (what other units' staff may see).</summary>
    public static Expression<Func<Document, bool>> OwnedByOrPublic(int unitId)
    {
        Expression<Func<Document, bool>> owned = d => d.OwnerUnitId == unitId;
        var body = new Rebind(IsPublic.Parameters[0], owned.Parameters[0]).Visit(IsPublic.Body);
        return Expression.Lambda<Func<Document, bool>>(Expression.OrElse(owned.Body, body), owned.Parameters);
    }

    /// <summary>Puts both lambdas on one parameter so the OR needs no Invoke (which EF cannot translate).</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
