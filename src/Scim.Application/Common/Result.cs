using System.Diagnostics.CodeAnalysis;

namespace Scim.Application.Common;

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

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(ScimError error) => new(default, error);
}
