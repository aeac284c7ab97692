namespace Scim.Api.Manage;

/// <summary>A read-only value with a Copy button (the partial <c>_CopyField</c>): a key just created, a Tenant URL.</summary>
/// <param name="Id">The field's element id, unique on the page.</param>
/// <param name="Label">Its label.</param>
/// <param name="Value">The value.</param>
/// <param name="LabelHidden">True where the label is already shown beside the field (a definition list's term): read by screen readers only.</param>
public sealed record CopyField(string Id, string Label, string Value, bool LabelHidden = false);
