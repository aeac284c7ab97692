using System.Buffers;
using System.Text.Json.Nodes;
using Mediator;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Limits;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Filtering;
using Scim.Protocol;
using Scim.Protocol.Patching;

namespace Scim.Application.Features.Bulk;

/// <summary>
/// POST /Bulk (RFC 7644 §3.7): runs a BulkRequest's operations (POST, PUT, PATCH, DELETE of users and groups) and answers
/// 200 with a BulkResponse holding, for each operation that ran, its <c>status</c> and <c>location</c>, and its
/// <c>response</c>: the SCIM error of a failed operation, the resource of a success that the single request answers
/// with a body, nothing for one it answers with 204.
/// </summary>
/// <remarks>
/// Each operation is sent as the same message as its single request (<see cref="CreateUser"/>, <see cref="PatchGroup"/>,
/// ...), so it is checked, written and answered exactly as that request is, in a transaction of its own: a failed
/// operation changes nothing and the others still apply (RFC 7644 §3.7 does not make a bulk request atomic). Operations
/// run one after another, each taking the organization's writer only for its own write, so other requests interleave.
/// <c>bulkId:</c> references are resolved by <see cref="BulkIdResolver"/> in the order of <see cref="BulkPlan"/>;
/// after <c>failOnErrors</c> failures the rest are not run and are left out of the response (RFC 7644 §3.7.3).
/// </remarks>
public static class ProcessBulk
{
    /// <param name="Body">The BulkRequest as sent.</param>
    /// <param name="BaseUrl">
    /// The SCIM base URL without a trailing slash, e.g. <c>https://scim.example.com/scim/v2</c>: each <c>location</c> and
    /// the <c>meta.location</c> of each resource in the response start with it.
    /// </param>
    public sealed record Command(JsonObject Body, string BaseUrl) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(IMediator mediator, BulkLimits limits, JournalRecorder journal, ExpensiveWork expensive) : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = BulkRequest.Read(command.Body, limits);
            if (!request.IsSuccess)
            {
                return request.Error;
            }

            // Every bulk request is expensive work, held for all its operations: 503 before any of them runs.
            if (await expensive.EnterAsync(cancellationToken) is { } refused)
            {
                return refused;
            }

            var operations = request.Value!.Operations;
            var references = new BulkIdResolver(operations);
            var plan = BulkPlan.Of(operations, references);
            var results = new BulkOperationResult?[operations.Count];
            var failures = 0;
            foreach (var index in plan.Order)
            {
                var operation = operations[index];
                var (result, createdId) = plan.CycleOf(index) is { } cycle
                    ? (Failed(operation, Circular(operations, cycle), location: null), null)
                    : await RunAsync(operation, references, command.BaseUrl, cancellationToken);
                references.Record(operation, createdId, result.Error);
                results[index] = result;
                if (result.Error is null)
                {
                    continue;
                }

                // A failed operation committed nothing, as a failed single request: the journal has it as one.
                journal.Failed(SliceOf(operation), TargetIdOf(operation, references), result.Error);
                if (++failures == request.Value.FailOnErrors)
                {
                    break;
                }
            }

            return new BulkResponseBody([.. results.OfType<BulkOperationResult>()]);
        }

        private async Task<(BulkOperationResult Result, string? CreatedId)> RunAsync(
            BulkOperation operation, BulkIdResolver references, string baseUrl, CancellationToken cancellationToken)
        {
            if (operation.Invalid is { } invalid)
            {
                return (Failed(operation, invalid, location: null), null);
            }

            var target = operation.Target!;
            string? id = null;
            if (target.Id is not null)
            {
                var resolved = references.Id(target.Id);
                if (!resolved.IsSuccess)
                {
                    return (Failed(operation, resolved.Error, location: null), null);
                }

                id = resolved.Value!;
            }

            var location = id is null ? null : $"{baseUrl}{target.Endpoint}/{id}";
            JsonObject? data = null;
            if (operation.Data is not null)
            {
                var resolved = references.Data(operation.Data);
                if (!resolved.IsSuccess)
                {
                    return (Failed(operation, resolved.Error, location), null);
                }

                data = resolved.Value!;
            }

            if (operation.Method == BulkMethod.Patch)
            {
                var patch = ScimJson.Deserialize<PatchRequest>(data!, "PatchOp");
                if (!patch.IsSuccess)
                {
                    return (Failed(operation, patch.Error, location), null);
                }

                return target.IsUser
                    ? await AnsweredAsync(operation, await mediator.Send(new PatchUser.Command(id!, patch.Value!, IfMatch: operation.Version), cancellationToken), 200, location, baseUrl, cancellationToken)
                    : (Done(operation, await mediator.Send(new PatchGroup.Command(id!, patch.Value!, IfMatch: operation.Version), cancellationToken), location), null);
            }

            return (operation.Method, target.IsUser) switch
            {
                (BulkMethod.Post, true) => await AnsweredAsync(operation, await mediator.Send(new CreateUser.Command(data!), cancellationToken), 201, location, baseUrl, cancellationToken),
                (BulkMethod.Post, false) => await AnsweredAsync(operation, await mediator.Send(new CreateGroup.Command(data!), cancellationToken), 201, location, baseUrl, cancellationToken),
                (BulkMethod.Put, true) => await AnsweredAsync(operation, await mediator.Send(new ReplaceUser.Command(id!, data!, IfMatch: operation.Version), cancellationToken), 200, location, baseUrl, cancellationToken),
                (BulkMethod.Put, false) => await AnsweredAsync(operation, await mediator.Send(new ReplaceGroup.Command(id!, data!, IfMatch: operation.Version), cancellationToken), 200, location, baseUrl, cancellationToken),
                (BulkMethod.Delete, true) => (Done(operation, await mediator.Send(new DeleteUser.Command(id!, operation.Version), cancellationToken), location), null),
                _ => (Done(operation, await mediator.Send(new DeleteGroup.Command(id!, operation.Version), cancellationToken), location), null),
            };
        }
    }

    // The slice an operation is sent as; null for one that is not a valid operation.
    private static string? SliceOf(BulkOperation operation) => (operation.Method, operation.Target?.IsUser) switch
    {
        (BulkMethod.Post, true) => nameof(CreateUser),
        (BulkMethod.Post, false) => nameof(CreateGroup),
        (BulkMethod.Put, true) => nameof(ReplaceUser),
        (BulkMethod.Put, false) => nameof(ReplaceGroup),
        (BulkMethod.Patch, true) => nameof(PatchUser),
        (BulkMethod.Patch, false) => nameof(PatchGroup),
        (BulkMethod.Delete, true) => nameof(DeleteUser),
        (BulkMethod.Delete, false) => nameof(DeleteGroup),
        _ => null,
    };

    // The id of the resource an operation names, when it names one that is (or resolves to) a valid id.
    private static Guid? TargetIdOf(BulkOperation operation, BulkIdResolver references) =>
        operation.Target?.Id is { } id && references.Id(id).Value is { } resolved && ScimId.TryParse(resolved, out var guid) ? guid : null;

    // A success with a body: the resource rendered now, as the single request would answer it at this point of the
    // request (a group's members are read while it is written, and later operations may change them).
    private static async Task<(BulkOperationResult, string?)> AnsweredAsync(
        BulkOperation operation, Result<ScimBody> answer, int status, string? location, string baseUrl, CancellationToken cancellationToken)
    {
        if (!answer.IsSuccess)
        {
            return (Failed(operation, answer.Error, location), null);
        }

        var body = answer.Value!;
        var resource = new ArrayBufferWriter<byte>();
        await using (var json = ScimJson.CreateWriter(resource))
        {
            await body.WriteAsync(new ScimJsonOutput(json, baseUrl), cancellationToken);
        }

        var path = body.ResourcePath!;
        var result = new BulkOperationResult(
            operation.MethodName, operation.BulkId, baseUrl + path, body.Version is { } version ? ETag.Of(version) : null, status, resource.WrittenMemory, null);
        return (result, path[(path.LastIndexOf('/') + 1)..]);
    }

    // A success without a body (204), or the failure.
    private static BulkOperationResult Done(BulkOperation operation, Result<bool> answer, string? location) =>
        answer.IsSuccess
            ? new BulkOperationResult(operation.MethodName, operation.BulkId, location, null, 204, null, null)
            : Failed(operation, answer.Error, location);

    // A group PATCH's success: 204 with the group's new version, as the single request's ETag header gives it.
    private static BulkOperationResult Done(BulkOperation operation, Result<PatchGroup.Answer> answer, string? location) =>
        answer.IsSuccess
            ? new BulkOperationResult(operation.MethodName, operation.BulkId, location, ETag.Of(answer.Value!.Version), 204, null, null)
            : Failed(operation, answer.Error, location);

    private static BulkOperationResult Failed(BulkOperation operation, ScimError error, string? location) =>
        new(operation.MethodName, operation.BulkId, location, null, error.Status, null, error);

    // RFC 7644 §3.7.1: the service provider MUST try to resolve circular references but MAY stop after a failed
    // attempt and answer 409 Conflict. The attempt is the ordering (BulkPlan): operations that refer to each other have
    // none in which every reference exists when it is used. Breaking the cycle would write one of them in two steps
    // (created without the reference, then patched), leaving it half applied if the second step failed; every
    // operation of the cycle fails instead, and none is applied.
    private static ScimError Circular(IReadOnlyList<BulkOperation> operations, IReadOnlyList<int> cycle)
    {
        var bulkIds = string.Join(", ", cycle.Select(i => $"'{operations[i].BulkId}'"));
        var who = cycle.Count == 1 ? $"The POST with bulkId {bulkIds} refers to its own bulkId" : $"The POSTs with bulkIds {bulkIds} refer to each other";
        return new ScimError(409, null,
            $"{who} in a cycle, so none can be created before the others (RFC 7644 §3.7.1); none of them was applied. "
            + "Create them without these references, then add the references with PATCH operations placed after them.");
    }
}
