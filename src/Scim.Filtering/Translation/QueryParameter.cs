using System.Linq.Expressions;

namespace Scim.Filtering.Translation;

/// <summary>
/// Wraps comparison values so EF Core sends them as SQL parameters: EF Core inlines a bare
/// <see cref="Expression.Constant(object)"/> into the SQL text, but evaluates a member read on a constant object,
/// like a captured closure variable, into a parameter. Parameters keep query plans reusable and rule out injection.
/// </summary>
internal static class QueryParameter
{
    /// <summary>An expression reading <paramref name="value"/> that EF Core turns into a parameter of type <paramref name="type"/>.</summary>
    public static Expression Create<TValue>(TValue value, Type type)
    {
        Expression read = Expression.Property(Expression.Constant(new Holder<TValue>(value)), nameof(Holder<TValue>.Value));
        return read.Type == type ? read : Expression.Convert(read, type);
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
