using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Scim.Application.Common.Behaviors;

/// <summary>Logs each slice's name and duration (milliseconds) at Debug, so an operator can see what Entra did and how long it took.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>Runs the next handler and, when Debug logging is on, logs the slice name and its elapsed time in milliseconds.</summary>
    /// <param name="message">The command or query.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The handler's response, unchanged; exceptions pass through unlogged.</returns>
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var slice = MessageName(message);
            Handled(logger, slice, elapsed);
        }

        return response;
    }

    // "CreateUser" rather than "Command": the slice is the declaring static class.
    private static string MessageName(TMessage message) => message.GetType().DeclaringType?.Name ?? message.GetType().Name;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Slice} handled in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Handled(ILogger logger, string slice, double elapsedMilliseconds);
}
