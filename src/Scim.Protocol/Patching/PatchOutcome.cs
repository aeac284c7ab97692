using System.Text.Json.Nodes;

namespace Scim.Protocol.Patching;

/// <summary>The result of <see cref="PatchEngine.Apply"/>.</summary>
/// <param name="Resource">The patched, normalised resource (a new object; <c>id</c>/<c>meta</c> kept from the input).</param>
/// <param name="MemberOperations">Changes to external attributes (group members), in request order.</param>
/// <param name="IgnoredAttributes">Paths the server does not publish and ignored, for logging.</param>
public sealed record PatchOutcome(JsonObject Resource, IReadOnlyList<MemberOperation> MemberOperations, IReadOnlyList<string> IgnoredAttributes);
