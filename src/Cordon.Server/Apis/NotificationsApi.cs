using System.Text.Json;
using Cordon.Model;
using Cordon.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cordon.Server.Apis;

/// <summary><c>GET /v1/notifications</c>: what an agency is told when other members' queries touch its records.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/notifications", List).WithTags("Notifications").WithName("ListNotifications")
            .WithSummary("The agency's notifications after 'after' (a seq), oldest first: who searched, when, why, the query and the matched record.")
            .ProducesProblem(400)
            .RequireAuthorization(Policies.Analyst);
        return app;
    }

    internal static Ok<NotificationPage> List(HttpContext context, ServerState state, long? after, int? limit)
    {
        var (from, take) = Paging(after, limit);
        var asker = context.Asker();
        var items = state.Store.GetNotifications(asker.Agency, from, take)
            .Select(s => new NotificationDto(s.Seq, s.Notification.Reference, s.Notification.At, s.Notification.Kind, s.Notification.FromAgency,
                s.Notification.FromKey, s.Notification.Purpose, JsonDocument.Parse(s.Notification.Query).RootElement.Clone(),
                s.Notification.EntityId, s.Notification.Score))
            .ToList();
        return TypedResults.Ok(new NotificationPage(items, items.Count > 0 ? items[^1].Seq : from));
    }

    /// <summary>Checks paging parameters: <c>after</c> ≥ 0, <c>limit</c> 1–1000 (default 100).</summary>
    internal static (long After, int Limit) Paging(long? after, int? limit)
    {
        if (after is < 0)
        {
            throw new ModelException("after", "must be 0 or more");
        }

        if (limit is < 1 or > 1000)
        {
            throw new ModelException("limit", "must be between 1 and 1000");
        }

        return (after ?? 0, limit ?? 100);
    }
}
