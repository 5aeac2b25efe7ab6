using Cordon.Model;

namespace Cordon.Sharing;

/// <summary>
/// Ids of records that agencies contribute are scoped by dataset (<c>bka_persons:P-17</c>): dataset names hold no ':',
/// so one agency's ids can never collide with another's, and contributing a record tells nothing of other datasets.
/// </summary>
public static class AgencyRecords
{
    public static string ScopeId(string dataset, string id)
    {
        var scoped = id.StartsWith(dataset + ":", StringComparison.Ordinal) ? id : dataset + ":" + id;
        return EntityIds.IsValid(scoped)
            ? scoped
            : throw new ModelException("id", $"invalid id '{id}': letters, digits, '.', '-', '_' and ':', at most {EntityIds.MaxLength - dataset.Length - 1} characters");
    }

    /// <summary>The entity under its scoped id; the source's own id stays its source reference.</summary>
    public static Entity Scope(string dataset, Entity entity) =>
        entity.Id.StartsWith(dataset + ":", StringComparison.Ordinal) ? entity : entity.WithId(ScopeId(dataset, entity.Id));
}
