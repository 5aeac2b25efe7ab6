using Cordon.Model;
using Cordon.Screening;

namespace Cordon.Sharing;

/// <summary>Who is asking: the agency a key speaks for, the key, its role and its standing purpose (if any).</summary>
public sealed record Asker(string Agency, string Key, Role Role, string? Purpose = null);

/// <summary>A hit-no-hit match as the asker sees it: a reference to quote, whom to contact, and how good a match.</summary>
public sealed record Referral(string Reference, string Owner, string Band);

/// <summary>
/// One query's answer for one asker: the hits it may see in full, the referrals, and the owners' notifications.
/// <see cref="ReferredHits"/> are the records behind the referrals, in the same order, and <see cref="Suppressed"/> the
/// hits left out by the asker's own earlier dismissals: both are for the server's bookkeeping, never for the asker's eyes.
/// </summary>
public sealed record SharedScreening(
    ScreeningResponse Response,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<ScreeningHit> ReferredHits,
    IReadOnlyList<ScreeningHit> Suppressed);

/// <summary>
/// The screening index and the handling rules of one store state, as every member sees it through the one disclosure
/// rule (<see cref="HandlingRule.Decide"/>). The index is one structure for all agencies; what an asker may not see is
/// taken out of the answer, and more is asked of the index until the asker's limit is filled or the index has no more,
/// so a hidden record neither takes a visible one's place nor shows in any count.
/// </summary>
public sealed class SharedView(Screener screener, HandlingMap handling, long generation)
{
    public Screener Screener => screener;

    public HandlingMap Handling => handling;

    /// <summary>Which store state this view was built from; a newer view replaces it whole.</summary>
    public long Generation => generation;

    /// <summary>
    /// Screens for an asker. Hits it may see come back whole; hit-no-hit hits come back as referrals and each raises a
    /// notification for the owner (written with the audit entry by the caller). <paramref name="queryJson"/> is the
    /// query as the owner will be shown it. A hit that <paramref name="suppress"/> says the asker dismissed is left out
    /// (it takes no place, is not disclosed and notifies no one) and reported in <see cref="SharedScreening.Suppressed"/>.
    /// <paramref name="scope"/>, when given, keeps only the records it accepts (a dataset the asker chose), as if the others did not exist.
    /// </summary>
    public SharedScreening Screen(
        Asker asker, ScreeningQuery query, string purpose, string queryJson, DateTimeOffset now, Func<ScreeningHit, bool>? suppress = null, Func<Entity, bool>? scope = null)
    {
        var limit = Math.Max(1, query.Limit);
        var ask = limit;
        while (true)
        {
            var response = screener.Screen(query with { Limit = ask });
            var visible = new List<ScreeningHit>(Math.Min(limit, response.Results.Count));
            List<Referral>? referrals = null;
            List<Notification>? notifications = null;
            List<ScreeningHit>? referred = null;
            List<ScreeningHit>? suppressed = null;
            foreach (var hit in response.Results)
            {
                if (visible.Count + (referrals?.Count ?? 0) == limit)
                {
                    break;
                }

                var disclosure = scope is null || scope(hit.Entity) ? handling.Decide(asker.Agency, hit.Entity) : Disclosure.Nothing;
                if (disclosure != Disclosure.Nothing && suppress is not null && suppress(hit))
                {
                    (suppressed ??= []).Add(hit);
                    continue;
                }

                switch (disclosure)
                {
                    case Disclosure.Full:
                        visible.Add(hit);
                        break;
                    case Disclosure.Existence:
                        var owner = handling.OwnerOf(hit.Entity)!;
                        var reference = ScoreBands.NewReference();
                        (referrals ??= []).Add(new Referral(reference, owner, ScoreBands.Of(hit.Score)));
                        (referred ??= []).Add(hit);
                        (notifications ??= []).Add(new Notification(reference, owner, now, NotificationKinds.HitNoHit, asker.Agency, asker.Key,
                            purpose, queryJson, hit.Entity.Id, hit.Score));
                        break;
                }
            }

            var filled = visible.Count + (referrals?.Count ?? 0) == limit;
            if (filled || response.Results.Count < ask || ask == int.MaxValue)
            {
                return new SharedScreening(response with { Query = query, Results = visible }, referrals ?? [], notifications ?? [], referred ?? [], suppressed ?? []);
            }

            // Hidden records took places in the answer: ask for more (rare; each round asks four times as many).
            ask = ask > int.MaxValue / 4 ? int.MaxValue : ask * 4;
        }
    }

    /// <summary>An entity as the asker may see it: whole, or null exactly as if it did not exist.</summary>
    public Entity? Read(Asker asker, Entity? entity) =>
        entity is not null && handling.Decide(asker.Agency, entity) == Disclosure.Full ? entity : null;
}
