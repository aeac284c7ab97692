using System.Diagnostics.CodeAnalysis;

namespace Scim.Protocol;

/// <summary>The outcome of an operation: a value, or a <see cref="ScimError"/> for an expected failure.</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly record struct Result<T>
{
    private Result(T? value, ScimError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>The failure when not <see cref="IsSuccess"/>.</summary>
    public ScimError? Error { get; }

    /// <summary>True when the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A successful result carrying <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A failed result carrying <paramref name="error"/>.</summary>
    /// <param name="error">The expected failure.</param>
    public static implicit operator Result<T>(ScimError error) => new(default, error);
}
