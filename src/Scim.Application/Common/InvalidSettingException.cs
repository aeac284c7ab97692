namespace Scim.Application.Common;

/// <summary>
/// A setting the server cannot use. Its message is one line that names the setting (e.g. <c>Scim:Bulk:MaxOperations</c>),
/// its value, what is wrong and what to set instead: the server prints it instead of a stack trace and exits with code 1.
/// </summary>
/// <param name="message">The line, starting with the setting's name.</param>
public sealed class InvalidSettingException(string message) : InvalidOperationException(message);
